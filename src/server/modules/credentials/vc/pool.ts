import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IssuerKey } from './keys';
import type { SignReply, SignRequest } from './pool.worker';

/**
 * Signs credentials on worker threads, one per core by default: a signature is pure CPU (JSON-LD
 * canonicalisation, then Ed25519, about 3.4 ms), so on the main thread it holds up every request
 * and every database round trip of the process, and it never uses a second core.
 *
 * Workers start on first use and are unreferenced while idle, so a process that never signs, or
 * has finished signing, is not kept alive by them; `close()` stops them. A worker that dies fails
 * the signatures it held (their callers see the error) and is replaced on the next request.
 */
export interface SigningPool {
  /** The signed copy of `credential` (an eddsa-rdfc-2022 proof by `key`). */
  sign(credential: Record<string, unknown>, key: IssuerKey, options?: { created?: Date }): Promise<Record<string, unknown>>;
  /** How many threads it signs on. */
  readonly threads: number;
  /** Stops every worker; signatures still waiting fail. The pool starts again if used after. */
  close(): Promise<void>;
}

/** Requests a worker is handed at once: one in hand and one waiting, so it never idles between. */
const PER_WORKER = 2;
const WORKER_ENTRY = new URL('./pool.worker.mjs', import.meta.url);

interface Task {
  request: SignRequest;
  resolve: (document: Record<string, unknown>) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  inFlight: Map<number, Task>;
}

export function createSigningPool(options: { threads?: number } = {}): SigningPool {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const slots: Slot[] = [];
  const queue: Task[] = [];
  let nextId = 1;

  function failAll(slot: Slot, error: Error) {
    for (const task of slot.inFlight.values()) task.reject(error);
    slot.inFlight.clear();
  }

  function spawn(): Slot {
    // execArgv empty: the entry registers tsx itself, whatever hooks the parent was started with.
    const worker = new Worker(WORKER_ENTRY, { execArgv: [] });
    const slot: Slot = { worker, inFlight: new Map() };
    worker.on('message', (reply: SignReply) => {
      const task = slot.inFlight.get(reply.id);
      if (!task) return;
      slot.inFlight.delete(reply.id);
      if ('error' in reply) {
        const error = new Error(reply.error.message);
        error.name = reply.error.name;
        if (reply.error.stack) error.stack = reply.error.stack;
        task.reject(error);
      } else task.resolve(reply.document);
      dispatch();
    });
    const gone = (error: Error) => {
      const at = slots.indexOf(slot);
      if (at >= 0) slots.splice(at, 1);
      failAll(slot, error);
      dispatch();
    };
    worker.on('error', (error) => gone(new Error(`A signing worker failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => gone(new Error(`A signing worker stopped (exit code ${code}) before it answered.`)));
    worker.unref();
    slots.push(slot);
    return slot;
  }

  function dispatch() {
    while (queue.length > 0) {
      let slot = slots.reduce<Slot | null>((best, s) => (s.inFlight.size < PER_WORKER && (!best || s.inFlight.size < best.inFlight.size) ? s : best), null);
      if (!slot || (slot.inFlight.size > 0 && slots.length < threads)) slot = slots.length < threads ? spawn() : slot;
      if (!slot) return;
      const task = queue.shift()!;
      slot.inFlight.set(task.request.id, task);
      slot.worker.postMessage(task.request);
    }
    // A busy worker keeps the process alive until it answers; an idle one does not.
    for (const s of slots) {
      if (s.inFlight.size > 0) s.worker.ref();
      else s.worker.unref();
    }
  }

  return {
    threads,
    sign(credential, key, signOptions = {}) {
      return new Promise((resolve, reject) => {
        const request: SignRequest = {
          id: nextId++,
          credential,
          // Only what signing needs; the key's other fields stay on the main thread.
          key: { id: key.id, controller: key.controller, publicKeyMultibase: key.publicKeyMultibase, secretKeyMultibase: key.secretKeyMultibase },
          ...(signOptions.created ? { created: signOptions.created.toISOString() } : {}),
        };
        queue.push({ request, resolve, reject });
        dispatch();
      });
    },
    async close() {
      const closing = slots.splice(0);
      const stopped = new Error('The signing pool was closed before this signature was made.');
      for (const task of queue.splice(0)) task.reject(stopped);
      for (const slot of closing) failAll(slot, stopped);
      await Promise.all(closing.map((slot) => slot.worker.terminate()));
    },
  };
}
