import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireContext } from '../../platform/auth/plugin';
import { withProblems } from '../../platform/http/schemas';
import {
  AgeingSchema,
  CollectionSchema,
  CollectionsQuery,
  ContactBody,
  ContactSchema,
  FlowsQuery,
  FlowsSchema,
  IdParam,
  ParSegmentQuery,
  ParSegmentSchema,
  ReminderJobParam,
  ReminderJobSchema,
  VerifySchema,
} from './funding.schemas';
import type { FundingService } from './funding.service';

const tags = ['funding'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The collection queue, reminders and contacts, the reports (JSON, XLSX, PDF) and the reconciliation. */
export const collectionRoutes: FastifyPluginAsyncZod<{ funding: FundingService }> = async (app, { funding }) => {
  // ---------------------------------------------------------------- arrears and reports
  app.get(
    '/api/funding/collections',
    {
      schema: {
        tags,
        summary: 'The collection queue: loans past due in the reader’s area, by days late, with reminders due',
        querystring: CollectionsQuery,
        response: withProblems({ 200: CollectionSchema }),
      },
    },
    async (request) => funding.collections(requireContext(request), request.query),
  );
  app.post(
    '/api/funding/reminders',
    {
      schema: {
        tags,
        summary: 'Write reminders for instalments due within a week or overdue in the office’s provinces, as a job (never twice for an instalment and kind)',
        querystring: z.strictObject({}),
        response: withProblems({ 202: ReminderJobSchema }),
      },
    },
    async (request, reply) => reply.code(202).send(await funding.runReminders(requireContext(request))),
  );
  app.get(
    '/api/funding/reminders/:jobId',
    {
      schema: { tags, summary: 'Progress of a reminder job you started', params: ReminderJobParam, response: withProblems({ 200: ReminderJobSchema }) },
    },
    async (request) => funding.reminderJob(requireContext(request), request.params.jobId),
  );
  app.post(
    '/api/funding/loans/:id/contacts',
    {
      schema: {
        tags,
        summary: 'Record a collection contact (call, visit, message), its outcome and any promise to pay',
        params: IdParam,
        body: ContactBody,
        response: withProblems({ 201: ContactSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await funding.recordContact(requireContext(request), request.params.id, request.body)),
  );
  app.get(
    '/api/funding/reports/ageing',
    {
      schema: {
        tags,
        querystring: z.strictObject({}),
        summary: 'Ageing (1–30, 31–60, 61–90, over 90 days) and PAR per province',
        response: withProblems({ 200: AgeingSchema }),
      },
    },
    async (request) => funding.ageing(requireContext(request)),
  );
  app.get(
    '/api/funding/reports/par',
    {
      schema: {
        tags,
        querystring: ParSegmentQuery,
        summary: 'PAR30 and PAR90 by the borrowing group’s type, or by training cohort (did groups whose members completed a course repay better?)',
        response: withProblems({ 200: ParSegmentSchema }),
      },
    },
    async (request) => funding.parBySegment(requireContext(request), request.query),
  );
  app.get(
    '/api/funding/reports/flows',
    {
      schema: {
        tags,
        summary: 'Disbursements and repayments per Thai fiscal year and month',
        querystring: FlowsQuery,
        response: withProblems({ 200: FlowsSchema }),
      },
    },
    async (request) => funding.flows(requireContext(request), request.query),
  );
  app.get(
    '/api/funding/reports/export.xlsx',
    {
      schema: {
        tags,
        querystring: z.strictObject({}),
        summary: 'Fund position, flows and ageing as an XLSX workbook',
        response: withProblems({ 200: z.any().describe(XLSX) }),
      },
    },
    async (request, reply) => {
      const bytes = await funding.exportXlsx(requireContext(request));
      reply.header('content-disposition', 'attachment; filename="funding.xlsx"');
      return reply.type(XLSX).send(bytes);
    },
  );
  app.get(
    '/api/funding/reports/export.pdf',
    {
      schema: {
        tags,
        querystring: z.strictObject({}),
        summary: 'Fund position, flows per Thai fiscal year and month, and ageing per province as a PDF in Thai (B.E. dates)',
        response: withProblems({ 200: z.any().describe('application/pdf') }),
      },
    },
    async (request, reply) => {
      const bytes = await funding.exportPdf(requireContext(request));
      reply.header('content-disposition', 'attachment; filename="funding.pdf"');
      return reply.type('application/pdf').send(bytes);
    },
  );
  app.get(
    '/api/funding/verify',
    {
      schema: {
        tags,
        querystring: z.strictObject({}),
        summary: 'Reconcile the ledger with the funds and the loans (like audit verification)',
        response: withProblems({ 200: VerifySchema }),
      },
    },
    async (request) => funding.reconcile(requireContext(request)),
  );
};
