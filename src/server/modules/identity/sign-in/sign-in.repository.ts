import { sql } from 'kysely';
import '../../../db/schema.sign-in';
import type { Executor } from '../../../db/executor';
import type { ExternalIdentityTable } from '../../../db/schema.sign-in';
import type { Insertable } from 'kysely';

type Provider = 'thaid' | 'line';

export const insertTransaction = (
  db: Executor,
  row: { state: string; provider: Provider; binding_hash: string; nonce: string; code_verifier: string; user_id: string | null; expires_at: Date },
) => db.insertInto('oidc_transaction').values(row).execute();

/** Takes the request's secrets out: deleted on first use, so a replayed callback finds nothing. */
export const takeTransaction = (db: Executor, provider: Provider, state: string) =>
  db.deleteFrom('oidc_transaction').where('state', '=', state).where('provider', '=', provider).returningAll().executeTakeFirst();

export const deleteExpiredTransactions = (db: Executor) => db.deleteFrom('oidc_transaction').where('expires_at', '<', new Date()).execute();

export const findIdentity = (db: Executor, provider: Provider, subject: string) =>
  db.selectFrom('external_identity').selectAll().where('provider', '=', provider).where('subject', '=', subject).executeTakeFirst();

export const identityOfUser = (db: Executor, userId: string, provider: Provider) =>
  db.selectFrom('external_identity').selectAll().where('user_id', '=', userId).where('provider', '=', provider).executeTakeFirst();

export const identitiesOfUser = (db: Executor, userId: string) =>
  db.selectFrom('external_identity').select(['provider', 'subject', 'linked_at']).where('user_id', '=', userId).orderBy('provider').execute();

/** Inserts the link unless the provider and subject (or the account and provider) are linked already; true when inserted. */
export async function insertIdentity(db: Executor, row: Insertable<ExternalIdentityTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('external_identity')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('subject')
    .executeTakeFirst();
  return inserted !== undefined;
}

export const touchIdentity = (db: Executor, provider: Provider, subject: string) =>
  db.updateTable('external_identity').set({ last_used_at: new Date() }).where('provider', '=', provider).where('subject', '=', subject).execute();

export const deleteIdentity = (db: Executor, userId: string, provider: Provider) =>
  db.deleteFrom('external_identity').where('user_id', '=', userId).where('provider', '=', provider).returning('subject').executeTakeFirst();

export const deleteIdentitiesOfUsers = (db: Executor, userIds: readonly string[]) =>
  userIds.length === 0
    ? Promise.resolve([])
    : db
        .deleteFrom('external_identity')
        .where('user_id', 'in', [...userIds])
        .execute();

/** The LINE user ids linked to the people's active accounts (a person without one is absent). */
export const lineUserIdsOfPeople = async (db: Executor, personIds: readonly number[]) =>
  new Map(
    personIds.length === 0
      ? []
      : (
          await db
            .selectFrom('external_identity as e')
            .innerJoin('app_user as u', 'u.id', 'e.user_id')
            .select(['u.person_id', 'e.subject'])
            .where('u.person_id', 'in', [...personIds])
            .where('u.status', '=', 'active')
            .where('e.provider', '=', 'line')
            .orderBy('e.linked_at')
            .execute()
        ).map((r) => [r.person_id!, r.subject] as const),
  );

export const setPersonOfUser = (db: Executor, userId: string, personId: number) =>
  db.updateTable('app_user').set({ person_id: personId, updated_at: new Date() }).where('id', '=', userId).where('person_id', 'is', null).executeTakeFirst();

// ------------------------------------------------------------------ TOTP

export const findTotp = (db: Executor, userId: string) => db.selectFrom('user_totp').selectAll().where('user_id', '=', userId).executeTakeFirst();

/** A new secret awaiting its first code; replaces an unconfirmed one, never a confirmed one. */
export const upsertPendingTotp = (db: Executor, userId: string, sealed: string) =>
  db
    .insertInto('user_totp')
    .values({ user_id: userId, secret_sealed: sealed })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ secret_sealed: sealed, created_at: new Date(), last_step: 0 }).where('user_totp.confirmed_at', 'is', null),
    )
    .returning('user_id')
    .executeTakeFirst();

/**
 * Spends a code's time step: only a step later than the last one accepted moves it, atomically, so
 * the same code (or an older one) presented twice, even at once, is accepted once.
 */
export async function spendStep(db: Executor, userId: string, step: number, confirm: boolean): Promise<boolean> {
  const { rows } = await sql<{ user_id: string }>`
    update user_totp set last_step = ${step}, failures = 0${confirm ? sql`, confirmed_at = coalesce(confirmed_at, now())` : sql``}
     where user_id = ${userId} and last_step < ${step}
    returning user_id`.execute(db);
  return rows.length === 1;
}

export const recordTotpFailure = (db: Executor, userId: string) =>
  db
    .updateTable('user_totp')
    .set((eb) => ({ failures: eb('failures', '+', 1), last_failed_at: new Date() }))
    .where('user_id', '=', userId)
    .execute();

export const deleteTotp = (db: Executor, userId: string) => db.deleteFrom('user_totp').where('user_id', '=', userId).execute();

export const confirmedTotpUsers = async (db: Executor, userIds: readonly string[]) =>
  userIds.length === 0
    ? new Set<string>()
    : new Set(
        (
          await db
            .selectFrom('user_totp')
            .select('user_id')
            .where('user_id', 'in', [...userIds])
            .where('confirmed_at', 'is not', null)
            .execute()
        ).map((r) => r.user_id),
      );
