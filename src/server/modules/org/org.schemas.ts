import { z } from 'zod';
import { ThaiEnglishName } from '../../platform/http/schemas';

export const AgencySchema = z
  .object({
    code: z.string(),
    parentCode: z.string().nullable(),
    kind: z.string(),
    ...ThaiEnglishName,
    abbrTh: z.string().nullable(),
    abbrEn: z.string().nullable(),
    source: z.string().nullable().describe('The seed report(s) naming this agency'),
  })
  .meta({ id: 'Agency' });

export const UnitSchema = z
  .object({
    code: z.string(),
    agencyCode: z.string(),
    kind: z.string(),
    ...ThaiEnglishName,
    provinceCode: z.string().nullable().describe('Where the unit sits'),
    areaProvinceCodes: z.array(z.string()).describe('Provinces the unit is responsible for'),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
    assumed: z.boolean().describe('True where the seeds do not give this unit and its details are assumed'),
    note: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Unit' });

export const UnitPageSchema = z.object({ items: z.array(UnitSchema), total: z.number().int() }).meta({ id: 'UnitPage' });

export const TargetGroupSchema = z.object({ code: z.string(), ...ThaiEnglishName, sensitive: z.boolean() }).meta({ id: 'TargetGroup' });

export const UnitsQuery = z.strictObject({
  agency: z.string().max(40).optional(),
  kind: z.string().max(60).optional(),
  province: z
    .string()
    .regex(/^[0-9]{2}$/)
    .optional()
    .describe('Units responsible for this province'),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const UnitCodeParam = z.strictObject({ code: z.string().min(1).max(40) });

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-\s()]{6,20}$/, 'a phone number of 6–20 digits');
export const UnitContactPatch = z
  .strictObject({
    phone: phone.nullable().optional(),
    email: z.email().max(200).nullable().optional(),
    address: z.string().trim().max(500).nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Give at least one of phone, email or address' });
