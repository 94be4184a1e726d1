import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { fingerprint, loadReferenceSet } from '../../db/reference-data';
import { problems } from '../../platform/problem';
import type { Scope } from '../../platform/auth/actor';
import type { Bilingual } from '../../platform/contract';
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

const NO_PLACE: PlaceNames = { district_name_th: '', district_name_en: '', province_name_th: '', province_name_en: '' };

/** A sub-district's names with its district's and province's. */
export type SubdistrictPlace = PlaceNames & { subdistrict_name_th: string; subdistrict_name_en: string; postcode: string | null };

export interface PlaceIndex {
  provinces: ReadonlyMap<string, { name_th: string; name_en: string }>;
  districts: ReadonlyMap<string, PlaceNames>;
  subdistricts: ReadonlyMap<string, SubdistrictPlace>;
}

/** Reference geography: public, read-only, the same for every caller. */
export function createGeoService(deps: { db: Kysely<DB> }) {
  const { db } = deps;
  let names: Promise<Map<string, PlaceNames>> | null = null;
  let index: Promise<PlaceIndex> | null = null;
  const districtNames = (): Promise<Map<string, PlaceNames>> =>
    (names ??= repository.districtNames(db).then((rows) => new Map(rows.map(({ code, ...n }) => [code, n]))));
  /**
   * The names of every province, district and sub-district, read once (reference data): other
   * modules show where their records are without joining geography's tables.
   */
  const placeIndex = (): Promise<PlaceIndex> => {
    index ??= (async () => {
      const [districts, subdistricts, provinces] = await Promise.all([districtNames(), repository.subdistrictNames(db), repository.provinceNames(db)]);
      return {
        provinces: new Map(provinces.map((p) => [p.code, { name_th: p.name_th, name_en: p.name_en }])),
        districts,
        subdistricts: new Map(
          subdistricts.map((s) => [
            s.code,
            {
              subdistrict_name_th: s.name_th,
              subdistrict_name_en: s.name_en,
              postcode: s.postcode,
              ...(districts.get(s.district_code) ?? NO_PLACE),
            },
          ]),
        ),
      };
    })();
    return index;
  };

  /** Province names for a message: all of them, or the first five and how many more. */
  const areaNames = async (codes: readonly string[]): Promise<Bilingual> => {
    if (codes.length === 0) return { en: 'no area', th: 'ไม่มีพื้นที่' };
    if (codes.length >= 77) return { en: 'the whole country', th: 'ทั่วประเทศ' };
    const provinces = (await placeIndex()).provinces;
    const named = codes.slice(0, 5).map((c) => provinces.get(c) ?? { name_en: c, name_th: c });
    const more = codes.length - named.length;
    return {
      en: named.map((p) => p.name_en).join(', ') + (more > 0 ? ` and ${more} more provinces` : ''),
      th: named.map((p) => p.name_th).join(', ') + (more > 0 ? ` และอีก ${more} จังหวัด` : ''),
    };
  };

  return {
    areaNames,
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
    districtNames,
    /**
     * The names of every province, district and sub-district, read once (reference data): other
     * modules show where their records are without joining geography's tables.
     */
    placeIndex,
    /**
     * The one refusal for a record outside the actor's area: it names the record's area and the
     * actor's, so the person sees why (403 `out-of-scope`; without any area, 403 `forbidden`).
     * `subject` names what serves an area (a unit); without it, the record is in the area.
     */
    async outOfScope(what: Bilingual, recordProvinces: readonly string[], scope: Scope, subject?: Bilingual) {
      if (scope.kind === 'none') return problems.forbidden({ en: `Your role does not include ${what.en}.`, th: `บทบาทของคุณไม่มีสิทธิ์${what.th}` });
      const [area, mine] = await Promise.all([areaNames(recordProvinces), scope.kind === 'provinces' ? areaNames([...scope.codes]) : areaNames([])]);
      return problems.outOfScope(
        subject
          ? {
              en: `You cannot ${what.en} ${subject.en}: it serves ${area.en}, outside your area (${mine.en}).`,
              th: `คุณไม่สามารถ${what.th}${subject.th} ได้ เพราะรับผิดชอบพื้นที่ ${area.th} ซึ่งอยู่นอกพื้นที่ของคุณ (${mine.th})`,
            }
          : {
              en: `You cannot ${what.en} here: the record is in ${area.en}, outside your area (${mine.en}).`,
              th: `คุณไม่สามารถ${what.th}ได้ เพราะข้อมูลอยู่ในจังหวัด${area.th} ซึ่งอยู่นอกพื้นที่รับผิดชอบของคุณ (${mine.th})`,
            },
      );
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
