import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Executor } from '../../db/executor';
import type { AuditCheckpointRow } from '../../db/schema';
import { canonicalJson } from './audit.hash';
import * as repository from './audit.repository';

/**
 * Signed checkpoints: now and then the sealer states "the chain holds `position` events and its
 * head is `headHash`", signs it with the trail's Ed25519 key, and writes it to the database, to an
 * append-only file outside it, and to `GET /api/audit/checkpoints`, where anyone may keep a copy.
 * Deleting the newest events (and their seals) then leaves a chain shorter than a checkpoint
 * already published, which verification reports.
 *
 * The key is the trail's own, not an agency's: the checkpoint is the system's statement about its
 * trail, made from the first event on (before any agency has a key), and an agency's key rotation
 * is itself an audited act that should not change how the trail is anchored. Its private half is
 * sealed, as the issuers' keys are, with AES-256-GCM under the key-encryption key that `app.ts`
 * hands in (kept outside the database): a copy of the database cannot sign a checkpoint.
 */

/** One checkpoint as stored, published and written to the file. */
export interface Checkpoint {
  seq: number;
  position: number;
  headHash: string;
  madeAt: string;
  keyId: string;
  /** Ed25519, raw 32 bytes in base64url: a reader of the file or the endpoint can check it alone. */
  publicKey: string;
  /** Ed25519 signature (base64url) of `checkpointPayload`. */
  signature: string;
}

export interface PublishedKey {
  id: string;
  algorithm: 'Ed25519';
  publicKey: string;
  createdAt: string;
}

/** What is signed: canonical JSON of the checkpoint without its key and signature. */
export const checkpointPayload = (c: Pick<Checkpoint, 'seq' | 'position' | 'headHash' | 'madeAt' | 'keyId'>) =>
  Buffer.from(canonicalJson({ seq: c.seq, position: c.position, headHash: c.headHash, madeAt: c.madeAt, keyId: c.keyId }), 'utf8');

/** A key's id is a digest of its public half, so an id cannot be given to another key. */
export const keyIdOf = (publicKey: string) => `audit-${createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('hex').slice(0, 16)}`;

const publicKeyObject = (raw: string): KeyObject => createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw }, format: 'jwk' });

/** Whether the checkpoint's signature holds under the public key it names (and that key's id). */
export function checkpointSignatureHolds(c: Checkpoint): boolean {
  if (keyIdOf(c.publicKey) !== c.keyId) return false;
  try {
    return verify(null, checkpointPayload(c), publicKeyObject(c.publicKey), Buffer.from(c.signature, 'base64url'));
  } catch {
    return false;
  }
}

