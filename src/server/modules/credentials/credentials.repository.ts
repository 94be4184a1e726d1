import { sql, type Insertable } from 'kysely';
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

/** These people's qualifications for one standard in one status, oldest first (so the newest wins in a map). */
export const qualificationsOfStandard = (db: Executor, personIds: readonly number[], standardCode: string, status: 'valid' | 'revoked') =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('credential')
        .select(['person_id', 'code', 'issued_on', 'revoked_at'])
        .where('person_id', 'in', [...personIds])
        .where('kind', '=', 'qualification')
        .where('status', '=', status)
        .where(sql<string>`details->>'standardCode'`, '=', standardCode)
        .orderBy('issued_on')
        .orderBy('id')
        .execute();

export const revoke = (trx: Executor, id: number, by: string, reason: string) =>
  trx
    .updateTable('credential')
    .set({ status: 'revoked', revoked_at: new Date(), revoked_by: by, revoked_reason: reason })
    .where('id', '=', id)
    .where('status', '=', 'valid')
    .returning('id')
    .executeTakeFirst();
