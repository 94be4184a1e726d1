import type { Transaction } from 'kysely';
import type { Executor } from '../../db/executor';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../context';
import { newSubjectKey, openFields, sealFields } from './audit.personal';
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
  /** The registered person (registry's person id) the event concerns, if any. */
  subjectPersonId?: number | null;
  /**
   * Top-level fields of `before`/`after` that hold that person's personal data (names, numbers,
   * contact…). They are stored encrypted under the person's own key, which `shredAuditSubject`
   * destroys on erasure. Needs `subjectPersonId`.
   */
  personal?: readonly string[];
}

/** Drops undefined and turns Dates into strings, as jsonb will give them back. */
const asStoredJson = (value: unknown): unknown => (value === undefined || value === null ? null : JSON.parse(JSON.stringify(value)));

/** The person's key, made on their first event with personal values. */
async function subjectKeyForWrite(trx: Transaction<DB>, personId: number): Promise<Buffer> {
  let secret = await repository.subjectKey(trx, personId);
  if (!secret) {
    await repository.insertSubjectKey(trx, personId, newSubjectKey().toString('base64'));
    secret = (await repository.subjectKey(trx, personId))!;
  }
  return Buffer.from(secret, 'base64');
}

/**
 * Records one event in the caller's transaction: it commits or rolls back with the change it
 * describes. No lock is taken: the sealer links committed events into the hash chain shortly
 * after (`audit.sealer.ts`), so audited transactions no longer wait for each other here.
 */
export async function recordAudit(trx: Transaction<DB>, ctx: RequestContext, change: AuditChange): Promise<void> {
  await repository.insertAuditEvent(trx, await auditRow(trx, ctx, change));
}

/**
 * Records many events in the caller's transaction in one statement (a batch of a bank statement's
 * repayments): each is the event `recordAudit` would write, in the same order.
 */
export async function recordAudits(trx: Transaction<DB>, ctx: RequestContext, changes: readonly AuditChange[]): Promise<void> {
  const rows = [];
  for (const change of changes) rows.push(await auditRow(trx, ctx, change));
  await repository.insertAuditEvents(trx, rows);
}

async function auditRow(trx: Transaction<DB>, ctx: RequestContext, change: AuditChange) {
  let before = asStoredJson(change.before);
  let after = asStoredJson(change.after);
  const subject = change.subjectPersonId ?? null;
  if (change.personal?.length) {
    if (subject === null) throw new Error(`Audit event ${change.action} names personal fields but no subjectPersonId to encrypt them for.`);
    const key = await subjectKeyForWrite(trx, subject);
    before = sealFields(before, change.personal, key, subject);
    after = sealFields(after, change.personal, key, subject);
  }
  return {
    occurred_at: new Date(),
    actor_user_id: ctx.actor?.userId ?? null,
    // A citizen's username is often made from her name: her own events name her account by id only.
    actor_username: ctx.actor && ctx.actor.personId === null ? ctx.actor.username : null,
    action: change.action,
    entity_type: change.entityType,
    entity_id: change.entityId ?? null,
    province_code: change.provinceCode ?? null,
    before: before === null ? null : JSON.stringify(before),
    after: after === null ? null : JSON.stringify(after),
    request_id: ctx.requestId,
    ip: ctx.ip ?? null,
    subject_person_id: subject,
  };
}

/**
 * Erasure of a person from the audit trail (crypto-shredding): destroys the key their personal
 * values were encrypted under. The events stay, their hashes still hold (they cover the
 * ciphertext), and the values read as `{ erased: true }` from then on. Call it in the erasure's
 * own transaction, so the key goes exactly when the record does:
 *
 *     await db.transaction().execute(async (trx) => {
 *       …erase the person's rows…
 *       await shredAuditSubject(trx, personId);
 *       await recordAudit(trx, ctx, { action: 'person.erase', entityType: 'person', entityId: String(personId), subjectPersonId: personId });
 *     });
 *
 * Returns whether the trail held personal values of the person. A key is made afresh if a later
 * event records new personal values; those erased before stay unreadable.
 */
export async function shredAuditSubject(trx: Transaction<DB>, personId: number): Promise<boolean> {
  return repository.deleteSubjectKey(trx, personId);
}

/** An event as the browse API shows it: seal (or none yet), personal values opened or erased. */
export interface PresentedAuditEvent {
  id: number;
  occurredAt: string;
  actorUserId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  provinceCode: string | null;
  subjectPersonId: number | null;
  before: unknown;
  after: unknown;
  /** Some personal values were erased (their person's key destroyed). */
  personalErased: boolean;
  requestId: string | null;
  ip: string | null;
  /** Null until the sealer has linked the event into the chain. */
  seal: { position: number; hash: string; sealedAt: string } | null;
}

/**
 * `personal: 'withhold'` is how administrators read the trail (issue 15 §4): personal values show
 * as `{ withheld: true }` (or `{ erased: true }`), and no event names a registered person by id:
 * `subjectPersonId` and the id of a person entity are left out. The filter by person still works.
 */
export async function listAuditEvents(
  db: Executor,
  filter: repository.AuditFilter,
  options: { personal: 'open' | 'withhold' } = { personal: 'open' },
): Promise<PresentedAuditEvent[]> {
  const withhold = options.personal === 'withhold';
  const rows = await repository.listAuditEvents(db, filter);
  const subjects = [...new Set(rows.flatMap((r) => (r.subject_person_id === null ? [] : [r.subject_person_id])))];
  const keys = await repository.subjectKeys(db, subjects);
  return rows.map((r) => {
    const secret = r.subject_person_id === null ? undefined : keys.get(r.subject_person_id);
    const key = secret ? Buffer.from(secret, 'base64') : null;
    const before = openFields(r.before, key, r.subject_person_id, withhold);
    const after = openFields(r.after, key, r.subject_person_id, withhold);
    const namesPerson = r.entity_type === 'person' || r.subject_person_id !== null;
    return {
      id: r.id,
      occurredAt: r.occurred_at.toISOString(),
      actorUserId: r.actor_user_id,
      actorUsername: r.actor_username,
      action: r.action,
      entityType: r.entity_type,
      entityId: withhold && namesPerson && r.entity_type === 'person' ? null : r.entity_id,
      provinceCode: r.province_code,
      subjectPersonId: withhold ? null : r.subject_person_id,
      before: before.value,
      after: after.value,
      personalErased: before.erased || after.erased,
      requestId: r.request_id,
      ip: r.ip,
      seal: r.position === null ? null : { position: r.position, hash: r.hash!, sealedAt: r.sealed_at!.toISOString() },
    };
  });
}

export type { AuditFilter } from './audit.repository';
export { createAuditTrail, type AuditTrail, type AuditTrailOptions, type AuditStatus } from './audit.sealer';
export { verifyAuditChain, type ChainVerdict, type AuditProblem } from './audit.verify';
export type { Checkpoint } from './audit.checkpoints';
