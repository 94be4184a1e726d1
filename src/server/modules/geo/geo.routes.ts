import { createReadStream } from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withProblems } from '../../platform/http/schemas';
import {
  AreaMatchSchema,
  DistrictCodeParam,
  DistrictSchema,
  ProvinceCodeParam,
  ProvinceSchema,
  ProvincesQuery,
  RegionSchema,
  SearchQuery,
  SubdistrictSchema,
} from './geo.schemas';
import { provinceGeoJsonPath, type GeoService } from './geo.service';

const tags = ['geo'];
/** Reference geography changes a few times a year: let browsers keep it for an hour. */
const CACHE = 'public, max-age=3600';

export const geoRoutes: FastifyPluginAsyncZod<{ geo: GeoService }> = async (app, { geo }) => {
  app.get('/api/geo/regions', { schema: { tags, summary: 'The six regions', response: withProblems({ 200: z.array(RegionSchema) }) } }, async (_req, reply) => {
    reply.header('cache-control', CACHE);
    return geo.regions();
  });

  app.get(
    '/api/geo/provinces',
    {
      schema: {
        tags,
        summary: 'The 77 provinces, optionally of one region',
        querystring: ProvincesQuery,
        response: withProblems({ 200: z.array(ProvinceSchema) }),
      },
    },
    async (request, reply) => {
      reply.header('cache-control', CACHE);
      return geo.provinces(request.query.region);
    },
  );

  app.get(
    '/api/geo/provinces/:code/districts',
    {
      schema: { tags, summary: "A province's districts (amphoe / khet)", params: ProvinceCodeParam, response: withProblems({ 200: z.array(DistrictSchema) }) },
    },
    async (request, reply) => {
      reply.header('cache-control', CACHE);
      return geo.districts(request.params.code);
    },
  );

  app.get(
    '/api/geo/districts/:code/subdistricts',
    {
      schema: {
        tags,
        summary: "A district's sub-districts (tambon / khwaeng)",
        params: DistrictCodeParam,
        response: withProblems({ 200: z.array(SubdistrictSchema) }),
      },
    },
    async (request, reply) => {
      reply.header('cache-control', CACHE);
      return geo.subdistricts(request.params.code);
    },
  );

  app.get(
    '/api/geo/search',
    {
      schema: {
        tags,
        summary: 'Find provinces, districts and sub-districts by part of a Thai or English name',
        querystring: SearchQuery,
        response: withProblems({ 200: z.array(AreaMatchSchema) }),
      },
    },
    async (request) => geo.search(request.query.q, request.query.limit),
  );

  app.get(
    '/api/geo/provinces.geojson',
    { schema: { tags, summary: 'Province boundaries (OCHA / Royal Thai Survey Department, CC BY-IGO); ADM1_PCODE "TH40" is province 40' } },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=86400').type('application/geo+json');
      return reply.send(createReadStream(provinceGeoJsonPath()));
    },
  );
};
