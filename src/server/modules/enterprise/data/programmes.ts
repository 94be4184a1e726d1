/**
 * Reference programmes shipped with the system. One Tambon One Independent Occupation Group is
 * from seed 004 (Ministry of Labour, FY 2567–2568); the seven MSDHS flagship projects are from
 * seed 002 (10 April 2023), which names them and says each has clear, measurable targets but not
 * what they are: their stages and details here are assumed (`assumed` names the fields).
 */
export type Evidence =
  | { kind: 'nomination'; th: string; en: string }
  | { kind: 'selection'; th: string; en: string }
  | { kind: 'course'; curriculumCode: string; minMembers: number; th: string; en: string }
  | { kind: 'certificate'; th: string; en: string }
  /** A loan disbursed to the group: recorded by the fund module at disbursement, or by an officer with a document (a loan from elsewhere). */
  | { kind: 'loan'; th: string; en: string }
  | { kind: 'document'; th: string; en: string };

export interface StageSeed {
  code: string;
  nameTh: string;
  nameEn: string;
  evidence: Evidence;
  deadline: string | null;
}

export interface TargetSeed {
  stageCode: string;
  fiscalYear: number;
  areaKind: 'nation' | 'region' | 'province';
  areaCode: string | null;
  target: number;
  dueOn: string | null;
  assumed: boolean;
  source: string;
}

export interface ProgrammeSeed {
  code: string;
  nameTh: string;
  nameEn: string;
  ownerAgencyCode: string;
  fiscalYears: number[];
  descriptionTh: string;
  descriptionEn: string;
  budgetSources: { th: string; en: string }[];
  onePerSubdistrict: boolean;
  stages: StageSeed[];
  targets: TargetSeed[];
  assumed: string[];
  source: string;
}

const nominated: StageSeed = {
  code: 'nominated',
  nameTh: 'ได้รับการเสนอชื่อ',
  nameEn: 'Nominated',
  evidence: { kind: 'nomination', th: 'สำนักงานจังหวัดเสนอชื่อกลุ่ม', en: 'Nominated by a provincial office' },
  deadline: null,
};
const doc = (th: string, en: string): Evidence => ({ kind: 'document', th, en });

/** The course that makes a One Tambon One Group prototype "trained" (seed 004 names it first). */
export const OTOG_COURSE = 'SOCIAL-COMMERCE';
/** Members who must complete it: assumed (the seed says groups are trained, not how many members). */
export const OTOG_MIN_MEMBERS = 3;

export const OTOG: ProgrammeSeed = {
  code: 'OTOG',
  nameTh: 'หนึ่งตำบล หนึ่งกลุ่มอาชีพอิสระ',
  nameEn: 'One Tambon One Independent Occupation Group',
  ownerAgencyCode: 'MOL',
  fiscalYears: [2567, 2568],
  descriptionTh:
    'พัฒนาศักยภาพกลุ่มอาชีพอิสระในแต่ละตำบลทั่วประเทศอย่างครบวงจร ตั้งแต่การขึ้นทะเบียน การฝึกอบรมพัฒนาทักษะ การพัฒนาผลิตภัณฑ์ การสนับสนุนเงินทุน และการตลาด',
  descriptionEn:
    'Develops independent occupation groups in every sub-district end to end: registration, skills training, product development, funding and marketing.',
  budgetSources: [
    { th: 'กรมพัฒนาฝีมือแรงงาน', en: 'Department of Skill Development' },
    { th: 'โครงการจ้างงานเร่งด่วนและพัฒนาทักษะฝีมือเพื่อบรรเทาความเดือดร้อนด้านอาชีพ', en: 'Urgent employment and skills project to relieve occupational hardship' },
    { th: 'สำนักงานปลัดกระทรวงแรงงาน', en: 'Office of the Permanent Secretary, Ministry of Labour' },
    { th: 'งบพัฒนาจังหวัด/กลุ่มจังหวัด', en: 'Provincial and provincial-cluster development budgets' },
  ],
  onePerSubdistrict: true,
  stages: [
    nominated,
    {
      code: 'selected',
      nameTh: 'ได้รับคัดเลือกเป็นกลุ่มต้นแบบ',
      nameEn: 'Selected as a prototype',
      evidence: { kind: 'selection', th: 'ส่วนกลางคัดเลือกพร้อมเหตุผล', en: 'Selected by headquarters with a reason' },
      deadline: null,
    },
    {
      code: 'trained',
      nameTh: 'ผ่านการฝึกอบรม',
      nameEn: 'Trained',
      evidence: {
        kind: 'course',
        curriculumCode: OTOG_COURSE,
        minMembers: OTOG_MIN_MEMBERS,
        th: `สมาชิกอย่างน้อย ${OTOG_MIN_MEMBERS} คนผ่านหลักสูตร Social Commerce For Business`,
        en: `At least ${OTOG_MIN_MEMBERS} members completed Social Commerce For Business`,
      },
      deadline: '2025-03-31',
    },
    { code: 'product-developed', nameTh: 'พัฒนาผลิตภัณฑ์แล้ว', nameEn: 'Product developed', evidence: doc('บันทึกผลการพัฒนาผลิตภัณฑ์', 'Product development record'), deadline: null },
    {
      code: 'standard-certified',
      nameTh: 'ได้รับรองมาตรฐาน',
      nameEn: 'Standard certified',
      evidence: { kind: 'certificate', th: 'ผลิตภัณฑ์มีใบรับรอง อย. หรือ มผช. ที่ยังไม่หมดอายุ', en: 'A product holds a valid FDA or community product standard certificate' },
      deadline: null,
    },
    { code: 'funded', nameTh: 'ได้รับเงินทุน', nameEn: 'Funded',       evidence: {
        kind: 'loan',
        th: 'เงินกู้จากกองทุนหมุนเวียนเบิกจ่ายแล้ว (บันทึกอัตโนมัติ) หรือหลักฐานเงินกู้จากแหล่งอื่น',
        en: 'A revolving-fund loan disbursed (recorded automatically), or evidence of a loan from elsewhere',
      },
      deadline: null,
    },
    { code: 'selling-online', nameTh: 'ขายออนไลน์', nameEn: 'Selling online', evidence: doc('ลิงก์ร้านค้าออนไลน์', 'Link to the online shop'), deadline: null },
    { code: 'self-sustaining', nameTh: 'พึ่งพาตนเองได้', nameEn: 'Self-sustaining', evidence: doc('ผลการติดตามรายได้', 'Income follow-up record'), deadline: null },
  ],
  targets: [
    { stageCode: 'selected', fiscalYear: 2567, areaKind: 'nation', areaCode: null, target: 401, dueOn: null, assumed: false, source: 'seed 004: 401 prototype groups chosen in 2567' },
    {
      stageCode: 'trained',
      fiscalYear: 2568,
      areaKind: 'nation',
      areaCode: null,
      target: 401,
      dueOn: '2025-03-31',
      assumed: false,
      source: 'seed 004: 77 groups trained, the other 324 by 31 Mar 2568',
    },
  ],
  assumed: ['stages after "trained" (their order and evidence)', `trained: ${OTOG_MIN_MEMBERS} members`],
  source: 'seed 004 (Ministry of Labour, March 2025)',
};

