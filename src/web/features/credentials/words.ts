import type { components } from '../../api/schema';

/**
 * Names the competency and credential pages share, Thai first. Every status carries a mark as well
 * as a colour, so that nothing is told by colour alone; colours are those whose text stays above
 * 4.5:1 (filled: white on a dark shade; light: dark text).
 */
export type Language = 'th' | 'en';
type Words = { th: string; en: string };
type Shown = Words & { colour: string; mark: string };

type EventStatus = components['schemas']['AssessmentEventSummary']['status'];
type CandidateStatus = components['schemas']['AssessmentCandidate']['status'];
type Result = components['schemas']['AssessmentCandidate']['results'][number]['result'];
type Standing = components['schemas']['EligibleCandidate']['standing'];
type Basis = components['schemas']['AssessmentCandidate']['basis'];
type Kind = components['schemas']['Credential']['kind'];

export const EVENT_STATUS: Record<EventStatus, Shown> = {
  open: { th: 'เปิดอยู่', en: 'Open', colour: 'indigo.9', mark: '●' },
  completed: { th: 'ปิดแล้ว', en: 'Completed', colour: '#1b5e20', mark: '✓' },
  cancelled: { th: 'ยกเลิก', en: 'Cancelled', colour: 'gray.7', mark: '✕' },
};

export const CANDIDATE_STATUS: Record<CandidateStatus, Shown> = {
  referred: { th: 'รอประเมิน', en: 'Awaiting assessment', colour: 'indigo.9', mark: '●' },
  assessed: { th: 'สรุปผลแล้ว', en: 'Decided', colour: 'gray.8', mark: '✓' },
  absent: { th: 'ไม่มาเข้ารับการประเมิน', en: 'Absent', colour: 'gray.7', mark: '–' },
  withdrawn: { th: 'ถอนชื่อแล้ว', en: 'Withdrawn', colour: 'gray.7', mark: '–' },
};

/** A unit's or the overall result: สมรรถนะ "C" (competent) or "NYC" (not yet competent), TPQI's terms. */
export const RESULT: Record<Result, Shown> = {
  competent: { th: 'มีสมรรถนะ (ผ่าน)', en: 'Competent', colour: '#1b5e20', mark: '✓' },
  'not-yet-competent': { th: 'ยังไม่มีสมรรถนะ (ยังไม่ผ่าน)', en: 'Not yet competent', colour: 'red.9', mark: '✕' },
};

export const STANDING: Record<Standing, Shown> = {
  'not-assessed': { th: 'ยังไม่เคยประเมิน', en: 'Not assessed yet', colour: 'gray.7', mark: '○' },
  referred: { th: 'ส่งเข้ารับการประเมินแล้ว', en: 'Referred', colour: 'indigo.9', mark: '●' },
  'not-yet-competent': { th: 'ยังไม่ผ่านบางหน่วย', en: 'Not yet competent in some units', colour: 'red.9', mark: '✕' },
  qualified: { th: 'ได้รับคุณวุฒิแล้ว', en: 'Qualified', colour: '#1b5e20', mark: '✓' },
};

export const BASIS: Record<Basis, Words> = {
  training: { th: 'ผ่านหลักสูตรที่เชื่อมโยง', en: 'Completed a linked course' },
  experience: { th: 'มีประสบการณ์ที่เจ้าหน้าที่บันทึกไว้', en: 'Experience recorded by an officer' },
  reassessment: { th: 'ประเมินซ้ำเฉพาะหน่วยที่ยังไม่ผ่าน', en: 'Re-assessment of the units not yet passed' },
};

export const KIND: Record<Kind, Words> = {
  'training-completion': { th: 'เกียรติบัตรการฝึกอบรม', en: 'Training certificate' },
  qualification: { th: 'คุณวุฒิวิชาชีพ', en: 'Occupational qualification' },
};

/** The standards' `assumedFields`, by name. */
export const STANDARD_FIELDS: Record<string, Words> = {
  code: { th: 'รหัสมาตรฐาน', en: 'Standard code' },
  sectorTh: { th: 'สาขาวิชาชีพ (ไทย)', en: 'Sector (Thai)' },
  sectorEn: { th: 'สาขาวิชาชีพ (อังกฤษ)', en: 'Sector (English)' },
  qualificationTh: { th: 'ชื่อคุณวุฒิ (ไทย)', en: 'Qualification name (Thai)' },
  qualificationEn: { th: 'ชื่อคุณวุฒิ (อังกฤษ)', en: 'Qualification name (English)' },
  level: { th: 'ระดับคุณวุฒิ', en: 'Qualification level' },
  validityYears: { th: 'อายุคุณวุฒิ', en: 'How long the qualification stays valid' },
  'units.code': { th: 'รหัสหน่วยสมรรถนะ', en: 'Unit codes' },
  'units.nameTh': { th: 'ชื่อหน่วยสมรรถนะ (ไทย)', en: 'Unit names (Thai)' },
  'units.nameEn': { th: 'ชื่อหน่วยสมรรถนะ (อังกฤษ)', en: 'Unit names (English)' },
  'units.descriptionTh': { th: 'คำอธิบายหน่วยสมรรถนะ (ไทย)', en: 'Unit descriptions (Thai)' },
  'units.descriptionEn': { th: 'คำอธิบายหน่วยสมรรถนะ (อังกฤษ)', en: 'Unit descriptions (English)' },
  'units.elements': { th: 'สมรรถนะย่อยและเกณฑ์การปฏิบัติงานทั้งหมด', en: 'All elements and performance criteria' },
};

/** "nameTh" or "nameEn" of anything bilingual, by the reader's language. */
export const named = (item: { nameTh: string; nameEn: string }, lang: Language) => (lang === 'th' ? item.nameTh : item.nameEn);

/** The part of a key id after '#': `…/issuers/TPQI#key-2025…` → `key-2025…`. */
export const shortKeyId = (keyId: string) => keyId.slice(keyId.lastIndexOf('#') + 1);

/** The agency code an issuer id ends with: `…/api/credentials/issuers/TPQI` → `TPQI`. */
export const agencyOfIssuer = (issuerId: string) =>
  issuerId
    .replace(/[#?].*$/, '')
    .split('/')
    .pop() ?? issuerId;
