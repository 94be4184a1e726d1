/**
 * Target groups of the programmes (กลุ่มเป้าหมาย), as MISSION.md lists them. Thai names follow the
 * seeds' own words where a seed names the group; `source` says which. Disability is sensitive
 * personal data under the PDPA (มาตรา 26): it is recorded only with explicit consent.
 */
export interface TargetGroupSeed {
  /** Stable code, kept when the wording of a name changes. */
  code: string;
  nameTh: string;
  nameEn: string;
  /** Sensitive personal data: shown only to roles that need it and recorded only with consent. */
  sensitive: boolean;
  /** The seed report(s) whose wording the Thai name follows; null where the name is ours. */
  source: string | null;
}

export const TARGET_GROUPS: readonly TargetGroupSeed[] = [
  { code: 'women-family-hardship', nameTh: 'สตรีและครอบครัวที่ประสบปัญหาทางสังคม', nameEn: 'Women and families in social hardship', sensitive: false, source: 'seed 000' },
  { code: 'single-parent', nameTh: 'พ่อหรือแม่เลี้ยงเดี่ยว', nameEn: 'Single parents', sensitive: false, source: 'seed 001' },
  { code: 'poor', nameTh: 'คนยากจน', nameEn: 'Poor people', sensitive: false, source: 'seed 001' },
  { code: 'low-education', nameTh: 'ผู้ที่มีการศึกษาในระดับไม่สูงนัก', nameEn: 'People with little schooling', sensitive: false, source: 'seed 001' },
  { code: 'new-graduate', nameTh: 'บัณฑิตใหม่', nameEn: 'New graduates', sensitive: false, source: 'seeds 001, 003 (นักศึกษาจบใหม่)' },
  { code: 'lost-work', nameTh: 'ผู้ตกงาน ผู้ถูกเลิกจ้าง และผู้ว่างงาน (รวมถึงจากโควิด-19)', nameEn: 'People who lost work (including through COVID-19)', sensitive: false, source: 'seeds 001, 003' },
  { code: 'older-person', nameTh: 'ผู้สูงอายุ', nameEn: 'Older persons', sensitive: false, source: 'seeds 001, 002' },
  { code: 'disability', nameTh: 'คนพิการ', nameEn: 'Persons with disabilities', sensitive: true, source: 'seeds 001, 002' },
  { code: 'children-youth', nameTh: 'เด็กและเยาวชน', nameEn: 'Children and youth', sensitive: false, source: 'seed 002' },
  { code: 'informal-worker', nameTh: 'แรงงานนอกระบบและแรงงานอิสระ', nameEn: 'Informal and independent workers', sensitive: false, source: 'seeds 003, 004' },
];
