import { fiscalYearOfDate } from '../../../shared/fiscal-year';
import type { FactChange } from '../../platform/facts';

/**
 * A rollup cell: one indicator, fiscal year (B.E.), calendar month and province, and either the
 * province's total (district and target group `'*'`), one district of it, or one target group.
 */
export interface Cell {
  indicator: string;
  fiscalYear: number;
  month: number;
  provinceCode: string;
  districtCode: string;
  targetGroup: string;
}

/** Every dimension but the value: the whole province, every target group. */
export const ALL = '*';

export const cellKey = (c: Cell) => `${c.indicator}|${c.fiscalYear}|${c.month}|${c.provinceCode}|${c.districtCode}|${c.targetGroup}`;

/** The cell a fact falls in: its Bangkok civil date gives the fiscal year and month; its breakdown, if any, the rest. */
export const cellOf = (indicator: string, on: string, provinceCode: string, breakdown: { districtCode?: string; targetGroup?: string } = {}): Cell => ({
  indicator,
  fiscalYear: fiscalYearOfDate(on),
  month: Number(on.slice(5, 7)),
  provinceCode,
  districtCode: breakdown.districtCode ?? ALL,
  targetGroup: breakdown.targetGroup ?? ALL,
});

/** Changes summed per cell, cells that net to nothing left out (one statement per cell, in a stable order). */
export function netChanges(changes: readonly FactChange[]): (Cell & { delta: number })[] {
  const sums = new Map<string, Cell & { delta: number }>();
  for (const c of changes) {
    const cell = cellOf(c.indicator, c.on, c.provinceCode, c);
    const key = cellKey(cell);
    const entry = sums.get(key) ?? { ...cell, delta: 0 };
    entry.delta += c.delta;
    sums.set(key, entry);
  }
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, c]) => c)
    .filter((c) => c.delta !== 0);
}

/** October is the fiscal year's first month, September its twelfth. */
export const fiscalMonthIndex = (month: number) => ((month + 2) % 12) + 1;

/**
 * How many months of a fiscal year have begun by `today` (Bangkok date): 12 for a past year, 0
 * for a future one. "The same point last year" sums the previous year's first that many months.
 */
export function monthsElapsed(fiscalYear: number, today: string): number {
  const current = fiscalYearOfDate(today);
  if (fiscalYear < current) return 12;
  if (fiscalYear > current) return 0;
  return fiscalMonthIndex(Number(today.slice(5, 7)));
}

/** Whole percent of a target reached, one decimal; null without a target. */
export const percentOf = (actual: number, target: number | null) => (target === null || target === 0 ? null : Math.round((actual / target) * 1000) / 10);

/** Public figures below this are shown as "<5", so that no one is identified. */
export const SMALL_NUMBER = 5;
export const suppress = (value: number): number | '<5' => (value > 0 && value < SMALL_NUMBER ? '<5' : value);
