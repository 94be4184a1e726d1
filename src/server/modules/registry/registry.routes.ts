import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireContext } from '../../platform/auth/plugin';
import { withProblems } from '../../platform/http/schemas';
import { labelOf, SEXES, TITLES } from '../../../shared/person-fields';
import { csvCell } from '../../platform/files/csv';
import { writeXlsx } from '../../platform/files/xlsx';
import { personPrintable } from './registry.printable';
import type { RegistryService } from './registry.service';
import {
  AddMemberBody,
  CitizenAccountBody,
  CitizenAccountSchema,
  MyRecordSchema,
  CreateGroupBody,
  DuplicatePairSchema,
  DuplicatesQuery,
  EndMembershipBody,
  EraseBody,
  ExportQuery,
  GiveConsentBody,
  GroupPageSchema,
  GroupSchema,
  GroupsQuery,
  IdParam,
  MembershipParam,
  MergeBody,
  PeopleQuery,
  PersonExportQuery,
  PersonPageSchema,
  PeopleStatsSchema,
  PersonSchema,
  PurposeParam,
  RegisterPersonBody,
  RevealQuery,
  RevealSchema,
  TimelineEventSchema,
  UpdatePersonBody,
} from './registry.schemas';

const people = ['registry: people'];
const groups = ['registry: groups'];

