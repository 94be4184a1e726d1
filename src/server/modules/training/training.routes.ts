import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireContext } from '../../platform/auth/plugin';
import { withProblems } from '../../platform/http/schemas';
import { problems } from '../../platform/problem';
import { CredentialSchema } from '../credentials/credentials.schemas';
import {
  ApplyBody,
  AttendanceBody,
  AttendanceSheetSchema,
  CertificateJobSchema,
  CheckInBody,
  CheckInSchema,
  CodeParam,
  CreateSessionBody,
  CurriculaQuery,
  CurriculumSchema,
  DayParams,
  EvaluationSchema,
  GroupEnrolBody,
  GroupEnrolResultSchema,
  IdParam,
  JobParams,
  MyEnrolmentSchema,
  ResultsImportSchema,
  ResultsQuery,
  RosterQuery,
  RosterSchema,
  ScoresBody,
  SessionPageSchema,
  SessionSchema,
  SessionsQuery,
  StatusBody,
  WithdrawBody,
  WithdrawResultSchema,
} from './training.schemas';
import type { TrainingService } from './training.service';

const tags = ['training'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const RESULTS_BODY_LIMIT = 5 * 1024 * 1024;

export const trainingRoutes: FastifyPluginAsyncZod<{ training: TrainingService }> = async (app, { training }) => {
  app.addContentTypeParser(['text/csv', 'application/octet-stream', XLSX], { parseAs: 'buffer', bodyLimit: RESULTS_BODY_LIMIT }, (_request, body, done) =>
    done(null, body),
  );

  app.get(
    '/api/training/curricula',
    {
      schema: {
        tags,
        summary: 'Curricula: hours, topics, target groups, completion rule',
        querystring: CurriculaQuery,
        response: withProblems({ 200: z.array(CurriculumSchema) }),
      },
    },
    async (request) => training.listCurricula(requireContext(request), request.query),
  );
  app.get(
    '/api/training/curricula/:code',
    { schema: { tags, summary: 'A curriculum', params: CodeParam, response: withProblems({ 200: CurriculumSchema }) } },
    async (request) => training.getCurriculum(requireContext(request), request.params.code),
  );

  app.get(
    '/api/training/sessions',
    {
      schema: {
        tags,
        summary: 'Training sessions (รุ่น) with their fill level; `open=true` lists those taking applications',
        querystring: SessionsQuery,
        response: withProblems({ 200: SessionPageSchema }),
      },
    },
    async (request) => training.listSessions(requireContext(request), request.query),
  );
  app.post(
    '/api/training/sessions',
    {
      schema: {
        tags,
        summary: 'Plan a session (officers and course providers, in their area)',
        body: CreateSessionBody,
        response: withProblems({ 201: SessionSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await training.createSession(requireContext(request), request.body)),
  );
  app.get(
    '/api/training/sessions/:id',
    {
      schema: {
        tags,
        summary: 'A session: schedule, curriculum, seats, and the caller’s own enrolment',
        params: IdParam,
        response: withProblems({ 200: SessionSchema }),
      },
    },
    async (request) => training.getSession(requireContext(request), request.params.id),
  );
  app.post(
    '/api/training/sessions/:id/status',
    {
      schema: {
        tags,
        summary: 'Move a session: planned → open → running → completed, or cancelled with a reason; completing evaluates everyone',
        params: IdParam,
        body: StatusBody,
        response: withProblems({ 200: SessionSchema }),
      },
    },
    async (request) => training.changeStatus(requireContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/training/sessions/:id/applications',
    {
      schema: {
        tags,
        summary: 'Apply (a citizen for themself, or an officer for a person): a seat in order, or the waitlist',
        params: IdParam,
        body: ApplyBody,
        response: withProblems({ 201: MyEnrolmentSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await training.apply(requireContext(request), request.params.id, request.body)),
  );
  app.post(
    '/api/training/sessions/:id/group-enrolments',
    {
      schema: {
        tags,
        summary: 'Enrol an occupation group’s current members; those not eligible are listed with reasons',
        params: IdParam,
        body: GroupEnrolBody,
        response: withProblems({ 200: GroupEnrolResultSchema }),
      },
    },
    async (request) => training.enrolGroup(requireContext(request), request.params.id, request.body.groupId),
  );
  app.post(
    '/api/training/enrolments/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw; a freed seat goes to waitlist position 1',
        params: IdParam,
        body: WithdrawBody,
        response: withProblems({ 200: WithdrawResultSchema }),
      },
    },
    async (request) => training.withdraw(requireContext(request), request.params.id, request.body),
  );
  app.get(
    '/api/training/sessions/:id/roster',
    {
      schema: {
        tags,
        summary: 'Who is enrolled and waitlisted, with hours and outcomes (national IDs masked)',
        params: IdParam,
        querystring: RosterQuery,
        response: withProblems({ 200: RosterSchema }),
      },
    },
    async (request) => training.roster(requireContext(request), request.params.id, request.query),
  );

  app.get(
    '/api/training/sessions/:id/attendance/:day',
    { schema: { tags, summary: 'A day’s attendance sheet', params: DayParams, response: withProblems({ 200: AttendanceSheetSchema }) } },
    async (request) => training.attendanceSheet(requireContext(request), request.params.id, request.params.day),
  );
  app.put(
    '/api/training/sessions/:id/attendance/:day',
    {
      schema: {
        tags,
        summary: 'Record a day’s attendance in bulk',
        params: DayParams,
        body: AttendanceBody,
        response: withProblems({ 200: AttendanceSheetSchema }),
      },
    },
    async (request) => training.recordAttendance(requireContext(request), request.params.id, request.params.day, request.body.entries),
  );
  app.post(
    '/api/training/check-in',
    {
      schema: {
        tags,
        summary: 'Self check-in with the QR code shown at the venue (that day only)',
        body: CheckInBody,
        response: withProblems({ 200: CheckInSchema }),
      },
    },
    async (request) => training.checkIn(requireContext(request), request.body.code),
  );
  app.put(
    '/api/training/sessions/:id/scores',
    {
      schema: {
        tags,
        summary: 'Record post-test scores',
        params: IdParam,
        body: ScoresBody,
        response: withProblems({ 200: z.object({ updated: z.number() }) }),
      },
    },
    async (request) => training.setScores(requireContext(request), request.params.id, request.body.scores),
  );
  app.post(
    '/api/training/sessions/:id/results',
    {
      bodyLimit: RESULTS_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Import an online course’s results (CSV in UTF-8 or Windows-874, or XLSX): identity document, completion date, score. One bad row stops the file; every bad row is listed.',
        params: IdParam,
        querystring: ResultsQuery,
        response: withProblems({ 200: ResultsImportSchema }),
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      if (!Buffer.isBuffer(request.body)) throw problems.unsupportedMediaType(String(request.headers['content-type'] ?? 'none'));
      return training.importResults(ctx, request.params.id, { fileName: request.query.fileName, bytes: request.body });
    },
  );

  app.post(
    '/api/training/sessions/:id/evaluate',
    {
      schema: {
        tags,
        summary: 'Evaluate the completion rule for everyone seated, recording reasons when unmet',
        params: IdParam,
        response: withProblems({ 200: EvaluationSchema }),
      },
    },
    async (request) => training.evaluate(requireContext(request), request.params.id),
  );
  app.post(
    '/api/training/enrolments/:id/certificate',
    { schema: { tags, summary: 'Issue one completion certificate', params: IdParam, response: withProblems({ 201: CredentialSchema }) } },
    async (request, reply) => reply.code(201).send(await training.issueCertificate(requireContext(request), request.params.id)),
  );
  app.post(
    '/api/training/sessions/:id/certificates',
    {
      schema: { tags, summary: 'Issue every completed person’s certificate as a job', params: IdParam, response: withProblems({ 202: CertificateJobSchema }) },
    },
    async (request, reply) => reply.code(202).send(await training.issueCertificates(requireContext(request), request.params.id)),
  );
  app.get(
    '/api/training/sessions/:id/certificates/:jobId',
    { schema: { tags, summary: 'Progress of a certificate job', params: JobParams, response: withProblems({ 200: CertificateJobSchema }) } },
    async (request) => training.certificateJob(requireContext(request), request.params.id, request.params.jobId),
  );

  app.get(
    '/api/my/enrolments',
    {
      schema: {
        tags,
        summary: 'The signed-in citizen’s courses: seats, waitlist places, hours, outcomes',
        response: withProblems({ 200: z.array(MyEnrolmentSchema) }),
      },
    },
    async (request) => training.myEnrolments(requireContext(request)),
  );
};
