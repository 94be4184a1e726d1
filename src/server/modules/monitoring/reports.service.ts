import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { scopeIncludes, type Scope } from '../../platform/auth/actor';
import { recordAudit } from '../../platform/audit/audit.service';
import type { ActorContext } from '../../platform/context';
import type { JobRunner } from '../../platform/jobs/jobs';
import { problems } from '../../platform/problem';
import type { GeoService } from '../geo/geo.service';
import { INDICATORS } from './indicators';
import { monitoringPolicy } from './monitoring.policy';
import * as rollups from './monitoring.repository';
import * as repository from './reports.repository';
import { reportContent, reportTitle, type ReportPeriod } from './reports.content';
import { renderReportPdf } from './reports.pdf';
import { renderReportXlsx } from './reports.xlsx';

export const REPORT_JOB = 'monitoring.report';
const NATIONAL = '*';

export interface ReportRequest {
  period: 'month' | 'fiscal-year';
  fiscalYear: number;
  month?: number | null;
  area: string;
}

/** May this scope read an area's report? The whole country only with a nationwide scope. */
const mayRead = (scope: Scope, area: string) => (area === NATIONAL ? scope.kind === 'all' : scopeIncludes(scope, area));

/**
 * The monthly and fiscal-year reports offices send upward: a job reads the rollup cells and the
 * targets of the area (O(indicators × months × provinces), never people), draws the XLSX and the
 * PDF from the same content and keeps both; the reader follows its progress and downloads them.
 * Scoped like the overview: a province's office asks for and sees only its provinces' reports.
 */
