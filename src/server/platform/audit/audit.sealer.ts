import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import {
  checkpointFile,
  createCheckpointSigner,
  databaseCheckpoints,
  mergeCheckpoints,
  publishedKeys,
  type Checkpoint,
  type CheckpointFile,
} from './audit.checkpoints';
import { GENESIS_HASH, auditHash, hashedFieldsOf } from './audit.hash';
import * as repository from './audit.repository';
import { verifyAuditChain, type ChainVerdict } from './audit.verify';

export interface AuditTrailOptions {
  db: Kysely<DB>;
  /** The key-encryption key kept outside the database; it seals the checkpoint signing key. */
  kek: () => Buffer;
  /** Folder of the checkpoint file (beside the data folder, never inside it). */
  checkpointDir: string;
  /** How long an event may wait for its seal before verification calls it a fault. */
  boundMs: number;
  /** A checkpoint is made when the chain has grown and the last one is this old (and at stop). */
  checkpointEveryMs: number;
  /** Pause between sealing passes when the queue is empty. */
  sealIntervalMs?: number;
  /** Events sealed per pass (one transaction). */
  batchSize?: number;
  onError?: (error: unknown) => void;
}

export interface AuditStatus {
  sealedPosition: number;
  headHash: string;
  lastSealedAt: string | null;
  unsealed: number;
  /** The seal's lag: how long the oldest waiting event has waited (null when none waits). */
  oldestUnsealedSeconds: number | null;
  boundSeconds: number;
  latestCheckpoint: Checkpoint | null;
}

/**
 * The sealer: every server process runs one. A pass is one transaction that first *tries* the
 * seal lock (a process that does not get it leaves the pass to the one that did), reads the head
 * of the chain and the committed events waiting in `audit_unsealed`, appends one seal per event
 * in id order, and removes them from the queue. An event that commits while a pass runs is not in
 * the pass's snapshot and waits for the next; the unique `audit_seal.event_id` and the position
 * key refuse a second seal even if two passes ever ran at once.
 */
