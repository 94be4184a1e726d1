import { z } from 'zod';
import { ThaiEnglishName } from '../../platform/http/schemas';

export const RegionSchema = z.object({ code: z.string(), ...ThaiEnglishName }).meta({ id: 'Region' });
export const ProvinceSchema = z
  .object({ code: z.string().describe('2-digit DOPA province code'), ...ThaiEnglishName, regionCode: z.string() })
  .meta({ id: 'Province' });
export const DistrictSchema = z
  .object({ code: z.string().describe('4-digit DOPA district code'), ...ThaiEnglishName, provinceCode: z.string(), postcode: z.string().nullable() })
  .meta({ id: 'District' });
export const SubdistrictSchema = z
  .object({
    code: z.string().describe('6-digit DOPA sub-district code'),
    ...ThaiEnglishName,
    districtCode: z.string(),
    provinceCode: z.string(),
    postcode: z.string().nullable(),
  })
  .meta({ id: 'Subdistrict' });

const AreaRef = z.object({ code: z.string(), ...ThaiEnglishName });
export const AreaMatchSchema = z
  .object({
    level: z.enum(['province', 'district', 'subdistrict']),
    code: z.string(),
    ...ThaiEnglishName,
    postcode: z.string().nullable(),
    province: AreaRef,
    district: AreaRef.nullable(),
  })
  .meta({ id: 'AreaMatch' });

export const ProvinceCodeParam = z.strictObject({ code: z.string().regex(/^[0-9]{2}$/, 'a 2-digit province code') });
export const DistrictCodeParam = z.strictObject({ code: z.string().regex(/^[0-9]{4}$/, 'a 4-digit district code') });
export const ProvincesQuery = z.strictObject({ region: z.string().max(3).optional() });
export const SearchQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).describe('Part of a Thai or English name'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
