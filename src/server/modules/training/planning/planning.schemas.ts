import { z } from 'zod';
import { CATEGORY_CODES } from '../data/categories';

const fiscalYear = z.coerce.number().int().min(2500).max(2700).describe('Thai fiscal year in B.E. (1 Oct – 30 Sep, named by the year it ends in), e.g. 2570');

export const PlanQuery = z.strictObject({
  fiscalYear: fiscalYear.optional().describe('Default: the current fiscal year, or the latest with data'),
  province: z
    .string()
    .regex(/^\d{2}$/, 'A province code has 2 digits')
    .optional()
    .describe('Narrows the rows (not the map or chart) to one province'),
  category: z.enum(CATEGORY_CODES).optional(),
});

const Figures = {
  demand: z.number().describe('People needed (DSD labour demand)'),
  plannedSeats: z.number().describe('Seats (capacity_max) of sessions not cancelled starting in the fiscal year'),
  enrolled: z.number().describe('Enrolments that took a seat: enrolled, completed or not completed'),
  completed: z.number(),
  gap: z.number().describe('demand − plannedSeats; negative is a surplus of seats'),
};

export const PlanRowSchema = z
  .object({
    provinceCode: z.string(),
    provinceNameTh: z.string(),
    provinceNameEn: z.string(),
    category: z.string(),
    categoryNameTh: z.string(),
    categoryNameEn: z.string(),
    ...Figures,
    shortfall: z.number().describe('max(0, gap): seats still to plan'),
  })
  .meta({ id: 'TrainingPlanRow' });

export const PlanProvinceSchema = z
  .object({
    provinceCode: z.string(),
    provinceNameTh: z.string(),
    provinceNameEn: z.string(),
    ...Figures,
    shortfall: z.number().describe('Seats missing summed over the categories that lack them (a surplus in one category does not fill another)'),
  })
  .meta({ id: 'TrainingPlanProvince' });

export const PlanSchema = z
  .object({
    fiscalYear: z.number(),
    currentFiscalYear: z.number(),
    fiscalYears: z.array(z.number()).describe('Years with demand figures or sessions in your area, newest first'),
    canImport: z.boolean().describe('Whether you may import labour-demand figures'),
    rows: z.array(PlanRowSchema).describe('By province and category, largest shortfall first'),
    provinces: z.array(PlanProvinceSchema).describe('Per-province totals across your area (for the map and chart), largest shortfall first'),
    totals: z.object({ ...Figures, shortfall: z.number() }).describe('The sums of the rows'),
  })
  .meta({ id: 'TrainingPlan' });

export const DemandImportQuery = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  fiscalYear: fiscalYear.optional().describe('The year for rows that leave it blank, or a file without the column'),
});

export const DemandRowErrorSchema = z
  .object({ line: z.number(), column: z.string().nullable(), value: z.string().nullable(), code: z.string(), messageTh: z.string(), messageEn: z.string() })
  .meta({ id: 'LabourDemandRowError' });

export const DemandImportSchema = z
  .object({
    fileName: z.string(),
    format: z.enum(['csv', 'xlsx']),
    encoding: z.string().nullable().describe('utf-8, utf-8-bom, windows-874 or utf-16le; null for XLSX'),
    rows: z.number(),
    imported: z.number().describe('Rows written; 0 when any row has an error (all or nothing)'),
    inserted: z.number(),
    updated: z.number().describe('Figures already held for the same province, category, occupation and year, now replaced'),
    errorCount: z.number(),
    errors: z.array(DemandRowErrorSchema).describe('The first 1,000 row errors, each naming its line (1 is the header) and column'),
    fiscalYears: z.array(z.number()),
    provinceCodes: z.array(z.string()),
  })
  .meta({ id: 'LabourDemandImport' });

export const DemandTemplateQuery = z.strictObject({ language: z.enum(['th', 'en']).default('th') });
