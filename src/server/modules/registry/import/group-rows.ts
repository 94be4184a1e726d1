import type { Executor } from '../../../db/executor';
import * as repository from './import.repository';
import { normalizeDocumentNumber } from '../../../../shared/national-id';
import { parseThaiDate } from '../../../../shared/thai-date';
import { GROUP_COLUMNS, type GroupColumnKey } from './columns';
import type { PeopleRowContext } from './people-rows';
import { cellReader, looksLikeFormula, normalizePhone, parseLooseDate, type RowError } from '../../../platform/files/rows';

/** One row of a group file: a group (repeated on each of its rows) and one of its members. */
export interface GroupRecord {
  line: number;
  name: string;
  type: string;
  registrationNo: string | null;
  occupation: string;
  subdistrictCode: string;
  districtCode: string;
  provinceCode: string;
  foundedOn: string | null;
  contactPhone: string | null;
  memberDocNumber: string;
  memberRole: string;
  joinedOn: string;
}

const label = (key: GroupColumnKey) => GROUP_COLUMNS.find((c) => c.key === key)!;

export function readGroupRow(
  cells: readonly string[],
  line: number,
  mapping: Partial<Record<GroupColumnKey, number>>,
  ctx: PeopleRowContext,
): { record: GroupRecord; warnings: RowError[] } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const { get, fail, warn, required } = cellReader<GroupColumnKey>(cells, line, mapping, errors, label, warnings);
  for (const [key, index] of Object.entries(mapping) as [GroupColumnKey, number][]) {
    if (looksLikeFormula((cells[index] ?? '').trim()))
      fail(key, 'formula', 'the cell is a spreadsheet formula, not a value.', 'ช่องนี้เป็นสูตรของโปรแกรมตารางคำนวณ ไม่ใช่ข้อมูล');
  }
  const readType = (text: string) => ctx.values('group_type', text) ?? null;
  const readOccupation = (text: string) => ctx.values('occupation', text) ?? null;
  const name = required('group_name');
  if (name && name.length > 200) fail('group_name', 'too-long', 'A group name has at most 200 characters.', 'ชื่อกลุ่มยาวได้ไม่เกิน 200 ตัวอักษร');
  const typeText = required('group_type');
  const type = typeText ? readType(typeText) : null;
  if (typeText && !type) fail('group_type', 'invalid-group-type', `"${typeText}" is not a group type we know.`, `ไม่รู้จักประเภทกลุ่ม "${typeText}"`);
  const registrationNo = get('registration_no') || null;
  if (registrationNo && type && type !== 'community-enterprise')
    fail('registration_no', 'not-community-enterprise', 'Only a community enterprise has a registration number.', 'เลขทะเบียนมีเฉพาะวิสาหกิจชุมชน');
  const occupationText = required('occupation');
  const occupation = occupationText ? readOccupation(occupationText) : null;
  if (occupationText && !occupation)
    fail('occupation', 'invalid-occupation', `"${occupationText}" is not an occupation category we know.`, `ไม่รู้จักประเภทอาชีพ "${occupationText}"`);
  const subdistrict = required('group_subdistrict_code');
  const area = subdistrict ? ctx.subdistricts.get(subdistrict) : undefined;
  if (subdistrict && !area)
    fail('group_subdistrict_code', 'unknown-subdistrict', `"${subdistrict}" is not a sub-district code.`, `"${subdistrict}" ไม่ใช่รหัสตำบล`);
  else if (area && ctx.scope && !ctx.scope.has(area.provinceCode))
    fail(
      'group_subdistrict_code',
      'out-of-scope',
      `The group's sub-district is in province ${area.provinceCode}, outside your area.`,
      `ตำบลของกลุ่มอยู่ในจังหวัดรหัส ${area.provinceCode} ซึ่งอยู่นอกพื้นที่รับผิดชอบของคุณ`,
    );
  const date = (key: GroupColumnKey) => {
    const text = get(key);
    if (!text) return null;
    const value = parseThaiDate(text) ?? parseLooseDate(text);
    if (!value) fail(key, 'invalid-date', `"${text}" is not a date as DD/MM/YYYY in B.E.`, `"${text}" ไม่ใช่วันที่แบบ วว/ดด/ปปปป พ.ศ.`);
    else if (value > ctx.today) fail(key, 'future-date', 'The date is in the future.', 'วันที่อยู่ในอนาคต');
    return value;
  };
  const foundedOn = date('founded_on');
  const joinedOn = date('joined_on');
  const phoneText = get('contact_phone');
  const contactPhone = phoneText ? normalizePhone(phoneText) : null;
  if (phoneText && !contactPhone) warn('contact_phone', 'invalid-phone', `"${phoneText}" is not a Thai phone number.`, `"${phoneText}" ไม่ใช่หมายเลขโทรศัพท์`);
  const memberText = required('member_id_number');
  // A member is named by a Thai ID (digits) or another document; both are stored as normalised.
  const memberDocNumber = memberText ? normalizeDocumentNumber(/^[\d\s\-๐-๙]+$/.test(memberText) ? 'th-id' : 'other', memberText) : '';
  const roleText = get('member_role');
  let memberRole = roleText ? ctx.values('member_role', roleText) : 'member';
  if (memberRole === undefined)
    warn(
      'member_role',
      'invalid-role',
      `"${roleText}" is not a role (leader, committee, member); imported as a member.`,
      `"${roleText}" ไม่ใช่บทบาท (ประธาน กรรมการ สมาชิก) จึงนำเข้าเป็นสมาชิก`,
    );
  memberRole ??= 'member';
  if (errors.length) return { errors };
  return {
    warnings,
    record: {
      line,
      name: name!,
      type: type!,
      registrationNo,
      occupation: occupation!,
      subdistrictCode: subdistrict!,
      districtCode: area!.districtCode,
      provinceCode: area!.provinceCode,
      foundedOn,
      contactPhone,
      memberDocNumber,
      memberRole: memberRole!,
      joinedOn: joinedOn ?? foundedOn ?? ctx.today,
    },
  };
}

