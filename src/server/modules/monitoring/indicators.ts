/**
 * The indicators, as data: what each counts (numerator, and denominator for a rate), the module
 * that owns the records and publishes the facts, the period, the breakdowns the rollup keeps, the
 * source and the unit. A page, a report or the open data describe an indicator from here; only
 * `maintained` ones have rollups today.
 */
export interface IndicatorDefinition {
  code: string;
  nameTh: string;
  nameEn: string;
  numerator: { th: string; en: string };
  /** Null for a count; the denominator of a rate. */
  denominator: { th: string; en: string } | null;
  ownerModule: 'registry' | 'training' | 'employment' | 'enterprise' | 'funding';
  /** The period a value belongs to: Thai fiscal years (1 Oct – 30 Sep, B.E.) by month. */
  periodType: 'fiscal-year-month';
  /** The breakdowns its rollup keeps (more are planned: district, target group, sex, age band). */
  breakdowns: readonly ('province' | 'month')[];
  source: { th: string; en: string };
  unit: { th: string; en: string };
  /** True when the owning module tells its changes and the rebuild recomputes it. */
  maintained: boolean;
}

const PEOPLE = { th: 'คน', en: 'people' };

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: 'registry.registered',
    nameTh: 'ผู้ลงทะเบียน',
    nameEn: 'People registered',
    numerator: {
      th: 'บุคคลที่ลงทะเบียนในเดือนนั้น นับตามจังหวัดที่อยู่ปัจจุบัน ไม่นับระเบียนซ้ำที่รวมแล้ว (ผู้ที่ลบข้อมูลยังนับตามพื้นที่)',
      en: 'People registered in the month, by their current province; a merged duplicate is not counted (an erased person still is, by area)',
    },
    denominator: null,
    ownerModule: 'registry',
    periodType: 'fiscal-year-month',
    breakdowns: ['province', 'month'],
    source: { th: 'ทะเบียนบุคคล (person.created_at ตามเวลากรุงเทพฯ)', en: 'Person registry (person.created_at in Bangkok time)' },
    unit: PEOPLE,
    maintained: true,
  },
  {
    code: 'training.completed',
    nameTh: 'ผู้ผ่านการอบรม',
    nameEn: 'Course completions',
    numerator: {
      th: 'การสมัครที่ผ่านเกณฑ์การจบหลักสูตร นับตามจังหวัดและวันสิ้นสุดของรุ่น',
      en: 'Enrolments that met the completion rule, by the session’s province and end date',
    },
    denominator: null,
    ownerModule: 'training',
    periodType: 'fiscal-year-month',
    breakdowns: ['province', 'month'],
    source: { th: 'การสมัครและรุ่นการอบรม', en: 'Enrolments and training sessions' },
    unit: { th: 'ครั้ง', en: 'completions' },
    maintained: true,
  },
  {
    code: 'employment.placed',
    nameTh: 'ผู้ได้งานทำ (ลูกจ้าง รับงานไปทำที่บ้าน ประกอบอาชีพอิสระ)',
    nameEn: 'Placed in work (employee, home-based, self-employed)',
    numerator: {
      th: 'การบรรจุงานที่บันทึก นับตามวันเริ่มงานและจังหวัดของการส่งตัว',
      en: 'Placements recorded, by start date and the referral’s province',
    },
    denominator: null,
    ownerModule: 'employment',
    periodType: 'fiscal-year-month',
    breakdowns: ['province', 'month'],
    source: { th: 'การบรรจุงาน (เอกสารต้นทางของแผนงาน: เป้าหมายมากกว่า 15,000 คนต่อปี)', en: 'Placements (seed 000: over 15,000 employed a year)' },
    unit: PEOPLE,
    maintained: true,
  },
  {
    code: 'enterprise.otog-stage',
    nameTh: 'กลุ่มในโครงการหนึ่งตำบลหนึ่งกลุ่มอาชีพ ตามขั้น',
    nameEn: 'Groups in One Tambon One Group, by stage',
    numerator: { th: 'กลุ่มที่อยู่ในแต่ละขั้นของโครงการ', en: 'Groups standing at each stage of the programme' },
    denominator: null,
    ownerModule: 'enterprise',
    periodType: 'fiscal-year-month',
    breakdowns: ['province'],
    source: {
      th: 'การเข้าร่วมโครงการ (เอกสารต้นทางของโครงการ: 401 กลุ่มต้นแบบ 324 กลุ่มภายใน 31 มี.ค. 2568)',
      en: 'Participation (seed 004: 401 prototype groups, 324 by 31 Mar 2025)',
    },
    unit: { th: 'กลุ่ม', en: 'groups' },
    maintained: false,
  },
  {
    code: 'funding.loans-disbursed',
    nameTh: 'สัญญาเงินกู้ที่เบิกจ่าย',
    nameEn: 'Loans disbursed',
    numerator: { th: 'สัญญาเงินกู้ที่เบิกจ่ายงวดแรก ตามวันเบิกจ่ายและจังหวัด', en: 'Loans whose first tranche was paid, by that date and province' },
    denominator: null,
    ownerModule: 'funding',
    periodType: 'fiscal-year-month',
    breakdowns: ['province', 'month'],
    source: { th: 'สัญญาเงินกู้ของกองทุน', en: 'The funds’ loans' },
    unit: { th: 'สัญญา', en: 'loans' },
    maintained: false,
  },
];

export const INDICATOR_CODES = INDICATORS.map((i) => i.code) as [string, ...string[]];
export const indicatorByCode = new Map(INDICATORS.map((i) => [i.code, i]));
