import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { fingerprint, loadReferenceSet } from '../../db/reference-data';
import { problems } from '../../platform/problem';
import { PROVINCE_REGION, REGIONS } from './data/regions';
import * as repository from './geo.repository';

const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(DATA_DIR, file), 'utf8')) as T;

const code = (n: number, width: number) => String(n).padStart(width, '0');
const postcode = (n: number | null | undefined) => (n ? code(n, 5) : null);

/** Reads the DOPA files shipped in `data/` into rows (codes as zero-padded strings). */
export function readGeoFiles(): repository.GeoRows {
  const provinces = readJson<{ provinceCode: number; provinceNameTh: string; provinceNameEn: string }[]>('provinces.json');
  const districts =
    readJson<{ provinceCode: number; districtCode: number; districtNameTh: string; districtNameEn: string; postalCode: number }[]>('districts.json');
  const subdistricts = readJson<
    {
      provinceCode: number;
      districtCode: number;
      subdistrictCode: number;
      subdistrictNameTh: string;
      subdistrictNameEn: string;
      postalCode: number;
    }[]
  >('subdistricts.json');
  return {
    regions: REGIONS.map((r) => ({ code: r.code, name_th: r.nameTh, name_en: r.nameEn })),
    provinces: provinces.map((p) => {
      const provinceCode = code(p.provinceCode, 2);
      const region = PROVINCE_REGION[provinceCode];
      if (!region) throw new Error(`Province ${provinceCode} has no region in regions.ts`);
      return { code: provinceCode, region_code: region, name_th: p.provinceNameTh, name_en: p.provinceNameEn };
    }),
    districts: districts.map((d) => ({
      code: code(d.districtCode, 4),
      province_code: code(d.provinceCode, 2),
      name_th: d.districtNameTh,
      name_en: d.districtNameEn,
      postcode: postcode(d.postalCode),
    })),
    subdistricts: subdistricts.map((s) => ({
      code: code(s.subdistrictCode, 6),
      district_code: code(s.districtCode, 4),
      province_code: code(s.provinceCode, 2),
      name_th: s.subdistrictNameTh,
      name_en: s.subdistrictNameEn,
      postcode: postcode(s.postalCode),
    })),
  };
}

/** Loads regions, provinces, districts and sub-districts on first start, or when the files change. */
export async function loadGeoReferenceData(db: Kysely<DB>): Promise<boolean> {
  const rows = readGeoFiles();
  return loadReferenceSet(db, 'geo', fingerprint(rows), (trx) => repository.upsertGeo(trx, rows));
}

export function provinceGeoJsonPath(): string {
  return path.join(DATA_DIR, 'th_adm1_provinces.geojson');
}

const presentArea = (row: { code: string; name_th: string; name_en: string }) => ({
  code: row.code,
  nameTh: row.name_th,
  nameEn: row.name_en,
});

export interface PlaceNames {
  district_name_th: string;
  district_name_en: string;
  province_name_th: string;
  province_name_en: string;
}

/** Reference geography: public, read-only, the same for every caller. */
export function createGeoService(deps: { db: Kysely<DB> }) {
  const { db } = deps;
  let names: Promise<Map<string, PlaceNames>> | null = null;
  return {
    async regions() {
      return (await repository.listRegions(db)).map(presentArea);
    },
    async provinces(regionCode?: string) {
      return (await repository.listProvinces(db, regionCode)).map((p) => ({ ...presentArea(p), regionCode: p.region_code }));
    },
    /** Provinces by code, in the order given; unknown codes are left out. */
    async provincesByCode(codes: readonly string[]) {
      const rows = await repository.findProvinces(db, codes);
      const byCode = new Map(rows.map((r) => [r.code, r]));
      return codes.flatMap((c) => {
        const row = byCode.get(c);
        return row ? [{ ...presentArea(row), regionCode: row.region_code }] : [];
      });
    },
    async districts(provinceCode: string) {
      const rows = await repository.listDistricts(db, provinceCode);
      if (rows.length === 0) throw problems.notFound({ en: `No province has code ${provinceCode}.`, th: `ไม่พบจังหวัดรหัส ${provinceCode}` });
      return rows.map((d) => ({ ...presentArea(d), provinceCode: d.province_code, postcode: d.postcode }));
    },
    async subdistricts(districtCode: string) {
      const rows = await repository.listSubdistricts(db, districtCode);
      if (rows.length === 0) throw problems.notFound({ en: `No district has code ${districtCode}.`, th: `ไม่พบอำเภอ/เขตรหัส ${districtCode}` });
      return rows.map((s) => ({
        ...presentArea(s),
        districtCode: s.district_code,
        provinceCode: s.province_code,
        postcode: s.postcode,
      }));
    },
    /** Every sub-district's district and province, for validating addresses in bulk (7,436 entries). */
    async subdistrictAreas(): Promise<Map<string, { districtCode: string; provinceCode: string }>> {
      const rows = await repository.subdistrictAreas(db);
      return new Map(rows.map((r) => [r.code, { districtCode: r.district_code, provinceCode: r.province_code }]));
    },
    /**
     * Every district's and its province's names, read once: listed people show where they live,
     * and a join per list costs more to plan than the list costs to read. Geography is reference
     * data, loaded before the server listens and unchanged while it runs.
     */
    districtNames(): Promise<Map<string, PlaceNames>> {
      names ??= repository.districtNames(db).then((rows) => new Map(rows.map(({ code, ...n }) => [code, n])));
      return names;
    },
    async search(query: string, limit = 20) {
      const q = query.normalize('NFC').trim().replace(/\s+/g, ' ');
      if (!q) return [];
      const rows = await repository.searchAreas(db, q, limit);
      return rows.map((r) => ({
        level: r.level,
        code: r.code,
        nameTh: r.name_th,
        nameEn: r.name_en,
        postcode: r.postcode,
        province: { code: r.province_code, nameTh: r.province_name_th, nameEn: r.province_name_en },
        district: r.district_code ? { code: r.district_code, nameTh: r.district_name_th!, nameEn: r.district_name_en! } : null,
      }));
    },
  };
}

export type GeoService = ReturnType<typeof createGeoService>;
