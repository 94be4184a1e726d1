import { codeReader, DISABILITY_TYPES, DOCUMENT_TYPES, EDUCATION_LEVELS, SEXES, TITLES, WORK_STATUSES } from '../../../../shared/person-fields';
import { disguisedNationalId, nationalIdProblem, normalizeDocumentNumber, normalizeNationalId } from '../../../../shared/national-id';
import { parseThaiDate } from '../../../../shared/thai-date';
import { bahtToSatang } from '../../../../shared/money';
import { PEOPLE_COLUMNS, type PeopleColumnKey } from './columns';
import type { Area, RowError } from '../../../platform/files/rows';
import { cellReader, normalizePhone, parseLooseDate, tooLong } from '../../../platform/files/rows';

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
  sensitiveConsent: boolean;
  education: string | null;
  workStatus: string | null;
  monthlyIncomeSatang: number | null;
  householdSize: number | null;
}

export interface PeopleRowContext {
  subdistricts: ReadonlyMap<string, Area>;
  /** Every accepted spelling of a target group (code, Thai, English; lower-cased) → code. */
  targetGroups: ReadonlyMap<string, string>;
  sensitiveTargetGroups: ReadonlySet<string>;
  /** Provinces the importing officer serves; null = nationwide. */
  scope: ReadonlySet<string> | null;
  today: string;
}

const readTitle = codeReader(TITLES);
const readSex = codeReader(SEXES);
const readDocType = codeReader(DOCUMENT_TYPES);
const readEducation = codeReader(EDUCATION_LEVELS);
const readWorkStatus = codeReader(WORK_STATUSES);
const readDisability = codeReader(DISABILITY_TYPES);
const YES = new Set(['ใช่', 'yes', 'y', '1', 'true', 'ยินยอม', '✓']);
const NO = new Set(['', 'ไม่ใช่', 'ไม่', 'no', 'n', '0', 'false', 'ไม่ยินยอม']);
const label = (key: PeopleColumnKey) => PEOPLE_COLUMNS.find((c) => c.key === key)!;

/**
 * Validates one row of a people file. Returns the record, or every error of the row (not just
 * the first), each naming its column, so an officer fixes the row in one pass.
 */
