import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { scopeIncludes, type Scope } from '../../../platform/auth/actor';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { ActorContext } from '../../../platform/context';
import { csvCell } from '../../../platform/files/csv';
import { FileProblem } from '../../../platform/files/decode';
import { openTable } from '../../../platform/files/table';
import { cellReader, mapHeader, type ImportColumn, type RowError } from '../../../platform/files/rows';
import { problems, type FieldError } from '../../../platform/problem';
import { fiscalYearOf } from '../../../../shared/fiscal-year';
import type { GeoService } from '../../geo/geo.service';
import { CURRICULUM_CATEGORIES } from '../data/categories';
import { planningPolicy, provincesOf } from './planning.policy';
import * as repository from './planning.repository';
import type { DemandRecord, RollupRow } from './planning.repository';

type Ctx = ActorContext;

/** A DSD demand file is a table of provinces × occupations: a few thousand rows, well under a megabyte. */
export const DEMAND_MAX_BYTES = 5 * 1024 * 1024;
export const DEMAND_MAX_ROWS = 20_000;
/** Rows per insert statement: 6 arrays of 5,000 stay far below any parameter or packet limit. */
const UPSERT_BATCH = 5000;
/** Row errors returned at most; the count says how many there were. */
export const DEMAND_ERRORS_SHOWN = 1000;
const MAX_PEOPLE_NEEDED = 10_000_000;

export type DemandColumnKey = 'province' | 'category' | 'occupation' | 'fiscal_year' | 'people_needed' | 'source';

/** The columns of a labour-demand file, matched by key, Thai or English header. */
export const DEMAND_COLUMNS: readonly ImportColumn<DemandColumnKey>[] = [
  {
    key: 'province',
    th: 'จังหวัด',
    en: 'Province',
    required: true,
    hintTh: 'รหัสจังหวัด 2 หลัก (เช่น 40) หรือชื่อจังหวัดภาษาไทยหรืออังกฤษ',
    hintEn: 'The 2-digit province code (e.g. 40) or its Thai or English name',
  },
  {
    key: 'category',
    th: 'หมวดหลักสูตร',
    en: 'Category',
    required: true,
    hintTh: 'หมวดหลักสูตร เช่น ผู้ดูแลเด็ก ผู้สูงอายุ และคนพิการ',
    hintEn: 'The curriculum category, e.g. Caregiver',
  },
  {
    key: 'occupation',
    th: 'อาชีพ',
    en: 'Occupation',
    required: true,
    hintTh: 'ชื่ออาชีพตามที่ กพร. ระบุ ไม่เกิน 200 ตัวอักษร',
    hintEn: 'The occupation as DSD names it, up to 200 characters',
  },
  {
    key: 'fiscal_year',
    th: 'ปีงบประมาณ',
    en: 'Fiscal year',
    required: true,
    hintTh: 'ปีงบประมาณ พ.ศ. 4 หลัก เช่น 2570',
    hintEn: 'The fiscal year in B.E., 4 digits, e.g. 2570',
  },
  {
    key: 'people_needed',
    th: 'จำนวนคนที่ต้องการ',
    en: 'People needed',
    required: true,
    hintTh: 'จำนวนเต็มไม่ติดลบ ใส่จุลภาคได้ เช่น 1,500',
    hintEn: 'A whole number, 0 or more; commas allowed, e.g. 1,500',
  },
  {
    key: 'source',
    th: 'แหล่งข้อมูล',
    en: 'Source',
    required: false,
    hintTh: 'ที่มาของตัวเลข (ไม่กรอกก็ได้ ระบบใช้ชื่อไฟล์)',
    hintEn: 'Where the figure comes from (optional; the file name is used)',
  },
];
const columnOf = (key: DemandColumnKey) => DEMAND_COLUMNS.find((c) => c.key === key)!;

interface Place {
  code: string;
  nameTh: string;
  nameEn: string;
}

