import { disguisedNationalId, nationalIdProblem, normalizeDocumentNumber, normalizeNationalId } from '../../../../shared/national-id';
import { parseThaiDate } from '../../../../shared/thai-date';
import { normalizePersonName, personNameProblem } from '../../../../shared/person-name';
import { bahtToSatang } from '../../../../shared/money';
import { PEOPLE_COLUMNS, type PeopleColumnKey } from './columns';
import type { Area, RowError } from '../../../platform/files/rows';
import { cellReader, looksLikeFormula, normalizePhone, parseLooseDate, tooLong } from '../../../platform/files/rows';
import { splitValues, type ValueResolver } from './values';

/** Why sensitive data may be kept: the person's explicit consent, or a duty in law (PDPA s.26). */
export type SensitiveBasis = 'explicit-consent' | 'legal-obligation';

/** The lawful basis an officer declared once for a whole file, with its evidence. */
export interface FileLawfulBasis {
  basis: SensitiveBasis;
  evidence: string;
}

/** A person as an import row describes them, validated and normalised. */
export interface PersonRecord {
  line: number;
  docType: string;
  docNumber: string;
  title: string;
  firstNameTh: string;
  lastNameTh: string;
  firstNameEn: string | null;
  lastNameEn: string | null;
  sex: string;
  birthDate: string;
  phone: string | null;
  houseNo: string | null;
  villageNo: number | null;
  subdistrictCode: string;
  districtCode: string;
  provinceCode: string;
  targetGroups: string[];
  disabilityType: string | null;
  disabilityCardNo: string | null;
  /** Why the row's sensitive data is kept (its own consent column, or the file's declaration); null when none is. */
  sensitiveBasis: SensitiveBasis | null;
  education: string | null;
  workStatus: string | null;
  monthlyIncomeSatang: number | null;
  householdSize: number | null;
}

export interface PeopleRowContext {
  subdistricts: ReadonlyMap<string, Area>;
  /** Reads coded cells: reference values and their synonyms, then the unit's remembered mappings. */
  values: ValueResolver;
  /** The file's declared lawful basis for sensitive data; without one, sensitive cells are dropped with a warning. */
  lawfulBasis?: FileLawfulBasis | null;
  sensitiveTargetGroups: ReadonlySet<string>;
  /** Provinces the importing officer serves; null = nationwide. */
  scope: ReadonlySet<string> | null;
  today: string;
}

const YES = new Set(['ใช่', 'yes', 'y', '1', 'true', 'ยินยอม', '✓']);
const NO = new Set(['', 'ไม่ใช่', 'ไม่', 'no', 'n', '0', 'false', 'ไม่ยินยอม']);
const label = (key: PeopleColumnKey) => PEOPLE_COLUMNS.find((c) => c.key === key)!;

/**
 * Validates one row of a people file. Returns the record with the warnings of its optional cells
 * (each such cell left empty), or every error of the row (not just the first), each naming its
 * column, so an officer fixes the row in one pass.
 */
