import { sql, type Transaction } from 'kysely';
import type { Executor } from '../../db/executor';
import type { DB } from '../../db/schema';

export const listRegions = (db: Executor) => db.selectFrom('region').select(['code', 'name_th', 'name_en']).orderBy('code').execute();

export const listProvinces = (db: Executor, regionCode?: string) => {
  let query = db.selectFrom('province').select(['code', 'region_code', 'name_th', 'name_en']);
  if (regionCode) query = query.where('region_code', '=', regionCode);
  return query.orderBy('code').execute();
};

export const findProvinces = (db: Executor, codes: readonly string[]) =>
  codes.length === 0
    ? Promise.resolve([])
    : db.selectFrom('province').select(['code', 'region_code', 'name_th', 'name_en']).where('code', 'in', codes).execute();

export const listDistricts = (db: Executor, provinceCode: string) =>
  db
    .selectFrom('district')
    .select(['code', 'province_code', 'name_th', 'name_en', 'postcode'])
    .where('province_code', '=', provinceCode)
    .orderBy('code')
    .execute();

export const listSubdistricts = (db: Executor, districtCode: string) =>
  db
    .selectFrom('subdistrict')
    .select(['code', 'district_code', 'province_code', 'name_th', 'name_en', 'postcode'])
    .where('district_code', '=', districtCode)
    .orderBy('code')
    .execute();

export const findSubdistrict = (db: Executor, code: string) =>
  db.selectFrom('subdistrict').select(['code', 'district_code', 'province_code', 'name_th', 'name_en', 'postcode']).where('code', '=', code).executeTakeFirst();

export interface AreaMatch {
  level: 'province' | 'district' | 'subdistrict';
  code: string;
  name_th: string;
  name_en: string;
  postcode: string | null;
  province_code: string;
  province_name_th: string;
  province_name_en: string;
  district_code: string | null;
  district_name_th: string | null;
  district_name_en: string | null;
}

/**
 * Names containing the query in Thai or English, at every level, best first: exact, then
 * prefix, then shorter names. The trigram indexes answer the `like '%…%'` tests.
 */
export async function searchAreas(db: Executor, query: string, limit: number): Promise<AreaMatch[]> {
  const contains = `%${query.replace(/[%_\\]/g, '\\$&')}%`;
  const lower = query.toLowerCase();
  const result = await sql<AreaMatch & { rank: number }>`
    with matches as (
      select 'province' as level, p.code, p.name_th, p.name_en, null::text as postcode,
             p.code as province_code, p.name_th as province_name_th, p.name_en as province_name_en,
             null::text as district_code, null::text as district_name_th, null::text as district_name_en
        from province p
       where p.name_th like ${contains} or lower(p.name_en) like ${contains.toLowerCase()}
      union all
      select 'district', d.code, d.name_th, d.name_en, d.postcode,
             p.code, p.name_th, p.name_en, null, null, null
        from district d join province p on p.code = d.province_code
       where d.name_th like ${contains} or lower(d.name_en) like ${contains.toLowerCase()}
      union all
      select 'subdistrict', s.code, s.name_th, s.name_en, s.postcode,
             p.code, p.name_th, p.name_en, d.code, d.name_th, d.name_en
        from subdistrict s
        join district d on d.code = s.district_code
        join province p on p.code = s.province_code
       where s.name_th like ${contains} or lower(s.name_en) like ${contains.toLowerCase()}
    )
    select *,
           case when name_th = ${query} or lower(name_en) = ${lower} then 0
                when name_th like ${query.replace(/[%_\\]/g, '\\$&') + '%'} or lower(name_en) like ${lower.replace(/[%_\\]/g, '\\$&') + '%'} then 1
                else 2 end as rank
      from matches
     order by rank, case level when 'province' then 0 when 'district' then 1 else 2 end, length(name_th), code
     limit ${limit}`.execute(db);
  return result.rows.map(({ rank: _rank, ...row }) => row);
}

export interface GeoRows {
  regions: { code: string; name_th: string; name_en: string }[];
  provinces: { code: string; region_code: string; name_th: string; name_en: string }[];
  districts: { code: string; province_code: string; name_th: string; name_en: string; postcode: string | null }[];
  subdistricts: {
    code: string;
    district_code: string;
    province_code: string;
    name_th: string;
    name_en: string;
    postcode: string | null;
  }[];
}

/** Upserts the whole geography in chunks (a few large statements, not 8,000 small ones). */
export async function upsertGeo(trx: Transaction<DB>, rows: GeoRows): Promise<void> {
  const chunk = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
  for (const part of chunk(rows.regions, 1000)) {
    await trx
      .insertInto('region')
      .values(part)
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name_th: eb.ref('excluded.name_th'), name_en: eb.ref('excluded.name_en') })))
      .execute();
  }
  for (const part of chunk(rows.provinces, 1000)) {
    await trx
      .insertInto('province')
      .values(part)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          region_code: eb.ref('excluded.region_code'),
          name_th: eb.ref('excluded.name_th'),
          name_en: eb.ref('excluded.name_en'),
        })),
      )
      .execute();
  }
  for (const part of chunk(rows.districts, 1000)) {
    await trx
      .insertInto('district')
      .values(part)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name_th: eb.ref('excluded.name_th'),
          name_en: eb.ref('excluded.name_en'),
          postcode: eb.ref('excluded.postcode'),
        })),
      )
      .execute();
  }
  for (const part of chunk(rows.subdistricts, 1000)) {
    await trx
      .insertInto('subdistrict')
      .values(part)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name_th: eb.ref('excluded.name_th'),
          name_en: eb.ref('excluded.name_en'),
          postcode: eb.ref('excluded.postcode'),
        })),
      )
      .execute();
  }
}

export const subdistrictAreas = (db: Executor) => db.selectFrom('subdistrict').select(['code', 'district_code', 'province_code']).execute();

export const districtNames = (db: Executor) =>
  db
    .selectFrom('district as d')
    .innerJoin('province as pr', 'pr.code', 'd.province_code')
    .select(['d.code', 'd.name_th as district_name_th', 'd.name_en as district_name_en', 'pr.name_th as province_name_th', 'pr.name_en as province_name_en'])
    .execute();

/** Every sub-district with its names and postcode (7,436 rows): other modules name places from it. */
export const subdistrictNames = (db: Executor) => db.selectFrom('subdistrict').select(['code', 'district_code', 'name_th', 'name_en', 'postcode']).execute();

export const provinceNames = (db: Executor) => db.selectFrom('province').select(['code', 'name_th', 'name_en']).execute();