export function createAuditTrail(options: AuditTrailOptions) {
  const { db } = options;
  const sealIntervalMs = options.sealIntervalMs ?? 250;
  const batchSize = options.batchSize ?? 2000;
  const signer = createCheckpointSigner(options.kek);
  const store: CheckpointFile = checkpointFile(options.checkpointDir);
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  // One pass at a time in this process; passes of other processes are kept out by the lock.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work, work);
    chain = next.catch(() => undefined);
    return next;
  };

  /** One pass: the number of events sealed, or null when another process holds the lock. */
  async function pass(checkpoint: 'due' | 'force' | 'never'): Promise<{ sealed: number; checkpoint: Checkpoint | null } | null> {
    return db.transaction().execute(async (trx) => {
      if (!(await repository.trySealLock(trx))) return null;
      const head = await repository.chainHead(trx);
      let prev = head?.hash ?? GENESIS_HASH;
      let position = head?.position ?? 0;
      const seals = (await repository.unsealedBatch(trx, batchSize)).map((event) => {
        const hash = auditHash(prev, hashedFieldsOf(event));
        const seal = { position: ++position, event_id: event.id, prev_hash: prev, hash };
        prev = hash;
        return seal;
      });
      await repository.insertSeals(trx, seals);
      let made: Checkpoint | null = null;
      if (checkpoint !== 'never' && position > 0) {
        const last = await repository.lastCheckpoint(trx);
        const grown = !last || last.position < position;
        const old = !last || Date.now() - last.made_at.getTime() >= options.checkpointEveryMs;
        if (grown && (checkpoint === 'force' || old)) made = await signer.make(trx, { position, hash: prev }, (last?.seq ?? 0) + 1);
      }
      return { sealed: seals.length, checkpoint: made };
    });
  }

  /** Copies the database's checkpoints that the file lacks into the file. */
  async function syncFile(): Promise<void> {
    const { checkpoints } = store.read();
    const last = checkpoints[checkpoints.length - 1]?.seq ?? 0;
    store.append(await databaseCheckpoints(db, last));
  }

  /** One pass, waiting while another process's pass holds the lock. */
  async function passWhenFree(checkpoint: 'due' | 'force' | 'never') {
    for (let busy = 0; ; busy++) {
      const result = await pass(checkpoint);
      if (result) return result;
      // Another process is sealing; give it the time of a pass, then look again.
      if (busy >= 200) throw new Error('The audit seal lock stayed taken for over 10 s.');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * Seals until nothing committed is left. With 'force', the last pass also signs a checkpoint of
   * the head it leaves, if the chain grew since the last checkpoint.
   */
  async function sealAll(checkpoint: 'due' | 'force' = 'due'): Promise<number> {
    let total = 0;
    let madeCheckpoint = false;
    for (;;) {
      const result = await passWhenFree('due');
      total += result.sealed;
      madeCheckpoint ||= result.checkpoint !== null;
      if (result.sealed < batchSize) break;
    }
    if (checkpoint === 'force') {
      const last = await passWhenFree('force');
      total += last.sealed;
      madeCheckpoint ||= last.checkpoint !== null;
    }
    if (madeCheckpoint) await syncFile();
    return total;
  }

  /** The file's checkpoints and the database's after `afterSeq`, one per seq (what the endpoint publishes). */
  async function checkpoints(afterSeq = 0, limit?: number): Promise<Checkpoint[]> {
    const fromFile = store.read().checkpoints.filter((c) => c.seq > afterSeq);
    const merged = mergeCheckpoints(limit === undefined ? fromFile : fromFile.slice(0, limit), await databaseCheckpoints(db, afterSeq, limit));
    return limit === undefined ? merged : merged.slice(0, limit);
  }

  /** The newest checkpoint, in the file or the database. */
  async function latestCheckpoint(): Promise<Checkpoint | null> {
    const last = await repository.lastCheckpoint(db);
    const inDatabase = last ? await databaseCheckpoints(db, last.seq - 1, 1) : [];
    return mergeCheckpoints(store.read().checkpoints.slice(-1), inDatabase).at(-1) ?? null;
  }

  function schedule(): void {
    if (!running) return;
    timer = setTimeout(() => {
      void serial(async () => {
        try {
          const result = await pass('due');
          if (result?.checkpoint) await syncFile();
          // A full batch means more are waiting: go again at once.
          if (result && result.sealed === batchSize) return void setImmediate(schedule);
        } catch (error) {
          options.onError?.(error);
        }
        schedule();
      });
    }, sealIntervalMs);
    timer.unref();
  }

  return {
    start(): void {
      if (running) return;
      running = true;
      // The file may lack checkpoints another process made; bring it up to date first.
      void serial(() => syncFile().catch((error) => options.onError?.(error)));
      schedule();
    },

    /** Stops the loop, seals what is committed and signs a checkpoint of it (a clean stop). */
    async stop(): Promise<void> {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await serial(async () => {
        try {
          await sealAll('force');
        } catch (error) {
          options.onError?.(error);
        }
      });
    },

    /** Seals everything committed now; returns how many were sealed (tests, scripts). */
    sealNow: () => serial(() => sealAll('due')),

    /** Seals everything committed and signs a checkpoint of the head if it moved since the last one. */
    async checkpointNow(): Promise<Checkpoint | null> {
      await serial(() => sealAll('force'));
      return latestCheckpoint();
    },

    checkpoints,

    publicKeys: () => publishedKeys(db),

    checkpointFilePath: store.file,

    async status(now = new Date()): Promise<AuditStatus> {
      const [head, waiting, latest] = await Promise.all([repository.chainHead(db), repository.unsealedSummary(db), latestCheckpoint()]);
      return {
        sealedPosition: head?.position ?? 0,
        headHash: head?.hash ?? GENESIS_HASH,
        lastSealedAt: head?.sealed_at.toISOString() ?? null,
        unsealed: waiting.count,
        oldestUnsealedSeconds: waiting.oldest ? Math.round((now.getTime() - waiting.oldest.getTime()) / 100) / 10 : null,
        boundSeconds: options.boundMs / 1000,
        latestCheckpoint: latest,
      };
    },

    /** The whole chain, against the database's checkpoints and the file's. */
    verify(at?: { now?: Date }): Promise<ChainVerdict> {
      const { checkpoints, malformedLines } = store.read();
      if (malformedLines.length) options.onError?.(new Error(`Unreadable lines in ${store.file}: ${malformedLines.join(', ')}`));
      return verifyAuditChain(db, { boundMs: options.boundMs, externalCheckpoints: checkpoints, now: at?.now });
    },
  };
}

export type AuditTrail = ReturnType<typeof createAuditTrail>;
