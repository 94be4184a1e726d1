import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireContext } from '../../platform/auth/plugin';
import { withProblems } from '../../platform/http/schemas';
import { problems } from '../../platform/problem';
import {
  ApplicationBody,
  ApplicationFileSchema,
  ApplicationSchema,
  ApplicationsQuery,
  CapitalBody,
  CorrectionBody,
  DayParam,
  DecisionBody,
  DisbursementBody,
  EligibilityBody,
  EligibilitySchema,
  EntrySchema,
  FundBody,
  FileParams,
  FileQuery,
  FundDetailSchema,
  FundLoanSchema,
  FundLoansQuery,
  FundSchema,
  GroupParam,
  HolidayBody,
  HolidaySchema,
  IdParam,
  ImportQuery,
  ImportResultSchema,
  LoanDecideBody,
  LoanDecisionBody,
  LoanDecisionSchema,
  LoanSchema,
  MineSchema,
  NoteBody,
  PageQuery,
  PaymentSchema,
  ReasonBody,
  RepaymentBody,
} from './funding.schemas';
import { collectionRoutes } from './collections.routes';
import type { FundingService } from './funding.service';

const tags = ['funding'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;

export const fundingRoutes: FastifyPluginAsyncZod<{ funding: FundingService }> = async (app, { funding }) => {
  // A bank statement is the request body itself, as the bank's site exported it.
  app.addContentTypeParser(
    ['text/csv', 'application/octet-stream', XLSX, 'application/pdf', 'image/jpeg', 'image/png'],
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  // ---------------------------------------------------------------- holidays
  app.get(
    '/api/funding/holidays',
    {
      schema: {
        tags,
        querystring: z.strictObject({}),
        summary: 'The holiday calendar due dates move around (Thai public holidays; editable)',
        response: withProblems({ 200: z.array(HolidaySchema) }),
      },
    },
    async (request) => {
      requireContext(request);
      return funding.listHolidays();
    },
  );
  app.put(
    '/api/funding/holidays/:day',
    {
      schema: {
        tags,
        summary: 'Add or rename a holiday (administrators); schedules made after use it',
        params: DayParam,
        body: HolidayBody,
        response: withProblems({ 200: HolidaySchema }),
      },
    },
    async (request) => funding.putHoliday(requireContext(request), request.params.day, request.body),
  );
  app.delete(
    '/api/funding/holidays/:day',
    { schema: { tags, summary: 'Remove a holiday (administrators)', params: DayParam, response: withProblems({ 204: z.null() }) } },
    async (request, reply) => {
      await funding.deleteHoliday(requireContext(request), request.params.day);
      return reply.code(204).send(null);
    },
  );

  // ---------------------------------------------------------------- funds
  app.get(
    '/api/funding/funds',
    {
      schema: {
        tags,
        querystring: z.strictObject({}),
        summary: 'Funds serving the reader’s area, each with its rules and position (available, committed, outstanding, repaid)',
        response: withProblems({ 200: z.array(FundSchema) }),
      },
    },
    async (request) => funding.listFunds(requireContext(request)),
  );
  app.post(
    '/api/funding/funds',
    {
      schema: {
        tags,
        summary: 'Open a fund with its capital and rules (the committee’s approver, for provinces in their area)',
        body: FundBody,
        response: withProblems({ 201: FundSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await funding.createFund(requireContext(request), request.body)),
  );
  app.get(
    '/api/funding/funds/:id',
    {
      schema: {
        tags,
        summary: 'A fund: rules, position and portfolio at risk (PAR30, PAR90)',
        params: IdParam,
        response: withProblems({ 200: FundDetailSchema }),
      },
    },
    async (request) => funding.getFund(requireContext(request), request.params.id),
  );
  app.post(
    '/api/funding/funds/:id/capital',
    {
      schema: {
        tags,
        summary: 'Add capital to a fund (a ledger entry: cash / capital)',
        params: IdParam,
        body: CapitalBody,
        response: withProblems({ 200: FundSchema }),
      },
    },
    async (request) => funding.addCapital(requireContext(request), request.params.id, request.body),
  );
  app.get(
    '/api/funding/funds/:id/ledger',
    {
      schema: {
        tags,
        summary: 'The fund’s double-entry ledger, newest first',
        params: IdParam,
        querystring: PageQuery,
        response: withProblems({ 200: z.array(EntrySchema) }),
      },
    },
    async (request) => funding.ledger(requireContext(request), request.params.id, request.query),
  );
  app.post(
    '/api/funding/funds/:id/eligibility',
    {
      schema: {
        tags,
        summary: 'Check a group against the fund’s rules, every rule with its reason; changes nothing',
        params: IdParam,
        body: EligibilityBody,
        response: withProblems({ 200: EligibilitySchema }),
      },
    },
    async (request) => funding.eligibility(requireContext(request), request.params.id, request.body),
  );
  app.get(
    '/api/funding/funds/:id/applications',
    {
      schema: {
        tags,
        summary: 'The fund’s applications in the reader’s area',
        params: IdParam,
        querystring: ApplicationsQuery,
        response: withProblems({ 200: z.array(ApplicationSchema) }),
      },
    },
    async (request) => funding.listApplications(requireContext(request), request.params.id, request.query),
  );
  app.get(
    '/api/funding/funds/:id/loans',
    {
      schema: {
        tags,
        summary: 'The fund’s loans in the reader’s area, latest first, with principal outstanding and days past due',
        params: IdParam,
        querystring: FundLoansQuery,
        response: withProblems({ 200: z.array(FundLoanSchema) }),
      },
    },
    async (request) => funding.fundLoans(requireContext(request), request.params.id, request.query),
  );
  app.post(
    '/api/funding/funds/:id/applications',
    {
      schema: {
        tags,
        summary: 'Apply for a loan for a group (its leader, or an officer or maker of its province); refused with every failing rule',
        params: IdParam,
        body: ApplicationBody,
        response: withProblems({ 201: ApplicationSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await funding.apply(requireContext(request), request.params.id, request.body)),
  );
  app.post(
    '/api/funding/funds/:id/repayment-imports',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import repayments from a bank statement (CSV/XLSX); dryRun=true checks only and reports row errors',
        description: 'Send the file as the body with Content-Type text/csv or the XLSX type. Columns: loan number, paid on, amount (baht), reference.',
        params: IdParam,
        querystring: ImportQuery,
        response: withProblems({ 200: ImportResultSchema }),
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      if (!Buffer.isBuffer(request.body)) throw problems.unsupportedMediaType(String(request.headers['content-type'] ?? 'none'));
      return funding.importRepayments(ctx, request.params.id, {
        fileName: request.query.fileName,
        bytes: request.body,
        dryRun: request.query.dryRun === 'true',
      });
    },
  );

  // ---------------------------------------------------------------- applications
  app.get(
    '/api/funding/applications/:id',
    {
      schema: {
        tags,
        summary: 'An application with its eligibility and its path through four eyes',
        params: IdParam,
        response: withProblems({ 200: ApplicationSchema }),
      },
    },
    async (request) => funding.getApplication(requireContext(request), request.params.id),
  );
  app.put(
    '/api/funding/applications/:id',
    {
      schema: {
        tags,
        summary: 'Correct a returned application; it starts a new round with the maker',
        params: IdParam,
        body: CorrectionBody,
        response: withProblems({ 200: ApplicationSchema }),
      },
    },
    async (request) => funding.correct(requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/funding/applications/:id/recommend',
    { schema: { tags, summary: 'The maker prepares and recommends', params: IdParam, body: NoteBody, response: withProblems({ 200: ApplicationSchema }) } },
    async (request) => funding.recommend(requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/funding/applications/:id/verify',
    {
      schema: { tags, summary: 'The checker verifies (never the maker)', params: IdParam, body: NoteBody, response: withProblems({ 200: ApplicationSchema }) },
    },
    async (request) => funding.verify(requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/funding/applications/:id/decide',
    {
      schema: {
        tags,
        summary: 'The committee’s decision with its minutes (a third person); approval commits the amount under the fund’s lock',
        params: IdParam,
        body: DecisionBody,
        response: withProblems({ 200: ApplicationSchema }),
      },
    },
    async (request) => funding.decide(requireContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/funding/applications/:id/return',
    {
      schema: {
        tags,
        summary: 'Return for correction (the checker, or the approver once verified); the history stays',
        params: IdParam,
        body: ReasonBody,
        response: withProblems({ 200: ApplicationSchema }),
      },
    },
    async (request) => funding.returnForCorrection(requireContext(request), request.params.id, request.body),
  );
  // ---------------------------------------------------------------- loans
  app.post(
    '/api/funding/applications/:id/files',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Upload a document with a submitted or returned application (PDF, JPEG or PNG, known by its first bytes; at most 10 MB)',
        description: 'Send the file as the body (Content-Type application/pdf, image/jpeg, image/png or application/octet-stream) and its name in `name`.',
        params: IdParam,
        querystring: FileQuery,
        response: withProblems({ 201: ApplicationFileSchema }),
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      if (!Buffer.isBuffer(request.body)) throw problems.unsupportedMediaType(String(request.headers['content-type'] ?? 'none'));
      return reply.code(201).send(await funding.addApplicationFile(ctx, request.params.id, { name: request.query.name, bytes: request.body }));
    },
  );
  app.get(
    '/api/funding/applications/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: 'One document of an application, as uploaded',
        params: FileParams,
        response: withProblems({ 200: z.any().describe('application/pdf, image/jpeg or image/png') }),
      },
    },
    async (request, reply) => {
      const file = await funding.applicationFile(requireContext(request), request.params.id, request.params.fileId);
      // The stored type is the one the first bytes showed; the name goes in an encoded header.
      reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`);
      return reply.type(file.contentType).send(file.bytes);
    },
  );
  app.get(
    '/api/funding/loans/:id',
    {
      schema: { tags, summary: 'A loan: schedule, tranches, payments, days past due, decisions', params: IdParam, response: withProblems({ 200: LoanSchema }) },
    },
    async (request) => funding.getLoan(requireContext(request), request.params.id),
  );
  app.get(
    '/api/funding/my',
    {
      schema: {
        tags,
        summary: 'A citizen’s own: her groups (a leader’s with their committee), the funds lending to them, their loans and schedules',
        response: withProblems({ 200: MineSchema }),
      },
    },
    async (request) => funding.mine(requireContext(request)),
  );
  app.get(
    '/api/funding/groups/:groupId/loans',
    {
      schema: {
        tags,
        summary: 'A group’s loans (its page; its members see their own)',
        params: GroupParam,
        response: withProblems({ 200: z.array(LoanSchema) }),
      },
    },
    async (request) => funding.groupLoans(requireContext(request), request.params.groupId),
  );
  app.post(
    '/api/funding/loans/:id/disbursements',
    {
      schema: {
        tags,
        summary: 'Disburse a tranche into the group’s account; generates the schedule',
        params: IdParam,
        body: DisbursementBody,
        response: withProblems({ 200: LoanSchema }),
      },
    },
    async (request) => funding.disburse(requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/funding/loans/:id/payments',
    {
      schema: {
        tags,
        summary: 'Record a repayment: overdue first, then fee, interest, principal; partial and early payments',
        params: IdParam,
        body: RepaymentBody,
        response: withProblems({ 201: PaymentSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await funding.repay(requireContext(request), request.params.id, request.body)),
  );
  app.post(
    '/api/funding/payments/:id/reverse',
    {
      schema: {
        tags,
        summary: 'Reverse a repayment with a reason (restores the state before it; nothing is deleted)',
        params: IdParam,
        body: ReasonBody,
        response: withProblems({ 201: PaymentSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await funding.reverse(requireContext(request), request.params.id, request.body)),
  );
  app.get(
    '/api/funding/payments/:id/receipt.pdf',
    {
      schema: {
        tags,
        summary: 'The repayment’s receipt as a PDF in Thai',
        params: IdParam,
        response: withProblems({ 200: z.any().describe('application/pdf') }),
      },
    },
    async (request, reply) => {
      const { fileName, bytes } = await funding.receipt(requireContext(request), request.params.id);
      reply.header('content-disposition', `inline; filename="${fileName}"`);
      return reply.type('application/pdf').send(bytes);
    },
  );
  app.post(
    '/api/funding/loans/:id/decisions',
    {
      schema: {
        tags,
        summary: 'Ask for a restructuring (new schedule) or a write-off; the approver decides',
        params: IdParam,
        body: LoanDecisionBody,
        response: withProblems({ 201: LoanDecisionSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await funding.requestDecision(requireContext(request), request.params.id, request.body)),
  );
  app.post(
    '/api/funding/loan-decisions/:id/decide',
    {
      schema: {
        tags,
        summary: 'The approver decides a restructuring or write-off (never who asked)',
        params: IdParam,
        body: LoanDecideBody,
        response: withProblems({ 200: LoanDecisionSchema }),
      },
    },
    async (request) => funding.decideOnLoan(requireContext(request), request.params.id, request.body),
  );

  await app.register(collectionRoutes, { funding });
};
