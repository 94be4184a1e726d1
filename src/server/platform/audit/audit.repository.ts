import { sql, type Transaction } from 'kysely';
import type { Executor } from '../../db/executor';
import type { AuditEventRow, DB } from '../../db/schema';

/** Key for the advisory lock that keeps the chain a single line when writers run at once. */
const AUDIT_CHAIN_LOCK = 7_240_002;

export async function lockChainAndReadLastHash(trx: Transaction<DB>): Promise<string | undefined> {
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
  const last = await trx.selectFrom('audit_event').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return last?.hash;
}

export async function insertAuditEvent(
  trx: Transaction<DB>,
  row: Omit<AuditEventRow, 'id' | 'before' | 'after'> & { before: string | null; after: string | null },
): Promise<number> {
  const inserted = await trx.insertInto('audit_event').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export interface AuditFilter {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorUsername?: string;
  from?: Date;
  to?: Date;
  /** Keyset cursor: only events with a smaller id. */
  beforeId?: number;
  limit: number;
}

export async function listAuditEvents(db: Executor, filter: AuditFilter): Promise<AuditEventRow[]> {
  let query = db.selectFrom('audit_event').selectAll();
  if (filter.action) query = query.where('action', 'like', `${filter.action.replace(/[%_\\]/g, '\\$&')}%`);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.actorUsername) query = query.where('actor_username', '=', filter.actorUsername);
  if (filter.from) query = query.where('occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('occurred_at', '<', filter.to);
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
  return query.orderBy('id', 'desc').limit(filter.limit).execute();
}

/** Events in chain order, `limit` at a time after `afterId`. */
export async function readChainBatch(db: Executor, afterId: number, limit: number): Promise<AuditEventRow[]> {
  return db.selectFrom('audit_event').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
}
