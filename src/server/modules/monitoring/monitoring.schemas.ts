import { z } from 'zod';
import { INDICATOR_CODES } from './indicators';

const province = z.string().regex(/^\d{2}$/, { error: 'A province is its 2-digit code.' });
const fiscalYear = z.coerce.number().int().min(2500).max(2700).describe('Thai fiscal year in B.E. (1 Oct – 30 Sep), e.g. 2569');
const bilingual = z.object({ th: z.string(), en: z.string() });

export const IndicatorSchema = z.object({
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  numerator: bilingual,
  denominator: bilingual.nullable(),
  ownerModule: z.string(),
  periodType: z.string(),
  breakdowns: z.array(z.string()),
  source: bilingual,
  unit: bilingual,
  format: z.enum(['count', 'satang', 'percent']).describe('count; satang (money, shown as baht); percent'),
  kind: z.enum(['rollup', 'snapshot']).describe('rollup: summed from the cells kept as the work happens; snapshot: the owner’s state as of today'),
  maintained: z.boolean().describe('True when its rollup is kept as the work happens; false: defined, not yet counted'),
});

export const OverviewQuery = z.strictObject({ fiscalYear, province: province.optional() });
export const PublicOverviewQuery = z.strictObject({ fiscalYear });

export const OverviewSchema = z.object({
  fiscalYear: z.number(),
  provinceCode: z.string().nullable(),
  area: z.enum(['country', 'provinces']).describe('country: the whole country; provinces: the reader’s provinces (or the one asked for)'),
  indicators: z.array(
    z.object({
      code: z.string(),
      maintained: z.boolean(),
      actual: z.number(),
      target: z.number().nullable(),
      percent: z.number().nullable().describe('Actual as a percent of the target, one decimal'),
      lastYearSamePoint: z.number().describe('The previous fiscal year up to the same month'),
      byProvince: z.array(z.object({ provinceCode: z.string(), actual: z.number(), target: z.number().nullable() })),
    }),
  ),
});

/** A public figure: a count, or "<5" where 1–4 people could be recognised. */
const suppressed = z.union([z.number(), z.literal('<5')]);

export const PublicOverviewSchema = z.object({
  fiscalYear: z.number(),
  indicators: z.array(
    z.object({
      code: z.string(),
      actual: suppressed,
      target: z.number().nullable(),
      lastYearSamePoint: suppressed,
      byProvince: z.array(z.object({ provinceCode: z.string(), actual: suppressed })),
    }),
  ),
});

export const TargetParams = z.strictObject({
  indicator: z.enum(INDICATOR_CODES),
  fiscalYear,
  area: z.union([province, z.literal('*')]).describe("A province's 2-digit code, or * for the whole country"),
});
export const TargetBody = z.strictObject({
  value: z.number().int().min(0).max(100_000_000),
  note: z.string().trim().max(500).nullable().optional(),
});
export const TargetSchema = z.object({
  indicator: z.string(),
  fiscalYear: z.number(),
  areaCode: z.string(),
  value: z.number(),
  note: z.string().nullable(),
  setAt: z.string(),
});

export const BreakdownQuery = z.strictObject({ indicator: z.enum(INDICATOR_CODES), fiscalYear, province: province.optional() });
const breakdownRow = z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string(), actual: z.number() });
export const BreakdownSchema = z.object({
  indicator: z.string(),
  fiscalYear: z.number(),
  provinceCode: z.string().nullable(),
  kept: z.boolean().describe('False when the indicator’s owner keeps no breakdown cells yet (the lists are then empty)'),
  byTargetGroup: z.array(breakdownRow).describe("A person counts under each of their target groups ('none': none); the rows may sum above the total"),
  byDistrict: z.array(breakdownRow).describe("The province's districts (only with a province); '-' is none of them (online, or across a provincial line)"),
});

export const RecordsQuery = z.strictObject({
  indicator: z.enum(INDICATOR_CODES),
  fiscalYear,
  province,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const RecordsSchema = z.object({
  indicator: z.string(),
  fiscalYear: z.number(),
  provinceCode: z.string(),
  items: z.array(
    z.object({
      id: z.number(),
      personNameMasked: z.string().describe('The name with the surname masked after its first letter'),
      docNumberMasked: z.string(),
      titleTh: z.string(),
      employerNameTh: z.string(),
      kind: z.string(),
      startedOn: z.string(),
    }),
  ),
});

export const OpenDataQuery = z.strictObject({ fiscalYear });
export const OpenRowSchema = z.object({
  fiscal_year: z.number(),
  indicator: z.string(),
  indicator_name_th: z.string(),
  indicator_name_en: z.string(),
  province_code: z.string(),
  province_name_th: z.string(),
  value: suppressed,
  unit: z.string(),
  target: z.number().nullable(),
});
export const CatalogueSchema = z.object({
  catalogue: z
    .record(z.string(), z.unknown())
    .describe('data.go.th catalogue metadata: title, notes (description), licence, update frequency, owner (source agency), …'),
  dictionary: z.array(z.object({ column: z.string(), type: z.string(), th: z.string(), en: z.string() })),
  resources: z.array(z.object({ name: z.string(), format: z.string(), url: z.string() })),
  fiscalYears: z.array(z.number()),
});
