/**
 * Target groups of the programmes, as the seeds name them (../shared/MISSION.md). Disability is
 * sensitive personal data under the PDPA: it is recorded only with explicit consent.
 */
export interface TargetGroupSeed {
  code: string;
  nameTh: string;
  nameEn: string;
  sensitive: boolean;
}

export const TARGET_GROUPS: readonly TargetGroupSeed[] = [
  { code: 'women-family-hardship', nameTh: 'สตรีและครอบครัวที่ประสบปัญหาทางสังคม', nameEn: 'Women and families in social hardship', sensitive: false },
  { code: 'single-parent', nameTh: 'พ่อแม่เลี้ยงเดี่ยว', nameEn: 'Single parents', sensitive: false },
  { code: 'poor', nameTh: 'ผู้มีรายได้น้อย', nameEn: 'Poor people', sensitive: false },
  { code: 'low-education', nameTh: 'ผู้มีการศึกษาน้อย', nameEn: 'People with little schooling', sensitive: false },
  { code: 'new-graduate', nameTh: 'ผู้จบการศึกษาใหม่', nameEn: 'New graduates', sensitive: false },
  { code: 'lost-work', nameTh: 'ผู้ว่างงาน ผู้ถูกเลิกจ้าง (รวมจากโควิด-19)', nameEn: 'People who lost work (including COVID-19)', sensitive: false },
  { code: 'older-person', nameTh: 'ผู้สูงอายุ', nameEn: 'Older persons', sensitive: false },
  { code: 'disability', nameTh: 'คนพิการ', nameEn: 'Persons with disabilities', sensitive: true },
  { code: 'children-youth', nameTh: 'เด็กและเยาวชน', nameEn: 'Children and youth', sensitive: false },
  { code: 'informal-worker', nameTh: 'แรงงานนอกระบบ / แรงงานอิสระ', nameEn: 'Informal and independent workers', sensitive: false },
];
