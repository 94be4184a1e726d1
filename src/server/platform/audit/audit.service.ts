import type { Transaction } from 'kysely';
import type { Executor } from '../../db/executor';
import type { AuditEventRow, DB } from '../../db/schema';
import type { RequestContext } from '../context';
import { auditHash, GENESIS_HASH, type HashedAuditFields } from './audit.hash';
import * as repository from './audit.repository';

export interface AuditChange {
  /** Dotted verb, e.g. `user.create`, `unit.update`, `session.sign_in`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  /** The province the record belongs to, so scoped reviewers can filter by area. */
  provinceCode?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Drops undefined and turns Dates into strings, as jsonb will give them back. */
const asStoredJson = (value: unknown): unknown => (value === undefined || value === null ? null : JSON.parse(JSON.stringify(value)));

/**
 * Appends one event to the chain. Takes a transaction, not the database: the event commits or
 * rolls back with the change it describes, and the chain lock is held until then.
 */
export async function recordAudit(trx: Transaction<DB>, ctx: RequestContext, change: AuditChange): Promise<void> {
  const prevHash = (await repository.lockChainAndReadLastHash(trx)) ?? GENESIS_HASH;
  const fields: HashedAuditFields = {
    occurredAt: new Date().toISOString(),
    actorUserId: ctx.actor?.userId ?? null,
    actorUsername: ctx.actor?.username ?? null,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId ?? null,
    provinceCode: change.provinceCode ?? null,
    before: asStoredJson(change.before),
    after: asStoredJson(change.after),
    requestId: ctx.requestId,
    ip: ctx.ip ?? null,
  };
  await repository.insertAuditEvent(trx, {
    occurred_at: new Date(fields.occurredAt),
    actor_user_id: fields.actorUserId,
    actor_username: fields.actorUsername,
    action: fields.action,
    entity_type: fields.entityType,
    entity_id: fields.entityId,
    province_code: fields.provinceCode,
    before: fields.before === null ? null : JSON.stringify(fields.before),
    after: fields.after === null ? null : JSON.stringify(fields.after),
    request_id: fields.requestId,
    ip: fields.ip,
    prev_hash: prevHash,
    hash: auditHash(prevHash, fields),
  });
}

function hashedFieldsOf(row: AuditEventRow): HashedAuditFields {
  return {
    occurredAt: row.occurred_at.toISOString(),
    actorUserId: row.actor_user_id,
    actorUsername: row.actor_username,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    provinceCode: row.province_code,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.request_id,
    ip: row.ip,
  };
}

export type ChainVerdict =
  { ok: true; events: number; lastHash: string } | { ok: false; events: number; firstBadId: number; reason: 'hash-mismatch' | 'broken-link' };

/** Walks the whole chain in id order and reports the first event whose hash or link does not hold. */
export async function verifyAuditChain(db: Executor, batchSize = 2000): Promise<ChainVerdict> {
  let expectedPrev = GENESIS_HASH;
  let afterId = 0;
  let events = 0;
  for (;;) {
    const batch = await repository.readChainBatch(db, afterId, batchSize);
    for (const row of batch) {
      events += 1;
      if (row.prev_hash !== expectedPrev) return { ok: false, events, firstBadId: row.id, reason: 'broken-link' };
      if (auditHash(row.prev_hash, hashedFieldsOf(row)) !== row.hash) {
        return { ok: false, events, firstBadId: row.id, reason: 'hash-mismatch' };
      }
      expectedPrev = row.hash;
      afterId = row.id;
    }
    if (batch.length < batchSize) return { ok: true, events, lastHash: expectedPrev };
  }
}

export const listAuditEvents = repository.listAuditEvents;
export type { AuditFilter } from './audit.repository';
