import type { Insertable } from 'kysely';
import type { Executor } from '../../db/executor';
import type { CredentialTable } from '../../db/schema';

export const insertCredential = (trx: Executor, values: Insertable<CredentialTable>) =>
  trx.insertInto('credential').values(values).returning(['id', 'code']).executeTakeFirstOrThrow();

const withIssuer = (db: Executor) =>
  db
    .selectFrom('credential as c')
    .innerJoin('unit as u', 'u.code', 'c.issuer_unit_code')
    .innerJoin('agency as a', 'a.code', 'u.agency_code')
    .selectAll('c')
    .select(['u.name_th as issuer_name_th', 'u.name_en as issuer_name_en', 'a.name_th as agency_name_th', 'a.name_en as agency_name_en']);

export const findByCode = (db: Executor, code: string) => withIssuer(db).where('c.code', '=', code).executeTakeFirst();
export type CredentialDetailRow = NonNullable<Awaited<ReturnType<typeof findByCode>>>;

export const findBySource = (db: Executor, sourceType: string, sourceId: string) =>
  db.selectFrom('credential').selectAll().where('source_type', '=', sourceType).where('source_id', '=', sourceId).executeTakeFirst();

export const ofPerson = (db: Executor, personId: number) =>
  withIssuer(db).where('c.person_id', '=', personId).orderBy('c.issued_on', 'desc').orderBy('c.id', 'desc').execute();

export const revoke = (trx: Executor, id: number, by: string, reason: string) =>
  trx
    .updateTable('credential')
    .set({ status: 'revoked', revoked_at: new Date(), revoked_by: by, revoked_reason: reason })
    .where('id', '=', id)
    .where('status', '=', 'valid')
    .returning('id')
    .executeTakeFirst();

export const agencyOfUnit = async (db: Executor, unitCode: string) =>
  (await db.selectFrom('unit').select('agency_code').where('code', '=', unitCode).executeTakeFirstOrThrow()).agency_code;

export const agencyExists = async (db: Executor, code: string) =>
  Boolean(await db.selectFrom('agency').select('code').where('code', '=', code).executeTakeFirst());
