import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../../db/executor';
import type { DB } from '../../db/schema';
import '../../db/schema.notifications';
import type { NotificationStatus } from '../../db/schema.notifications';

export type NotificationRow = Selectable<DB['notification']>;
export type PreferenceRow = Selectable<DB['notification_preference']>;

// ------------------------------------------------------------------ preferences

export const preferencesOf = (db: Executor, personIds: readonly number[]) =>
  personIds.length
    ? db
        .selectFrom('notification_preference')
        .selectAll()
        .where('person_id', 'in', [...personIds])
        .execute()
    : Promise.resolve([]);

export const upsertPreference = (db: Executor, row: Insertable<DB['notification_preference']>) =>
  db
    .insertInto('notification_preference')
    .values(row)
    .onConflict((oc) =>
      oc.column('person_id').doUpdateSet({
        language: row.language,
        channels: row.channels,
        opted_out: row.opted_out,
        line_user_id: row.line_user_id,
        phone: row.phone,
        email: row.email,
        updated_at: new Date(),
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();

// ------------------------------------------------------------------ the outbox

/** Writes messages; one already written for the same event and channel is skipped (the unique key). */
export const insertNotifications = async (db: Executor, rows: Insertable<DB['notification']>[]) =>
  rows.length
    ? db
        .insertInto('notification')
        .values(rows)
        .onConflict((oc) => oc.columns(['event_key', 'channel']).doNothing())
        .returning(['id', 'channel'])
        .execute()
    : [];

/**
 * Claims up to `limit` due messages for this sender: `sending` with its claim, one more attempt,
 * and an attempt row, committed before any channel is called. `SKIP LOCKED` hands each row to one
 * sender when several run.
 */
export const claimDue = async (db: Executor, claim: string, limit: number) => {
  const claimed = await sql<NotificationRow>`
      update notification set status = 'sending', claim = ${claim}, claimed_at = now(), called_at = null, attempts = attempts + 1
       where id in (
         select id from notification
          where status = 'pending' and next_attempt_at <= now()
          order by next_attempt_at, id
          limit ${limit}
          for update skip locked)
      returning *`.execute(db);
  const rows = claimed.rows.sort((a, b) => Number(a.id) - Number(b.id));
  if (rows.length) {
    await db
      .insertInto('notification_attempt')
      .values(rows.map((r) => ({ notification_id: r.id, attempt: r.attempts, claim })))
      .execute();
  }
  return rows;
};

/**
 * Messages left `sending` by a sender that died (claimed longer ago than `olderThanMs`). One whose
 * channel was never called goes back to pending (its attempt logged as released); one whose
 * channel was called may or may not have gone out, so it becomes `unknown`, never sent again on
 * its own.
 */
export const markStaleSending = async (db: Executor, olderThanMs: number) => {
  const stale = await db
    .selectFrom('notification')
    .select(['id', 'claim', 'called_at', 'attempts'])
    .where('status', '=', 'sending')
    .where('claimed_at', '<=', sql<Date>`now() - make_interval(secs => ${olderThanMs / 1000})`)
    .forUpdate()
    .skipLocked()
    .execute();
  let unknown = 0;
  for (const s of stale) {
    const called = s.called_at !== null;
    if (called) unknown++;
    await db
      .updateTable('notification')
      .set(
        called
          ? { status: 'unknown', last_error: 'The sender stopped after calling the channel; it may or may not have been delivered.' }
          : { status: 'pending', claim: null, next_attempt_at: new Date() },
      )
      .where('id', '=', s.id)
      .where('claim', '=', s.claim!)
      .execute();
    await db
      .updateTable('notification_attempt')
      .set({ outcome: called ? 'unknown' : 'released', finished_at: new Date(), error: 'sender stopped' })
      .where('notification_id', '=', s.id)
      .where('claim', '=', s.claim!)
      .where('outcome', '=', 'started')
      .execute();
  }
  return unknown;
};

/** Marks that this claim is about to call the channel; false when the claim was lost. */
export const markCalling = async (db: Executor, id: number, claim: string) =>
  Number(
    (
      await db
        .updateTable('notification')
        .set({ called_at: new Date(), claimed_at: new Date() })
        .where('id', '=', id)
        .where('claim', '=', claim)
        .where('status', '=', 'sending')
        .executeTakeFirst()
    ).numUpdatedRows,
  ) === 1;

/** Ends this claim's attempt of a message; false when the claim was lost (marked unknown meanwhile). */
export async function finishAttempt(
  db: Executor,
  row: { id: number; claim: string; attempt: number },
  fields: { status: NotificationStatus; error?: string | null; providerId?: string | null; retryAt?: Date | null },
) {
  const outcome = fields.status === 'sent' ? 'sent' : fields.status === 'pending' ? 'retry' : 'failed';
  await db
    .updateTable('notification_attempt')
    .set({ outcome, finished_at: new Date(), error: fields.error ?? null, provider_id: fields.providerId ?? null, retry_at: fields.retryAt ?? null })
    .where('notification_id', '=', row.id)
    .where('attempt', '=', row.attempt)
    .execute();
  // A message this claim sent is sent, even where a restart took it for unknown meanwhile.
  const updated = await db
    .updateTable('notification')
    .set({
      status: fields.status,
      last_error: fields.error ?? null,
      sent_at: fields.status === 'sent' ? new Date() : null,
      next_attempt_at: fields.retryAt ?? new Date(),
      claim: null,
    })
    .where('id', '=', row.id)
    .where('claim', '=', row.claim)
    .where('status', 'in', fields.status === 'sent' ? ['sending', 'unknown'] : ['sending'])
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export const countDue = async (db: Executor) =>
  Number(
    (
      await db
        .selectFrom('notification')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', new Date())
        .executeTakeFirstOrThrow()
    ).n,
  );

// ------------------------------------------------------------------ reading

export const inboxOf = (db: Executor, personId: number, page: { limit: number; offset: number }) =>
  db
    .selectFrom('notification')
    .selectAll()
    .where('person_id', '=', personId)
    .where('channel', '=', 'in-app')
    .where('status', '=', 'sent')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();

export const unreadCount = async (db: Executor, personId: number) =>
  Number(
    (
      await db
        .selectFrom('notification')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('person_id', '=', personId)
        .where('channel', '=', 'in-app')
        .where('status', '=', 'sent')
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );

export const markRead = (db: Executor, personId: number, id: number) =>
  db
    .updateTable('notification')
    .set({ read_at: new Date() })
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .where('channel', '=', 'in-app')
    .where('read_at', 'is', null)
    .executeTakeFirst();

export const findNotification = (db: Executor, id: number) => db.selectFrom('notification').selectAll().where('id', '=', id).executeTakeFirst();

export const outbox = (
  db: Executor,
  f: { provinces: string[] | null; status?: NotificationStatus; channel?: string; kind?: string; limit: number; offset: number },
) =>
  db
    .selectFrom('notification')
    .selectAll()
    .where('channel', '!=', 'in-app')
    .$if(f.provinces !== null, (q) => q.where('province_code', 'in', f.provinces!.length ? f.provinces! : ['']))
    .$if(Boolean(f.status), (q) => q.where('status', '=', f.status!))
    .$if(Boolean(f.channel), (q) => q.where('channel', '=', f.channel as never))
    .$if(Boolean(f.kind), (q) => q.where('kind', '=', f.kind!))
    .orderBy('id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();

export const attemptsOf = (db: Executor, notificationId: number) =>
  db.selectFrom('notification_attempt').selectAll().where('notification_id', '=', notificationId).orderBy('attempt').execute();

/** An officer's retry: one more attempt, now, with the same idempotency key. */
export const requeue = (db: Executor, id: number) =>
  db
    .updateTable('notification')
    .set({ status: 'pending', next_attempt_at: new Date(), claim: null })
    .where('id', '=', id)
    .where('status', 'in', ['failed', 'unknown'])
    .executeTakeFirst();
