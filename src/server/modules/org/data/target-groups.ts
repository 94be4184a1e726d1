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
  /**
   * The short labels offices write every day (Thai and English), matched by
   * `shared/reference-match.ts` without spaces, dots or prefixes such as กลุ่ม/ผู้/คน.
   */
  aliases: readonly string[];
}

export const TARGET_GROUPS: readonly TargetGroupSeed[] = [
  { code: 'women-family-hardship', nameTh: 'สตรีและครอบครัวที่ประสบปัญหาทางสังคม', nameEn: 'Women and families in social hardship', sensitive: false, source: 'seed 000', aliases: ['สตรี', 'ผู้หญิง', 'สตรีและครอบครัว', 'สตรีที่ประสบปัญหา', 'ครอบครัวที่ประสบปัญหา', 'ครอบครัวประสบปัญหาทางสังคม', 'women', 'women and families'] },
  { code: 'single-parent', nameTh: 'พ่อหรือแม่เลี้ยงเดี่ยว', nameEn: 'Single parents', sensitive: false, source: 'seed 001', aliases: ['พ่อแม่เลี้ยงเดี่ยว', 'แม่เลี้ยงเดี่ยว', 'พ่อเลี้ยงเดี่ยว', 'เลี้ยงเดี่ยว', 'ครอบครัวเลี้ยงเดี่ยว', 'single parent', 'single mother', 'single father'] },
  { code: 'poor', nameTh: 'คนยากจน', nameEn: 'Poor people', sensitive: false, source: 'seed 001', aliases: ['ยากจน', 'คนจน', 'ผู้มีรายได้น้อย', 'รายได้น้อย', 'poor', 'the poor', 'low income'] },
  { code: 'low-education', nameTh: 'ผู้ที่มีการศึกษาในระดับไม่สูงนัก', nameEn: 'People with little schooling', sensitive: false, source: 'seed 001', aliases: ['การศึกษาน้อย', 'มีการศึกษาน้อย', 'การศึกษาไม่สูง', 'ด้อยโอกาสทางการศึกษา', 'low education', 'little schooling'] },
  { code: 'new-graduate', nameTh: 'บัณฑิตใหม่', nameEn: 'New graduates', sensitive: false, source: 'seeds 001, 003 (นักศึกษาจบใหม่)', aliases: ['บัณฑิตจบใหม่', 'นักศึกษาจบใหม่', 'จบใหม่', 'ผู้จบการศึกษาใหม่', 'new graduate', 'fresh graduate'] },
  { code: 'lost-work', nameTh: 'ผู้ตกงาน ผู้ถูกเลิกจ้าง และผู้ว่างงาน (รวมถึงจากโควิด-19)', nameEn: 'People who lost work (including through COVID-19)', sensitive: false, source: 'seeds 001, 003', aliases: ['ตกงาน', 'ว่างงาน', 'ผู้ว่างงาน', 'ถูกเลิกจ้าง', 'ผู้ถูกเลิกจ้าง', 'ตกงานจากโควิด', 'unemployed', 'laid off', 'lost work', 'lost their job'] },
  { code: 'older-person', nameTh: 'ผู้สูงอายุ', nameEn: 'Older persons', sensitive: false, source: 'seeds 001, 002', aliases: ['สูงอายุ', 'คนชรา', 'ผู้สูงวัย', 'elderly', 'older person', 'older people', 'senior', 'seniors'] },
  { code: 'disability', nameTh: 'คนพิการ', nameEn: 'Persons with disabilities', sensitive: true, source: 'seeds 001, 002', aliases: ['ผู้พิการ', 'พิการ', 'คนพิการและผู้ดูแล', 'disabled', 'disability', 'pwd', 'person with disability', 'people with disabilities'] },
  { code: 'children-youth', nameTh: 'เด็กและเยาวชน', nameEn: 'Children and youth', sensitive: false, source: 'seed 002', aliases: ['เด็ก', 'เยาวชน', 'เด็กเยาวชน', 'youth', 'children', 'young people'] },
  { code: 'informal-worker', nameTh: 'แรงงานนอกระบบและแรงงานอิสระ', nameEn: 'Informal and independent workers', sensitive: false, source: 'seeds 003, 004', aliases: ['แรงงานนอกระบบ', 'แรงงานอิสระ', 'ลูกจ้างนอกระบบ', 'informal worker', 'informal workers', 'informal labour', 'independent worker'] },
];
