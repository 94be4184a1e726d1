import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireContext } from '../../../platform/auth/plugin';
import { withProblems } from '../../../platform/http/schemas';
import { DemandImportQuery, DemandImportSchema, DemandTemplateQuery, PlanQuery, PlanSchema } from './planning.schemas';
import { DEMAND_MAX_BYTES, type PlanningService } from './planning.service';

const tags = ['training'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/**
 * Twice the file limit reaches the service, which refuses anything over 5 MB naming that limit
 * (a body refused by Fastify itself would be reported against the server-wide limit).
 */
const BODY_LIMIT = 2 * DEMAND_MAX_BYTES;

export const planningRoutes: FastifyPluginAsyncZod<{ planning: PlanningService }> = async (app, { planning }) => {
  // The file is the request body itself (no multipart), as Excel wrote it.
  app.addContentTypeParser(
    ['text/csv', 'application/octet-stream', XLSX, 'application/vnd.ms-excel'],
    { parseAs: 'buffer', bodyLimit: BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/api/training/planning',
    {
      schema: {
        tags,
        summary: 'Labour demand beside planned seats and completions, by province and category, for one fiscal year in your area',
        querystring: PlanQuery,
        response: withProblems({ 200: PlanSchema }),
      },
    },
    async (request) => planning.plan(requireContext(request), request.query),
  );

  app.post(
    '/api/training/labour-demand',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import DSD labour-demand figures from CSV (UTF-8 or Windows-874) or XLSX, all or nothing; a re-import replaces the figures',
        description:
          'Send the file as the body with Content-Type text/csv, application/octet-stream or the XLSX type (at most 5 MB, 20,000 rows). ' +
          'When any row is wrong nothing is written and the answer lists the row errors with `imported: 0`; a file that cannot be read is a 400 problem.',
        querystring: DemandImportQuery,
        response: withProblems({ 200: DemandImportSchema }),
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      if (!Buffer.isBuffer(request.body)) {
        return reply.code(415).send({
          type: 'https://archeep.go.th/problems/unsupported-media-type',
          title: 'Unsupported media type',
          titleTh: 'ไม่รองรับชนิดข้อมูลนี้',
          status: 415,
          detail: 'Send the file itself as the body (text/csv or the XLSX type).',
          detailTh: 'กรุณาส่งไฟล์เป็นเนื้อหาของคำขอ (text/csv หรือ XLSX)',
        });
      }
      return planning.importDemand(ctx, { fileName: request.query.fileName, bytes: request.body, fiscalYear: request.query.fiscalYear });
    },
  );

  app.get(
    '/api/training/labour-demand/template',
    {
      schema: {
        tags,
        summary: 'The labour-demand CSV template (UTF-8 with BOM) in Thai or English, with two example rows',
        querystring: DemandTemplateQuery,
        response: withProblems({ 200: z.any() }),
      },
    },
    async (request, reply) => {
      requireContext(request);
      reply.header('content-disposition', `attachment; filename="archeep-labour-demand-template-${request.query.language}.csv"`);
      return reply.type('text/csv; charset=utf-8').send(planning.demandTemplate(request.query.language));
    },
  );
};
