import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { auditPolicy } from './audit.policy';
import { requireContext } from '../auth/plugin';
import { withProblems } from '../http/schemas';
import { problems } from '../problem';
import { listAuditEvents, type AuditTrail } from './audit.service';

const SealSchema = z
  .object({
    position: z.number().int().describe('Place in the hash chain (1, 2, 3… in seal order)'),
    hash: z.string().describe('sha256(previous hash ‖ event) in hex'),
    sealedAt: z.string(),
  })
  .meta({ id: 'AuditSeal' });

const AuditEventSchema = z
  .object({
    id: z.number().int(),
    occurredAt: z.string(),
    actorUserId: z.string().nullable(),
    actorUsername: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    provinceCode: z.string().nullable(),
    subjectPersonId: z.number().int().nullable().describe('Administrators are not shown which person an event concerns (null); they may filter by one'),
    before: z.unknown(),
    after: z.unknown(),
    personalErased: z.boolean().describe('Some personal values show as `{ "erased": true }`: their person was erased'),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
    seal: SealSchema.nullable().describe('Null while the event waits for the sealer (normally under a second)'),
  })
  .meta({ id: 'AuditEvent' });

const CheckpointSchema = z
  .object({
    seq: z.number().int(),
    position: z.number().int().describe('Events in the chain when it was signed'),
    headHash: z.string().describe('Hash of the seal at `position`'),
    madeAt: z.string(),
    keyId: z.string(),
    publicKey: z.string().describe('Ed25519 public key, raw 32 bytes in base64url'),
    signature: z.string().describe('Ed25519 signature (base64url) of the canonical JSON of {seq, position, headHash, madeAt, keyId}'),
  })
  .meta({ id: 'AuditCheckpoint' });

const StatusSchema = z
  .object({
    sealedPosition: z.number().int(),
    headHash: z.string(),
    lastSealedAt: z.string().nullable(),
    unsealed: z.number().int().describe('Committed events waiting for their seal'),
    oldestUnsealedSeconds: z.number().nullable().describe("The seal's lag: how long the oldest waiting event has waited"),
    boundSeconds: z.number().describe('An event unsealed for longer than this is reported by verification'),
    latestCheckpoint: CheckpointSchema.nullable(),
  })
  .meta({ id: 'AuditStatus' });

const VerdictSchema = z
  .object({
    ok: z.boolean(),
    events: z.number().int().describe('Sealed events checked'),
    sealedPosition: z.number().int(),
    unsealed: z.number().int(),
    oldestUnsealedSeconds: z.number().nullable(),
    boundSeconds: z.number(),
    checkpoints: z.number().int().describe('Signed checkpoints checked against the chain'),
    latestCheckpoint: CheckpointSchema.nullable(),
    firstBadId: z.number().int().nullable(),
    firstBadPosition: z.number().int().nullable(),
    reason: z
      .enum([
        'hash-mismatch',
        'broken-link',
        'event-removed',
        'seal-removed',
        'sealed-late',
        'unsealed-too-long',
        'checkpoint-mismatch',
        'tail-removed',
        'checkpoint-signature',
      ])
      .nullable(),
    message: z.object({ en: z.string(), th: z.string() }).nullable(),
  })
  .meta({ id: 'AuditVerdict' });

const AuditQuery = z.strictObject({
  action: z.string().max(60).optional().describe('Action or its prefix, e.g. `user.` or `unit.update`'),
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  actor: z.string().max(64).optional().describe('Username of whoever acted'),
  subjectPersonId: z.coerce.number().int().positive().optional().describe('Events about this registered person'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  before: z.coerce.number().int().positive().optional().describe('Cursor: events older than this id'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The audit trail for system administrators; its signed checkpoints for everyone. */
export const auditRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; audit: AuditTrail }> = async (app, { db, audit }) => {
  const requireAuditor = (request: Parameters<typeof requireContext>[0]) => {
    const ctx = requireContext(request);
    if (!auditPolicy.reads(ctx.actor)) {
      throw problems.forbidden({ en: 'Only system administrators read the audit trail.', th: 'เฉพาะผู้ดูแลระบบเท่านั้นที่ดูบันทึกการตรวจสอบได้' });
    }
    return ctx;
  };

  app.get(
    '/api/audit-events',
    {
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit trail, newest first (events not yet sealed have no seal)',
        querystring: AuditQuery,
        response: withProblems({ 200: z.object({ items: z.array(AuditEventSchema), nextBefore: z.number().int().nullable() }) }),
      },
    },
    async (request) => {
      requireAuditor(request);
      const q = request.query;
      const items = await listAuditEvents(
        db,
        {
          action: q.action,
          entityType: q.entityType,
          entityId: q.entityId,
          actorUsername: q.actor,
          subjectPersonId: q.subjectPersonId,
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
          beforeId: q.before,
          limit: q.limit,
        },
        { personal: 'withhold' },
      );
      return { items, nextBefore: items.length === q.limit ? items[items.length - 1]!.id : null };
    },
  );

  app.get(
    '/api/audit-events/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Walk the hash chain and the signed checkpoints; report the first altered, removed or inserted event, if any',
        response: withProblems({ 200: VerdictSchema }),
      },
    },
    async (request) => {
      requireAuditor(request);
      const { lastHash: _lastHash, ...verdict } = await audit.verify();
      return verdict;
    },
  );

  app.get(
    '/api/audit/status',
    {
      schema: {
        tags: ['audit'],
        summary: "The sealed chain's head, the seal's lag and the latest checkpoint",
        response: withProblems({ 200: StatusSchema }),
      },
    },
    async (request) => {
      requireAuditor(request);
      return audit.status();
    },
  );

  // Public on purpose: a checkpoint anchors the trail only as well as the copies kept of it
  // outside this system, and it says no more than how many events there are and a hash.
  app.get(
    '/api/audit/checkpoints',
    {
      schema: {
        tags: ['audit'],
        summary: "The audit trail's signed checkpoints and the keys that sign them (public)",
        security: [],
        querystring: z.strictObject({
          after: z.coerce.number().int().min(0).default(0).describe('Only checkpoints with a larger seq'),
          limit: z.coerce.number().int().min(1).max(1000).default(500),
        }),
        response: withProblems({
          200: z.object({
            keys: z.array(z.object({ id: z.string(), algorithm: z.literal('Ed25519'), publicKey: z.string(), createdAt: z.string() })),
            checkpoints: z.array(CheckpointSchema),
          }),
        }),
      },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request) => {
      return {
        keys: await audit.publicKeys(),
        checkpoints: await audit.checkpoints(request.query.after, request.query.limit),
      };
    },
  );
};
