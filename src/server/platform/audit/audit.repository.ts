import { sql, type Transaction } from 'kysely';
import type { Executor } from '../../db/executor';
import type { AuditCheckpointRow, AuditEventRow, AuditSealRow, DB } from '../../db/schema';

/** Key of the advisory lock a sealing pass tries for: one pass at a time across all processes. */
const AUDIT_SEAL_LOCK = 7_240_002;

export type NewAuditEvent = Omit<AuditEventRow, 'id' | 'before' | 'after'> & { before: string | null; after: string | null };

/**
 * The event and its place in the sealer's queue, in one statement and without any lock: the two
 * commit (or vanish) with the caller's transaction, and only then does the sealer see them.
 */
export async function insertAuditEvent(trx: Transaction<DB>, row: NewAuditEvent): Promise<void> {
  await trx
    .with('event', (db) => db.insertInto('audit_event').values(row).returning('id'))
    .insertInto('audit_unsealed')
    .columns(['event_id'])
    .expression((eb) => eb.selectFrom('event').select('id'))
    .execute();
}

/** Many events, as `insertAuditEvent` writes one, in one statement: their columns as arrays, in the order given. */
export async function insertAuditEvents(trx: Transaction<DB>, rows: readonly NewAuditEvent[]): Promise<void> {
  if (!rows.length) return;
  const column = <K extends keyof NewAuditEvent>(k: K) => rows.map((r) => r[k] ?? null);
  await sql`with event as (
      insert into audit_event (occurred_at, actor_user_id, actor_username, action, entity_type, entity_id, province_code, before, after, request_id, ip, subject_person_id)
      select * from unnest(${column('occurred_at')}::timestamptz[], ${column('actor_user_id')}::uuid[], ${column('actor_username')}::text[],
        ${column('action')}::text[], ${column('entity_type')}::text[], ${column('entity_id')}::text[], ${column('province_code')}::text[],
        ${column('before')}::jsonb[], ${column('after')}::jsonb[], ${column('request_id')}::text[], ${column('ip')}::text[], ${column('subject_person_id')}::int8[])
      returning id)
    insert into audit_unsealed (event_id) select id from event`.execute(trx);
}

export async function subjectKey(db: Executor, personId: number): Promise<string | undefined> {
  const row = await db.selectFrom('audit_subject_key').select('secret').where('person_id', '=', personId).executeTakeFirst();
  return row?.secret;
}

export async function subjectKeys(db: Executor, personIds: number[]): Promise<Map<number, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db.selectFrom('audit_subject_key').select(['person_id', 'secret']).where('person_id', 'in', personIds).execute();
  return new Map(rows.map((r) => [r.person_id, r.secret]));
}

/** Two first events about one person at once: the later insert waits for the first and keeps it. */
export async function insertSubjectKey(trx: Executor, personId: number, secret: string): Promise<void> {
  await trx
    .insertInto('audit_subject_key')
    .values({ person_id: personId, secret })
    .onConflict((oc) => oc.column('person_id').doNothing())
    .execute();
}

