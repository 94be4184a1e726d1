import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/executor';
import '../../db/schema.selfservice';
import type { GrievanceTable, PdpaRequestTable } from '../../db/schema.selfservice';

export const insertRequest = (trx: Executor, row: Insertable<PdpaRequestTable>) =>
  trx.insertInto('pdpa_request').values(row).returningAll().executeTakeFirstOrThrow();

export const requestsOfPerson = (db: Executor, personId: number) =>
  db.selectFrom('pdpa_request').selectAll().where('person_id', '=', personId).orderBy('id', 'desc').limit(200).execute();

export const findRequest = (db: Executor, id: number) => db.selectFrom('pdpa_request').selectAll().where('id', '=', id).executeTakeFirst();
export const lockRequest = (trx: Executor, id: number) => trx.selectFrom('pdpa_request').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const openRequestOfKind = (db: Executor, personId: number, kind: 'correction' | 'erasure', field: string | null) => {
  let q = db.selectFrom('pdpa_request').select('id').where('person_id', '=', personId).where('kind', '=', kind).where('status', '=', 'open');
  q = field === null ? q.where('field', 'is', null) : q.where('field', '=', field);
  return q.executeTakeFirst();
};

/** The queue: open first, then by due date (the most overdue first), in the reader's provinces (null: all). */
export const requestQueue = (db: Executor, f: { provinces: string[] | null; status?: 'open' | 'applied' | 'refused'; limit: number; offset: number }) => {
  let q = db.selectFrom('pdpa_request').selectAll();
  if (f.provinces) q = f.provinces.length ? q.where('province_code', 'in', f.provinces) : q.where('id', '<', 0);
  if (f.status) q = q.where('status', '=', f.status);
  return q.orderBy('due_on', 'asc').orderBy('id', 'asc').limit(f.limit).offset(f.offset).execute();
};

export const updateRequest = (trx: Executor, id: number, patch: Updateable<PdpaRequestTable>) =>
  trx.updateTable('pdpa_request').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

export const insertGrievance = (trx: Executor, row: Insertable<GrievanceTable>) =>
  trx.insertInto('grievance').values(row).returningAll().executeTakeFirstOrThrow();

export const grievancesOfPerson = (db: Executor, personId: number) =>
  db.selectFrom('grievance').selectAll().where('person_id', '=', personId).orderBy('id', 'desc').limit(200).execute();

export const findGrievance = (db: Executor, id: number) => db.selectFrom('grievance').selectAll().where('id', '=', id).executeTakeFirst();
export const lockGrievance = (trx: Executor, id: number) => trx.selectFrom('grievance').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** The grievance queue in the reader's provinces; `lateBefore` keeps only open ones due before that day (escalated). */
export const grievanceQueue = (
  db: Executor,
  f: { provinces: string[] | null; status?: 'open' | 'answered'; lateBefore?: string; limit: number; offset: number },
) => {
  let q = db.selectFrom('grievance').selectAll();
  if (f.provinces) q = f.provinces.length ? q.where('province_code', 'in', f.provinces) : q.where('id', '<', 0);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.lateBefore) q = q.where('status', '=', 'open').where('due_on', '<', f.lateBefore);
  return q.orderBy('due_on', 'asc').orderBy('id', 'asc').limit(f.limit).offset(f.offset).execute();
};

export const updateGrievance = (trx: Executor, id: number, patch: Updateable<GrievanceTable>) =>
  trx.updateTable('grievance').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

/** For tests and the demo: moves a due date (a request or grievance received long ago). */
export const setDueOn = (db: Executor, table: 'pdpa_request' | 'grievance', id: number, dueOn: string) =>
  db.updateTable(table).set({ due_on: dueOn }).where('id', '=', id).execute();

/** For the demo: a request or grievance received earlier (an office's paper record keyed in late), with its due date from then. */
export const backdate = (db: Executor, table: 'pdpa_request' | 'grievance', id: number, receivedAt: Date, dueOn: string) =>
  db.updateTable(table).set({ created_at: receivedAt, due_on: dueOn }).where('id', '=', id).execute();