/** What rows are checked against: province spellings, category spellings, the importer's area. */
export interface DemandRowContext {
  provinces: Map<string, Place>;
  provinceSpellings: Map<string, string>;
  categorySpellings: Map<string, string>;
  scope: Scope;
  /** Their area's names, for the message on a row outside it. */
  areaNames: { th: string; en: string };
  /** The year for rows that leave the fiscal year blank (or the file without the column). */
  defaultFiscalYear: number | null;
}

const thaiDigits = (text: string) => text.replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
const spelling = (text: string) =>
  thaiDigits(text)
    .normalize('NFC')
    .toLowerCase()
    .replace(/^(จังหวัด|จ\.)\s*/, '')
    .replace(/[\s\-_.]+/g, '');
const oneLine = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Category spellings: the code, the Thai and the English name. */
export function categorySpellings(): Map<string, string> {
  const map = new Map<string, string>();
  for (const c of CURRICULUM_CATEGORIES) for (const s of [c.code, c.th, c.en]) map.set(spelling(s), c.code);
  return map;
}

/** Province spellings: the code, the Thai and English names, and what people write for Bangkok. */
export function provinceSpellings(provinces: Iterable<Place>): Map<string, string> {
  const map = new Map<string, string>();
  for (const p of provinces) for (const s of [p.code, p.nameTh, p.nameEn]) map.set(spelling(s), p.code);
  for (const s of ['กรุงเทพฯ', 'กรุงเทพ', 'กทม.', 'กทม']) map.set(spelling(s), '10');
  return map;
}

/**
 * Checks one row of a demand file. Every error names its line and column, in Thai and English;
 * a row with any error gives no record.
 */
