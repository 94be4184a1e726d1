import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireContext } from '../../platform/auth/plugin';
import { withProblems } from '../../platform/http/schemas';
import {
  AssessorSchema,
  DecideBody,
  DecisionSchema,
  EligibleQuery,
  EligibleSchema,
  EligibleSummarySchema,
  EventBody,
  EventSchema,
  EventStatusBody,
  EventsQuery,
  EventSummarySchema,
  ExperienceBody,
  ExperienceSchema,
  IdParam,
  MyAssessmentSchema,
  PersonIdParam,
  ReferBody,
  ResultsBody,
  StandardParam,
  StandardSchema,
  StandardSummarySchema,
} from './competency.schemas';
import type { CompetencyService } from './competency.service';

const tags = ['competency'];

export const competencyRoutes: FastifyPluginAsyncZod<{ competency: CompetencyService }> = async (app, { competency }) => {
  app.get(
    '/api/competency/standards',
    {
      schema: {
        tags,
        summary: 'Occupational standards (TPQI style), with where their details are assumed',
        response: withProblems({ 200: z.array(StandardSummarySchema) }),
      },
    },
    async (request) => {
      requireContext(request);
      return competency.listStandards();
    },
  );

  app.get(
    '/api/competency/standards/:code',
    {
      schema: {
        tags,
        summary: 'A standard: its units, elements and performance criteria, and the curricula that prepare for them',
        params: StandardParam,
        response: withProblems({ 200: StandardSchema }),
      },
    },
    async (request) => {
      requireContext(request);
      return competency.getStandard(request.params.code);
    },
  );

  app.get(
    '/api/competency/standards/:code/eligible',
    {
      schema: {
        tags,
        summary: 'People eligible for assessment against a standard, by province, with where each stands',
        params: StandardParam,
        querystring: EligibleQuery,
        response: withProblems({ 200: z.object({ items: z.array(EligibleSchema), total: z.number().int() }) }),
      },
    },
    async (request) => competency.eligible(requireContext(request), request.params.code, request.query),
  );

  app.get(
    '/api/competency/standards/:code/eligible/summary',
    {
      schema: {
        tags,
        summary: 'Eligible people by province and standing (not assessed, referred, not yet competent, revoked, qualified), in the reader’s area',
        params: StandardParam,
        response: withProblems({ 200: z.array(EligibleSummarySchema) }),
      },
    },
    async (request) => competency.eligibleSummary(requireContext(request), request.params.code),
  );

  app.post(
    '/api/competency/experience',
    {
      schema: {
        tags,
        summary: 'Record prior experience, with the evidence seen, making a person eligible without a course',
        body: ExperienceBody,
        response: withProblems({ 201: z.object({ id: z.number().int(), standardCode: z.string(), summary: z.string(), evidence: z.string() }) }),
      },
    },
    async (request, reply) => {
      reply.code(201);
      return competency.recordExperience(requireContext(request), request.body);
    },
  );

  app.get(
    '/api/people/:personId/experience',
    { schema: { tags, summary: 'A person’s recorded prior experience', params: PersonIdParam, response: withProblems({ 200: z.array(ExperienceSchema) }) } },
    async (request) => competency.experiencesOf(requireContext(request), request.params.personId),
  );

  app.get(
    '/api/assessments/assessors',
    { schema: { tags, summary: 'Active assessors, to name on an assessment event', response: withProblems({ 200: z.array(AssessorSchema) }) } },
    async (request) => {
      requireContext(request);
      return competency.assessors();
    },
  );

  app.get(
    '/api/assessments',
    {
      schema: {
        tags,
        summary: 'Assessment events in the reader’s area, or those they assess',
        querystring: EventsQuery,
        response: withProblems({ 200: z.array(EventSummarySchema) }),
      },
    },
    async (request) => competency.listEvents(requireContext(request), request.query),
  );

  app.post(
    '/api/assessments',
    {
      schema: {
        tags,
        summary: 'Create an assessment event: centre, date, place or online, assessors',
        body: EventBody,
        response: withProblems({ 201: EventSchema }),
      },
    },
    async (request, reply) => {
      reply.code(201);
      return competency.createEvent(requireContext(request), request.body);
    },
  );

  app.get(
    '/api/assessments/:id',
    {
      schema: {
        tags,
        summary: 'An assessment event’s sheet: units with criteria, candidates with their results',
        params: IdParam,
        response: withProblems({ 200: EventSchema }),
      },
    },
    async (request) => competency.getEvent(requireContext(request), request.params.id),
  );

  app.post(
    '/api/assessments/:id/status',
    {
      schema: {
        tags,
        summary: 'Complete (every candidate decided) or cancel (with a reason) an assessment event',
        params: IdParam,
        body: EventStatusBody,
        response: withProblems({ 200: EventSchema }),
      },
    },
    async (request) => competency.changeEventStatus(requireContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/assessments/:id/candidates',
    {
      schema: {
        tags,
        summary: 'Refer eligible people to the event; one refusal refers no one, each refusal says why',
        params: IdParam,
        body: ReferBody,
        response: withProblems({ 200: EventSchema }),
      },
    },
    async (request) => competency.refer(requireContext(request), request.params.id, request.body.personIds),
  );

  app.post(
    '/api/assessments/candidates/:id/withdraw',
    { schema: { tags, summary: 'Withdraw a candidate who has no decision yet', params: IdParam, response: withProblems({ 200: EventSchema }) } },
    async (request) => competency.withdrawCandidate(requireContext(request), request.params.id),
  );

  app.put(
    '/api/assessments/candidates/:id/results',
    {
      schema: {
        tags,
        summary: 'Record results per unit with evidence notes (the event’s assessors, on or after its day)',
        params: IdParam,
        body: ResultsBody,
        response: withProblems({ 200: EventSchema }),
      },
    },
    async (request) => competency.recordResults(requireContext(request), request.params.id, request.body.results),
  );

  app.post(
    '/api/assessments/candidates/:id/decide',
    {
      schema: {
        tags,
        summary: 'Decide the overall result; a competent decision issues the signed qualification',
        params: IdParam,
        body: DecideBody,
        response: withProblems({ 200: DecisionSchema }),
      },
    },
    async (request) => competency.decide(requireContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/assessments/mine',
    { schema: { tags, summary: 'The signed-in citizen’s assessments', response: withProblems({ 200: z.array(MyAssessmentSchema) }) } },
    async (request) => competency.mine(requireContext(request)),
  );
};
