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

/** The standards of each person's valid qualifications, distinct, in code order. */
export const standardsHeld = (db: Executor, personIds: readonly number[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('credential')
        .select(['person_id', sql<string>`details->>'standardCode'`.as('standard_code')])
        .distinct()
        .where('person_id', 'in', [...personIds])
        .where('kind', '=', 'qualification')
        .where('status', '=', 'valid')
        .orderBy('person_id')
        .orderBy('standard_code')
        .execute();

export const revoke = (trx: Executor, id: number, by: string, reason: string) =>
  trx
    .updateTable('credential')
    .set({ status: 'revoked', revoked_at: new Date(), revoked_by: by, revoked_reason: reason })
    .where('id', '=', id)
    .where('status', '=', 'valid')
    .returning('id')
    .executeTakeFirst();

/**
 * Many credentials at once; a source that already has its credential (a retried batch, another
 * process) is skipped, never issued twice. Returns the rows written.
 */
export const insertCredentials = (trx: Executor, values: Insertable<CredentialTable>[]) =>
  values.length === 0
    ? Promise.resolve([])
    : trx
        .insertInto('credential')
        .values(values)
        .onConflict((oc) => oc.columns(['source_type', 'source_id']).doNothing())
        .returning(['id', 'code', 'source_type', 'source_id'])
        .execute();

// ---------------------------------------------------------------- signing keys

export interface IssuerKeyRow {
  id: string;
  controller: string;
  public_key_multibase: string;
  secret_sealed: string;
}

/** The controller of the agency's first key: its identifier, fixed by that key. */
export const firstKeyController = async (db: Executor, agencyCode: string) =>
  (await db.selectFrom('issuer_key').select('controller').where('agency_code', '=', agencyCode).orderBy('created_at').limit(1).executeTakeFirst())
    ?.controller ?? null;

export const activeKeyRow = (db: Executor, agencyCode: string): Promise<IssuerKeyRow | undefined> =>
  db
    .selectFrom('issuer_key')
    .select(['id', 'controller', 'public_key_multibase', 'secret_sealed'])
    .where('agency_code', '=', agencyCode)
    .where('status', '=', 'active')
    .executeTakeFirst();

/** A first active key; when another process made one at the same moment, theirs stays. */
export const insertActiveKeyUnlessOne = (db: Executor, row: IssuerKeyRow & { agency_code: string }) =>
  db
    .insertInto('issuer_key')
    .values(row)
    .onConflict((oc) => oc.column('agency_code').where('status', '=', 'active').doNothing())
    .execute();

export const insertKey = (db: Executor, row: IssuerKeyRow & { agency_code: string }) => db.insertInto('issuer_key').values(row).execute();

export const retireActiveKey = (db: Executor, agencyCode: string) =>
  db
    .updateTable('issuer_key')
    .set({ status: 'retired', retired_at: new Date() })
    .where('agency_code', '=', agencyCode)
    .where('status', '=', 'active')
    .returning('id')
    .executeTakeFirst();

export const keysByController = (db: Executor, controller: string) =>
  db.selectFrom('issuer_key').select(['id', 'agency_code', 'public_key_multibase']).where('controller', '=', controller).orderBy('created_at').execute();

export const keysOf = (db: Executor, agencyCode: string) =>
  db
    .selectFrom('issuer_key')
    .select(['id', 'status', 'created_at', 'retired_at', 'public_key_multibase'])
    .where('agency_code', '=', agencyCode)
    .orderBy('created_at')
    .execute();

// ---------------------------------------------------------------- status lists

/** `count` places from the one sequence every list draws on (never waiting on a list's row). */
export const nextStatusIndexes = async (db: Executor, count: number) =>
  (await sql<{ n: string }>`select nextval('credential_status_seq') as n from generate_series(1, ${count})`.execute(db)).rows.map((r) => Number(r.n));

export const statusListUrls = (db: Executor, ids: readonly string[]) =>
  db
    .selectFrom('status_list')
    .select(['id', 'url'])
    .where('id', 'in', [...ids])
    .execute();

export const insertStatusListUnlessThere = (
  db: Executor,
  values: { id: string; agency_code: string; url: string; block: number; bits: Uint8Array; document: string },
) =>
  db
    .insertInto('status_list')
    .values(values)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();

export const statusListDocumentByUrl = async (db: Executor, url: string) =>
  (await db.selectFrom('status_list').select('document').where('url', '=', url).executeTakeFirst())?.document ?? null;

export const statusListDocumentById = async (db: Executor, id: string) =>
  (await db.selectFrom('status_list').select('document').where('id', '=', id).executeTakeFirst())?.document ?? null;

/** The list's row, locked until the transaction ends (a revocation signs the list again). */
export const lockStatusList = (trx: Executor, id: string) =>
  trx.selectFrom('status_list').select(['agency_code', 'url', 'bits']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();

export const updateStatusList = (trx: Executor, id: string, bits: Uint8Array, document: string) =>
  trx.updateTable('status_list').set({ bits, document, updated_at: new Date() }).where('id', '=', id).execute();