export async function deleteSubjectKey(trx: Executor, personId: number): Promise<boolean> {
  const result = await trx.deleteFrom('audit_subject_key').where('person_id', '=', personId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface AuditFilter {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorUsername?: string;
  subjectPersonId?: number;
  from?: Date;
  to?: Date;
  /** Keyset cursor: only events with a smaller id. */
  beforeId?: number;
  limit: number;
}

export type ListedAuditEvent = AuditEventRow & { position: number | null; hash: string | null; sealed_at: Date | null };

export async function listAuditEvents(db: Executor, filter: AuditFilter): Promise<ListedAuditEvent[]> {
  let query = db
    .selectFrom('audit_event as e')
    .leftJoin('audit_seal as s', 's.event_id', 'e.id')
    .selectAll('e')
    .select(['s.position', 's.hash', 's.sealed_at']);
  if (filter.action) query = query.where('e.action', 'like', `${filter.action.replace(/[%_\\]/g, '\\$&')}%`);
  if (filter.entityType) query = query.where('e.entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('e.entity_id', '=', filter.entityId);
  if (filter.actorUsername) query = query.where('e.actor_username', '=', filter.actorUsername);
  if (filter.subjectPersonId !== undefined) query = query.where('e.subject_person_id', '=', filter.subjectPersonId);
  if (filter.from) query = query.where('e.occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('e.occurred_at', '<', filter.to);
  if (filter.beforeId) query = query.where('e.id', '<', filter.beforeId);
  return query.orderBy('e.id', 'desc').limit(filter.limit).execute() as Promise<ListedAuditEvent[]>;
}

// ---------------------------------------------------------------- sealing

/** Opens a sealing pass: false when another process's pass holds the lock (it will seal for us). */
export async function trySealLock(trx: Transaction<DB>): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${AUDIT_SEAL_LOCK}) as locked`.execute(trx);
  return rows[0]!.locked;
}

export async function chainHead(db: Executor): Promise<Pick<AuditSealRow, 'position' | 'hash' | 'sealed_at'> | undefined> {
  return db.selectFrom('audit_seal').select(['position', 'hash', 'sealed_at']).orderBy('position', 'desc').limit(1).executeTakeFirst();
}

/** Committed events not yet sealed, oldest id first. */
export async function unsealedBatch(trx: Executor, limit: number): Promise<AuditEventRow[]> {
  return trx.selectFrom('audit_unsealed as u').innerJoin('audit_event as e', 'e.id', 'u.event_id').selectAll('e').orderBy('u.event_id').limit(limit).execute();
}

export async function insertSeals(trx: Executor, seals: { position: number; event_id: number; prev_hash: string; hash: string }[]): Promise<void> {
  if (seals.length === 0) return;
  await trx.insertInto('audit_seal').values(seals).execute();
  await trx
    .deleteFrom('audit_unsealed')
    .where(
      'event_id',
      'in',
      seals.map((s) => s.event_id),
    )
    .execute();
}

/** How far behind the sealer is: the count of waiting events and the oldest one's time. */
export async function unsealedSummary(db: Executor): Promise<{ count: number; oldest: Date | null }> {
  const row = await db
    .selectFrom('audit_unsealed as u')
    .innerJoin('audit_event as e', 'e.id', 'u.event_id')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('e.occurred_at').as('oldest')])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), oldest: (row.oldest as Date | null) ?? null };
}

// ---------------------------------------------------------------- verification

/** Seals in chain order with their events (null fields when the event row is gone). */
export async function sealBatch(db: Executor, afterPosition: number, limit: number) {
  return db
    .selectFrom('audit_seal as s')
    .leftJoin('audit_event as e', 'e.id', 's.event_id')
    .select(['s.position', 's.event_id', 's.prev_hash', 's.hash', 's.sealed_at'])
    .select([
      'e.id',
      'e.occurred_at',
      'e.actor_user_id',
      'e.actor_username',
      'e.action',
      'e.entity_type',
      'e.entity_id',
      'e.province_code',
      'e.before',
      'e.after',
      'e.request_id',
      'e.ip',
      'e.subject_person_id',
    ])
    .where('s.position', '>', afterPosition)
    .orderBy('s.position')
    .limit(limit)
    .execute();
}

/** Every event without a seal (a full anti-join: verification reads the whole trail anyway). */
export async function eventsWithoutSeal(db: Executor, limit: number): Promise<{ id: number; occurred_at: Date; queued: boolean }[]> {
  const rows = await db
    .selectFrom('audit_event as e')
    .leftJoin('audit_unsealed as u', 'u.event_id', 'e.id')
    .select(['e.id', 'e.occurred_at', 'u.event_id as queued'])
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('audit_seal as s').select('s.position').whereRef('s.event_id', '=', 'e.id'))))
    .orderBy('e.occurred_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, occurred_at: r.occurred_at, queued: r.queued !== null }));
}

// ---------------------------------------------------------------- checkpoints and their key

export async function lastCheckpoint(db: Executor): Promise<AuditCheckpointRow | undefined> {
  return db.selectFrom('audit_checkpoint').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

export async function checkpointsAfter(db: Executor, seq: number, limit?: number): Promise<AuditCheckpointRow[]> {
  const query = db.selectFrom('audit_checkpoint').selectAll().where('seq', '>', seq).orderBy('seq');
  return (limit === undefined ? query : query.limit(limit)).execute();
}

export async function insertCheckpoint(trx: Executor, row: AuditCheckpointRow): Promise<void> {
  await trx.insertInto('audit_checkpoint').values(row).execute();
}

export async function signingKeys(db: Executor) {
  return db.selectFrom('audit_signing_key').selectAll().orderBy('created_at').execute();
}

export async function insertSigningKey(trx: Executor, row: { id: string; public_key: string; secret_sealed: string }): Promise<void> {
  await trx.insertInto('audit_signing_key').values(row).execute();
}
