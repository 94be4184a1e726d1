import type { ColumnType, Generated } from 'kysely';

/** The monitoring module's tables (migration 0020), merged into `DB` by declaration merging. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface MonitoringRollupTable {
  indicator: string;
  fiscal_year: number;
  month: number;
  province_code: string;
  district_code: Generated<string>;
  target_group: Generated<string>;
  value: Generated<number>;
  updated_at: Timestamp;
}

export interface MonitoringTargetTable {
  indicator: string;
  fiscal_year: number;
  area_code: string;
  target_group: Generated<string>;
  value: number;
  note: string | null;
  set_by: string | null;
  set_at: Timestamp;
}

declare module './schema' {
  interface DB {
    monitoring_rollup: MonitoringRollupTable;
    monitoring_target: MonitoringTargetTable;
  }
}
