/**
 * The indicators, as data: what each counts (numerator, and denominator for a rate), the module
 * that owns the records and publishes the facts, the period, the breakdowns the rollup keeps, the
 * source and the unit. A page, a report or the open data describe an indicator from here; only
 * `maintained` ones have rollups today.
 */
import { OTOG } from '../enterprise/data/programmes';
import { OTOG_STAGE_INDICATOR } from '../enterprise/facts';

export interface IndicatorDefinition {
  code: string;
  nameTh: string;
  nameEn: string;
  numerator: { th: string; en: string };
  /** Null for a count; the denominator of a rate. */
  denominator: { th: string; en: string } | null;
  ownerModule: 'registry' | 'training' | 'employment' | 'enterprise' | 'funding' | 'marketplace';
  /** The period a value belongs to: Thai fiscal years (1 Oct – 30 Sep, B.E.) by month, or a state as of a day. */
  periodType: 'fiscal-year-month' | 'snapshot';
  /** The breakdowns its rollup keeps (more are planned: sex, age band, agency). */
  breakdowns: readonly ('province' | 'month' | 'district' | 'target-group')[];
  source: { th: string; en: string };
  unit: { th: string; en: string };
  /** How a value reads: a count (small ones suppressed in public), satang shown as baht, or a percent. */
  format: 'count' | 'satang' | 'percent';
  /** rollup: summed from monitoring's cells (kept as the work happens); snapshot: read from the owner's state as of a day. */
  kind: 'rollup' | 'snapshot';
  /** True when the owning module tells its changes and the rebuild recomputes it. */
  maintained: boolean;
}

