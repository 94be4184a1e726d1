import type { Insertable } from 'kysely';
import type { Executor } from '../../db/executor';
import type { CredentialTable } from '../../db/schema';

export const insertCredential = (trx: Executor, values: Insertable<CredentialTable>) =>
  trx.insertInto('credential').values(values).returning(['id', 'code']).executeTakeFirstOrThrow();

export const findByCode = (db: Executor, code: string) => db.selectFrom('credential').selectAll().where('code', '=', code).executeTakeFirst();
export type CredentialRow = NonNullable<Awaited<ReturnType<typeof findByCode>>>;

export const findBySource = (db: Executor, sourceType: string, sourceId: string) =>
  db.selectFrom('credential').selectAll().where('source_type', '=', sourceType).where('source_id', '=', sourceId).executeTakeFirst();

export const ofPerson = (db: Executor, personId: number) =>
  db.selectFrom('credential').selectAll().where('person_id', '=', personId).orderBy('issued_on', 'desc').orderBy('id', 'desc').execute();

/** Credentials issued for these sources (a training enrolment, an assessment candidacy), by source id. */
export const bySources = (db: Executor, sourceType: string, sourceIds: readonly string[]) =>
  sourceIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('credential')
        .select(['source_id', 'code', 'status', 'kind', 'details', 'person_id', 'issued_on'])
        .where('source_type', '=', sourceType)
        .where('source_id', 'in', [...sourceIds])
        .execute();

/** Valid qualifications of these people (all, or for one standard), newest first. */
export const validQualifications = (db: Executor, personIds: readonly number[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('credential')
        .select(['person_id', 'code', 'details', 'issued_on'])
        .where('person_id', 'in', [...personIds])
        .where('kind', '=', 'qualification')
        .where('status', '=', 'valid')
        .orderBy('issued_on', 'desc')
        .execute();

export const revoke = (trx: Executor, id: number, by: string, reason: string) =>
  trx
    .updateTable('credential')
    .set({ status: 'revoked', revoked_at: new Date(), revoked_by: by, revoked_reason: reason })
    .where('id', '=', id)
    .where('status', '=', 'valid')
    .returning('id')
    .executeTakeFirst();