/**
 * Creates the groups of a batch that do not exist yet (by registration number, or by name in the
 * sub-district) and adds each row's member. A member must already be registered, in scope.
 */
export async function importGroupBatch(
  trx: Executor,
  rows: readonly GroupRecord[],
  options: { importId: string; unitCode: string | null; scope: string[] | null; errors: RowError[] },
) {
  if (rows.length === 0) return { inserted: 0, updated: 0, valid: 0 };
  await repository.insertGroups(trx, rows, options);
  const found = await repository.resolveGroupMembers(trx, rows);
  const byLine = new Map(rows.map((r) => [r.line, r]));
  const members: { groupId: number; personId: number; role: string; joinedOn: string }[] = [];
  for (const f of found) {
    if (f.person_id === null) {
      options.errors.push({
        line: f.line,
        column: 'member_id_number',
        value: byLine.get(f.line)!.memberDocNumber,
        code: 'unknown-person',
        en: 'No registered person has this document; register the person first.',
        th: 'ไม่พบบุคคลที่ลงทะเบียนด้วยเลขนี้ กรุณาลงทะเบียนบุคคลก่อน',
      });
    } else if (options.scope && !options.scope.includes(f.person_province!)) {
      options.errors.push({
        line: f.line,
        column: 'member_id_number',
        value: null,
        code: 'out-of-scope',
        en: `The member is registered in province ${f.person_province}, outside your area.`,
        th: `สมาชิกลงทะเบียนในจังหวัดรหัส ${f.person_province} ซึ่งอยู่นอกพื้นที่รับผิดชอบของคุณ`,
      });
    } else {
      const r = byLine.get(f.line)!;
      members.push({ groupId: f.group_id!, personId: f.person_id, role: r.memberRole, joinedOn: r.joinedOn });
    }
  }
  if (members.length === 0) return { inserted: 0, updated: 0, valid: 0 };
  const added = await repository.insertMemberships(trx, members);
  return { inserted: added, updated: 0, valid: members.length };
}
