import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireContext } from '../../platform/auth/plugin';
import { withProblems } from '../../platform/http/schemas';
import {
  IndicatorSchema,
  OverviewQuery,
  OverviewSchema,
  PublicOverviewQuery,
  PublicOverviewSchema,
  TargetBody,
  TargetParams,
  TargetSchema,
} from './monitoring.schemas';
import type { MonitoringService } from './monitoring.service';

const tags = ['monitoring'];

export const monitoringRoutes: FastifyPluginAsyncZod<{ monitoring: MonitoringService }> = async (app, { monitoring }) => {
  app.get(
    '/api/monitoring/indicators',
    {
      schema: {
        tags,
        summary: 'The indicators as data: numerator, denominator, owning module, period, breakdowns, source and unit',
        querystring: z.strictObject({}),
        response: withProblems({ 200: z.array(IndicatorSchema) }),
      },
    },
    async (request) => {
      requireContext(request);
      return monitoring.indicators();
    },
  );
  app.get(
    '/api/monitoring/overview',
    {
      schema: {
        tags,
        summary: "Executive overview of a fiscal year: each indicator's actual, target, % and the same point last year, by province, within the reader's area",
        querystring: OverviewQuery,
        response: withProblems({ 200: OverviewSchema }),
      },
    },
    async (request) => monitoring.overview(requireContext(request), request.query),
  );
  app.get(
    '/api/public/monitoring/overview',
    {
      schema: {
        tags,
        summary: 'Public aggregate indicators of a fiscal year, nationwide and by province; values from 1 to 4 are shown as "<5"',
        security: [],
        querystring: PublicOverviewQuery,
        response: withProblems({ 200: PublicOverviewSchema }),
      },
    },
    async (request) => monitoring.publicOverview(request.query),
  );
  app.put(
    '/api/monitoring/targets/:indicator/:fiscalYear/:area',
    {
      schema: {
        tags,
        summary: 'Set a target (headquarters): an indicator for the whole country (*) or a province in a fiscal year',
        params: TargetParams,
        body: TargetBody,
        response: withProblems({ 200: TargetSchema }),
      },
    },
    async (request) =>
      monitoring.setTarget(requireContext(request), {
        indicator: request.params.indicator,
        fiscalYear: request.params.fiscalYear,
        areaCode: request.params.area,
        ...request.body,
      }),
  );
};
