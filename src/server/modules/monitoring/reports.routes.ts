import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireContext } from '../../platform/auth/plugin';
import { withProblems } from '../../platform/http/schemas';
import type { DataQuality } from './quality.service';
import { QualityQuery, QualitySchema, ReportBody, ReportParams, ReportSchema, ReportsQuery } from './reports.schemas';
import type { MonitoringReports } from './reports.service';

const tags = ['monitoring'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The monthly and fiscal-year reports (made as jobs, kept, downloadable) and the data-quality counts. */
export const monitoringReportRoutes: FastifyPluginAsyncZod<{ reports: MonitoringReports; quality: DataQuality }> = async (app, { reports, quality }) => {
  app.post(
    '/api/monitoring/reports',
    {
      schema: {
        tags,
        summary: 'Start a monthly or fiscal-year report (XLSX and PDF, in Thai with B.E. dates) for the country or a province, as a job; follow it by its id',
        body: ReportBody,
        response: withProblems({ 202: ReportSchema }),
      },
    },
    async (request, reply) => reply.code(202).send(await reports.request(requireContext(request), request.body)),
  );
  app.get(
    '/api/monitoring/reports',
    {
      schema: {
        tags,
        summary: "The kept reports of the reader's area, newest first, with their progress and download links",
        querystring: ReportsQuery,
        response: withProblems({ 200: z.array(ReportSchema) }),
      },
    },
    async (request) => reports.list(requireContext(request), request.query),
  );
  app.get(
    '/api/monitoring/reports/:id',
    {
      schema: {
        tags,
        summary: 'One report: its progress and, when made, its download links',
        params: ReportParams,
        response: withProblems({ 200: ReportSchema }),
      },
    },
    async (request) => reports.get(requireContext(request), request.params.id),
  );
  app.get(
    '/api/monitoring/reports/:id/report.xlsx',
    {
      schema: {
        tags,
        summary: 'The report as an XLSX workbook: indicators by month with SUM totals, targets and percent; the figures per province with a SUM row',
        params: ReportParams,
        response: withProblems({ 200: z.any().describe(XLSX) }),
      },
    },
    async (request, reply) => {
      const file = await reports.file(requireContext(request), request.params.id, 'xlsx');
      reply.header('content-disposition', `attachment; filename="${file.name}"`);
      return reply.type(XLSX).send(file.data);
    },
  );
  app.get(
    '/api/monitoring/reports/:id/report.pdf',
    {
      schema: {
        tags,
        summary: 'The report as a PDF in Thai: the indicators against their targets, a bar chart and the figures per province',
        params: ReportParams,
        response: withProblems({ 200: z.any().describe('application/pdf') }),
      },
    },
    async (request, reply) => {
      const file = await reports.file(requireContext(request), request.params.id, 'pdf');
      reply.header('content-disposition', `attachment; filename="${file.name}"`);
      return reply.type('application/pdf').send(file.data);
    },
  );
  app.get(
    '/api/monitoring/data-quality',
    {
      schema: {
        tags,
        summary: "Per province of the reader's area: people without a usable sub-district or a target group, overdue follow-ups, placements without a wage",
        querystring: QualityQuery,
        response: withProblems({ 200: QualitySchema }),
      },
    },
    async (request) => quality.byProvince(requireContext(request), request.query),
  );
};
