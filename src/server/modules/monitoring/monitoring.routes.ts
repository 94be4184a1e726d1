import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireContext } from '../../platform/auth/plugin';
import { withProblems } from '../../platform/http/schemas';
import {
  BreakdownQuery,
  BreakdownSchema,
  CatalogueSchema,
  IndicatorSchema,
  OpenDataQuery,
  OpenRowSchema,
  OverviewQuery,
  OverviewSchema,
  PublicOverviewQuery,
  PublicOverviewSchema,
  RecordsQuery,
  RecordsSchema,
  TargetBody,
  TargetParams,
  TargetSchema,
} from './monitoring.schemas';
import type { MonitoringService } from './monitoring.service';
import { CATALOGUE, DICTIONARY, toCsv } from './open-data';
import { fiscalYearOf } from '../../../shared/fiscal-year';

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
    '/api/monitoring/breakdown',
    {
      schema: {
        tags,
        summary: "One indicator of a fiscal year by target group, and by district within a province, within the reader's area",
        querystring: BreakdownQuery,
        response: withProblems({ 200: BreakdownSchema }),
      },
    },
    async (request) => monitoring.breakdown(requireContext(request), request.query),
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

const CSV = 'text/csv; charset=utf-8';

/** The records behind a number, and the open data (public, no sign-in). */
export const monitoringMoreRoutes: FastifyPluginAsyncZod<{ monitoring: MonitoringService }> = async (app, { monitoring }) => {
  app.get(
    '/api/monitoring/records',
    {
      schema: {
        tags,
        summary: 'The records behind a number (placements of a province in a fiscal year), for readers allowed to see them; names and document numbers masked',
        querystring: RecordsQuery,
        response: withProblems({ 200: RecordsSchema }),
      },
    },
    async (request) => monitoring.records(requireContext(request), request.query),
  );
  app.get(
    '/api/open-data/monitoring',
    {
      schema: {
        tags: ['open-data'],
        summary: 'The open-data catalogue entry (data.go.th metadata), its data dictionary and resources',
        security: [],
        querystring: z.strictObject({}),
        response: withProblems({ 200: CatalogueSchema }),
      },
    },
    async () => {
      const current = fiscalYearOf(new Date());
      return {
        catalogue: { ...CATALOGUE, lastModified: new Date().toISOString().slice(0, 10) },
        dictionary: DICTIONARY,
        resources: [
          { name: 'indicators.csv', format: 'CSV', url: `/api/open-data/monitoring/indicators.csv?fiscalYear=${current}` },
          { name: 'indicators.json', format: 'JSON', url: `/api/open-data/monitoring/indicators.json?fiscalYear=${current}` },
        ],
        fiscalYears: [current, current - 1, current - 2, current - 3, current - 4],
      };
    },
  );
  app.get(
    '/api/open-data/monitoring/indicators.json',
    {
      schema: {
        tags: ['open-data'],
        summary: 'Aggregate indicators of a fiscal year, nationwide and by province, as JSON; counts from 1 to 4 shown as "<5"',
        security: [],
        querystring: OpenDataQuery,
        response: withProblems({ 200: z.array(OpenRowSchema) }),
      },
    },
    async (request) => monitoring.openData(request.query),
  );
  app.get(
    '/api/open-data/monitoring/indicators.csv',
    {
      schema: {
        tags: ['open-data'],
        summary: 'Aggregate indicators of a fiscal year as CSV (UTF-8); counts from 1 to 4 shown as "<5"',
        security: [],
        querystring: OpenDataQuery,
        response: withProblems({ 200: z.string() }),
      },
    },
    async (request, reply) => {
      const rows = await monitoring.openData(request.query);
      reply.header('content-disposition', `attachment; filename="archeep-indicators-${request.query.fiscalYear}.csv"`);
      return reply.type(CSV).send(toCsv(rows));
    },
  );
};
