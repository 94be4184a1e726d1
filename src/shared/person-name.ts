/**
 * The one rule for a person's name, in the registration form, the API and every import row: a Thai
 * name in Thai letters, an English name in Latin letters, each with spaces, hyphens (and, in
 * English, apostrophes and full stops: O'Brien, St. John) between letters, at most 100 characters.
 * No digits, symbols, markup or emoji: a name is printed on certificates and signed into
 * credentials, and `<script>` is no one's name.
 */

export type PersonNameField = 'firstNameTh' | 'lastNameTh' | 'firstNameEn' | 'lastNameEn';

export const PERSON_NAME_MAX = 100;

export interface PersonNameProblem {
  code: 'required' | 'too-long' | 'no-letters' | 'digits' | 'latin-in-thai' | 'thai-in-english' | 'symbols' | 'starts-with-mark';
  en: string;
  th: string;
}

/** Each field's name as the form labels it, so a message says which box to fix. */
export const PERSON_NAME_LABELS: Record<PersonNameField, { en: string; th: string }> = {
  firstNameTh: { en: 'First name (Thai)', th: 'ชื่อ (ไทย)' },
  lastNameTh: { en: 'Last name (Thai)', th: 'นามสกุล (ไทย)' },
  firstNameEn: { en: 'First name (English)', th: 'ชื่อ (อังกฤษ)' },
  lastNameEn: { en: 'Last name (English)', th: 'นามสกุล (อังกฤษ)' },
};

/** Zero-width characters that copying from documents and chat apps leaves inside Thai words. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/**
 * A name as stored: Unicode NFC, invisible characters removed, spaces trimmed and runs of spaces
 * (tabs, non-breaking spaces) made one space.
 */
export function normalizePersonName(input: string): string {
  return input.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

// Thai consonants, vowels, tone marks and ๆ/ฯ; not Thai digits (๐–๙), the baht sign or ๏ ๚ ๛.
const THAI_LETTER = /[\u0E01-\u0E3A\u0E40-\u0E4E]/u;
// Combining marks cannot begin a word: "่ก" is a typing slip, not a name.
const THAI_MARK = /^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
const DIGIT = /[0-9\u0E50-\u0E59]|\p{Nd}/u;
const JOINERS_TH = new Set([' ', '-']);
const JOINERS_EN = new Set([' ', '-', "'", '\u2019', '.']);

/**
 * Why `input` is not acceptable as this name field, in Thai and English, naming the field and
 * what to write instead; null when it is fine. `required` fields must not be empty; an empty
 * optional field is fine. The text is judged as `normalizePersonName` would store it.
 */
export function personNameProblem(input: string | null | undefined, field: PersonNameField, options: { required: boolean }): PersonNameProblem | null {
  const label = PERSON_NAME_LABELS[field];
  const thai = field.endsWith('Th');
  const text = normalizePersonName(input ?? '');
  if (!text) {
    return options.required ? { code: 'required', en: `${label.en} is required.`, th: `กรุณากรอก${label.th}` } : null;
  }
  const length = [...text].length;
  if (length > PERSON_NAME_MAX) {
    return {
      code: 'too-long',
      en: `${label.en} has at most ${PERSON_NAME_MAX} characters; this has ${length}.`,
      th: `${label.th}ยาวได้ไม่เกิน ${PERSON_NAME_MAX} ตัวอักษร (กรอกมา ${length} ตัว)`,
    };
  }
  if (DIGIT.test(text)) return { code: 'digits', en: `${label.en} has no digits.`, th: `${label.th}ต้องไม่มีตัวเลข` };
  if (thai && LATIN_LETTER.test(text)) {
    const other = PERSON_NAME_LABELS[field === 'firstNameTh' ? 'firstNameEn' : 'lastNameEn'];
    return {
      code: 'latin-in-thai',
      en: `${label.en} is written in Thai letters; put the English spelling under ${other.en}.`,
      th: `${label.th}ต้องเป็นตัวอักษรไทย ชื่อที่สะกดเป็นภาษาอังกฤษให้กรอกในช่อง${other.th}`,
    };
  }
  if (!thai && THAI_LETTER.test(text)) {
    const other = PERSON_NAME_LABELS[field === 'firstNameEn' ? 'firstNameTh' : 'lastNameTh'];
    return {
      code: 'thai-in-english',
      en: `${label.en} is written in Latin letters (A–Z); the Thai spelling goes under ${other.en}.`,
      th: `${label.th}ต้องเป็นตัวอักษรภาษาอังกฤษ (A–Z) ชื่อภาษาไทยให้กรอกในช่อง${other.th}`,
    };
  }
  const letter = thai ? THAI_LETTER : LATIN_LETTER;
  const joiners = thai ? JOINERS_TH : JOINERS_EN;
  const others = [...new Set([...text].filter((c) => !letter.test(c) && !joiners.has(c)))];
  if (others.length > 0) {
    const shown = others
      .slice(0, 3)
      .map((c) => `“${c}”`)
      .join(' ');
    const allowed = thai
      ? { en: 'spaces and hyphens', th: 'เว้นวรรคและขีด (-)' }
      : { en: 'spaces, hyphens, apostrophes and full stops', th: "เว้นวรรค ขีด (-) อะพอสทรอฟี (') และจุด" };
    return {
      code: 'symbols',
      en: `${label.en} has letters and ${allowed.en} only; remove ${shown}.`,
      th: `${label.th}มีได้เฉพาะตัวอักษรกับ${allowed.th} กรุณาลบ ${shown}`,
    };
  }
  if (![...text].some((c) => letter.test(c)))
    return { code: 'no-letters', en: `${label.en} needs at least one letter.`, th: `${label.th}ต้องมีตัวอักษรอย่างน้อยหนึ่งตัว` };
  if (thai && text.split(/[ -]/).some((word) => THAI_MARK.test(word))) {
    return {
      code: 'starts-with-mark',
      en: `${label.en} cannot begin a word with a vowel or tone mark that sits above or below a letter; check the spelling.`,
      th: `${label.th}ขึ้นต้นคำด้วยสระหรือวรรณยุกต์ที่อยู่บนหรือล่างตัวอักษรไม่ได้ กรุณาตรวจตัวสะกด`,
    };
  }
  return null;
}
