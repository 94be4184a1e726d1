import { createHash } from 'node:crypto';
import type { AuditEventRow } from '../../db/schema';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit event that its hash covers. */
export interface HashedAuditFields {
  occurredAt: string;
  actorUserId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  provinceCode: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  /**
   * Present only when the event concerns a registered person (from 0006 on): an event without one
   * hashes exactly as the events chained before 0006 did, so their seals still hold.
   */
  subjectPersonId?: number;
}

/**
 * JSON with object keys sorted, so the same value hashes the same before it is stored and after
 * jsonb has reordered its keys.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The next link of the chain: sha256(prev ‖ '\n' ‖ canonical JSON of the event). */
export function auditHash(prevHash: string, fields: HashedAuditFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

/** What the chain hashes of a stored event (jsonb gives before/after back as they were stored). */
export function hashedFieldsOf(
  row: Pick<AuditEventRow, 'occurred_at' | 'action' | 'entity_type'> &
    Partial<
      Pick<AuditEventRow, 'actor_user_id' | 'actor_username' | 'entity_id' | 'province_code' | 'before' | 'after' | 'request_id' | 'ip' | 'subject_person_id'>
    >,
): HashedAuditFields {
  return {
    occurredAt: row.occurred_at.toISOString(),
    actorUserId: row.actor_user_id ?? null,
    actorUsername: row.actor_username ?? null,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id ?? null,
    provinceCode: row.province_code ?? null,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.request_id ?? null,
    ip: row.ip ?? null,
    ...(row.subject_person_id == null ? {} : { subjectPersonId: row.subject_person_id }),
  };
}
