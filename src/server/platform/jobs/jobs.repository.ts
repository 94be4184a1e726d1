import { sql } from 'kysely';
import type { Executor } from '../../db/executor';
import type { JobRow } from '../../db/schema';

/** Takes the oldest runnable job of these kinds: queued, or running with a heartbeat older than `staleAfterMs` (its process died). */
export async function claimJob(db: Executor, kinds: readonly string[], owner: string, staleAfterMs: number): Promise<JobRow | null> {
  const claimed = await sql<JobRow>`
      update job set status = 'running', locked_by = ${owner}, heartbeat_at = now(),
             started_at = coalesce(started_at, now()), attempts = attempts + 1
       where id = (
         select id from job
          where kind in (${sql.join([...kinds])})
            and (status = 'queued'
                 or (status = 'running' and heartbeat_at < now() - make_interval(secs => ${staleAfterMs / 1000})))
          order by created_at
          limit 1
          for update skip locked)
      returning *`.execute(db);
  return claimed.rows[0] ?? null;
}

export const finishJob = (db: Executor, id: string, owner: string, fields: { status: 'succeeded' | 'failed'; result?: unknown; error?: string }) =>
  db
    .updateTable('job')
    .set({
      status: fields.status,
      result: fields.result === undefined ? null : JSON.stringify(fields.result),
      error: fields.error ?? null,
      finished_at: new Date(),
      locked_by: null,
    })
    .where('id', '=', id)
    .where('locked_by', '=', owner)
    .execute();

/** A job stopped at a safe point, queued again; the stop does not count as an attempt. */
export const releaseJob = (db: Executor, id: string, owner: string) =>
  db
    .updateTable('job')
    .set((eb) => ({ status: 'queued', locked_by: null, attempts: eb('attempts', '-', 1) }))
    .where('id', '=', id)
    .where('locked_by', '=', owner)
    .execute();

export const beat = (db: Executor, id: string, owner: string) =>
  db.updateTable('job').set({ heartbeat_at: new Date() }).where('id', '=', id).where('locked_by', '=', owner).execute();

export const setProgress = (db: Executor, id: string, done: number, total?: number) =>
  db
    .updateTable('job')
    .set({ progress_done: done, ...(total === undefined ? {} : { progress_total: total }), heartbeat_at: new Date() })
    .where('id', '=', id)
    .execute();

export const insertJob = (executor: Executor, job: { kind: string; payload?: unknown; createdBy?: string | null; total?: number }) =>
  executor
    .insertInto('job')
    .values({ kind: job.kind, payload: JSON.stringify(job.payload ?? {}), created_by: job.createdBy ?? null, progress_total: job.total ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();

export const countQueued = async (db: Executor, kinds: readonly string[]) =>
  Number(
    (
      await db
        .selectFrom('job')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('kind', 'in', kinds.length ? [...kinds] : ['-'])
        .where('status', '=', 'queued')
        .executeTakeFirstOrThrow()
    ).n,
  );

export const findJob = (executor: Executor, id: string) => executor.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
