import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';

/**
 * A change to a counted fact, told by the module that owns the record, inside the transaction
 * that records it: one more person registered in Khon Kaen on 1 October, one placement fewer.
 * Monitoring keeps its rollups from these; `platform/` only names the shape, so a module can tell
 * without importing monitoring (which reads every module, and so sits above them all).
 */
export interface FactChange {
  /** The indicator's code (`registry.registered`, `employment.placed`, …). */
  indicator: string;
  /** The civil date in Bangkok (YYYY-MM-DD) the fact belongs to: its period follows from it. */
  on: string;
  /** The province the fact is counted in (2-digit DOPA code). */
  provinceCode: string;
  /** +1 for a fact gained, −1 for one lost (a merged duplicate, a completion withdrawn). */
  delta: number;
  /**
   * A breakdown cell instead of the province's total: the district it is counted in (`'-'` for
   * none within the province: an online course, a person living elsewhere), or the target group
   * (`'none'` for a person with none). A fact names at most one of the two; the province total
   * is told as its own fact without either.
   */
  districtCode?: string;
  targetGroup?: string;
}

/** Where facts are told: monitoring's recorder in the app, nothing in a module built alone. */
export type FactSink = (trx: Transaction<DB>, changes: readonly FactChange[]) => Promise<void>;

/** The sink of a module built without monitoring (a unit test of a service). */
export const IGNORE_FACTS: FactSink = async () => {};

/** A module's count of one indicator's facts on one day in one province (a tally row). */
export interface FactTally {
  indicator: string;
  provinceCode: string;
  on: string;
  count: number | string | bigint;
  /** A breakdown cell, as in `FactChange`. */
  districtCode?: string;
  targetGroup?: string;
}

/**
 * The changes that turn one set of tallies into another: a module reads the tallies of the records
 * a write touches (a group's, a loan's) before and after the write, in its transaction, and tells
 * the difference. The rebuild reads the same tallies over every record, so the two agree by
 * construction.
 */
export function factDifference(before: readonly FactTally[], after: readonly FactTally[]): FactChange[] {
  const net = new Map<string, FactChange>();
  const add = (t: FactTally, sign: number) => {
    const key = `${t.indicator}|${t.on}|${t.provinceCode}|${t.districtCode ?? '*'}|${t.targetGroup ?? '*'}`;
    const entry = net.get(key) ?? {
      indicator: t.indicator,
      on: t.on,
      provinceCode: t.provinceCode,
      delta: 0,
      ...(t.districtCode !== undefined && t.districtCode !== '*' ? { districtCode: t.districtCode } : {}),
      ...(t.targetGroup !== undefined && t.targetGroup !== '*' ? { targetGroup: t.targetGroup } : {}),
    };
    entry.delta += sign * Number(t.count);
    net.set(key, entry);
  };
  for (const t of before) add(t, -1);
  for (const t of after) add(t, 1);
  return [...net.values()].filter((c) => c.delta !== 0);
}

/**
 * Runs `write` in `trx` between two readings of the tallies it may change, and tells the sink the
 * difference: the way a module keeps a rollup whose facts are states (a stage first reached, a
 * certificate standing, a month's sales) rather than one event each.
 */
export async function tellingDifference<T>(
  trx: Transaction<DB>,
  sink: FactSink,
  tallies: (trx: Transaction<DB>) => Promise<readonly FactTally[]>,
  write: () => Promise<T>,
): Promise<T> {
  const before = await tallies(trx);
  const result = await write();
  const changes = factDifference(before, await tallies(trx));
  if (changes.length) await sink(trx, changes);
  return result;
}

/** A module's count of one indicator's facts of one person (a completion, a placement), for the target-group breakdown. */
export interface PersonFact {
  personId: number | string;
  provinceCode: string;
  on: string;
  count: number | string | bigint;
}

/**
 * The target-group cells of facts that belong to people: each person's facts counted once under
 * each of their target groups (`'none'` for a person with none), the groups read from the
 * registry (`groupsOf`), since only the registry reads people.
 */
export async function byTargetGroup(
  indicator: string,
  facts: readonly PersonFact[],
  groupsOf: (personIds: readonly number[]) => Promise<ReadonlyMap<number, readonly string[]>>,
): Promise<FactTally[]> {
  const groups = await groupsOf([...new Set(facts.map((f) => Number(f.personId)))]);
  const net = new Map<string, FactTally & { count: number }>();
  for (const f of facts) {
    const mine = groups.get(Number(f.personId));
    for (const targetGroup of mine?.length ? mine : ['none']) {
      const key = `${f.provinceCode}|${f.on}|${targetGroup}`;
      const entry = net.get(key) ?? { indicator, provinceCode: f.provinceCode, on: f.on, targetGroup, count: 0 };
      entry.count += Number(f.count);
      net.set(key, entry);
    }
  }
  return [...net.values()];
}
