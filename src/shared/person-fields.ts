/**
 * The coded values of a person's record in the registry, with their Thai and English labels. The
 * registration form, the import template, the API and the exports all use these codes; the
 * labels are what people see and what an import accepts besides the codes.
 */

import { createMatcher } from './reference-match';

export interface Coded<C extends string = string> {
  code: C;
  th: string;
  en: string;
  /** Other spellings an imported file may use (matched without case or surrounding spaces). */
  aliases?: readonly string[];
}

export const TITLES = [
  { code: 'mr', th: 'นาย', en: 'Mr', aliases: ['mr.', 'mister'] },
  { code: 'mrs', th: 'นาง', en: 'Mrs', aliases: ['mrs.', 'missus'] },
  { code: 'miss', th: 'นางสาว', en: 'Miss', aliases: ['ms', 'ms.', 'น.ส.', 'นส', 'น.ส'] },
  { code: 'boy', th: 'เด็กชาย', en: 'Master', aliases: ['ด.ช.', 'ดช', 'mstr'] },
  { code: 'girl', th: 'เด็กหญิง', en: 'Miss (child)', aliases: ['ด.ญ.', 'ดญ'] },
  { code: 'other', th: 'อื่น ๆ', en: 'Other', aliases: [] },
] as const satisfies readonly Coded[];

export const SEXES = [
  { code: 'female', th: 'หญิง', en: 'Female', aliases: ['f', 'ญ', 'ผู้หญิง', 'woman', 'w', 'เพศหญิง'] },
  { code: 'male', th: 'ชาย', en: 'Male', aliases: ['m', 'ช', 'ผู้ชาย', 'man', 'เพศชาย'] },
  { code: 'unspecified', th: 'ไม่ระบุ', en: 'Not stated', aliases: ['x', '-', 'ไม่ระบุเพศ', 'unspecified', 'n/a'] },
] as const satisfies readonly Coded[];

/** Kinds of identity document. Everyone has one; people without a Thai ID use another. */
export const DOCUMENT_TYPES = [
  { code: 'th-id', th: 'เลขประจำตัวประชาชน', en: 'Thai national ID', aliases: ['national id', 'citizen id'] },
  { code: 'pink-card', th: 'บัตรประจำตัวบุคคลที่ไม่มีสัญชาติไทย', en: 'ID card for persons without Thai nationality', aliases: ['stateless'] },
  { code: 'passport', th: 'หนังสือเดินทาง', en: 'Passport', aliases: [] },
  { code: 'work-permit', th: 'ใบอนุญาตทำงาน', en: 'Work permit', aliases: [] },
  { code: 'other', th: 'เอกสารอื่น', en: 'Other document', aliases: [] },
] as const satisfies readonly Coded[];

export const EDUCATION_LEVELS = [
  { code: 'none', th: 'ไม่ได้รับการศึกษา', en: 'No schooling', aliases: ['ไม่ได้เรียน', 'ไม่ได้ศึกษา', 'none'] },
  { code: 'primary', th: 'ประถมศึกษา', en: 'Primary', aliases: ['ประถม', 'ป.6', 'ป.4', 'primary school'] },
  { code: 'lower-secondary', th: 'มัธยมศึกษาตอนต้น', en: 'Lower secondary', aliases: ['ม.ต้น', 'ม.3', 'มัธยมต้น', 'secondary (lower)'] },
  { code: 'upper-secondary', th: 'มัธยมศึกษาตอนปลาย', en: 'Upper secondary', aliases: ['ม.ปลาย', 'ม.6', 'มัธยมปลาย', 'high school', 'กศน.'] },
  { code: 'vocational', th: 'ปวช./ปวส.', en: 'Vocational certificate or diploma', aliases: ['ปวช', 'ปวส', 'ปวช.', 'ปวส.', 'อนุปริญญา', 'vocational', 'diploma'] },
  { code: 'bachelor', th: 'ปริญญาตรี', en: "Bachelor's degree", aliases: ['ป.ตรี', 'ตรี', 'bachelor', 'ba', 'bsc'] },
  { code: 'postgraduate', th: 'สูงกว่าปริญญาตรี', en: 'Postgraduate', aliases: ['ป.โท', 'ป.เอก', 'ปริญญาโท', 'ปริญญาเอก', 'master degree', 'phd'] },
] as const satisfies readonly Coded[];

