import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireContext } from '../../platform/auth/plugin';
import { withProblems } from '../../platform/http/schemas';
import { ConsentSchema } from '../registry/registry.schemas';
import {
  AnswerBody,
  ConsentBody,
  DecideBody,
  GrievanceBody,
  GrievanceQueueQuery,
  GrievanceSchema,
  IdParam,
  MyDataSchema,
  MySummarySchema,
  PdpaRequestSchema,
  PurposeParam,
  RequestBody,
  RequestQueueQuery,
} from './selfservice.schemas';
import type { SelfserviceService } from './selfservice.service';

const mine = ['self-service: my Archeep and my data'];
const queues = ['self-service: officers’ queues'];

export const selfserviceRoutes: FastifyPluginAsyncZod<{ selfservice: SelfserviceService }> = async (app, { selfservice }) => {
  app.get(
    '/api/me/summary',
    {
      schema: {
        tags: mine,
        summary: 'My Archeep: courses, certificates, jobs, group stage, loans, follow-ups and one timeline',
        response: withProblems({ 200: MySummarySchema }),
      },
    },
    async (request) => selfservice.summary(requireContext(request)),
  );
  app.get(
    '/api/me/data',
    { schema: { tags: mine, summary: 'My data: what is held, who saw it unmasked, consents and my requests', response: withProblems({ 200: MyDataSchema }) } },
    async (request) => selfservice.myData(requireContext(request)),
  );
  app.get(
    '/api/me/data/export.json',
    { schema: { tags: mine, summary: 'Everything held about me, machine-readable (JSON); audited', response: withProblems({ 200: z.any() }) } },
    async (request, reply) => {
      const data = await selfservice.exportJson(requireContext(request));
      reply.header('content-disposition', `attachment; filename="my-archeep-data-${data.exportedAt.slice(0, 10)}.json"`);
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(data, null, 2));
    },
  );
  app.get(
    '/api/me/data/export.pdf',
    { schema: { tags: mine, summary: 'Everything held about me as a readable Thai PDF; audited', response: withProblems({ 200: z.any() }) } },
    async (request, reply) => {
      const bytes = await selfservice.exportPdf(requireContext(request));
      reply.header('content-disposition', `attachment; filename="my-archeep-data.pdf"`);
      return reply.type('application/pdf').send(bytes);
    },
  );
  app.post(
    '/api/me/consents',
    {
      schema: {
        tags: mine,
        summary: 'Give a consent (a purpose or a partner to share with)',
        body: ConsentBody,
        response: withProblems({ 200: z.array(ConsentSchema) }),
      },
    },
    async (request) => selfservice.giveConsent(requireContext(request), request.body.purpose),
  );
  app.delete(
    '/api/me/consents/:purpose',
    {
      schema: {
        tags: mine,
        summary: 'Withdraw a consent; sharing for that purpose stops',
        params: PurposeParam,
        response: withProblems({ 200: z.array(ConsentSchema) }),
      },
    },
    async (request) => selfservice.withdrawConsent(requireContext(request), request.params.purpose),
  );
  app.get(
    '/api/me/requests',
    { schema: { tags: mine, summary: 'My correction and erasure requests with their outcome', response: withProblems({ 200: z.array(PdpaRequestSchema) }) } },
    async (request) => selfservice.myRequests(requireContext(request)),
  );
  app.post(
    '/api/me/requests',
    {
      schema: {
        tags: mine,
        summary: 'Ask for a correction or an erasure; due in 30 days; an erasure’s legal hold is shown at once',
        body: RequestBody,
        response: withProblems({ 201: PdpaRequestSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await selfservice.fileRequest(requireContext(request), request.body)),
  );
  app.get(
    '/api/me/grievances',
    { schema: { tags: mine, summary: 'My complaints and appeals', response: withProblems({ 200: z.array(GrievanceSchema) }) } },
    async (request) => selfservice.myGrievances(requireContext(request)),
  );
  app.post(
    '/api/me/grievances',
    {
      schema: {
        tags: mine,
        summary: 'File a complaint or appeal (for myself, or for a group I lead); routed to the provincial office; 15 working days',
        body: GrievanceBody,
        response: withProblems({ 201: GrievanceSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await selfservice.fileGrievance(requireContext(request), request.body)),
  );

  app.get(
    '/api/pdpa-requests',
    {
      schema: {
        tags: queues,
        summary: 'Correction and erasure requests of your provinces, open and most overdue first',
        querystring: RequestQueueQuery,
        response: withProblems({ 200: z.array(PdpaRequestSchema) }),
      },
    },
    async (request) => selfservice.requestQueue(requireContext(request), request.query),
  );
  app.post(
    '/api/pdpa-requests/:id/decide',
    {
      schema: {
        tags: queues,
        summary: 'Apply or refuse a request, with the outcome the person reads; an erasure follows the registry’s rules and legal holds',
        params: IdParam,
        body: DecideBody,
        response: withProblems({ 200: PdpaRequestSchema }),
      },
    },
    async (request) => selfservice.decideRequest(requireContext(request), request.params.id, request.body),
  );
  app.get(
    '/api/grievances',
    {
      schema: {
        tags: queues,
        summary: 'Grievances of your provinces (executives: the escalated ones nationwide), open and latest due first',
        querystring: GrievanceQueueQuery,
        response: withProblems({ 200: z.array(GrievanceSchema) }),
      },
    },
    async (request) => selfservice.grievanceQueue(requireContext(request), request.query),
  );
  app.post(
    '/api/grievances/:id/answer',
    {
      schema: {
        tags: queues,
        summary: 'Answer a grievance; the answer shows on the person’s timeline',
        params: IdParam,
        body: AnswerBody,
        response: withProblems({ 200: GrievanceSchema }),
      },
    },
    async (request) => selfservice.answerGrievance(requireContext(request), request.params.id, request.body.answer),
  );
};