export function readPersonRow(
  cells: readonly string[],
  line: number,
  mapping: Partial<Record<PeopleColumnKey, number>>,
  ctx: PeopleRowContext,
): { record: PersonRecord; warnings: RowError[] } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const { get, fail, warn, required } = cellReader<PeopleColumnKey>(cells, line, mapping, errors, label, warnings);
  const code = (field: PeopleColumnKey, text: string) => ctx.values(field, text);

  // A cell Excel would run as a formula is refused whatever its column: it is not data.
  for (const [key, index] of Object.entries(mapping) as [PeopleColumnKey, number][]) {
    if (looksLikeFormula((cells[index] ?? '').trim()))
      fail(key, 'formula', 'the cell is a spreadsheet formula, not a value.', 'ช่องนี้เป็นสูตรของโปรแกรมตารางคำนวณ ไม่ใช่ข้อมูล');
  }

  const docTypeText = get('doc_type');
  const docType = docTypeText ? code('doc_type', docTypeText) || null : 'th-id';
  if (!docType) fail('doc_type', 'invalid-document-type', `"${docTypeText}" is not a document type we know.`, `ไม่รู้จักประเภทเอกสาร "${docTypeText}"`);
  const idText = required('id_number');
  let docNumber = '';
  if (idText !== null && docType) {
    if (docType === 'th-id') {
      docNumber = normalizeNationalId(idText);
      const problem = nationalIdProblem(docNumber);
      if (problem) fail('id_number', 'invalid-national-id', problem.en, problem.th);
    } else {
      docNumber = normalizeDocumentNumber(docType, idText);
      if (!/^[A-Z0-9/]{4,30}$/.test(docNumber)) {
        fail('id_number', 'invalid-document-number', 'A document number has 4–30 letters or digits.', 'เลขเอกสารต้องเป็นตัวอักษรหรือตัวเลข 4–30 ตัว');
      }
      const disguised = disguisedNationalId(docType, docNumber);
      if (disguised) fail('id_number', disguised.code, disguised.en, disguised.th);
    }
  }

  const titleText = required('title');
  const title = titleText === null ? null : code('title', titleText);
  if (titleText !== null && !title)
    fail(
      'title',
      'invalid-title',
      `"${titleText}" is not a title we know (นาย, นาง, นางสาว, …); map it in the values step.`,
      `ไม่รู้จักคำนำหน้า "${titleText}" (นาย นาง นางสาว …) จับคู่ค่าได้ในขั้นตอนจับคู่ค่า`,
    );

  // The one name rule of the form, the API and every import (src/shared/person-name.ts).
  const name = (key: PeopleColumnKey, isRequired: boolean) => {
    const text = isRequired ? required(key) : get(key) || null;
    if (text === null) return null;
    const field = ({ first_name_th: 'firstNameTh', last_name_th: 'lastNameTh', first_name_en: 'firstNameEn', last_name_en: 'lastNameEn' } as const)[
      key as 'first_name_th'
    ];
    const problem = personNameProblem(text, field, { required: isRequired });
    if (problem) fail(key, problem.code === 'too-long' ? 'too-long' : 'invalid-name', problem.en, problem.th);
    return normalizePersonName(text) || null;
  };
  const firstNameTh = name('first_name_th', true);
  const lastNameTh = name('last_name_th', true);
  const firstNameEn = name('first_name_en', false);
  const lastNameEn = name('last_name_en', false);

  const sexText = required('sex');
  const sex = sexText === null ? null : code('sex', sexText);
  if (sexText !== null && !sex)
    fail(
      'sex',
      'invalid-sex',
      `"${sexText}" is not a sex we record (ชาย, หญิง, ไม่ระบุ); map it in the values step.`,
      `ไม่รู้จักเพศ "${sexText}" (ชาย หญิง ไม่ระบุ) จับคู่ค่าได้ในขั้นตอนจับคู่ค่า`,
    );

  const birthText = required('birth_date');
  let birthDate: string | null = null;
  if (birthText !== null) {
    birthDate = parseThaiDate(birthText) ?? parseLooseDate(birthText);
    if (!birthDate) {
      fail(
        'birth_date',
        'invalid-date',
        `"${birthText}" is not a date as DD/MM/YYYY in B.E. (e.g. 05/03/2520).`,
        `"${birthText}" ไม่ใช่วันที่แบบ วว/ดด/ปปปป พ.ศ. (เช่น 05/03/2520)`,
      );
    } else if (birthDate > ctx.today) {
      fail('birth_date', 'future-date', 'The birth date is in the future.', 'วันเกิดอยู่ในอนาคต');
    } else if (Number(ctx.today.slice(0, 4)) - Number(birthDate.slice(0, 4)) > 120) {
      fail('birth_date', 'implausible-date', 'The birth date is more than 120 years ago; check the year (B.E.).', 'วันเกิดเกิน 120 ปีมาแล้ว กรุณาตรวจปี พ.ศ.');
    }
  }

  const phoneText = get('phone');
  const phone = phoneText ? normalizePhone(phoneText) : null;
  if (phoneText && !phone)
    warn(
      'phone',
      'invalid-phone',
      `"${phoneText}" is not a Thai phone number (9–10 digits starting with 0); left empty.`,
      `"${phoneText}" ไม่ใช่หมายเลขโทรศัพท์ (9–10 หลัก ขึ้นต้นด้วย 0) จึงเว้นว่างไว้`,
    );

  let houseNo = get('house_no') || null;
  if (houseNo && tooLong(houseNo, 30)) {
    warn('house_no', 'too-long', 'A house number has at most 30 characters; left empty.', 'บ้านเลขที่ยาวได้ไม่เกิน 30 ตัวอักษร จึงเว้นว่างไว้');
    houseNo = null;
  }
  const villageText = get('village_no');
  let villageNo: number | null = null;
  if (villageText) {
    villageNo = /^\d{1,3}$/.test(villageText) ? Number(villageText) : null;
    if (villageNo === null || villageNo < 1) {
      warn('village_no', 'invalid-number', 'The village (moo) is a number from 1; left empty.', 'หมู่ที่ต้องเป็นตัวเลขตั้งแต่ 1 จึงเว้นว่างไว้');
      villageNo = null;
    }
  }

  const subdistrictText = required('subdistrict_code');
  const area = subdistrictText === null ? undefined : ctx.subdistricts.get(subdistrictText);
  if (subdistrictText !== null && !area) {
    fail(
      'subdistrict_code',
      'unknown-subdistrict',
      `"${subdistrictText}" is not a sub-district code (6 digits, DOPA).`,
      `"${subdistrictText}" ไม่ใช่รหัสตำบล (6 หลัก ของกรมการปกครอง)`,
    );
  } else if (area && ctx.scope && !ctx.scope.has(area.provinceCode)) {
    fail(
      'subdistrict_code',
      'out-of-scope',
      `Sub-district ${subdistrictText} is in province ${area.provinceCode}, outside your area.`,
      `ตำบล ${subdistrictText} อยู่ในจังหวัดรหัส ${area.provinceCode} ซึ่งอยู่นอกพื้นที่รับผิดชอบของคุณ`,
    );
  }

  let targetGroups: string[] = [];
  for (const text of splitValues(get('target_groups'))) {
    const group = code('target_groups', text);
    if (group === undefined)
      warn(
        'target_groups',
        'unknown-target-group',
        `"${text}" is not a target group we know; left out (map it in the values step).`,
        `ไม่รู้จักกลุ่มเป้าหมาย "${text}" จึงไม่บันทึกค่านี้ (จับคู่ค่าได้ในขั้นตอนจับคู่ค่า)`,
      );
    else if (group && !targetGroups.includes(group)) targetGroups.push(group);
  }

  const consentText = get('sensitive_consent').toLowerCase();
  const rowConsent = YES.has(consentText);
  if (!rowConsent && !NO.has(consentText))
    warn('sensitive_consent', 'invalid-yes-no', `"${consentText}" is not yes or no (ใช่/ไม่ใช่); read as no.`, `"${consentText}" ต้องเป็น ใช่ หรือ ไม่ใช่ จึงถือว่าไม่ใช่`);
  const disabilityText = get('disability_type');
  let disabilityType = disabilityText ? (code('disability_type', disabilityText) ?? null) : null;
  if (disabilityText && ctx.values('disability_type', disabilityText) === undefined)
    warn(
      'disability_type',
      'invalid-disability-type',
      `"${disabilityText}" is not a disability type on the disability card; left empty.`,
      `ไม่รู้จักประเภทความพิการ "${disabilityText}" จึงเว้นว่างไว้`,
    );
  let disabilityCardNo = get('disability_card_no') || null;
  const sensitiveGiven = Boolean(disabilityType || disabilityCardNo) || targetGroups.some((g) => ctx.sensitiveTargetGroups.has(g));
  const sensitiveBasis: SensitiveBasis | null = rowConsent ? 'explicit-consent' : sensitiveGiven ? (ctx.lawfulBasis?.basis ?? null) : null;
  if (sensitiveGiven && !sensitiveBasis) {
    // Without a lawful basis the person is imported without the sensitive category (PDPA s.26).
    warn(
      disabilityType ? 'disability_type' : disabilityCardNo ? 'disability_card_no' : 'target_groups',
      'sensitive-without-basis',
      'Disability is sensitive data (PDPA s.26) and neither the row nor the file gives a lawful basis (explicit consent or a legal duty); imported without it.',
      'ข้อมูลความพิการเป็นข้อมูลอ่อนไหว (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล มาตรา 26) แถวนี้และไฟล์นี้ไม่ได้ระบุฐานทางกฎหมาย (ความยินยอมโดยชัดแจ้ง หรือหน้าที่ตามกฎหมาย) จึงนำเข้าโดยไม่บันทึกข้อมูลนี้',
    );
    disabilityType = null;
    disabilityCardNo = null;
    targetGroups = targetGroups.filter((g) => !ctx.sensitiveTargetGroups.has(g));
  }

  const coded = (field: 'education' | 'work_status', what: { en: string; th: string }) => {
    const text = get(field);
    if (!text) return null;
    const value = code(field, text);
    if (value === undefined)
      warn(
        field,
        `invalid-${field.replace('_', '-')}`,
        `"${text}" is not ${what.en} we know; left empty (map it in the values step).`,
        `ไม่รู้จัก${what.th} "${text}" จึงเว้นว่างไว้ (จับคู่ค่าได้ในขั้นตอนจับคู่ค่า)`,
      );
    return value ?? null;
  };
  const education = coded('education', { en: 'an education level', th: 'ระดับการศึกษา' });
  const workStatus = coded('work_status', { en: 'a work status', th: 'สถานะการทำงาน' });

  const incomeText = get('monthly_income');
  let monthlyIncomeSatang: number | null = null;
  if (incomeText) {
    try {
      monthlyIncomeSatang = bahtToSatang(incomeText);
    } catch {
      warn(
        'monthly_income',
        'invalid-amount',
        `"${incomeText}" is not an amount of baht (e.g. 4,500 or 4500.50); left empty.`,
        `"${incomeText}" ไม่ใช่จำนวนเงินบาท (เช่น 4,500 หรือ 4500.50) จึงเว้นว่างไว้`,
      );
    }
  }
  const householdText = get('household_size');
  let householdSize: number | null = null;
  if (householdText) {
    householdSize = /^\d{1,2}$/.test(householdText) ? Number(householdText) : null;
    if (!householdSize) {
      warn(
        'household_size',
        'invalid-number',
        'The household size is a whole number from 1 to 99; left empty.',
        'จำนวนสมาชิกในครัวเรือนต้องเป็นจำนวนเต็ม 1–99 จึงเว้นว่างไว้',
      );
      householdSize = null;
    }
  }

  if (errors.length > 0) return { errors };
  return {
    warnings,
    record: {
      line,
      docType: docType!,
      docNumber,
      title: title!,
      firstNameTh: firstNameTh!,
      lastNameTh: lastNameTh!,
      firstNameEn,
      lastNameEn,
      sex: sex!,
      birthDate: birthDate!,
      phone,
      houseNo,
      villageNo,
      subdistrictCode: subdistrictText!,
      districtCode: area!.districtCode,
      provinceCode: area!.provinceCode,
      targetGroups,
      disabilityType,
      disabilityCardNo,
      sensitiveBasis,
      education,
      workStatus,
      monthlyIncomeSatang,
      householdSize,
    },
  };
}

/**
 * The lower-cased text the trigram index searches: Thai and English names. It is kept short on
 * purpose: the index's cost on every imported row grows with its length.
 */
export function personSearchText(p: { firstNameTh: string; lastNameTh: string; firstNameEn: string | null; lastNameEn: string | null }): string {
  return [p.firstNameTh, p.lastNameTh, p.firstNameEn, p.lastNameEn].filter(Boolean).join(' ').toLowerCase();
}
