import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireContext } from '../../../platform/auth/plugin';
import { withProblems } from '../../../platform/http/schemas';
import {
  ErrorReportQuery,
  ErrorsQuery,
  ImportIdParam,
  ImportSchema,
  LawfulBasisBody,
  MappingBody,
  RowErrorPage,
  TemplateParams,
  TemplateQuery,
  UploadQuery,
  ValuesBody,
} from '../registry.schemas';
import type { ImportService } from './import.service';

const tags = ['registry: imports'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A million people in CSV is about 200 MB. */
export const IMPORT_BODY_LIMIT = 256 * 1024 * 1024;

export const importRoutes: FastifyPluginAsyncZod<{ imports: ImportService }> = async (app, { imports }) => {
  // The file is the request body itself (no multipart), as Excel wrote it.
  app.addContentTypeParser(
    ['text/csv', 'application/octet-stream', XLSX, 'application/vnd.ms-excel'],
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/api/registry/templates/:kind',
    {
      schema: {
        tags,
        summary: 'The import template (XLSX with a help sheet, or CSV) in Thai or English',
        params: TemplateParams,
        querystring: TemplateQuery,
        response: withProblems({ 200: z.any() }),
      },
    },
    async (request, reply) => {
      requireContext(request);
      const { format, lang } = request.query;
      const file = await imports.template(request.params.kind, format, lang);
      reply.header('content-disposition', `attachment; filename="archeep-${request.params.kind}-template.${format}"`);
      return reply.type(format === 'xlsx' ? XLSX : 'text/csv; charset=utf-8').send(file);
    },
  );

  app.get(
    '/api/registry/imports',
    { schema: { tags, summary: 'Your recent imports', response: withProblems({ 200: z.array(ImportSchema) }) } },
    async (request) => imports.list(requireContext(request)),
  );

  app.post(
    '/api/registry/imports',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Upload a CSV (UTF-8, or Windows-874 as Thai Excel saves it) or XLSX file; nothing is imported until a commit',
        description: 'Send the file as the body with Content-Type text/csv, application/octet-stream or the XLSX type.',
        querystring: UploadQuery,
        response: withProblems({ 201: ImportSchema }),
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
      return reply.code(201).send(await imports.upload(ctx, { kind: request.query.kind, fileName: request.query.fileName, bytes: request.body }));
    },
  );

  app.get(
    '/api/registry/imports/:id',
    {
      schema: {
        tags,
        summary: 'An import: mapping, dry-run and import summaries, progress',
        params: ImportIdParam,
        response: withProblems({ 200: ImportSchema }),
      },
    },
    async (request) => imports.get(requireContext(request), request.params.id),
  );

  app.put(
    '/api/registry/imports/:id/mapping',
    {
      schema: {
        tags,
        summary: 'Map template columns to the file’s columns (0-based)',
        params: ImportIdParam,
        body: MappingBody,
        response: withProblems({ 200: ImportSchema }),
      },
    },
    async (request) => imports.setMapping(requireContext(request), request.params.id, request.body.mapping),
  );

  app.put(
    '/api/registry/imports/:id/values',
    {
      schema: {
        tags,
        summary: 'Map values that match no reference value to a reference code, or to null (leave empty); remembered for your unit',
        params: ImportIdParam,
        body: ValuesBody,
        response: withProblems({ 200: ImportSchema }),
      },
    },
    async (request) => imports.setValues(requireContext(request), request.params.id, request.body.values),
  );

  app.put(
    '/api/registry/imports/:id/lawful-basis',
    {
      schema: {
        tags,
        summary: 'Declare the lawful basis of the file’s sensitive data once for the file (explicit consent or a legal duty, with evidence)',
        params: ImportIdParam,
        body: LawfulBasisBody,
        response: withProblems({ 200: ImportSchema }),
      },
    },
    async (request) => imports.setLawfulBasis(requireContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/registry/imports/:id/dry-run',
    {
      schema: {
        tags,
        summary: 'Validate every row as a job; writes nothing to the registry',
        params: ImportIdParam,
        response: withProblems({ 202: ImportSchema }),
      },
    },
    async (request, reply) => reply.code(202).send(await imports.dryRun(requireContext(request), request.params.id)),
  );

  app.post(
    '/api/registry/imports/:id/commit',
    {
      schema: {
        tags,
        summary: 'Import the valid rows as a job (upsert by identity document; resumes after a crash)',
        params: ImportIdParam,
        response: withProblems({ 202: ImportSchema }),
      },
    },
    async (request, reply) => reply.code(202).send(await imports.commit(requireContext(request), request.params.id)),
  );

  app.get(
    '/api/registry/imports/:id/errors',
    {
      schema: {
        tags,
        summary: 'Problems of rows (errors reject a row, warnings leave a cell empty) with line, column and reason, a page at a time',
        params: ImportIdParam,
        querystring: ErrorsQuery,
        response: withProblems({ 200: RowErrorPage }),
      },
    },
    async (request) => imports.errors(requireContext(request), request.params.id, request.query.phase, request.query),
  );

  app.get(
    '/api/registry/imports/:id/error-report',
    {
      schema: {
        tags,
        summary: 'Rejected (or warned) rows as CSV or XLSX, each as it was in the file beside its reasons, to fix and upload again',
        params: ImportIdParam,
        querystring: ErrorReportQuery,
        response: withProblems({ 200: z.any() }),
      },
    },
    async (request, reply) => {
      const { phase, format, severity } = request.query;
      const file = await imports.errorReport(requireContext(request), request.params.id, phase, format, severity);
      reply.header('content-disposition', `attachment; filename="import-errors-${request.params.id.slice(0, 8)}.${format}"`);
      return reply.type(format === 'xlsx' ? XLSX : 'text/csv; charset=utf-8').send(file);
    },
  );
};
