/**
 * Thai national identification numbers (เลขประจำตัวประชาชน): 13 digits, the first 1–8 as issued
 * to people, the last a mod-11 check digit over the first twelve.
 */

export interface NationalIdProblem {
  code: 'length' | 'digits' | 'first-digit' | 'checksum' | 'national-id-as-other-document';
  en: string;
  th: string;
}

/** Thai digits ๐–๙ (U+0E50–U+0E59), which Thai keyboards and forms produce. */
const THAI_DIGITS = /[\u0E50-\u0E59]/g;

/**
 * Strips the spaces and dashes people type (1-2345-67890-12-1) and turns Thai digits (๑๒๓) into
 * ASCII ones, so the stored form is always the 13 plain digits.
 */
export function normalizeNationalId(input: string): string {
  return input.replace(/[\s\-\u2010-\u2015]/g, '').replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50));
}

/**
 * An identity document's number as it is stored and compared, the one rule for every form, file
 * and import: a Thai national ID is its 13 digits; any other document (passport, pink card, work
 * permit) keeps its letters and digits, in capitals, without the spaces and dashes people type
 * (`ab-123 456` and `AB123456` are the same passport).
 */
export function normalizeDocumentNumber(docType: string, input: string): string {
  if (docType === 'th-id') return normalizeNationalId(input);
  return normalizeNationalId(input.normalize('NFKC')).toUpperCase();
}

/**
 * The check digit for the first 12 digits: (11 − Σ d[i]·(13−i) mod 11) mod 10.
 * Throws a RangeError when `first12` does not start with 12 ASCII digits.
 */
export function nationalIdCheckDigit(first12: string): number {
  if (!/^\d{12}/.test(first12)) throw new RangeError(`Expected 12 digits, got: ${first12}`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

/** Why a value is not a valid national ID, in Thai and English; null when it is valid. */
export function nationalIdProblem(input: string): NationalIdProblem | null {
  const id = normalizeNationalId(input);
  if (!/^\d*$/.test(id)) return { code: 'digits', en: 'A national ID has digits only.', th: 'เลขประจำตัวประชาชนต้องเป็นตัวเลขเท่านั้น' };
  if (id.length !== 13) {
    return { code: 'length', en: `A national ID has 13 digits; this has ${id.length}.`, th: `เลขประจำตัวประชาชนต้องมี 13 หลัก (กรอกมา ${id.length} หลัก)` };
  }
  if (id[0] === '0' || id[0] === '9') {
    return { code: 'first-digit', en: 'A national ID starts with a digit from 1 to 8.', th: 'เลขประจำตัวประชาชนต้องขึ้นต้นด้วยเลข 1 ถึง 8' };
  }
  if (nationalIdCheckDigit(id) !== Number(id[12])) {
    return { code: 'checksum', en: 'The last digit does not match: check the number for a typing mistake.', th: 'เลขหลักสุดท้ายไม่ถูกต้อง กรุณาตรวจสอบว่าพิมพ์ผิดหรือไม่' };
  }
  return null;
}

/**
 * A passport, work permit or other document whose number is a valid Thai national ID: refused, so
 * that nobody registers a Thai ID's digits under another document type and sidesteps the rule of
 * one record per ID (issue 15). A pink card's 13-digit number shares the national ID's scheme and
 * register, so it is not refused here.
 */
export function disguisedNationalId(docType: string, input: string): NationalIdProblem | null {
  if (docType === 'th-id' || docType === 'pink-card') return null;
  if (!isValidNationalId(normalizeDocumentNumber(docType, input))) return null;
  return {
    code: 'national-id-as-other-document',
    en: 'This number is a Thai national ID: register it with the document type "Thai national ID".',
    th: 'เลขนี้เป็นเลขประจำตัวประชาชน กรุณาลงทะเบียนด้วยประเภทเอกสาร "เลขประจำตัวประชาชน"',
  };
}

/** True for a 13-digit national ID (dashes and spaces allowed) whose first digit is 1–8 and whose check digit matches. */
export function isValidNationalId(input: string): boolean {
  return nationalIdProblem(input) === null;
}

/** 1234567890121 → 1-2345-67890-12-1, the way it is printed on the card; anything not 13 digits comes back unchanged. */
export function formatNationalId(input: string): string {
  const id = normalizeNationalId(input);
  if (!/^\d{13}$/.test(id)) return input;
  return `${id[0]}-${id.slice(1, 5)}-${id.slice(5, 10)}-${id.slice(10, 12)}-${id[12]}`;
}

/** 1234567890121 → 1-2345-xxxxx-xx-1, for roles that do not need the whole number; anything not 13 digits is masked whole. */
export function maskNationalId(input: string): string {
  const id = normalizeNationalId(input);
  if (!/^\d{13}$/.test(id)) return 'x-xxxx-xxxxx-xx-x';
  return `${id[0]}-${id.slice(1, 5)}-xxxxx-xx-${id[12]}`;
}
