import type { ColumnType, Generated } from 'kysely';

/**
 * The enterprise module's tables (migration 0012), merged into `DB` by declaration merging so the
 * module's types live beside each other rather than in the middle of schema.ts.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface ProgrammeTable {
  code: string;
  name_th: string;
  name_en: string;
  owner_agency_code: string;
  fiscal_years: number[];
  description_th: string | null;
  description_en: string | null;
  budget_sources: Json;
  one_per_subdistrict: boolean;
  assumed_fields: string[];
  source_note: string | null;
  shipped: boolean;
  created_at: Timestamp;
}

export interface ProgrammeStageTable {
  programme_code: string;
  code: string;
  position: number;
  name_th: string;
  name_en: string;
  evidence: Json;
  deadline: string | null;
}

export interface ProgrammeTargetTable {
  id: Generated<number>;
  programme_code: string;
  stage_code: string;
  fiscal_year: number;
  area_kind: 'nation' | 'region' | 'province';
  area_code: string | null;
  target: number;
  due_on: string | null;
  assumed: boolean;
  source_note: string | null;
}

export interface ParticipationTable {
  id: Generated<number>;
  programme_code: string;
  group_id: number;
  province_code: string;
  subdistrict_code: string;
  unit_code: string;
  stage_code: string;
  stage_position: number;
  status: Generated<'active' | 'exited'>;
  slot_subdistrict_code: string | null;
  nominated_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ParticipationStepTable {
  id: Generated<number>;
  participation_id: number;
  stage_code: string;
  stage_position: number;
  kind: 'advance' | 'regress' | 'exit';
  reached_on: string;
  at: Timestamp;
  automatic: Generated<boolean>;
  evidence: Json;
  reason: string | null;
  actor_user_id: string | null;
}

export interface ProductTable {
  id: Generated<number>;
  group_id: number;
  province_code: string;
  name: string;
  category: string;
  description: string | null;
  unit_price_satang: number;
  capacity_per_month: number | null;
  ingredients: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProductVersionTable {
  product_id: number;
  version: number;
  data: Json;
  changed_at: Timestamp;
  actor_user_id: string | null;
}

export interface CertificationTable {
  id: Generated<number>;
  product_id: number;
  kind: string;
  status: string;
  number: string | null;
  standard_no: string | null;
  issuer: string | null;
  issued_on: string | null;
  expires_on: string | null;
  stars: number | null;
  documents: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FieldVisitTable {
  id: string;
  group_id: number;
  programme_code: string | null;
  province_code: string;
  visited_on: string;
  officers: string[];
  progress: Json;
  obstacles: Json;
  actions: Json;
  notes: Json;
  latitude: number | null;
  longitude: number | null;
  created_by: string | null;
  edited_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  sync_count: Generated<number>;
}

export interface VisitPhotoTable {
  id: string;
  visit_id: string;
  content_type: string;
  data: Uint8Array;
  created_at: Timestamp;
}

export interface GroupDevelopmentTable {
  group_id: number;
  ce_registration_no: string | null;
  ce_registered_on: string | null;
  note: string | null;
  updated_at: Timestamp;
}

declare module './schema' {
  interface DB {
    programme: ProgrammeTable;
    programme_stage: ProgrammeStageTable;
    programme_target: ProgrammeTargetTable;
    participation: ParticipationTable;
    participation_step: ParticipationStepTable;
    product: ProductTable;
    product_version: ProductVersionTable;
    certification: CertificationTable;
    field_visit: FieldVisitTable;
    visit_photo: VisitPhotoTable;
    group_development: GroupDevelopmentTable;
  }
}
