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
}

/** Where facts are told: monitoring's recorder in the app, nothing in a module built alone. */
export type FactSink = (trx: Transaction<DB>, changes: readonly FactChange[]) => Promise<void>;

/** The sink of a module built without monitoring (a unit test of a service). */
export const IGNORE_FACTS: FactSink = async () => {};