export const registryRoutes: FastifyPluginAsyncZod<{ registry: RegistryService }> = async (app, { registry }) => {
  app.get(
    '/api/people',
    {
      schema: {
        tags: people,
        summary: 'Find people in your area: by national ID, phone or part of a name; filters; paged',
        querystring: PeopleQuery,
        response: withProblems({ 200: PersonPageSchema }),
      },
    },
    async (request) => registry.listPeople(requireContext(request), request.query),
  );

  app.get(
    '/api/people/export',
    {
      schema: {
        tags: people,
        summary: 'The filtered list as CSV (UTF-8 with BOM) or XLSX; IDs masked; formulas defused',
        querystring: ExportQuery,
        response: withProblems({ 200: z.any() }),
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const rows = await registry.exportPeople(requireContext(request), filter);
      const header = [
        'รหัส (id)',
        'เลขประจำตัว (masked)',
        'คำนำหน้า',
        'ชื่อ',
        'นามสกุล',
        'First name',
        'Last name',
        'เพศ',
        'วันเกิด (birth date)',
        'จังหวัด (province)',
        'อำเภอ (district)',
        'กลุ่มเป้าหมาย (target groups)',
      ];
      const body = rows.map((p) => [
        p.id,
        p.docNumberMasked,
        labelOf(TITLES, p.title, 'th'),
        p.firstNameTh,
        p.lastNameTh,
        p.firstNameEn ?? '',
        p.lastNameEn ?? '',
        labelOf(SEXES, p.sex, 'th'),
        p.birthDate,
        p.provinceNameTh,
        p.districtNameTh,
        p.targetGroups.join(';'),
      ]);
      const stamp = new Date().toISOString().slice(0, 10);
      if (format === 'xlsx') {
        reply.header('content-disposition', `attachment; filename="people-${stamp}.xlsx"`);
        return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await writeXlsx([{ name: 'people', header, rows: body }]));
      }
      reply.header('content-disposition', `attachment; filename="people-${stamp}.csv"`);
      return reply.type('text/csv; charset=utf-8').send('\uFEFF' + [header, ...body].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n');
    },
  );

  app.get(
    '/api/people/stats',
    {
      schema: {
        tags: people,
        summary: 'How many people your area holds, by province and target group (for the map and chart)',
        response: withProblems({ 200: PeopleStatsSchema }),
      },
    },
    async (request) => registry.stats(requireContext(request)),
  );

  app.get(
    '/api/people/duplicates',
    {
      schema: {
        tags: people,
        summary: 'Likely duplicates in your area: same district and birth date, alike names',
        querystring: DuplicatesQuery,
        response: withProblems({ 200: z.array(DuplicatePairSchema) }),
      },
    },
    async (request) => registry.duplicates(requireContext(request), request.query),
  );

  app.post(
    '/api/people',
    {
      schema: {
        tags: people,
        summary: 'Register a person (officers, in their area); one person per identity document',
        body: RegisterPersonBody,
        response: withProblems({ 201: PersonSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await registry.registerPerson(requireContext(request), request.body)),
  );

  app.get(
    '/api/people/:id',
    {
      schema: {
        tags: people,
        summary: 'A person: details, memberships and consents; national ID masked',
        params: IdParam,
        response: withProblems({ 200: PersonSchema }),
      },
    },
    async (request) => registry.getPerson(requireContext(request), request.params.id),
  );

  app.put(
    '/api/people/:id',
    {
      schema: {
        tags: people,
        summary: 'Correct a person’s record; `version` guards against overwriting a change made meanwhile',
        params: IdParam,
        body: UpdatePersonBody,
        response: withProblems({ 200: PersonSchema }),
      },
    },
    async (request) => registry.updatePerson(requireContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/people/:id/citizen-account',
    {
      schema: {
        tags: people,
        summary: 'Open the person’s own account (officers, in their area); returns a one-time password to hand over',
        params: IdParam,
        body: CitizenAccountBody,
        response: withProblems({ 201: CitizenAccountSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await registry.createCitizenAccount(requireContext(request), request.params.id, request.body)),
  );

  app.get(
    '/api/my/record',
    { schema: { tags: people, summary: 'A citizen’s own registry record', response: withProblems({ 200: MyRecordSchema }) } },
    async (request) => registry.myRecord(requireContext(request)),
  );

  app.get(
    '/api/people/:id/identity',
    {
      schema: {
        tags: people,
        summary: 'The full identity document numbers (roles that need them); every call is audited',
        params: IdParam,
        querystring: RevealQuery,
        response: withProblems({ 200: RevealSchema }),
      },
    },
    async (request) => registry.revealDocument(requireContext(request), request.params.id, request.query.reason),
  );

  app.get(
    '/api/people/:id/timeline',
    {
      schema: {
        tags: people,
        summary: 'What happened to the person, newest first; later modules add their events',
        params: IdParam,
        response: withProblems({ 200: z.array(TimelineEventSchema) }),
      },
    },
    async (request) => registry.timeline(requireContext(request), request.params.id),
  );

  app.post(
    '/api/people/:id/consents',
    {
      schema: {
        tags: people,
        summary: 'Record a consent (explicit consent for sensitive data; sharing with partners)',
        params: IdParam,
        body: GiveConsentBody,
        response: withProblems({ 200: PersonSchema }),
      },
    },
    async (request) => registry.giveConsent(requireContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/people/:id/consents/:purpose',
    {
      schema: {
        tags: people,
        summary: 'Withdraw a consent; withdrawing sensitive-data consent removes that data',
        params: PurposeParam,
        response: withProblems({ 200: PersonSchema }),
      },
    },
    async (request) => registry.withdrawConsent(requireContext(request), request.params.id, request.params.purpose),
  );

  app.post(
    '/api/people/:id/merge',
    {
      schema: {
        tags: people,
        summary: 'Merge a duplicate into this person; every link moves and the duplicate points here',
        params: IdParam,
        body: MergeBody,
        response: withProblems({ 200: PersonSchema }),
      },
    },
    async (request) => registry.mergePeople(requireContext(request), request.params.id, request.body.duplicateId),
  );

  app.post(
    '/api/people/:id/erase',
    {
      schema: {
        tags: people,
        summary: 'Erase (anonymise) a person’s data on request, where no legal duty keeps it',
        params: IdParam,
        body: EraseBody,
        response: withProblems({ 200: PersonSchema }),
      },
    },
    async (request) => registry.erasePerson(requireContext(request), request.params.id, request.body.reason),
  );

  app.get(
    '/api/people/:id/export',
    {
      schema: {
        tags: people,
        summary: 'Everything held about the person (PDPA access request) as JSON or a printable page; audited',
        params: IdParam,
        querystring: PersonExportQuery,
        response: withProblems({ 200: z.any() }),
      },
    },
    async (request, reply) => {
      const data = await registry.exportPerson(requireContext(request), request.params.id);
      if (request.query.format === 'html') return reply.type('text/html; charset=utf-8').send(await personPrintable(data));
      reply.header('content-disposition', `attachment; filename="person-${request.params.id}.json"`);
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(data, null, 2));
    },
  );

  app.get(
    '/api/groups',
    {
      schema: {
        tags: groups,
        summary: 'Occupation groups in your area, by name or registration number, type and province',
        querystring: GroupsQuery,
        response: withProblems({ 200: GroupPageSchema }),
      },
    },
    async (request) => registry.listGroups(requireContext(request), request.query),
  );

  app.post(
    '/api/groups',
    {
      schema: {
        tags: groups,
        summary: 'Register an occupation group, with its first members',
        body: CreateGroupBody,
        response: withProblems({ 201: GroupSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await registry.createGroup(requireContext(request), request.body)),
  );

  app.get(
    '/api/groups/:id',
    { schema: { tags: groups, summary: 'A group with its members, past and present', params: IdParam, response: withProblems({ 200: GroupSchema }) } },
    async (request) => registry.getGroup(requireContext(request), request.params.id),
  );

  app.post(
    '/api/groups/:id/members',
    { schema: { tags: groups, summary: 'Add a member with a role', params: IdParam, body: AddMemberBody, response: withProblems({ 200: GroupSchema }) } },
    async (request) => registry.addMember(requireContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/groups/:id/members/:membershipId/end',
    {
      schema: {
        tags: groups,
        summary: 'End a membership (leaving, or a role change when `newRole` is given); history is kept',
        params: MembershipParam,
        body: EndMembershipBody,
        response: withProblems({ 200: GroupSchema }),
      },
    },
    async (request) => registry.endMembership(requireContext(request), request.params.id, request.params.membershipId, request.body),
  );

  app.get(
    '/api/groups/:id/timeline',
    {
      schema: {
        tags: groups,
        summary: 'What happened to the group, newest first',
        params: IdParam,
        response: withProblems({ 200: z.array(TimelineEventSchema) }),
      },
    },
    async (request) => registry.groupTimeline(requireContext(request), request.params.id),
  );
};
