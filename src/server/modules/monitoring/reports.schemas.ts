import { z } from 'zod';

const province = z.string().regex(/^\d{2}$/, { error: 'A province is its 2-digit code.' });
const fiscalYear = z.coerce.number().int().min(2500).max(2700).describe('Thai fiscal year in B.E. (1 Oct – 30 Sep), e.g. 2569');

export const ReportBody = z.strictObject({
  period: z.enum(['month', 'fiscal-year']).describe('month: the fiscal year to the end of a month; fiscal-year: the whole year'),
  fiscalYear,
  month: z
    .number()
    .int()
    .min(1)
    .max(12)
    .nullable()
    .optional()
    .describe('The calendar month (1–12) of a monthly report; October is the first of the fiscal year'),
  area: z.union([province, z.literal('*')]).describe("A province's 2-digit code, or * for the whole country"),
});

export const ReportSchema = z.object({
  id: z.number(),
  period: z.enum(['month', 'fiscal-year']),
  fiscalYear: z.number(),
  month: z.number().nullable(),
  areaCode: z.string(),
  areaNameTh: z.string(),
  titleTh: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  done: z.number().describe('Steps done of `total`: the figures read, the workbook drawn, the PDF drawn and both kept'),
  total: z.number(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  xlsxBytes: z.number().nullable(),
  pdfBytes: z.number().nullable(),
  xlsxUrl: z.string().nullable(),
  pdfUrl: z.string().nullable(),
});

export const ReportsQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(30) });
export const ReportParams = z.strictObject({ id: z.coerce.number().int().positive() });

export const QualityQuery = z.strictObject({ province: province.optional() });
const counts = {
  people: z.number().describe('Active people (merged and erased records not counted)'),
  withoutSubdistrict: z.number().describe('People whose sub-district is empty, unknown or outside their district and province'),
  withoutTargetGroup: z.number().describe('People with no target group'),
  overdueFollowUps: z.number().describe('Open follow-ups past their due date'),
  placementsWithoutWage: z.number().describe('Placements recorded with a wage of 0'),
};
export const QualitySchema = z.object({
  area: z.enum(['country', 'provinces']),
  provinces: z.array(z.object({ provinceCode: z.string(), provinceNameTh: z.string(), ...counts })),
  total: z.object(counts),
});
