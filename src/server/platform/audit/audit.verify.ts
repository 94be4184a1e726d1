import type { Executor } from '../../db/executor';
import { checkpointSignatureHolds, databaseCheckpoints, type Checkpoint } from './audit.checkpoints';
import { GENESIS_HASH, auditHash, canonicalJson, hashedFieldsOf } from './audit.hash';
import * as repository from './audit.repository';

export type AuditProblem =
  /** A sealed event's content no longer gives its seal's hash: the event was altered. */
  | 'hash-mismatch'
  /** A seal does not link to the one before: seals were inserted, removed or reordered. */
  | 'broken-link'
  /** A seal names an event that is no longer there. */
  | 'event-removed'
  /** A position of the chain is missing: a seal (and its event) was removed. */
  | 'seal-removed'
  /** Sealed long after the sealer had sealed later events: added behind the system's back, backdated. */
  | 'sealed-late'
  /** Committed longer ago than the bound and still not sealed. */
  | 'unsealed-too-long'
  /** The chain at a checkpoint's position is not what the checkpoint signed. */
  | 'checkpoint-mismatch'
  /** The chain is shorter than a checkpoint: its newest events were deleted. */
  | 'tail-removed'
  /** A checkpoint whose signature or key does not hold. */
  | 'checkpoint-signature';

export interface ChainVerdict {
  ok: boolean;
  /** Sealed events checked. */
  events: number;
  /** Length of the sealed chain and its head's hash. */
  sealedPosition: number;
  lastHash: string;
  /** Events committed but not yet sealed, and the age of the oldest (the seal's lag). */
  unsealed: number;
  oldestUnsealedSeconds: number | null;
  boundSeconds: number;
  /** Checkpoints checked against the chain, and the newest of them. */
  checkpoints: number;
  latestCheckpoint: Checkpoint | null;
  firstBadId: number | null;
  firstBadPosition: number | null;
  reason: AuditProblem | null;
  message: { en: string; th: string } | null;
}

export interface VerifyOptions {
  /** How long a committed event may stay unsealed (and how late a seal may come). */
  boundMs: number;
  /** Checkpoints kept outside the database (the file); the database's own are checked too. */
  externalCheckpoints?: Checkpoint[];
  /** The time to judge the seal's lag at; now by default. */
  now?: Date;
  batchSize?: number;
}

/**
 * Walks the sealed chain in position order and reports the first event whose seal does not hold,
 * then the checkpoints (a chain shorter than one of them lost its tail), then the events waiting
 * for a seal (one older than the bound was left out of the chain, or added behind its back).
 */
