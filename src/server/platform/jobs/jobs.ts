import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Executor } from '../../db/executor';
import type { DB, JobRow } from '../../db/schema';
import * as repository from './jobs.repository';

/**
 * Long work (imports, bulk issues) as rows in `job`, run by a small in-process runner. A job's
 * row outlives the process: when a process dies mid-job, the heartbeat stops, and any runner
 * (this one after a restart, or another server's) takes the job up again after `staleAfterMs`.
 * Handlers must therefore be resumable: they commit their progress with their work, in the same
 * transaction, and start from it. On PostgreSQL several servers can run; `FOR UPDATE SKIP LOCKED`
 * hands each job to one of them.
 */

export interface JobContext {
  job: JobRow;
  /** Records progress (and proves the runner alive). `total` may be given once known. */
  progress(done: number, total?: number): Promise<void>;
  /** Aborted when the runner stops; a handler should stop at its next safe point. */
  signal: AbortSignal;
}

export type JobHandler = (ctx: JobContext) => Promise<unknown>;

/**
 * Thrown (in tests) to act out a process that dies: the runner drops the job without marking it,
 * exactly as a killed process would leave it.
 */
export class SimulatedCrash extends Error {
  constructor() {
    super('simulated crash');
  }
}

/**
 * Thrown by a handler that stops at a safe point because the runner is stopping (its `signal`
 * aborted): the job goes back to the queue, unfinished and not failed, for the next start.
 */
export class JobStopped extends Error {
  constructor() {
    super('stopped with the runner; queued again');
  }
}

export interface JobRunnerOptions {
  /** How often to look for work when nothing wakes the runner. */
  pollMs?: number;
  /** A running job with an older heartbeat is taken to belong to a dead process. */
  staleAfterMs?: number;
  /** How many times a job may be started before it is marked failed. */
  maxAttempts?: number;
  onError?: (job: JobRow, error: unknown) => void;
}

export function createJobRunner(db: Kysely<DB>, options: JobRunnerOptions = {}) {
  const pollMs = options.pollMs ?? 1000;
  const staleAfterMs = options.staleAfterMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 3;
  const owner = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const handlers = new Map<string, JobHandler>();
  let running = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<void> | null = null;
  let abort = new AbortController();
  const idleWaiters: (() => void)[] = [];

  /** Takes the oldest runnable job: queued, or running with a heartbeat from a dead process. */
  async function claim(): Promise<JobRow | null> {
    const kinds = [...handlers.keys()];
    if (kinds.length === 0) return null;
    return repository.claimJob(db, kinds, owner, staleAfterMs);
  }

  async function finish(id: string, fields: { status: 'succeeded' | 'failed'; result?: unknown; error?: string }) {
    await repository.finishJob(db, id, owner, fields);
  }

  async function runOne(job: JobRow): Promise<void> {
    const handler = handlers.get(job.kind)!;
    if (job.attempts > maxAttempts) {
      await finish(job.id, { status: 'failed', error: `Gave up after ${maxAttempts} attempts.` });
      return;
    }
    const beat = setInterval(
      () => {
        void repository.beat(db, job.id, owner).catch(() => {});
      },
      Math.max(1000, staleAfterMs / 4),
    );
    beat.unref();
    try {
      const result = await handler({
        job,
        signal: abort.signal,
        progress: async (done, total) => {
          await repository.setProgress(db, job.id, done, total);
        },
      });
      await finish(job.id, { status: 'succeeded', result });
    } catch (error) {
      if (error instanceof SimulatedCrash) {
        // Left as a dead process leaves it, and, like a dead process, this runner takes no more
        // work: on a slow machine the job's heartbeat (every second) was already older than a
        // test's staleAfterMs when it "died", and the same loop took it straight up again.
        running = false;
        if (timer) clearInterval(timer);
        timer = null;
        return;
      }
      if (error instanceof JobStopped) {
        await repository.releaseJob(db, job.id, owner);
        return;
      }
      options.onError?.(job, error);
      await finish(job.id, { status: 'failed', error: error instanceof Error ? error.message : String(error) });
    } finally {
      clearInterval(beat);
    }
  }

  async function loop(): Promise<void> {
    while (running) {
      const job = await claim().catch(() => null);
      if (!job) break;
      await runOne(job);
    }
    idleWaiters.splice(0).forEach((resolve) => resolve());
  }

  function wake(): void {
    if (!running || current) return;
    current = loop().finally(() => {
      current = null;
    });
  }

  return {
    owner,
    register(kind: string, handler: JobHandler): void {
      handlers.set(kind, handler);
    },

    /** Adds a job; pass the transaction that creates the work so both commit together. */
    async enqueue(executor: Executor, job: { kind: string; payload?: unknown; createdBy?: string | null; total?: number }): Promise<string> {
      const row = await repository.insertJob(executor, job);
      queueMicrotask(() => setTimeout(wake, 0));
      return row.id;
    },

    start(): void {
      if (running) return;
      running = true;
      abort = new AbortController();
      timer = setInterval(wake, pollMs);
      timer.unref();
      wake();
    },

    /** Stops taking work and waits for the job in hand to reach a safe point. */
    async stop(): Promise<void> {
      running = false;
      abort.abort();
      if (timer) clearInterval(timer);
      timer = null;
      await current;
    },

    /** Resolves when no runnable job is left (tests and scripts wait on this). */
    async drain(): Promise<void> {
      if (!running) throw new Error('The job runner is not started.');
      for (;;) {
        if (current) await current;
        if ((await repository.countQueued(db, [...handlers.keys()])) === 0) return;
        await new Promise<void>((resolve) => {
          idleWaiters.push(resolve);
          wake();
        });
      }
    },

    /** How many jobs of `kind` wait in the queue (read in the caller's transaction when given). */
    async queued(executor: Executor, kind: string): Promise<number> {
      return repository.countQueued(executor, [kind]);
    },

    async get(executor: Executor, id: string) {
      return repository.findJob(executor, id);
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