export const WORK_STATUSES = [
  { code: 'unemployed', th: 'ว่างงาน', en: 'Unemployed', aliases: ['ไม่มีงานทำ', 'ตกงาน', 'jobless'] },
  { code: 'employed', th: 'มีงานทำ (ลูกจ้าง)', en: 'Employed', aliases: ['ลูกจ้าง', 'มีงานทำ', 'พนักงาน', 'รับจ้าง', 'employee'] },
  { code: 'self-employed', th: 'ประกอบอาชีพอิสระ', en: 'Self-employed', aliases: ['อาชีพอิสระ', 'อิสระ', 'ค้าขาย', 'ธุรกิจส่วนตัว', 'freelance'] },
  { code: 'farmer', th: 'เกษตรกร', en: 'Farmer', aliases: ['ทำนา', 'ทำไร่', 'ทำสวน', 'เกษตรกรรม', 'agriculture'] },
  { code: 'student', th: 'นักเรียน/นักศึกษา', en: 'Student', aliases: ['นักศึกษา', 'นักเรียน', 'กำลังศึกษา'] },
  { code: 'retired', th: 'เกษียณ/ไม่ได้ทำงาน', en: 'Retired or not working', aliases: ['เกษียณ', 'เกษียณอายุ', 'ไม่ได้ทำงาน', 'retired'] },
] as const satisfies readonly Coded[];

/** Disability types as on the Thai disability card (ประเภทความพิการ 1–7). Sensitive data. */
export const DISABILITY_TYPES = [
  { code: 'visual', th: 'ความพิการทางการเห็น', en: 'Visual', aliases: ['1', 'การเห็น'] },
  { code: 'hearing', th: 'ความพิการทางการได้ยินหรือสื่อความหมาย', en: 'Hearing or communication', aliases: ['2', 'การได้ยิน'] },
  { code: 'physical', th: 'ความพิการทางการเคลื่อนไหวหรือทางร่างกาย', en: 'Physical or mobility', aliases: ['3', 'การเคลื่อนไหว', 'ร่างกาย'] },
  { code: 'mental', th: 'ความพิการทางจิตใจหรือพฤติกรรม', en: 'Mental or behavioural', aliases: ['4', 'จิตใจ'] },
  { code: 'intellectual', th: 'ความพิการทางสติปัญญา', en: 'Intellectual', aliases: ['5', 'สติปัญญา'] },
  { code: 'learning', th: 'ความพิการทางการเรียนรู้', en: 'Learning', aliases: ['6', 'การเรียนรู้'] },
  { code: 'autism', th: 'ความพิการทางออทิสติก', en: 'Autism', aliases: ['7', 'ออทิสติก'] },
] as const satisfies readonly Coded[];

export const GROUP_TYPES = [
  { code: 'community-enterprise', th: 'วิสาหกิจชุมชน', en: 'Community enterprise', aliases: ['วสช', 'วสช.', 'วิสาหกิจ', 'CE', 'วิสาหกิจชุมชนเครือข่าย'] },
  { code: 'independent-occupation', th: 'กลุ่มอาชีพอิสระ', en: 'Independent occupation group', aliases: ['อาชีพอิสระ', 'กลุ่มอาชีพ', 'occupation group'] },
  { code: 'women-occupation', th: 'กลุ่มอาชีพสตรี', en: "Women's occupation group", aliases: ['กลุ่มสตรี', 'กลุ่มแม่บ้าน', 'แม่บ้าน', 'อาชีพสตรี', 'women group'] },
  { code: 'elderly-occupation', th: 'กลุ่มอาชีพผู้สูงอายุ', en: "Older persons' occupation group", aliases: ['กลุ่มผู้สูงอายุ', 'อาชีพผู้สูงอายุ', 'elderly group'] },
  {
    code: 'disability-occupation',
    th: 'กลุ่มอาชีพคนพิการ',
    en: 'Occupation group of persons with disabilities',
    aliases: ['กลุ่มคนพิการ', 'อาชีพคนพิการ', 'disability group'],
  },
  { code: 'other', th: 'กลุ่มอื่น ๆ', en: 'Other group', aliases: ['อื่นๆ', 'อื่น', 'other'] },
] as const satisfies readonly Coded[];

