import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireContext } from '../../platform/auth/plugin';
import { withProblems } from '../../platform/http/schemas';
import { AgencySchema, TargetGroupSchema, UnitCodeParam, UnitContactPatch, UnitPageSchema, UnitSchema, UnitsQuery } from './org.schemas';
import type { OrgService } from './org.service';

const tags = ['org'];

export const orgRoutes: FastifyPluginAsyncZod<{ org: OrgService }> = async (app, { org }) => {
  app.get(
    '/api/agencies',
    { schema: { tags, summary: 'Agencies and partners of the programme (public reference data)', response: withProblems({ 200: z.array(AgencySchema) }) } },
    async () => org.agencies(),
  );

  app.get(
    '/api/target-groups',
    { schema: { tags, summary: 'Target-group categories (public reference data)', response: withProblems({ 200: z.array(TargetGroupSchema) }) } },
    async () => org.targetGroups(),
  );

  app.get(
    '/api/units',
    {
      schema: {
        tags,
        summary: 'Units the caller may see: all for executives, their area for staff',
        querystring: UnitsQuery,
        response: withProblems({ 200: UnitPageSchema }),
      },
    },
    async (request) => {
      const { agency, kind, province, q, limit, offset } = request.query;
      return org.listUnits(requireContext(request), { agencyCode: agency, kind, provinceCode: province, q, limit, offset });
    },
  );

  app.get(
    '/api/units/:code',
    { schema: { tags, summary: "One unit, if it serves the caller's area", params: UnitCodeParam, response: withProblems({ 200: UnitSchema }) } },
    async (request) => org.getUnit(requireContext(request), request.params.code),
  );

  app.patch(
    '/api/units/:code',
    {
      schema: {
        tags,
        summary: "Update a unit's contact details (officers: units wholly inside their area)",
        params: UnitCodeParam,
        body: UnitContactPatch,
        response: withProblems({ 200: UnitSchema }),
      },
    },
    async (request) => org.updateUnitContact(requireContext(request), request.params.code, request.body),
  );
};