export function readDemandRow(
  cells: readonly string[],
  line: number,
  mapping: Partial<Record<DemandColumnKey, number>>,
  ctx: DemandRowContext,
): { record: DemandRecord } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const { get, fail, required } = cellReader<DemandColumnKey>(cells, line, mapping, errors, columnOf);

  let provinceCode: string | null = null;
  const provinceText = required('province');
  if (provinceText !== null) {
    provinceCode = ctx.provinceSpellings.get(spelling(provinceText)) ?? null;
    if (provinceCode === null) {
      fail(
        'province',
        'unknown-province',
        `"${provinceText}" is not a province: write its 2-digit code (e.g. 40) or its name.`,
        `"${provinceText}" ไม่ใช่จังหวัด กรุณาใส่รหัสจังหวัด 2 หลัก (เช่น 40) หรือชื่อจังหวัด`,
      );
    } else if (!scopeIncludes(ctx.scope, provinceCode)) {
      const place = ctx.provinces.get(provinceCode)!;
      fail(
        'province',
        'out-of-scope',
        `${place.nameEn} (${place.code}) is outside your area (${ctx.areaNames.en}); you may import figures for your own provinces only.`,
        `จังหวัด${place.nameTh} (${place.code}) อยู่นอกพื้นที่รับผิดชอบของคุณ (${ctx.areaNames.th}) นำเข้าได้เฉพาะจังหวัดในพื้นที่ของคุณ`,
      );
      provinceCode = null;
    }
  }

  let category: string | null = null;
  const categoryText = required('category');
  if (categoryText !== null) {
    category = ctx.categorySpellings.get(spelling(categoryText)) ?? null;
    if (category === null) {
      const known = CURRICULUM_CATEGORIES.map((c) => c.en).join(', ');
      fail(
        'category',
        'unknown-category',
        `"${categoryText}" is not a curriculum category; use one of: ${known}.`,
        `"${categoryText}" ไม่ใช่หมวดหลักสูตร กรุณาใช้หมวดใดหมวดหนึ่ง: ${CURRICULUM_CATEGORIES.map((c) => c.th).join(', ')}`,
      );
    }
  }

  const occupationText = required('occupation');
  const occupation = occupationText === null ? null : oneLine(occupationText);
  if (occupation !== null && occupation.length > 200) {
    fail('occupation', 'too-long', `at most 200 characters (this one has ${occupation.length}).`, `ยาวได้ไม่เกิน 200 ตัวอักษร (ช่องนี้มี ${occupation.length} ตัวอักษร)`);
  }

  let fiscalYear: number | null = null;
  const yearText = thaiDigits(get('fiscal_year'));
  if (yearText === '') {
    if (ctx.defaultFiscalYear !== null) fiscalYear = ctx.defaultFiscalYear;
    else required('fiscal_year');
  } else if (!/^\d{4}$/.test(yearText)) {
    fail('fiscal_year', 'invalid-year', 'write the fiscal year in B.E. with 4 digits, e.g. 2570.', 'กรุณาใส่ปีงบประมาณเป็น พ.ศ. 4 หลัก เช่น 2570');
  } else {
    const year = Number(yearText);
    if (year >= 1900 && year < 2300) {
      fail(
        'fiscal_year',
        'christian-era-year',
        `${year} is a year of the Christian era (C.E.); fiscal years are in B.E.: write ${year + 543}.`,
        `${year} เป็นปี ค.ศ. ปีงบประมาณต้องเป็น พ.ศ. กรุณาใส่ ${year + 543}`,
      );
    } else if (year < 2500 || year > 2700) {
      fail('fiscal_year', 'year-out-of-range', 'a fiscal year lies between 2500 and 2700 (B.E.).', 'ปีงบประมาณต้องอยู่ระหว่าง พ.ศ. 2500 ถึง 2700');
    } else fiscalYear = year;
  }

  let peopleNeeded: number | null = null;
  const countText = required('people_needed');
  if (countText !== null) {
    const digits = thaiDigits(countText).replace(/[,\s]/g, '');
    if (/^[-−]\d+(\.\d+)?$/.test(digits)) {
      fail('people_needed', 'negative-number', 'the number of people cannot be negative.', 'จำนวนคนต้องไม่ติดลบ');
    } else if (/^\d+\.\d+$/.test(digits) && !/^\d+\.0+$/.test(digits)) {
      fail('people_needed', 'not-whole-number', 'write a whole number of people.', 'จำนวนคนต้องเป็นจำนวนเต็ม');
    } else if (!/^\d+(\.0+)?$/.test(digits)) {
      fail('people_needed', 'not-a-number', 'write a number, e.g. 1,500.', 'กรุณาใส่ตัวเลข เช่น 1,500');
    } else if (Number.parseInt(digits, 10) > MAX_PEOPLE_NEEDED) {
      fail(
        'people_needed',
        'too-large',
        `at most ${MAX_PEOPLE_NEEDED.toLocaleString('en')} people in one row.`,
        `ไม่เกิน ${MAX_PEOPLE_NEEDED.toLocaleString('th')} คนต่อแถว`,
      );
    } else peopleNeeded = Number.parseInt(digits, 10);
  }

  const source = oneLine(get('source')).slice(0, 300) || null;
  if (errors.length || provinceCode === null || category === null || occupation === null || fiscalYear === null || peopleNeeded === null) return { errors };
  return { record: { provinceCode, category, occupation, fiscalYear, peopleNeeded, source } };
}

/** A file-level problem as an API problem, naming what is wrong with the file. */
const fileRefused = (e: FileProblem, errors?: FieldError[]) =>
  problems.validation(errors ?? [{ field: 'body', code: e.code, message: e.en, messageTh: e.th }], { en: e.en, th: e.th });

export interface DemandImportResult {
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  rows: number;
  /** Rows written; 0 when any row has an error (all or nothing). */
  imported: number;
  inserted: number;
  updated: number;
  errorCount: number;
  errors: { line: number; column: string | null; value: string | null; code: string; messageTh: string; messageEn: string }[];
  fiscalYears: number[];
  provinceCodes: string[];
}

