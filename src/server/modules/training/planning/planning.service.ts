import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { scopeIncludes, type Scope } from '../../../platform/auth/actor';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { ActorContext } from '../../../platform/context';
import { csvCell } from '../../../platform/files/csv';
import { FileProblem } from '../../../platform/files/decode';
import { openTable } from '../../../platform/files/table';
import type { RowError } from '../../../platform/files/rows';
import { problems, type FieldError } from '../../../platform/problem';
import { fiscalYearOf } from '../../../../shared/fiscal-year';
import type { GeoService } from '../../geo/geo.service';
import { CURRICULUM_CATEGORIES } from '../data/categories';
import { planningPolicy, provincesOf } from './planning.policy';
import * as repository from './planning.repository';
import type { DemandRecord, RollupRow } from './planning.repository';
import {
  categorySpellings,
  DEMAND_COLUMNS,
  headerMapping,
  MissingColumns,
  provinceSpellings,
  readDemandRow,
  type DemandColumnKey,
  type DemandRowContext,
  type Place,
} from './demand-rows';
export { DEMAND_COLUMNS, readDemandRow, type DemandColumnKey } from './demand-rows';

type Ctx = ActorContext;

/** A DSD demand file is a table of provinces × occupations: a few thousand rows, well under a megabyte. */
export const DEMAND_MAX_BYTES = 5 * 1024 * 1024;
export const DEMAND_MAX_ROWS = 20_000;
/** Rows per insert statement: 6 arrays of 5,000 stay far below any parameter or packet limit. */
const UPSERT_BATCH = 5000;
/** Row errors returned at most; the count says how many there were. */
export const DEMAND_ERRORS_SHOWN = 1000;
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