const PEOPLE = { th: 'คน', en: 'people' };
const GROUPS = { th: 'กลุ่ม', en: 'groups' };
const BAHT = { th: 'บาท', en: 'baht' };

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
    breakdowns: ['province', 'district', 'target-group', 'month'],
    source: { th: 'ทะเบียนบุคคล (person.created_at ตามเวลากรุงเทพฯ)', en: 'Person registry (person.created_at in Bangkok time)' },
    unit: PEOPLE,
    format: 'count',
    kind: 'rollup',
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
    breakdowns: ['province', 'district', 'target-group', 'month'],
    source: { th: 'การสมัครและรุ่นการอบรม', en: 'Enrolments and training sessions' },
    unit: { th: 'ครั้ง', en: 'completions' },
    format: 'count',
    kind: 'rollup',
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
    breakdowns: ['province', 'district', 'target-group', 'month'],
    source: { th: 'การบรรจุงาน (เอกสารต้นทางของแผนงาน: เป้าหมายมากกว่า 15,000 คนต่อปี)', en: 'Placements (seed 000: over 15,000 employed a year)' },
    unit: PEOPLE,
    format: 'count',
    kind: 'rollup',
    maintained: true,
  },
  ...OTOG.stages.map((stage, i): IndicatorDefinition => ({
    code: OTOG_STAGE_INDICATOR(stage.code),
    nameTh: `หนึ่งตำบลหนึ่งกลุ่มอาชีพ ขั้นที่ ${i + 1}: ${stage.nameTh}`,
    nameEn: `One Tambon One Group, stage ${i + 1}: ${stage.nameEn}`,
    numerator: {
      th: `กลุ่มที่ถึงขั้น “${stage.nameTh}” เป็นครั้งแรกในเดือนนั้น นับตามจังหวัดของการเข้าร่วมโครงการ`,
      en: `Groups first reaching “${stage.nameEn}” in the month, by the participation’s province`,
    },
    denominator: null,
    ownerModule: 'enterprise',
    periodType: 'fiscal-year-month',
    breakdowns: ['province', 'month'],
    source: {
      th: 'ขั้นการเข้าร่วมโครงการ (เอกสารต้นทางของโครงการ: 401 กลุ่มต้นแบบ อบรมแล้ว 77 กลุ่ม อีก 324 กลุ่มภายใน 31 มี.ค. 2568)',
      en: 'Participation steps (seed 004: 401 prototype groups; 77 trained, the other 324 by 31 Mar 2025)',
    },
    unit: GROUPS,
    format: 'count',
    kind: 'rollup',
    maintained: true,
  })),
  {
    code: 'enterprise.ce-registered',
    nameTh: 'วิสาหกิจชุมชนที่จดทะเบียนใหม่',
    nameEn: 'Community enterprises registered',
    numerator: {
      th: 'กลุ่มที่จดทะเบียนวิสาหกิจชุมชนในเดือนนั้น ตามวันที่จดทะเบียนและจังหวัดของกลุ่ม',
      en: 'Groups registered as community enterprises in the month, by registration date and the group’s province',
    },
    denominator: null,
    ownerModule: 'enterprise',
    periodType: 'fiscal-year-month',
    breakdowns: ['province', 'month'],
    source: {
      th: 'การพัฒนากลุ่ม (เอกสารต้นทางของแผนงาน: กลุ่มผู้ประกอบการใหม่มากกว่า 140 กลุ่มต่อปี)',
      en: 'Group development (seed 000: over 140 new entrepreneur groups a year)',
    },
    unit: GROUPS,
    format: 'count',
    kind: 'rollup',
    maintained: true,
  },
  {
    code: 'enterprise.products-certified',
    nameTh: 'ผลิตภัณฑ์ที่ได้รับรองมาตรฐาน',
    nameEn: 'Product certificates issued',
    numerator: {
      th: 'ใบรับรองมาตรฐานผลิตภัณฑ์ (อย. มผช. ฯลฯ) ตามวันที่ออกและจังหวัดของผลิตภัณฑ์',
      en: 'Product certificates (FDA, TCPS, …) by issue date and the product’s province',
    },
    denominator: null,
    ownerModule: 'enterprise',
    periodType: 'fiscal-year-month',
    breakdowns: ['province', 'month'],
    source: { th: 'การรับรองมาตรฐานผลิตภัณฑ์', en: 'Product certifications' },
    unit: { th: 'ใบ', en: 'certificates' },
    format: 'count',
    kind: 'rollup',
    maintained: true,
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
    format: 'count',
    kind: 'rollup',
    maintained: true,
  },
  {
    code: 'funding.disbursed-satang',
    nameTh: 'เงินกู้ที่เบิกจ่าย (บาท)',
    nameEn: 'Loan money disbursed (baht)',
    numerator: { th: 'เงินที่จ่ายตามงวดเบิกจ่าย ตามวันจ่ายและจังหวัดของสัญญา', en: 'Money paid out in tranches, by payment date and the loan’s province' },
    denominator: null,
    ownerModule: 'funding',
    periodType: 'fiscal-year-month',
    breakdowns: ['province', 'month'],
    source: { th: 'งวดเบิกจ่ายเงินกู้ของกองทุน', en: 'The funds’ loan tranches' },
    unit: BAHT,
    format: 'satang',
    kind: 'rollup',
    maintained: true,
  },
  {
    code: 'funding.par30',
    nameTh: 'สัดส่วนหนี้ค้างชำระเกิน 30 วัน (PAR30)',
    nameEn: 'Portfolio at risk over 30 days (PAR30)',
    numerator: { th: 'เงินต้นคงค้างของสัญญาที่มีงวดค้างชำระเกิน 30 วัน', en: 'Principal outstanding on loans with an instalment over 30 days past due' },
    denominator: { th: 'เงินต้นคงค้างของสัญญาที่ยังผ่อนชำระทั้งหมด', en: 'All principal outstanding on active loans' },
    ownerModule: 'funding',
    periodType: 'snapshot',
    breakdowns: ['province'],
    source: { th: 'ยอดค้างของสัญญาเงินกู้ ณ วันนี้ (ปีงบประมาณที่ผ่านแล้ว: ณ 30 ก.ย.)', en: 'Loans’ arrears as of today (a past fiscal year: as of 30 Sep)' },
    unit: { th: 'ร้อยละ', en: 'percent' },
    format: 'percent',
    kind: 'snapshot',
    maintained: true,
  },
  {
    code: 'marketplace.selling-online',
    nameTh: 'กลุ่มที่เริ่มขายออนไลน์',
    nameEn: 'Groups selling online',
    numerator: {
      th: 'กลุ่มที่ขายได้ครั้งแรกบนช่องทางออนไลน์ใดก็ได้ ตามวันที่ขายครั้งแรกและจังหวัด',
      en: 'Groups making their first sale on any online channel, by that date and province',
    },
    denominator: null,
    ownerModule: 'marketplace',
    periodType: 'fiscal-year-month',
    breakdowns: ['province', 'month'],
    source: { th: 'บัญชีร้านค้าออนไลน์ของกลุ่ม', en: 'Groups’ channel accounts' },
    unit: GROUPS,
    format: 'count',
    kind: 'rollup',
    maintained: true,
  },
  {
    code: 'marketplace.sales-satang',
    nameTh: 'ยอดขายของกลุ่ม (บาท)',
    nameEn: 'Groups’ sales (baht)',
    numerator: { th: 'ยอดขายที่รายงานทุกช่องทาง ตามเดือนของรายงานและจังหวัด', en: 'Sales reported on every channel, by the report’s month and province' },
    denominator: null,
    ownerModule: 'marketplace',
    periodType: 'fiscal-year-month',
    breakdowns: ['province', 'month'],
    source: { th: 'รายงานยอดขายรายเดือน', en: 'Monthly sales reports' },
    unit: BAHT,
    format: 'satang',
    kind: 'rollup',
    maintained: true,
  },
];

export const INDICATOR_CODES = INDICATORS.map((i) => i.code) as [string, ...string[]];
export const indicatorByCode = new Map(INDICATORS.map((i) => [i.code, i]));
