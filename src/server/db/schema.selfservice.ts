import type { ColumnType, Generated } from 'kysely';

/** The self-service module's tables (migration 0026), merged into `DB` by declaration merging. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface PdpaRequestTable {
  id: Generated<number>;
  person_id: number;
  kind: 'correction' | 'erasure';
  province_code: string;
  field: string | null;
  current_value: string | null;
  requested_value: string | null;
  reason: string;
  legal_hold_th: string | null;
  legal_hold_en: string | null;
  status: Generated<'open' | 'applied' | 'refused'>;
  outcome: string | null;
  due_on: string;
  filed_by: string | null;
  created_at: Generated<Date>;
  decided_at: Timestamp | null;
  decided_by: string | null;
}

export interface GrievanceTable {
  id: Generated<number>;
  person_id: number;
  group_id: number | null;
  kind: 'complaint' | 'appeal';
  about: 'refusal' | 'decision' | 'data-error' | 'service' | 'other';
  subject: string;
  body: string;
  reference: string | null;
  province_code: string;
  unit_code: string | null;
  status: Generated<'open' | 'answered'>;
  answer: string | null;
  due_on: string;
  filed_by: string | null;
  created_at: Generated<Date>;
  answered_at: Timestamp | null;
  answered_by: string | null;
}

declare module './schema' {
  interface DB {
    pdpa_request: PdpaRequestTable;
    grievance: GrievanceTable;
  }
}