export function createPlanningService(deps: { db: Kysely<DB>; geo: GeoService }) {
  const { db, geo } = deps;
  let places: Promise<Map<string, Place>> | null = null;
  /** The 77 provinces, read once: reference data does not change while the server runs. */
  const provinceIndex = () =>
    (places ??= geo.provinces().then(
      (rows) => new Map(rows.map((p) => [p.code, { code: p.code, nameTh: p.nameTh, nameEn: p.nameEn }])),
      (error: unknown) => {
        places = null;
        throw error;
      },
    ));

  /** The actor's area by name, as every refusal names it (`geo.areaNames`). */
  const areaNames = (scope: Scope) =>
    scope.kind === 'provinces'
      ? geo.areaNames([...scope.codes].sort())
      : Promise.resolve(scope.kind === 'all' ? { th: 'ทั่วประเทศ', en: 'nationwide' } : { th: 'ไม่มีพื้นที่', en: 'no area' });

  const categoryNames = new Map<string, { th: string; en: string }>(CURRICULUM_CATEGORIES.map((c) => [c.code, { th: c.th, en: c.en }]));
  const figures = (r: Pick<RollupRow, 'demand' | 'planned_seats' | 'enrolled' | 'completed'>) => ({
    demand: r.demand,
    plannedSeats: r.planned_seats,
    enrolled: r.enrolled,
    completed: r.completed,
    gap: r.demand - r.planned_seats,
  });

  return {
    /**
     * Imports DSD labour-demand figures from a CSV (UTF-8 or Windows-874) or XLSX file, all or
     * nothing: when any row is wrong nothing is written and the row errors come back; otherwise
     * every row is upserted in one transaction with one audit event.
     */
    async importDemand(ctx: Ctx, input: { fileName: string; bytes: Uint8Array; fiscalYear?: number }): Promise<DemandImportResult> {
      const scope = planningPolicy.importScope(ctx.actor);
      if (scope.kind === 'none')
        throw problems.forbidden({ en: 'Your role does not include importing labour-demand figures.', th: 'บทบาทของคุณไม่มีสิทธิ์นำเข้าข้อมูลความต้องการแรงงาน' });
      if (input.bytes.length > DEMAND_MAX_BYTES) throw problems.tooLarge(DEMAND_MAX_BYTES);

      const index = await provinceIndex();
      const rowContext: DemandRowContext = {
        provinces: index,
        provinceSpellings: provinceSpellings(index.values()),
        categorySpellings: categorySpellings(),
        scope,
        areaNames: await areaNames(scope),
        defaultFiscalYear: input.fiscalYear ?? null,
      };
      let format: 'csv' | 'xlsx' = 'csv';
      let encoding: string | null = null;
      let mapping: Partial<Record<DemandColumnKey, number>> | null = null;
      const records: DemandRecord[] = [];
      const errors: RowError[] = [];
      const firstLineOf = new Map<string, number>();
      let rows = 0;
      try {
        const table = openTable(input.bytes);
        ({ format, encoding } = table);
        for await (const record of table.records) {
          if (mapping === null) {
            mapping = headerMapping(record.cells, input.fiscalYear !== undefined);
            continue;
          }
          if (++rows > DEMAND_MAX_ROWS) {
            throw new FileProblem(
              'too-many-rows',
              `The file has more than ${DEMAND_MAX_ROWS.toLocaleString('en')} rows; split it into smaller files.`,
              `ไฟล์มีมากกว่า ${DEMAND_MAX_ROWS.toLocaleString('th')} แถว กรุณาแบ่งเป็นหลายไฟล์`,
            );
          }
          const read = readDemandRow(record.cells, record.line, mapping, rowContext);
          if ('errors' in read) {
            errors.push(...read.errors);
            continue;
          }
          // The same key twice would leave the figure to the order of the rows: the later line is refused.
          const key = [read.record.provinceCode, read.record.category, read.record.occupation, read.record.fiscalYear].join('\u0000');
          const earlier = firstLineOf.get(key);
          if (earlier !== undefined) {
            errors.push({
              line: record.line,
              column: 'occupation',
              value: read.record.occupation,
              code: 'duplicate-in-file',
              en: `Line ${earlier} already gives this province, category, occupation and fiscal year.`,
              th: `บรรทัดที่ ${earlier} ระบุจังหวัด หมวด อาชีพ และปีงบประมาณนี้ไว้แล้ว`,
            });
          } else {
            firstLineOf.set(key, record.line);
            records.push({ ...read.record, source: read.record.source ?? (input.fileName.slice(0, 200) || null) });
          }
        }
      } catch (error) {
        if (error instanceof MissingColumns) throw fileRefused(error, error.columns);
        if (error instanceof FileProblem) throw fileRefused(error);
        throw error;
      }
      if (mapping === null || rows === 0) throw fileRefused(new FileProblem('no-rows', 'The file has no rows under its header.', 'ไฟล์ไม่มีข้อมูลใต้แถวหัวตาราง'));

      const fiscalYears = [...new Set(records.map((r) => r.fiscalYear))].sort((a, b) => a - b);
      const provinceCodes = [...new Set(records.map((r) => r.provinceCode))].sort();
      const result: DemandImportResult = {
        fileName: input.fileName,
        format,
        encoding,
        rows,
        imported: 0,
        inserted: 0,
        updated: 0,
        errorCount: errors.length,
        errors: errors
          .slice(0, DEMAND_ERRORS_SHOWN)
          .map((e) => ({ line: e.line, column: e.column, value: e.value, code: e.code, messageTh: e.th, messageEn: e.en })),
        fiscalYears,
        provinceCodes,
      };
      if (errors.length) return { ...result, fiscalYears: [], provinceCodes: [] };

      const sha256 = createHash('sha256').update(input.bytes).digest('hex');
      const counts = await db.transaction().execute(async (trx) => {
        const total = { inserted: 0, updated: 0 };
        for (let i = 0; i < records.length; i += UPSERT_BATCH) {
          const written = await repository.upsertDemand(trx, records.slice(i, i + UPSERT_BATCH), ctx.actor.userId);
          total.inserted += written.inserted;
          total.updated += written.updated;
        }
        await recordAudit(trx, ctx, {
          action: 'labour_demand.import',
          entityType: 'labour_demand',
          entityId: sha256,
          provinceCode: provinceCodes.length === 1 ? provinceCodes[0] : null,
          after: { fileName: input.fileName, format, encoding, rows, ...total, fiscalYears, provinces: provinceCodes },
        });
        return total;
      });
      return { ...result, imported: records.length, ...counts };
    },

    /**
     * Demand beside planned seats and completions for one fiscal year, by province and category,
     * in the reader's provinces. Without a year: the current fiscal year, or the latest with data.
     */
    async plan(ctx: Ctx, query: { fiscalYear?: number; province?: string; category?: string }) {
      const scope = planningPolicy.readScope(ctx.actor);
      if (scope.kind === 'none') throw problems.forbidden({ en: 'Your role does not include training planning.', th: 'บทบาทของคุณไม่มีสิทธิ์ดูการวางแผนการฝึกอบรม' });
      const index = await provinceIndex();
      if (query.province && !scopeIncludes(scope, query.province))
        throw await geo.outOfScope({ en: 'read the training plan', th: 'ดูแผนการฝึกอบรม' }, [query.province], scope);
      const provinces = provincesOf(scope);
      const years = await repository.fiscalYears(db, provinces);
      const currentFiscalYear = fiscalYearOf(new Date());
      const fiscalYear = query.fiscalYear ?? (years.length === 0 || years.includes(currentFiscalYear) ? currentFiscalYear : years[0]!);
      const filter = { fiscalYear, provinces, category: query.category };
      // The map and chart show the whole area; the table narrows to the chosen province.
      const [rows, totals] = await Promise.all([repository.planRollup(db, { ...filter, province: query.province }), repository.provinceTotals(db, filter)]);

      const place = (code: string) => index.get(code) ?? { code, nameTh: code, nameEn: code };
      const presented = rows
        .map((r) => {
          const f = figures(r);
          const category = categoryNames.get(r.category);
          return {
            provinceCode: r.province_code,
            provinceNameTh: place(r.province_code).nameTh,
            provinceNameEn: place(r.province_code).nameEn,
            category: r.category,
            categoryNameTh: category?.th ?? r.category,
            categoryNameEn: category?.en ?? r.category,
            ...f,
            shortfall: Math.max(0, f.gap),
          };
        })
        .sort((a, b) => b.shortfall - a.shortfall || a.gap - b.gap || a.provinceCode.localeCompare(b.provinceCode) || a.category.localeCompare(b.category));
      const byProvince = totals
        .map((r) => ({
          provinceCode: r.province_code,
          provinceNameTh: place(r.province_code).nameTh,
          provinceNameEn: place(r.province_code).nameEn,
          ...figures(r),
          shortfall: r.unmet_demand,
        }))
        .sort((a, b) => b.shortfall - a.shortfall || b.demand - a.demand || a.provinceCode.localeCompare(b.provinceCode));
      const sum = (key: 'demand' | 'plannedSeats' | 'enrolled' | 'completed' | 'shortfall') => presented.reduce((n, r) => n + r[key], 0);
      return {
        fiscalYear,
        currentFiscalYear,
        fiscalYears: years,
        canImport: planningPolicy.importScope(ctx.actor).kind !== 'none',
        rows: presented,
        provinces: byProvince,
        totals: {
          demand: sum('demand'),
          plannedSeats: sum('plannedSeats'),
          enrolled: sum('enrolled'),
          completed: sum('completed'),
          gap: sum('demand') - sum('plannedSeats'),
          shortfall: sum('shortfall'),
        },
      };
    },

    /** A CSV template (UTF-8 with BOM, as Excel opens it) with the header in one language and two example rows. */
    demandTemplate(language: 'th' | 'en'): Buffer {
      const th = language === 'th';
      const year = String(fiscalYearOf(new Date()) + 1);
      const header = DEMAND_COLUMNS.map((c) => (th ? c.th : c.en));
      const examples = th
        ? [
            ['40', 'ผู้ดูแลเด็ก ผู้สูงอายุ และคนพิการ', 'ผู้ดูแลผู้สูงอายุ', year, '120', 'สำรวจความต้องการแรงงาน กพร.'],
            ['ขอนแก่น', 'ดิจิทัลและการค้าออนไลน์', 'ผู้ค้าออนไลน์', year, '1,500', ''],
          ]
        : [
            ['40', 'Caregiver', 'Elderly caregiver', year, '120', 'DSD labour-demand survey'],
            ['Khon Kaen', 'Digital and e-commerce', 'Online seller', year, '1,500', ''],
          ];
      return Buffer.from('\uFEFF' + [header, ...examples].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n', 'utf8');
    },
  };
}

export type PlanningService = ReturnType<typeof createPlanningService>;

/** Matches the header to the columns; a missing required column refuses the file, naming it. */
function headerMapping(header: readonly string[], fiscalYearGiven: boolean): Partial<Record<DemandColumnKey, number>> {
  const { mapping, missing } = mapHeader(
    header.map((c) => c.trim()),
    DEMAND_COLUMNS,
  );
  const lacking = missing.filter((key) => !(key === 'fiscal_year' && fiscalYearGiven)).map(columnOf);
  if (lacking.length === 0) return mapping;
  const en = `The header lacks the column${lacking.length > 1 ? 's' : ''} ${lacking.map((c) => `"${c.en}" (${c.th})`).join(', ')}. The first row must be the header; download the template to see it.`;
  const th = `หัวตารางไม่มีคอลัมน์ ${lacking.map((c) => `"${c.th}" (${c.en})`).join(', ')} แถวแรกของไฟล์ต้องเป็นหัวตาราง ดาวน์โหลดแบบฟอร์มเพื่อดูตัวอย่าง`;
  throw new MissingColumns(
    en,
    th,
    lacking.map((c) => ({
      field: 'body',
      code: 'missing-column',
      message: `No column "${c.en}" (${c.key}) in the header.`,
      messageTh: `ไม่มีคอลัมน์ "${c.th}" ในหัวตาราง`,
    })),
  );
}

/** A header without a required column: one field error per missing column. */
class MissingColumns extends FileProblem {
  constructor(
    en: string,
    th: string,
    readonly columns: FieldError[],
  ) {
    super('missing-column', en, th);
  }
}
