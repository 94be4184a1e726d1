import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireContext } from '../../platform/auth/plugin';
import { withProblems } from '../../platform/http/schemas';
import {
  AdvanceBody,
  CertificationBody,
  CertificationPatch,
  CodeParam,
  DevelopmentBody,
  DevelopmentQuery,
  DevelopmentSchema,
  DevelopmentSummarySchema,
  ExitBody,
  ExpiringQuery,
  ExpiringSchema,
  FunnelQuery,
  FunnelSchema,
  GroupEnterpriseSchema,
  GroupParam,
  IdParam,
  LateQuery,
  LateSchema,
  NominateBody,
  ObstaclesSchema,
  ParticipantPageSchema,
  ParticipantsQuery,
  ParticipationSchema,
  ProductBody,
  ProductPatch,
  ProductSchema,
  ProgrammeSchema,
  RegressBody,
  SelectBody,
  SyncBody,
  SyncResultSchema,
  UuidParam,
  VisitSchema,
} from './enterprise.schemas';
import type { EnterpriseService } from './enterprise.service';

const tags = ['enterprise'];

export const enterpriseRoutes: FastifyPluginAsyncZod<{ enterprise: EnterpriseService }> = async (app, { enterprise }) => {
  // ------------------------------------------------------------ programmes
  app.get(
    '/api/enterprise/programmes',
    {
      schema: {
        tags,
        summary: 'Programmes (One Tambon One Group, the MSDHS flagships) with stages, evidence rules, deadlines and targets',
        querystring: z.strictObject({}),
        response: withProblems({ 200: z.array(ProgrammeSchema) }),
      },
    },
    async (request) => enterprise.listProgrammes(requireContext(request)),
  );
  app.get(
    '/api/enterprise/programmes/:code',
    { schema: { tags, summary: 'A programme', params: CodeParam, response: withProblems({ 200: ProgrammeSchema }) } },
    async (request) => enterprise.getProgramme(requireContext(request), request.params.code),
  );
  app.get(
    '/api/enterprise/programmes/:code/funnel',
    {
      schema: {
        tags,
        summary: 'The funnel: groups that reached each stage against the fiscal year’s targets, and per province (the reader’s area)',
        params: CodeParam,
        querystring: FunnelQuery,
        response: withProblems({ 200: FunnelSchema }),
      },
    },
    async (request) => enterprise.funnel(requireContext(request), request.params.code, request.query),
  );
  app.get(
    '/api/enterprise/programmes/:code/late',
    {
      schema: {
        tags,
        summary: 'The late list: for each stage deadline, groups not yet there by province and office, with days remaining',
        params: CodeParam,
        querystring: LateQuery,
        response: withProblems({ 200: LateSchema }),
      },
    },
    async (request) => enterprise.late(requireContext(request), request.params.code, request.query),
  );
  app.get(
    '/api/enterprise/programmes/:code/participants',
    {
      schema: {
        tags,
        summary: 'Groups taking part (the reader’s area)',
        params: CodeParam,
        querystring: ParticipantsQuery,
        response: withProblems({ 200: ParticipantPageSchema }),
      },
    },
    async (request) => enterprise.listParticipants(requireContext(request), request.params.code, request.query),
  );
  app.post(
    '/api/enterprise/programmes/:code/participants',
    {
      schema: {
        tags,
        summary: 'A provincial office nominates a group in its provinces',
        params: CodeParam,
        body: NominateBody,
        response: withProblems({ 201: ParticipationSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await enterprise.nominate(requireContext(request), request.params.code, request.body)),
  );

  // ------------------------------------------------------------ participation
  app.get(
    '/api/enterprise/participations/:id',
    {
      schema: {
        tags,
        summary: 'A group’s path in a programme, with dates and evidence',
        params: IdParam,
        response: withProblems({ 200: ParticipationSchema }),
      },
    },
    async (request) => enterprise.getParticipation(requireContext(request), request.params.id),
  );
  app.post(
    '/api/enterprise/participations/:id/select',
    {
      schema: {
        tags,
        summary: 'Headquarters selects the group as a prototype, with a reason',
        params: IdParam,
        body: SelectBody,
        response: withProblems({ 200: ParticipationSchema }),
      },
    },
    async (request) => enterprise.select(requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/enterprise/participations/:id/advance',
    {
      schema: {
        tags,
        summary: 'Advance to the next stage with its evidence (refused when the evidence does not hold)',
        params: IdParam,
        body: AdvanceBody,
        response: withProblems({ 200: ParticipationSchema }),
      },
    },
    async (request) => enterprise.advance(requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/enterprise/participations/:id/regress',
    {
      schema: {
        tags,
        summary: 'Move back to an earlier stage, with the reason',
        params: IdParam,
        body: RegressBody,
        response: withProblems({ 200: ParticipationSchema }),
      },
    },
    async (request) => enterprise.regress(requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/enterprise/participations/:id/exit',
    {
      schema: {
        tags,
        summary: 'Record the group leaving the programme, with the reason',
        params: IdParam,
        body: ExitBody,
        response: withProblems({ 200: ParticipationSchema }),
      },
    },
    async (request) => enterprise.exit(requireContext(request), request.params.id, request.body),
  );

  // ------------------------------------------------------------ groups, products, certifications
  app.get(
    '/api/enterprise/groups/:groupId',
    {
      schema: {
        tags,
        summary: 'A group’s programme paths, products with their marks, visits and development',
        params: GroupParam,
        response: withProblems({ 200: GroupEnterpriseSchema }),
      },
    },
    async (request) => enterprise.groupEnterprise(requireContext(request), request.params.groupId),
  );
  app.post(
    '/api/enterprise/groups/:groupId/products',
    {
      schema: { tags, summary: 'Add a product (unit price in satang)', params: GroupParam, body: ProductBody, response: withProblems({ 201: ProductSchema }) },
    },
    async (request, reply) => reply.code(201).send(await enterprise.createProduct(requireContext(request), request.params.groupId, request.body)),
  );
  app.put(
    '/api/enterprise/groups/:groupId/development',
    {
      schema: {
        tags,
        summary: 'Record community enterprise registration',
        params: GroupParam,
        body: DevelopmentBody,
        response: withProblems({ 200: DevelopmentSchema }),
      },
    },
    async (request) => enterprise.setDevelopment(requireContext(request), request.params.groupId, request.body),
  );
  app.get(
    '/api/enterprise/development',
    {
      schema: {
        tags,
        summary: 'New community enterprises in a fiscal year against the 140 a year of seed 000',
        querystring: DevelopmentQuery,
        response: withProblems({ 200: DevelopmentSummarySchema }),
      },
    },
    async (request) => enterprise.developmentSummary(requireContext(request), request.query.fiscalYear),
  );
  app.get(
    '/api/enterprise/products/:id',
    {
      schema: {
        tags,
        summary: 'A product with its versions, certifications and the marks it carries today',
        params: IdParam,
        response: withProblems({ 200: ProductSchema }),
      },
    },
    async (request) => enterprise.getProduct(requireContext(request), request.params.id),
  );
  app.patch(
    '/api/enterprise/products/:id',
    { schema: { tags, summary: 'Change a product (a new version)', params: IdParam, body: ProductPatch, response: withProblems({ 200: ProductSchema }) } },
    async (request) => enterprise.updateProduct(requireContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/enterprise/products/:id/certifications',
    {
      schema: {
        tags,
        summary: 'Record a certification or an application (อย. number format, มผช. standard number checked)',
        params: IdParam,
        body: CertificationBody,
        response: withProblems({ 201: ProductSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await enterprise.addCertification(requireContext(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/enterprise/certifications/:id',
    {
      schema: {
        tags,
        summary: 'Move an application along (preparing → submitted → inspected → certified / rejected)',
        params: IdParam,
        body: CertificationPatch,
        response: withProblems({ 200: ProductSchema }),
      },
    },
    async (request) => enterprise.updateCertification(requireContext(request), request.params.id, request.body),
  );
  app.get(
    '/api/enterprise/certifications/expiring',
    {
      schema: {
        tags,
        summary: 'The office’s queue: certificates expiring within 90 (or N) days, with 90/30-day reminders',
        querystring: ExpiringQuery,
        response: withProblems({ 200: ExpiringSchema }),
      },
    },
    async (request) => enterprise.expiring(requireContext(request), request.query.within),
  );

  // ------------------------------------------------------------ visits
  app.post(
    '/api/enterprise/visits/sync',
    {
      bodyLimit: 10 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Synchronise visits recorded offline (ids made on the phone; merged, never duplicated)',
        body: SyncBody,
        response: withProblems({ 200: SyncResultSchema }),
      },
    },
    async (request) => enterprise.sync(requireContext(request), request.body.visits),
  );
  app.get(
    '/api/enterprise/visits/:id',
    { schema: { tags, summary: 'A field visit', params: UuidParam, response: withProblems({ 200: VisitSchema }) } },
    async (request) => enterprise.getVisit(requireContext(request), request.params.id),
  );
  app.get(
    '/api/enterprise/photos/:id',
    {
      schema: { tags, summary: 'A visit’s photo', params: UuidParam, response: withProblems({ 200: z.any().describe('image/jpeg, image/png or image/webp') }) },
    },
    async (request, reply) => {
      const photo = await enterprise.photo(requireContext(request), request.params.id);
      reply.header('cache-control', 'private, max-age=3600');
      return reply.type(photo.contentType).send(photo.data);
    },
  );
  app.get(
    '/api/enterprise/obstacles',
    {
      schema: {
        tags,
        summary: 'Open obstacles from visits, per province and category (the reader’s area)',
        querystring: z.strictObject({}),
        response: withProblems({ 200: ObstaclesSchema }),
      },
    },
    async (request) => enterprise.obstacles(requireContext(request)),
  );
};
