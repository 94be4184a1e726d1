import type { Insertable } from 'kysely';
import type { Executor } from '../../db/executor';
import type { DB } from '../../db/schema';

/** Files uploaded with loan applications: the bytes are read only when one file is asked for. */
export const insertFile = (db: Executor, row: Insertable<DB['loan_application_file']>) =>
  db
    .insertInto('loan_application_file')
    .values(row)
    .returning(['id', 'application_id', 'name', 'content_type', 'size_bytes', 'created_at'])
    .executeTakeFirstOrThrow();

export const filesOf = (db: Executor, applicationId: number) =>
  db
    .selectFrom('loan_application_file')
    .select(['id', 'application_id', 'name', 'content_type', 'size_bytes', 'created_at'])
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();

export const countFiles = async (db: Executor, applicationId: number) =>
  Number(
    (
      await db
        .selectFrom('loan_application_file')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('application_id', '=', applicationId)
        .executeTakeFirstOrThrow()
    ).n,
  );

export const findFile = (db: Executor, applicationId: number, id: number) =>
  db.selectFrom('loan_application_file').selectAll().where('application_id', '=', applicationId).where('id', '=', id).executeTakeFirst();
