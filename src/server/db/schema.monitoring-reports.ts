import type { ColumnType, Generated } from 'kysely';

/** Monitoring's kept reports (migration 0030), merged into `DB` by declaration merging. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface MonitoringReportTable {
  id: Generated<number>;
  period: 'month' | 'fiscal-year';
  fiscal_year: number;
  month: number | null;
  area_code: string;
  job_id: string | null;
  xlsx: Buffer | null;
  pdf: Buffer | null;
  requested_by: string;
  created_at: Generated<Date>;
  finished_at: Timestamp | null;
}

declare module './schema' {
  interface DB {
    monitoring_report: MonitoringReportTable;
  }
}
