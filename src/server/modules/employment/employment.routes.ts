import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { optionalContext, requireContext } from '../../platform/auth/plugin';
import { withProblems } from '../../platform/http/schemas';
import { problems } from '../../platform/problem';
import {
  AnswerBody,
  ApplyBody,
  BoardQuery,
  CandidateSchema,
  CandidatesQuery,
  EmployerSchema,
  EmployersQuery,
  EmploymentCardSchema,
  FollowUpBody,
  FollowUpSchema,
  FollowUpsQuery,
  GuidanceBody,
  GuidanceSchema,
  IdParam,
  ImportQuery,
  ImportResultSchema,
  IndicatorSchema,
  MatchedVacancySchema,
  PersonIdParam,
  PlacementSchema,
  PlacementsQuery,
  ReferBody,
  ReferralSchema,
  SeekerBody,
  SeekerSchema,
  SummaryQuery,
  SummarySchema,
  VacanciesQuery,
  VacancyBody,
  VacancyListSchema,
  VacancySchema,
  VacancyStatusBody,
  VerifyBody,
} from './employment.schemas';
import type { EmploymentService } from './employment.service';

const tags = ['employment'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;

export const employmentRoutes: FastifyPluginAsyncZod<{ employment: EmploymentService }> = async (app, { employment }) => {
  // A vacancy file is the request body itself, as Excel or the job portal wrote it.
  app.addContentTypeParser(['text/csv', 'application/octet-stream', XLSX], { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) =>
    done(null, body),
  );

  // ---------------------------------------------------------------- public
  app.get(
    '/api/employment/board',
    {
      schema: {
        tags,
        summary: 'Public vacancy board: published vacancies open today, by area, occupation and kind; no personal data',
        security: [],
        querystring: BoardQuery,
        response: withProblems({ 200: VacancyListSchema }),
      },
    },
    async (request) => employment.board(request.query),
  );
  app.get(
    '/api/employment/board/:id',
    { schema: { tags, summary: 'One published vacancy on the public board', security: [], params: IdParam, response: withProblems({ 200: VacancySchema }) } },
    async (request) => employment.boardVacancy(request.params.id),
  );
  app.get(
    '/api/employment/indicator',
    {
      schema: {
        tags,
        summary: 'Public indicator: people placed in work this fiscal year (counted once per person per centre), measured, against the 15,000 target',
        security: [],
        querystring: SummaryQuery,
        response: withProblems({ 200: IndicatorSchema }),
      },
    },
    async (request) => employment.indicator(optionalContext(request), request.query.fiscalYear),
  );
  app.post(
    '/api/employment/employers/apply',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'An employer registers itself (13-digit number checked) with its own account; an employment office verifies it',
        security: [],
        body: ApplyBody,
        response: withProblems({ 201: EmployerSchema }),
      },
    },
    async (request, reply) => {
      reply.code(201);
      return employment.applyAsEmployer(optionalContext(request), request.body);
    },
  );

  // ---------------------------------------------------------------- employers
  app.get(
    '/api/employment/employers',
    {
      schema: {
        tags,
        summary: 'Employers in the officer’s area, pending verification first when asked',
        querystring: EmployersQuery,
        response: withProblems({ 200: z.object({ items: z.array(EmployerSchema), total: z.number() }) }),
      },
    },
    async (request) => employment.listEmployers(requireContext(request), request.query),
  );
  app.get(
    '/api/employment/employers/mine',
    { schema: { tags, summary: 'The signed-in employer account’s own employer', response: withProblems({ 200: EmployerSchema }) } },
    async (request) => employment.myEmployer(requireContext(request)),
  );
  app.get(
    '/api/employment/employers/:id',
    { schema: { tags, summary: 'An employer (its own account, or officers of its area)', params: IdParam, response: withProblems({ 200: EmployerSchema }) } },
    async (request) => employment.getEmployer(requireContext(request), request.params.id),
  );
  app.post(
    '/api/employment/employers/:id/verify',
    {
      schema: {
        tags,
        summary: 'An employment officer of the employer’s province verifies, rejects or suspends it',
        params: IdParam,
        body: VerifyBody,
        response: withProblems({ 200: EmployerSchema }),
      },
    },
    async (request) => employment.verifyEmployer(requireContext(request), request.params.id, request.body),
  );

  // ---------------------------------------------------------------- vacancies
  app.get(
    '/api/employment/vacancies',
    {
      schema: {
        tags,
        summary: 'Vacancies: an employer’s own, or those of the reader’s area',
        querystring: VacanciesQuery,
        response: withProblems({ 200: VacancyListSchema }),
      },
    },
    async (request) => employment.listVacancies(requireContext(request), request.query),
  );
  app.post(
    '/api/employment/vacancies',
    {
      schema: {
        tags,
        summary: 'Post a vacancy or home-based work order (an employer for itself, an officer for an employer of the area)',
        body: VacancyBody,
        response: withProblems({ 201: VacancySchema }),
      },
    },
    async (request, reply) => {
      reply.code(201);
      return employment.createVacancy(requireContext(request), request.body);
    },
  );
  app.post(
    '/api/employment/vacancies/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import vacancies from CSV/XLSX (job fairs, the national job portal) as drafts; dryRun=true checks only and reports row errors',
        description: 'Send the file as the body with Content-Type text/csv or the XLSX type.',
        querystring: ImportQuery,
        response: withProblems({ 200: ImportResultSchema }),
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      if (!Buffer.isBuffer(request.body)) throw problems.unsupportedMediaType(String(request.headers['content-type'] ?? 'none'));
      return employment.importVacancies(ctx, { fileName: request.query.fileName, bytes: request.body, dryRun: request.query.dryRun === 'true' });
    },
  );
  app.get(
    '/api/employment/vacancies/:id',
    {
      schema: {
        tags,
        summary: 'A vacancy (its employer, or officers and executives of its area)',
        params: IdParam,
        response: withProblems({ 200: VacancySchema }),
      },
    },
    async (request) => employment.getVacancy(requireContext(request), request.params.id),
  );
  app.post(
    '/api/employment/vacancies/:id/status',
    {
      schema: {
        tags,
        summary: 'Publish a draft (employer verified) or close a vacancy',
        params: IdParam,
        body: VacancyStatusBody,
        response: withProblems({ 200: VacancySchema }),
      },
    },
    async (request) => employment.setVacancyStatus(requireContext(request), request.params.id, request.body.status),
  );
  app.get(
    '/api/employment/vacancies/:id/candidates',
    {
      schema: {
        tags,
        summary: 'Ranked job seekers for a vacancy, each with the reasons of the score (officers)',
        params: IdParam,
        querystring: CandidatesQuery,
        response: withProblems({ 200: z.array(CandidateSchema) }),
      },
    },
    async (request) => employment.candidates(requireContext(request), request.params.id, request.query),
  );
  app.get(
    '/api/employment/vacancies/:id/referrals',
    {
      schema: {
        tags,
        summary: 'People referred to a vacancy; its employer sees only what each consented to share',
        params: IdParam,
        response: withProblems({ 200: z.array(ReferralSchema) }),
      },
    },
    async (request) => employment.referralsOfVacancy(requireContext(request), request.params.id),
  );

  // ---------------------------------------------------------------- referrals, follow-ups, placements
  app.post(
    '/api/employment/referrals',
    {
      schema: {
        tags,
        summary: 'Refer a job seeker to a vacancy with their consent to share the named fields with that employer',
        body: ReferBody,
        response: withProblems({ 201: ReferralSchema }),
      },
    },
    async (request, reply) => {
      reply.code(201);
      return employment.refer(requireContext(request), request.body);
    },
  );
  app.post(
    '/api/employment/referrals/:id/answer',
    {
      schema: {
        tags,
        summary: 'The employer’s answer: interview, hired (a placement within the openings), rejected with reason',
        params: IdParam,
        body: AnswerBody,
        response: withProblems({ 200: ReferralSchema }),
      },
    },
    async (request) => employment.answer(requireContext(request), request.params.id, request.body),
  );
  app.get(
    '/api/employment/follow-ups',
    {
      schema: {
        tags,
        summary: 'Follow-ups due in the reader’s area (3, 6, 12 months after placement); overdue=true for those past due',
        querystring: FollowUpsQuery,
        response: withProblems({ 200: z.array(FollowUpSchema) }),
      },
    },
    async (request) => employment.followUpQueue(requireContext(request), request.query),
  );
  app.post(
    '/api/employment/follow-ups/:id',
    {
      schema: {
        tags,
        summary: 'Record a follow-up: still working, income now (an officer of the area, or the person)',
        params: IdParam,
        body: FollowUpBody,
        response: withProblems({ 200: FollowUpSchema }),
      },
    },
    async (request) => employment.recordFollowUp(requireContext(request), request.params.id, request.body),
  );
  app.get(
    '/api/employment/placements',
    { schema: { tags, summary: 'Placements in the reader’s area', querystring: PlacementsQuery, response: withProblems({ 200: z.array(PlacementSchema) }) } },
    async (request) => employment.listPlacements(requireContext(request), request.query),
  );
  app.get(
    '/api/employment/placements/export',
    {
      schema: {
        tags,
        summary: 'Placements in the reader’s area as XLSX',
        querystring: PlacementsQuery.omit({ limit: true, offset: true }),
        response: withProblems({ 200: z.any() }),
      },
    },
    async (request, reply) => {
      const file = await employment.exportPlacements(requireContext(request), request.query);
      reply.header('content-disposition', 'attachment; filename="archeep-placements.xlsx"');
      return reply.type(XLSX).send(file);
    },
  );
  app.get(
    '/api/employment/summary',
    {
      schema: {
        tags,
        summary: 'Placements of a fiscal year against the 15,000 target, by province and centre, with income change at follow-up',
        querystring: SummaryQuery,
        response: withProblems({ 200: SummarySchema }),
      },
    },
    async (request) => employment.summary(requireContext(request), request.query),
  );

  // ---------------------------------------------------------------- a person's employment
  app.get(
    '/api/people/:personId/employment',
    {
      schema: {
        tags,
        summary: 'A person’s employment card: profile, guidance, referrals, placements, follow-ups',
        params: PersonIdParam,
        response: withProblems({ 200: EmploymentCardSchema }),
      },
    },
    async (request) => employment.card(requireContext(request), request.params.personId),
  );
  app.put(
    '/api/people/:personId/job-seeker',
    {
      schema: {
        tags,
        summary: 'Opt a person in as a job seeker, or update their profile',
        params: PersonIdParam,
        body: SeekerBody,
        response: withProblems({ 200: SeekerSchema }),
      },
    },
    async (request) => employment.saveSeeker(requireContext(request), request.params.personId, request.body),
  );
  app.post(
    '/api/people/:personId/job-seeker/withdraw',
    {
      schema: {
        tags,
        summary: 'The person no longer looks for work',
        params: PersonIdParam,
        response: withProblems({ 200: z.object({ withdrawn: z.boolean() }) }),
      },
    },
    async (request) => employment.withdrawSeeker(requireContext(request), request.params.personId),
  );
  app.get(
    '/api/people/:personId/vacancies',
    {
      schema: {
        tags,
        summary: 'Open vacancies ranked for a job seeker, with reasons',
        params: PersonIdParam,
        response: withProblems({ 200: z.array(MatchedVacancySchema) }),
      },
    },
    async (request) => employment.vacanciesFor(requireContext(request), request.params.personId),
  );
  app.post(
    '/api/people/:personId/guidance',
    {
      schema: {
        tags,
        summary: 'Career guidance: a note and a plan with dated next steps (sensitive notes for officers only)',
        params: PersonIdParam,
        body: GuidanceBody,
        response: withProblems({ 201: GuidanceSchema }),
      },
    },
    async (request, reply) => {
      reply.code(201);
      return employment.addGuidance(requireContext(request), request.params.personId, request.body);
    },
  );
  app.get(
    '/api/me/employment',
    { schema: { tags, summary: 'The signed-in citizen’s own employment card', response: withProblems({ 200: EmploymentCardSchema }) } },
    async (request) => employment.myCard(requireContext(request)),
  );
};
