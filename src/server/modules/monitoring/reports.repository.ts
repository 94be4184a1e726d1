import type { Executor } from '../../db/executor';
import '../../db/schema.monitoring-reports';

export interface NewReport {
  period: 'month' | 'fiscal-year';
  fiscalYear: number;
  month: number | null;
  areaCode: string;
  requestedBy: string;
}

export const insertReport = (trx: Executor, r: NewReport) =>
  trx
    .insertInto('monitoring_report')
    .values({ period: r.period, fiscal_year: r.fiscalYear, month: r.month, area_code: r.areaCode, requested_by: r.requestedBy })
    .returning('id')
    .executeTakeFirstOrThrow();

export const setJob = (trx: Executor, id: number, jobId: string) => trx.updateTable('monitoring_report').set({ job_id: jobId }).where('id', '=', id).execute();

/** Keeps a report's files (the job's last step). */
export const keepFiles = (db: Executor, id: number, files: { xlsx: Buffer; pdf: Buffer }) =>
  db.updateTable('monitoring_report').set({ xlsx: files.xlsx, pdf: files.pdf, finished_at: new Date() }).where('id', '=', id).execute();

const LISTED = ['r.id', 'r.period', 'r.fiscal_year', 'r.month', 'r.area_code', 'r.job_id', 'r.created_at', 'r.finished_at'] as const;

/**
 * Kept reports of the given areas ('*' and provinces; null: every area), newest first, with the
 * files' sizes (not the files); the job's state is the job runner's to tell.
 */
export const listReports = (db: Executor, areas: readonly string[] | null, limit: number) =>
  areas?.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('monitoring_report as r')
        .select([...LISTED])
        .select((eb) => [eb.fn('octet_length', ['r.xlsx']).as('xlsx_bytes'), eb.fn('octet_length', ['r.pdf']).as('pdf_bytes')])
        .$if(areas !== null, (q) => q.where('r.area_code', 'in', [...areas!]))
        .orderBy('r.id', 'desc')
        .limit(limit)
        .execute();

export const findReport = (db: Executor, id: number) =>
  db
    .selectFrom('monitoring_report as r')
    .select([...LISTED])
    .select((eb) => [eb.fn('octet_length', ['r.xlsx']).as('xlsx_bytes'), eb.fn('octet_length', ['r.pdf']).as('pdf_bytes')])
    .where('r.id', '=', id)
    .executeTakeFirst();

export const reportFile = (db: Executor, id: number, format: 'xlsx' | 'pdf') =>
  db
    .selectFrom('monitoring_report')
    .select(['area_code', format === 'xlsx' ? 'xlsx as data' : 'pdf as data'])
    .where('id', '=', id)
    .executeTakeFirst();
