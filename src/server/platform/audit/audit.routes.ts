import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { hasAnyRole } from '../auth/actor';
import { requireContext } from '../auth/plugin';
import { withProblems } from '../http/schemas';
import { problems } from '../problem';
import { listAuditEvents, verifyAuditChain } from './audit.service';

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
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });

const AuditQuery = z.strictObject({
  action: z.string().max(60).optional().describe('Action or its prefix, e.g. `user.` or `unit.update`'),
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  actor: z.string().max(64).optional().describe('Username of whoever acted'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  before: z.coerce.number().int().positive().optional().describe('Cursor: events older than this id'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The audit trail, for system administrators only. */
export const auditRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  const requireAuditor = (request: Parameters<typeof requireContext>[0]) => {
    const ctx = requireContext(request);
    if (!hasAnyRole(ctx.actor, ['system_admin'])) {
      throw problems.forbidden({ en: 'Only system administrators read the audit trail.', th: 'เฉพาะผู้ดูแลระบบเท่านั้นที่ดูบันทึกการตรวจสอบได้' });
    }
    return ctx;
  };

  app.get(
    '/api/audit-events',
    {
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit trail, newest first',
        querystring: AuditQuery,
        response: withProblems({ 200: z.object({ items: z.array(AuditEventSchema), nextBefore: z.number().int().nullable() }) }),
      },
    },
    async (request) => {
      requireAuditor(request);
      const q = request.query;
      const rows = await listAuditEvents(db, {
        action: q.action,
        entityType: q.entityType,
        entityId: q.entityId,
        actorUsername: q.actor,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
        beforeId: q.before,
        limit: q.limit,
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          occurredAt: r.occurred_at.toISOString(),
          actorUserId: r.actor_user_id,
          actorUsername: r.actor_username,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          provinceCode: r.province_code,
          before: r.before,
          after: r.after,
          requestId: r.request_id,
          ip: r.ip,
          hash: r.hash,
        })),
        nextBefore: rows.length === q.limit ? rows[rows.length - 1]!.id : null,
      };
    },
  );

  app.get(
    '/api/audit-events/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Walk the hash chain and report the first tampered event, if any',
        response: withProblems({
          200: z.object({ ok: z.boolean(), events: z.number().int(), firstBadId: z.number().int().nullable(), reason: z.string().nullable() }),
        }),
      },
    },
    async (request) => {
      requireAuditor(request);
      const verdict = await verifyAuditChain(db);
      return verdict.ok
        ? { ok: true, events: verdict.events, firstBadId: null, reason: null }
        : { ok: false, events: verdict.events, firstBadId: verdict.firstBadId, reason: verdict.reason };
    },
  );
};