export async function verifyAuditChain(db: Executor, options: VerifyOptions): Promise<ChainVerdict> {
  const batchSize = options.batchSize ?? 2000;
  const now = options.now ?? new Date();
  const boundSeconds = options.boundMs / 1000;
  const fromDatabase = await databaseCheckpoints(db);
  const external = options.externalCheckpoints ?? [];

  let events = 0;
  let position = 0;
  let expectedPrev = GENESIS_HASH;
  // Seals of one pass share its time; an event is judged against the passes before its own.
  let passSealedAt = -Infinity;
  let earlierPassesSealedAt = -Infinity;
  const hashAt = new Map<number, string>();
  const wanted = new Set([...fromDatabase, ...external].map((c) => c.position));

  const verdict = (bad: Partial<ChainVerdict> & Pick<ChainVerdict, 'reason' | 'message'>, rest: Partial<ChainVerdict> = {}): ChainVerdict => ({
    ok: false,
    events,
    sealedPosition: position,
    lastHash: expectedPrev,
    unsealed: 0,
    oldestUnsealedSeconds: null,
    boundSeconds,
    checkpoints: 0,
    latestCheckpoint: null,
    firstBadId: null,
    firstBadPosition: null,
    ...rest,
    ...bad,
  });

  for (;;) {
    const batch = await repository.sealBatch(db, position, batchSize);
    for (const row of batch) {
      const at = position + 1;
      if (row.position !== at) {
        return verdict({
          firstBadPosition: at,
          firstBadId: null,
          reason: 'seal-removed',
          message: {
            en: `Position ${at} of the chain is missing (the next seal is at ${row.position}): the event sealed there was removed with its seal.`,
            th: `ลำดับที่ ${at} ของห่วงโซ่หายไป (ตราถัดไปอยู่ที่ ${row.position}) รายการที่ปิดตราไว้ถูกลบพร้อมตรา`,
          },
        });
      }
      if (row.id === null) {
        return verdict({
          firstBadPosition: at,
          firstBadId: row.event_id,
          reason: 'event-removed',
          message: { en: `Event ${row.event_id}, sealed at position ${at}, has been removed.`, th: `รายการที่ ${row.event_id} (ลำดับที่ ${at}) ถูกลบ` },
        });
      }
      if (row.prev_hash !== expectedPrev) {
        return verdict({
          firstBadPosition: at,
          firstBadId: row.event_id,
          reason: 'broken-link',
          message: {
            en: `The seal of event ${row.event_id} (position ${at}) does not link to the seal before it: seals were inserted, removed or reordered here.`,
            th: `ตราของรายการที่ ${row.event_id} (ลำดับที่ ${at}) ไม่ต่อกับตราก่อนหน้า มีการแทรก ลบ หรือสลับตรา`,
          },
        });
      }
      const event = { ...row, id: row.id, occurred_at: row.occurred_at!, action: row.action!, entity_type: row.entity_type! };
      if (auditHash(row.prev_hash, hashedFieldsOf(event)) !== row.hash) {
        return verdict({
          firstBadPosition: at,
          firstBadId: row.event_id,
          reason: 'hash-mismatch',
          message: {
            en: `Event ${row.event_id} (position ${at}) was altered after it was sealed.`,
            th: `รายการที่ ${row.event_id} (ลำดับที่ ${at}) ถูกแก้ไขหลังปิดตรา`,
          },
        });
      }
      if (row.sealed_at.getTime() !== passSealedAt) {
        earlierPassesSealedAt = Math.max(earlierPassesSealedAt, passSealedAt);
        passSealedAt = row.sealed_at.getTime();
      }
      if (earlierPassesSealedAt - event.occurred_at.getTime() > options.boundMs) {
        const minutes = Math.round((earlierPassesSealedAt - event.occurred_at.getTime()) / 60_000);
        return verdict({
          firstBadPosition: at,
          firstBadId: row.event_id,
          reason: 'sealed-late',
          message: {
            en: `Event ${row.event_id} says it happened at ${event.occurred_at.toISOString()}, but the sealer had already sealed events ${minutes} minutes later without it: it was added behind the system's back, backdated.`,
            th: `รายการที่ ${row.event_id} ระบุเวลา ${event.occurred_at.toISOString()} แต่ระบบปิดตรารายการที่เกิดหลังจากนั้น ${minutes} นาทีไปแล้ว รายการนี้ถูกเพิ่มย้อนหลังนอกระบบ`,
          },
        });
      }
      if (wanted.has(at)) hashAt.set(at, row.hash);
      expectedPrev = row.hash;
      position = at;
      events += 1;
    }
    if (batch.length < batchSize) break;
  }

  // Checkpoints: the file's and the database's must agree, carry good signatures, and match the chain.
  const databaseBySeq = new Map(fromDatabase.map((c) => [c.seq, c]));
  const all = new Map<number, Checkpoint>(fromDatabase.map((c) => [c.seq, c]));
  for (const c of external) {
    const db = databaseBySeq.get(c.seq);
    if (db && canonicalJson(db) !== canonicalJson(c)) {
      return verdict({
        reason: 'checkpoint-mismatch',
        message: {
          en: `Checkpoint #${c.seq} in the database differs from the one kept outside it: the database's checkpoints were rewritten.`,
          th: `จุดตรวจที่ ${c.seq} ในฐานข้อมูลไม่ตรงกับที่เก็บไว้ภายนอก`,
        },
      });
    }
    all.set(c.seq, c);
  }
  const checkpoints = [...all.values()].sort((a, b) => a.seq - b.seq);
  const latestCheckpoint = checkpoints[checkpoints.length - 1] ?? null;
  const checked = { checkpoints: checkpoints.length, latestCheckpoint };
  for (const c of checkpoints) {
    if (!checkpointSignatureHolds(c)) {
      return verdict(
        {
          reason: 'checkpoint-signature',
          message: { en: `Checkpoint #${c.seq}'s signature does not hold under key ${c.keyId}.`, th: `ลายมือชื่อของจุดตรวจที่ ${c.seq} ไม่ถูกต้อง` },
        },
        checked,
      );
    }
    if (c.position > position) {
      return verdict(
        {
          firstBadPosition: position + 1,
          reason: 'tail-removed',
          message: {
            en: `The chain ends at position ${position}, but checkpoint #${c.seq} signed at ${c.madeAt} covers ${c.position} events: the newest ${c.position - position} sealed events (positions ${position + 1}–${c.position}) were deleted.`,
            th: `ห่วงโซ่จบที่ลำดับ ${position} แต่จุดตรวจที่ ${c.seq} (ลงนาม ${c.madeAt}) รับรองไว้ ${c.position} รายการ รายการล่าสุด ${c.position - position} รายการถูกลบ`,
          },
        },
        checked,
      );
    }
    if (c.position > 0 && hashAt.get(c.position) !== c.headHash) {
      return verdict(
        {
          firstBadPosition: c.position,
          reason: 'checkpoint-mismatch',
          message: {
            en: `The chain at position ${c.position} is not the one checkpoint #${c.seq} signed at ${c.madeAt}: the trail up to there was rewritten.`,
            th: `ห่วงโซ่ที่ลำดับ ${c.position} ไม่ตรงกับจุดตรวจที่ ${c.seq} บันทึกถูกเขียนใหม่`,
          },
        },
        checked,
      );
    }
  }

  // Events waiting for the sealer.
  const unsealed = await repository.eventsWithoutSeal(db, 1);
  const summary = await repository.unsealedSummary(db);
  const waiting = { unsealed: Math.max(summary.count, unsealed.length), oldestUnsealedSeconds: null as number | null };
  const oldest = unsealed[0];
  if (oldest) {
    const age = now.getTime() - oldest.occurred_at.getTime();
    waiting.oldestUnsealedSeconds = Math.round(age / 100) / 10;
    if (age > options.boundMs) {
      return verdict(
        {
          firstBadId: oldest.id,
          reason: 'unsealed-too-long',
          message: oldest.queued
            ? {
                en: `Event ${oldest.id} has waited ${Math.round(age / 1000)} s for its seal (the bound is ${boundSeconds} s): no sealer is running, or it fails.`,
                th: `รายการที่ ${oldest.id} รอปิดตรามา ${Math.round(age / 1000)} วินาที (เกินกำหนด ${boundSeconds} วินาที) ตัวปิดตราไม่ทำงาน`,
              }
            : {
                en: `Event ${oldest.id} is ${Math.round(age / 1000)} s old and was never queued for sealing: it was added behind the system's back.`,
                th: `รายการที่ ${oldest.id} ไม่เคยเข้าคิวปิดตรา ถูกเพิ่มนอกระบบ`,
              },
        },
        { ...checked, ...waiting },
      );
    }
  }
  return {
    ok: true,
    events,
    sealedPosition: position,
    lastHash: expectedPrev,
    ...waiting,
    boundSeconds,
    ...checked,
    firstBadId: null,
    firstBadPosition: null,
    reason: null,
    message: null,
  };
}