const FLAGSHIP_NAMES: [string, string, string][] = [
  ['MSDHS-F1', 'โครงการยกระดับพัฒนาคุณภาพชีวิตกลุ่มเปราะบาง', 'Raising the quality of life of vulnerable groups'],
  ['MSDHS-F2', 'โครงการเสริมสร้างความมั่นคงด้านที่อยู่อาศัย', 'Housing security'],
  ['MSDHS-F3', 'โครงการสร้างโอกาส สร้างงาน และสร้างรายได้', 'Creating opportunities, jobs and income'],
  ['MSDHS-F4', 'โครงการสังคมไทยไร้ความรุนแรง', 'A Thai society without violence'],
  ['MSDHS-F5', 'โครงการสานพลังเครือข่ายเพื่อเป็นหุ้นส่วน', 'Networks as development partners'],
  ['MSDHS-F6', 'โครงการยกระดับการคุ้มครองทางสังคม', 'Raising social protection'],
  ['MSDHS-F7', 'โครงการ พม. NEXT (Next Gen, Next Level)', 'MSDHS NEXT (Next Gen, Next Level)'],
];

export const FLAGSHIPS: ProgrammeSeed[] = FLAGSHIP_NAMES.map(([code, nameTh, nameEn]) => ({
  code,
  nameTh,
  nameEn,
  ownerAgencyCode: 'MSDHS',
  fiscalYears: [2566],
  descriptionTh: 'โครงการสำคัญ (Flagship Project) ของกระทรวง พม. ที่มีเป้าหมายชัดเจนและวัดผลได้',
  descriptionEn: 'An MSDHS flagship project with clear, measurable targets.',
  budgetSources: [{ th: 'กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์', en: 'Ministry of Social Development and Human Security' }],
  onePerSubdistrict: false,
  stages: [
    nominated,
    { code: 'supported', nameTh: 'ได้รับการสนับสนุน', nameEn: 'Supported', evidence: doc('บันทึกการสนับสนุน', 'Support record'), deadline: null },
    { code: 'self-reliant', nameTh: 'พึ่งพาตนเองได้', nameEn: 'Self-reliant', evidence: doc('ผลการติดตาม', 'Follow-up record'), deadline: null },
  ],
  targets: [],
  assumed: ['stages', 'targets', 'fiscal years beyond 2566'],
  source: 'seed 002 (MSDHS, 10 April 2023): the seven flagship projects by name',
}));

export const PROGRAMMES: ProgrammeSeed[] = [OTOG, ...FLAGSHIPS];

/** Seed 000: over 140 new entrepreneur groups a year (DWF's community occupation-group training). */
export const NEW_GROUPS_PER_YEAR_TARGET = 140;