export const OCCUPATION_CATEGORIES = [
  { code: 'food-processing', th: 'แปรรูปอาหาร', en: 'Food processing', aliases: [] },
  { code: 'textiles', th: 'ผ้าและเครื่องแต่งกาย', en: 'Textiles and clothing', aliases: ['ทอผ้า'] },
  { code: 'handicrafts', th: 'หัตถกรรมและของใช้', en: 'Handicrafts', aliases: ['หัตถกรรม'] },
  { code: 'agriculture', th: 'เกษตรและเลี้ยงสัตว์', en: 'Agriculture and livestock', aliases: ['เกษตร'] },
  { code: 'herbal-beauty', th: 'สมุนไพรและความงาม', en: 'Herbal products and beauty', aliases: ['สมุนไพร'] },
  { code: 'services', th: 'บริการ', en: 'Services', aliases: [] },
  { code: 'digital-commerce', th: 'การค้าออนไลน์', en: 'Online commerce', aliases: [] },
  { code: 'other', th: 'อื่น ๆ', en: 'Other', aliases: [] },
] as const satisfies readonly Coded[];

export const MEMBER_ROLES = [
  { code: 'leader', th: 'ประธาน/หัวหน้ากลุ่ม', en: 'Leader', aliases: ['ประธาน', 'หัวหน้า', 'หัวหน้ากลุ่ม'] },
  { code: 'committee', th: 'กรรมการ', en: 'Committee', aliases: ['คณะกรรมการ', 'รองประธาน', 'เลขานุการ', 'เหรัญญิก'] },
  { code: 'member', th: 'สมาชิก', en: 'Member', aliases: ['สมาชิกกลุ่ม'] },
] as const satisfies readonly Coded[];

export type Title = (typeof TITLES)[number]['code'];
export type Sex = (typeof SEXES)[number]['code'];
export type DocumentType = (typeof DOCUMENT_TYPES)[number]['code'];
export type EducationLevel = (typeof EDUCATION_LEVELS)[number]['code'];
export type WorkStatus = (typeof WORK_STATUSES)[number]['code'];
export type DisabilityType = (typeof DISABILITY_TYPES)[number]['code'];
export type GroupType = (typeof GROUP_TYPES)[number]['code'];
export type OccupationCategory = (typeof OCCUPATION_CATEGORIES)[number]['code'];
export type MemberRole = (typeof MEMBER_ROLES)[number]['code'];

export const codesOf = <C extends string>(list: readonly Coded<C>[]): [C, ...C[]] => list.map((c) => c.code) as [C, ...C[]];

/**
 * A lookup from the words people write to the code (code, Thai, English, synonyms; see
 * `reference-match.ts`), for reading imported files.
 */
export function codeReader<C extends string>(list: readonly Coded<C>[]): (input: string) => C | null {
  const matcher = createMatcher(list);
  return (input) => matcher.match(input);
}

export function labelOf(list: readonly Coded[], code: string | null | undefined, language: string): string {
  const c = list.find((x) => x.code === code);
  if (!c) return code ?? '';
  return language.startsWith('th') ? c.th : c.en;
}

/**
 * A person's name as printed: "นางสมหญิง ใจดี" (the Thai title joins the name) or
 * "Mrs Somying Jaidee". The title 'other' is left out rather than printed as "อื่น ๆ".
 */
export function fullName(p: { title: string; first: string; last: string }, language: 'th' | 'en'): string {
  const title = p.title === 'other' ? '' : labelOf(TITLES, p.title, language);
  return language === 'th' ? `${title}${p.first} ${p.last}` : `${title ? `${title} ` : ''}${p.first} ${p.last}`;
}