function seal(secret: Buffer, kek: Buffer, keyId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(`audit-signing-key:${keyId}`));
  const body = Buffer.concat([cipher.update(secret), cipher.final(), cipher.getAuthTag()]);
  return `v1.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

function open(sealed: string, kek: Buffer, keyId: string): Buffer {
  const [version, iv, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !body) throw new Error(`The audit signing key ${keyId} is not in a known sealed form`);
  const bytes = Buffer.from(body, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(`audit-signing-key:${keyId}`));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]);
}

/** The trail's signing key: the newest in the database, made on first use (inside the seal lock). */
export function createCheckpointSigner(kek: () => Buffer) {
  let opened: { id: string; publicKey: string; privateKey: KeyObject } | null = null;

  async function activeKey(trx: Executor) {
    const keys = await repository.signingKeys(trx);
    const newest = keys[keys.length - 1];
    if (newest) {
      if (opened?.id !== newest.id) {
        let der: Buffer;
        try {
          der = open(newest.secret_sealed, kek(), newest.id);
        } catch (error) {
          throw new Error(
            `The audit signing key ${newest.id} does not open with this key-encryption key; was CREDENTIAL_KEY_SECRET changed? (${(error as Error).message})`,
            { cause: error },
          );
        }
        opened = { id: newest.id, publicKey: newest.public_key, privateKey: createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }) };
      }
      return opened!;
    }
    const pair = generateKeyPairSync('ed25519');
    const publicKey = pair.publicKey.export({ format: 'jwk' }).x!;
    const id = keyIdOf(publicKey);
    await repository.insertSigningKey(trx, {
      id,
      public_key: publicKey,
      secret_sealed: seal(pair.privateKey.export({ format: 'der', type: 'pkcs8' }), kek(), id),
    });
    opened = { id, publicKey, privateKey: pair.privateKey };
    return opened;
  }

  return {
    /** Signs and stores checkpoint `seq` in the caller's transaction (the sealing pass's). */
    async make(trx: Executor, head: { position: number; hash: string }, seq: number): Promise<Checkpoint> {
      const key = await activeKey(trx);
      const unsigned = { seq, position: head.position, headHash: head.hash, madeAt: new Date().toISOString(), keyId: key.id };
      const signature = sign(null, checkpointPayload(unsigned), key.privateKey).toString('base64url');
      await repository.insertCheckpoint(trx, {
        seq,
        position: unsigned.position,
        head_hash: unsigned.headHash,
        made_at: new Date(unsigned.madeAt),
        key_id: key.id,
        signature,
      });
      return { ...unsigned, publicKey: key.publicKey, signature };
    },
  };
}

export async function publishedKeys(db: Executor): Promise<PublishedKey[]> {
  return (await repository.signingKeys(db)).map((k) => ({ id: k.id, algorithm: 'Ed25519', publicKey: k.public_key, createdAt: k.created_at.toISOString() }));
}

/** The database's checkpoints with their keys' public halves (for the file and the endpoint). */
export async function databaseCheckpoints(db: Executor, afterSeq = 0, limit?: number): Promise<Checkpoint[]> {
  const keys = new Map((await repository.signingKeys(db)).map((k) => [k.id, k.public_key]));
  return (await repository.checkpointsAfter(db, afterSeq, limit)).map((row: AuditCheckpointRow) => ({
    seq: row.seq,
    position: row.position,
    headHash: row.head_hash,
    madeAt: row.made_at.toISOString(),
    keyId: row.key_id,
    publicKey: keys.get(row.key_id) ?? '',
    signature: row.signature,
  }));
}

/**
 * The checkpoint file: one JSON line per checkpoint, only ever appended, in a folder beside the
 * data folder (never inside PGlite's own directory, which a restore of the database would roll
 * back together with the trail it anchors).
 */
export function checkpointFile(dir: string) {
  const file = path.join(path.resolve(dir), 'audit-checkpoints.jsonl');
  // What was read so far: the file only grows, so a later read parses only what was appended.
  let cache = { bytes: 0, pending: '', lines: 0, bySeq: new Map<number, Checkpoint>(), malformedLines: [] as number[] };
  const fresh = () => ({ bytes: 0, pending: '', lines: 0, bySeq: new Map<number, Checkpoint>(), malformedLines: [] as number[] });

  function parse(line: string, number: number) {
    if (!line.trim()) return;
    try {
      const c = JSON.parse(line) as Checkpoint;
      if (!Number.isSafeInteger(c.seq) || !Number.isSafeInteger(c.position) || typeof c.headHash !== 'string') throw new Error('shape');
      const seen = cache.bySeq.get(c.seq);
      if (seen && canonicalJson(seen) !== canonicalJson(c)) cache.malformedLines.push(number);
      else cache.bySeq.set(c.seq, c);
    } catch {
      cache.malformedLines.push(number);
    }
  }

  return {
    file,
    /** Every well-formed line, once per seq (two processes on one folder may both append one). */
    read(): { checkpoints: Checkpoint[]; malformedLines: number[] } {
      if (!existsSync(file)) {
        cache = fresh();
        return { checkpoints: [], malformedLines: [] };
      }
      const size = statSync(file).size;
      // Shorter than what was read: the file was rewritten, so read it again from the start.
      if (size < cache.bytes) cache = fresh();
      if (size > cache.bytes) {
        const handle = openSync(file, 'r');
        try {
          const chunk = Buffer.alloc(size - cache.bytes);
          readSync(handle, chunk, 0, chunk.length, cache.bytes);
          const text = cache.pending + chunk.toString('utf8');
          const lines = text.split('\n');
          // A last line without its newline may still be being written: keep it for the next read.
          cache.pending = lines.pop() ?? '';
          for (const line of lines) parse(line, ++cache.lines);
          cache.bytes = size;
        } finally {
          closeSync(handle);
        }
      }
      return { checkpoints: [...cache.bySeq.values()].sort((a, b) => a.seq - b.seq), malformedLines: [...cache.malformedLines] };
    },
    append(checkpoints: Checkpoint[]): void {
      if (checkpoints.length === 0) return;
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      appendFileSync(file, checkpoints.map((c) => `${JSON.stringify(c)}\n`).join(''), { mode: 0o600 });
    },
  };
}
export type CheckpointFile = ReturnType<typeof checkpointFile>;

/** The file's and the database's checkpoints, one per seq; the file's where both have it. */
export function mergeCheckpoints(fromFile: Checkpoint[], fromDatabase: Checkpoint[]): Checkpoint[] {
  const bySeq = new Map<number, Checkpoint>();
  for (const c of fromDatabase) bySeq.set(c.seq, c);
  for (const c of fromFile) bySeq.set(c.seq, c);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}