export function createMonitoringReports(deps: { db: Kysely<DB>; geo: GeoService; jobs: JobRunner }) {
  const { db, geo, jobs } = deps;

  const areaName = async (area: string) => (area === NATIONAL ? 'ทั้งประเทศ' : `จังหวัด${(await geo.provincesByCode([area]))[0]?.nameTh ?? area}`);

  /** Builds the report's content from the rollups as they are now. */
  async function contentOf(p: ReportPeriod & { areaCode: string }, now = new Date()) {
    const provinces = p.areaCode === NATIONAL ? null : [p.areaCode];
    const [cells, targets, names] = await Promise.all([
      rollups.yearCells(db, [p.fiscalYear], provinces),
      rollups.targetsOf(db, p.fiscalYear),
      geo.provinces().then((all) => new Map(all.map((x) => [x.code, x.nameTh]))),
    ]);
    return reportContent({
      ...p,
      areaNameTh: await areaName(p.areaCode),
      generatedAt: now,
      indicators: INDICATORS,
      cells,
      targets: new Map(targets.filter((t) => t.area_code === p.areaCode).map((t) => [t.indicator, Number(t.value)])),
      provinceNames: names,
    });
  }

  /** Three steps: read the figures, draw the workbook, draw the PDF and keep both. Rerunnable from the start. */
  jobs.register(REPORT_JOB, async ({ job, progress }) => {
    const { reportId } = job.payload as { reportId: number };
    const row = await repository.findReport(db, reportId);
    if (!row) throw new Error(`No report ${reportId}.`);
    await progress(0, 3);
    const content = await contentOf({ period: row.period, fiscalYear: row.fiscal_year, month: row.month, areaCode: row.area_code });
    await progress(1, 3);
    const xlsx = await renderReportXlsx(content);
    await progress(2, 3);
    const pdf = await renderReportPdf(content);
    await repository.keepFiles(db, reportId, { xlsx, pdf });
    await progress(3, 3);
    return { reportId, xlsxBytes: xlsx.length, pdfBytes: pdf.length };
  });

  type Row = NonNullable<Awaited<ReturnType<typeof repository.findReport>>>;
  async function view(row: Row, names: Map<string, string>) {
    const job = row.finished_at || !row.job_id ? null : await jobs.get(db, row.job_id);
    const status = row.finished_at ? ('succeeded' as const) : ((job?.status ?? 'failed') as 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled');
    const ready = Boolean(row.finished_at);
    return {
      id: Number(row.id),
      period: row.period,
      fiscalYear: row.fiscal_year,
      month: row.month,
      areaCode: row.area_code,
      areaNameTh: row.area_code === NATIONAL ? 'ทั้งประเทศ' : (names.get(row.area_code) ?? row.area_code),
      titleTh: reportTitle({ period: row.period, fiscalYear: row.fiscal_year, month: row.month }),
      status,
      done: ready ? 3 : Number(job?.progress_done ?? 0),
      total: 3,
      error: job?.error ?? null,
      createdAt: new Date(row.created_at).toISOString(),
      finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
      xlsxBytes: row.xlsx_bytes === null ? null : Number(row.xlsx_bytes),
      pdfBytes: row.pdf_bytes === null ? null : Number(row.pdf_bytes),
      xlsxUrl: ready ? `/api/monitoring/reports/${row.id}/report.xlsx` : null,
      pdfUrl: ready ? `/api/monitoring/reports/${row.id}/report.pdf` : null,
    };
  }
  const provinceNames = async () => new Map((await geo.provinces()).map((p) => [p.code, p.nameTh]));

  const readScope = (ctx: ActorContext) => {
    const scope = monitoringPolicy.readScope(ctx.actor);
    if (scope.kind === 'none') throw problems.forbidden({ en: 'Your roles do not include the monitoring reports.', th: 'บทบาทของคุณไม่มีสิทธิ์ดูรายงานติดตามผล' });
    return scope;
  };
  const refuseArea = (scope: Scope, area: string) =>
    geo.outOfScope({ en: 'read the reports of this area', th: 'ดูรายงานของพื้นที่นี้' }, area === NATIONAL ? [] : [area], scope);

  /** A report the reader may read, or the refusal. */
  async function readable(ctx: ActorContext, id: number) {
    const scope = readScope(ctx);
    const row = await repository.findReport(db, id);
    if (!row) throw problems.notFound({ en: `No report has id ${id}.`, th: `ไม่พบรายงานรหัส ${id}` });
    if (!mayRead(scope, row.area_code)) throw await refuseArea(scope, row.area_code);
    return row;
  }

  return {
    /** Starts a report as a job; answers with the report to follow. */
    async request(ctx: ActorContext, input: ReportRequest) {
      const scope = readScope(ctx);
      const month = input.period === 'month' ? (input.month ?? null) : null;
      if (input.period === 'month' && month === null)
        throw problems.validation([
          { field: 'month', code: 'required', message: 'A monthly report needs its month (1–12).', messageTh: 'รายงานประจำเดือนต้องระบุเดือน (1–12)' },
        ]);
      if (input.area !== NATIONAL && !(await geo.provincesByCode([input.area])).length)
        throw problems.notFound({ en: `No province has code ${input.area}.`, th: `ไม่พบจังหวัดรหัส ${input.area}` });
      if (!mayRead(scope, input.area)) throw await refuseArea(scope, input.area);
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await repository.insertReport(trx, {
          period: input.period,
          fiscalYear: input.fiscalYear,
          month,
          areaCode: input.area,
          requestedBy: ctx.actor.userId,
        });
        const jobId = await jobs.enqueue(trx, { kind: REPORT_JOB, payload: { reportId: Number(id) }, createdBy: ctx.actor.userId, total: 3 });
        await repository.setJob(trx, Number(id), jobId);
        await recordAudit(trx, ctx, {
          action: 'monitoring.report.request',
          entityType: 'monitoring_report',
          entityId: String(id),
          provinceCode: input.area === NATIONAL ? null : input.area,
          after: { period: input.period, fiscalYear: input.fiscalYear, month, area: input.area },
        });
        return Number(id);
      });
      return view((await repository.findReport(db, id))!, await provinceNames());
    },

    /** The reader's kept reports, newest first: a province's office sees its provinces' only. */
    async list(ctx: ActorContext, query: { limit: number }) {
      const scope = readScope(ctx);
      const areas = scope.kind === 'all' ? null : scope.kind === 'provinces' ? [...scope.codes] : [];
      const [rows, names] = await Promise.all([repository.listReports(db, areas, query.limit), provinceNames()]);
      return Promise.all(rows.map((r) => view(r, names)));
    },

    async get(ctx: ActorContext, id: number) {
      return view(await readable(ctx, id), await provinceNames());
    },

    /** A kept file, once the job has made it. */
    async file(ctx: ActorContext, id: number, format: 'xlsx' | 'pdf') {
      const row = await readable(ctx, id);
      const file = await repository.reportFile(db, id, format);
      if (!file?.data)
        throw problems.conflict({
          en: 'The report is still being made; follow its progress and download it when done.',
          th: 'รายงานยังจัดทำไม่เสร็จ กรุณารอจนเสร็จแล้วจึงดาวน์โหลด',
        });
      const name = `archeep-report-${row.fiscal_year}${row.month ? `-${String(row.month).padStart(2, '0')}` : ''}-${row.area_code === NATIONAL ? 'TH' : row.area_code}.${format}`;
      return { name, data: Buffer.from(file.data) };
    },
  };
}

export type MonitoringReports = ReturnType<typeof createMonitoringReports>;
