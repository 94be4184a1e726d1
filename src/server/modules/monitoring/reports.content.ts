import { fiscalMonthIndex } from './monitoring.rules';
import type { IndicatorDefinition } from './indicators';

/**
 * What a monthly or fiscal-year report says, from the rollup cells and the targets: the XLSX and
 * the PDF are drawn from the same content, so they cannot disagree.
 */

export const MONTHS_TH = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
export const MONTHS_TH_SHORT = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
/** The fiscal year's calendar months in order: October first. */
export const FISCAL_MONTHS = [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** The B.E. calendar year of a month of a fiscal year: October–December fall in the year before. */
export const beYearOf = (fiscalYear: number, month: number) => (month >= 10 ? fiscalYear - 1 : fiscalYear);
/** 'มี.ค. 2569'. */
export const shortMonthTh = (fiscalYear: number, month: number) => `${MONTHS_TH_SHORT[month - 1]} ${beYearOf(fiscalYear, month)}`;

export interface ReportPeriod {
  period: 'month' | 'fiscal-year';
  fiscalYear: number;
  /** The calendar month (1–12) of a monthly report. */
  month: number | null;
}

/** 'รายงานผลการดำเนินงานประจำเดือนมีนาคม 2569' or 'รายงานผลการดำเนินงานประจำปีงบประมาณ 2569'. */
export function reportTitle(p: ReportPeriod): string {
  return p.period === 'month'
    ? `รายงานผลการดำเนินงานประจำเดือน${MONTHS_TH[p.month! - 1]} ${beYearOf(p.fiscalYear, p.month!)}`
    : `รายงานผลการดำเนินงานประจำปีงบประมาณ ${p.fiscalYear}`;
}

export interface ReportIndicator {
  code: string;
  nameTh: string;
  unitTh: string;
  format: IndicatorDefinition['format'];
  /** The value of each month in `months` (satang for money). */
  byMonth: number[];
  /** The sum over `months`: the fiscal year to the report's month. */
  total: number;
  /** The fiscal year's target for the area; null where none is set. */
  target: number | null;
}

export interface ReportContent extends ReportPeriod {
  areaCode: string;
  areaNameTh: string;
  generatedAt: Date;
  /** Calendar months covered, in fiscal order: October to the report's month (or September). */
  months: number[];
  indicators: ReportIndicator[];
  /** Per province of the area with any value: each indicator's total, in `indicators`' order. */
  provinces: { code: string; nameTh: string; totals: number[] }[];
}

export interface ReportInputs extends ReportPeriod {
  areaCode: string;
  areaNameTh: string;
  generatedAt: Date;
  indicators: readonly IndicatorDefinition[];
  cells: readonly { indicator: string; month: number; province_code: string; value: number | string }[];
  targets: ReadonlyMap<string, number>;
  provinceNames: ReadonlyMap<string, string>;
}

/** The report's figures: only the rollup indicators that are counted (a snapshot such as PAR30 has no months). */
export function reportContent(input: ReportInputs): ReportContent {
  const last = input.period === 'month' ? fiscalMonthIndex(input.month!) : 12;
  const months = FISCAL_MONTHS.slice(0, last);
  const shown = input.indicators.filter((i) => i.kind === 'rollup' && i.maintained);
  const cells = input.cells.filter((c) => fiscalMonthIndex(c.month) <= last);
  // Summed once into maps: a national report reads about indicators × months × provinces cells.
  const perMonth = new Map<string, number>();
  const perProvince = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, value: number) => map.set(key, (map.get(key) ?? 0) + value);
  for (const c of cells) {
    add(perMonth, `${c.indicator}|${c.month}`, Number(c.value));
    add(perProvince, `${c.indicator}|${c.province_code}`, Number(c.value));
  }
  const indicators = shown.map((i): ReportIndicator => {
    const byMonth = months.map((m) => perMonth.get(`${i.code}|${m}`) ?? 0);
    return {
      code: i.code,
      nameTh: i.nameTh,
      unitTh: i.unit.th,
      format: i.format,
      byMonth,
      total: byMonth.reduce((a, b) => a + b, 0),
      target: input.targets.get(i.code) ?? null,
    };
  });
  const codes = [...new Set(cells.map((c) => c.province_code))].sort();
  const provinces = codes
    .map((code) => ({
      code,
      nameTh: input.provinceNames.get(code) ?? code,
      totals: shown.map((i) => perProvince.get(`${i.code}|${code}`) ?? 0),
    }))
    .filter((p) => p.totals.some((v) => v !== 0));
  return {
    period: input.period,
    fiscalYear: input.fiscalYear,
    month: input.month,
    areaCode: input.areaCode,
    areaNameTh: input.areaNameTh,
    generatedAt: input.generatedAt,
    months,
    indicators,
    provinces,
  };
}