export function readPersonRow(
  cells: readonly string[],
  line: number,
  mapping: Partial<Record<PeopleColumnKey, number>>,
  ctx: PeopleRowContext,
): { record: PersonRecord } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const { get, fail, required } = cellReader<PeopleColumnKey>(cells, line, mapping, errors, label);

  const docTypeText = get('doc_type');
  const docType = docTypeText ? readDocType(docTypeText) : 'th-id';
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
  const title = titleText === null ? null : readTitle(titleText);
  if (titleText !== null && !title)
    fail('title', 'invalid-title', `"${titleText}" is not a title we know (นาย, นาง, นางสาว, …).`, `ไม่รู้จักคำนำหน้า "${titleText}" (นาย นาง นางสาว …)`);

  const name = (key: PeopleColumnKey, isRequired: boolean) => {
    const text = isRequired ? required(key) : get(key) || null;
    if (text === null) return null;
    if (tooLong(text, 100)) fail(key, 'too-long', 'A name has at most 100 characters.', 'ชื่อยาวได้ไม่เกิน 100 ตัวอักษร');
    else if (/[0-9๐-๙@#$%^*=<>{}[\]\\|]/.test(text)) fail(key, 'invalid-name', 'A name has no digits or symbols.', 'ชื่อต้องไม่มีตัวเลขหรือสัญลักษณ์');
    return text;
  };
  const firstNameTh = name('first_name_th', true);
  const lastNameTh = name('last_name_th', true);
  const firstNameEn = name('first_name_en', false);
  const lastNameEn = name('last_name_en', false);

  const sexText = required('sex');
  const sex = sexText === null ? null : readSex(sexText);
  if (sexText !== null && !sex) fail('sex', 'invalid-sex', `"${sexText}" is not a sex we record (ชาย, หญิง, ไม่ระบุ).`, `ไม่รู้จักเพศ "${sexText}" (ชาย หญิง ไม่ระบุ)`);

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
    fail(
      'phone',
      'invalid-phone',
      `"${phoneText}" is not a Thai phone number (9–10 digits starting with 0).`,
      `"${phoneText}" ไม่ใช่หมายเลขโทรศัพท์ (9–10 หลัก ขึ้นต้นด้วย 0)`,
    );

  const houseNo = get('house_no') || null;
  if (houseNo && tooLong(houseNo, 30)) fail('house_no', 'too-long', 'A house number has at most 30 characters.', 'บ้านเลขที่ยาวได้ไม่เกิน 30 ตัวอักษร');
  const villageText = get('village_no');
  let villageNo: number | null = null;
  if (villageText) {
    villageNo = /^\d{1,3}$/.test(villageText) ? Number(villageText) : null;
    if (villageNo === null || villageNo < 1) fail('village_no', 'invalid-number', 'The village (moo) is a number from 1.', 'หมู่ที่ต้องเป็นตัวเลขตั้งแต่ 1');
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

  const targetGroups: string[] = [];
  for (const part of get('target_groups').split(/[;|,\n]/)) {
    const text = part.trim();
    if (!text) continue;
    const code = ctx.targetGroups.get(text.toLowerCase());
    if (!code) fail('target_groups', 'unknown-target-group', `"${text}" is not a target group we know.`, `ไม่รู้จักกลุ่มเป้าหมาย "${text}"`);
    else if (!targetGroups.includes(code)) targetGroups.push(code);
  }

  const consentText = get('sensitive_consent').toLowerCase();
  const sensitiveConsent = YES.has(consentText);
  if (!sensitiveConsent && !NO.has(consentText))
    fail('sensitive_consent', 'invalid-yes-no', `"${consentText}" is not yes or no (ใช่/ไม่ใช่).`, `"${consentText}" ต้องเป็น ใช่ หรือ ไม่ใช่`);
  const disabilityText = get('disability_type');
  const disabilityType = disabilityText ? readDisability(disabilityText) : null;
  if (disabilityText && !disabilityType)
    fail(
      'disability_type',
      'invalid-disability-type',
      `"${disabilityText}" is not a disability type on the disability card.`,
      `ไม่รู้จักประเภทความพิการ "${disabilityText}"`,
    );
  const disabilityCardNo = get('disability_card_no') || null;
  const sensitiveGiven = Boolean(disabilityText || disabilityCardNo) || targetGroups.some((g) => ctx.sensitiveTargetGroups.has(g));
  if (sensitiveGiven && !sensitiveConsent) {
    fail(
      disabilityText ? 'disability_type' : disabilityCardNo ? 'disability_card_no' : 'target_groups',
      'sensitive-without-consent',
      'Disability is sensitive data (PDPA s.26): the row must say the person gave explicit consent.',
      'ข้อมูลความพิการเป็นข้อมูลอ่อนไหว (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล มาตรา 26) ต้องระบุว่าเจ้าของข้อมูลให้ความยินยอมโดยชัดแจ้ง',
    );
  }

  const educationText = get('education');
  const education = educationText ? readEducation(educationText) : null;
  if (educationText && !education)
    fail('education', 'invalid-education', `"${educationText}" is not an education level we know.`, `ไม่รู้จักระดับการศึกษา "${educationText}"`);
  const workText = get('work_status');
  const workStatus = workText ? readWorkStatus(workText) : null;
  if (workText && !workStatus) fail('work_status', 'invalid-work-status', `"${workText}" is not a work status we know.`, `ไม่รู้จักสถานะการทำงาน "${workText}"`);

  const incomeText = get('monthly_income');
  let monthlyIncomeSatang: number | null = null;
  if (incomeText) {
    try {
      monthlyIncomeSatang = bahtToSatang(incomeText);
    } catch {
      fail(
        'monthly_income',
        'invalid-amount',
        `"${incomeText}" is not an amount of baht (e.g. 4,500 or 4500.50).`,
        `"${incomeText}" ไม่ใช่จำนวนเงินบาท (เช่น 4,500 หรือ 4500.50)`,
      );
    }
  }
  const householdText = get('household_size');
  let householdSize: number | null = null;
  if (householdText) {
    householdSize = /^\d{1,2}$/.test(householdText) ? Number(householdText) : null;
    if (!householdSize)
      fail('household_size', 'invalid-number', 'The household size is a whole number from 1 to 99.', 'จำนวนสมาชิกในครัวเรือนต้องเป็นจำนวนเต็ม 1–99');
  }

  if (errors.length > 0) return { errors };
  return {
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
      sensitiveConsent,
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
