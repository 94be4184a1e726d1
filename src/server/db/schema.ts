import type { EmploymentTables } from './schema-employment';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Table types for Kysely; kept by hand beside the migrations they describe. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface SchemaMigrationTable {
  version: number;
  name: string;
  applied_at: Timestamp;
}

export interface RegionTable {
  code: string;
  name_th: string;
  name_en: string;
}

export interface ProvinceTable {
  code: string;
  region_code: string;
  name_th: string;
  name_en: string;
}

export interface DistrictTable {
  code: string;
  province_code: string;
  name_th: string;
  name_en: string;
  postcode: string | null;
}

export interface SubdistrictTable {
  code: string;
  district_code: string;
  province_code: string;
  name_th: string;
  name_en: string;
  postcode: string | null;
}

export interface AgencyTable {
  code: string;
  parent_code: string | null;
  kind: string;
  name_th: string;
  name_en: string;
  abbr_th: string | null;
  abbr_en: string | null;
  source: string | null;
}

export interface UnitTable {
  code: string;
  agency_code: string;
  kind: string;
  name_th: string;
  name_en: string;
  province_code: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  assumed: Generated<boolean>;
  note: string | null;
  updated_at: Generated<Date>;
}

export interface UnitAreaTable {
  unit_code: string;
  province_code: string;
}

export interface TargetGroupTable {
  code: string;
  name_th: string;
  name_en: string;
  sensitive: Generated<boolean>;
}

export interface AppUserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string | null;
  locale: Generated<'th' | 'en'>;
  status: Generated<'active' | 'disabled'>;
  password_hash: string;
  must_change_password: Generated<boolean>;
  failed_sign_ins: Generated<number>;
  locked_until: Date | null;
  last_sign_in_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** A citizen account's own person record. */
  person_id: Generated<number | null>;
}

export interface RoleAssignmentTable {
  id: Generated<string>;
  user_id: string;
  role: string;
  unit_code: string | null;
  created_at: Generated<Date>;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: string;
  created_at: Generated<Date>;
  expires_at: Date;
  last_seen_at: Generated<Date>;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditEventTable {
  id: Generated<number>;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_username: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  province_code: string | null;
  before: Json;
  after: Json;
  request_id: string | null;
  ip: string | null;
  /** The registered person the event concerns; their personal values are encrypted (0006). */
  subject_person_id: number | null;
}

// ---------------------------------------------------------------- 0006 audit seal
export interface AuditSealTable {
  position: number;
  event_id: number;
  prev_hash: string;
  hash: string;
  sealed_at: Generated<Date>;
}

export interface AuditUnsealedTable {
  event_id: number;
}

export interface AuditCheckpointTable {
  seq: number;
  position: number;
  head_hash: string;
  made_at: Date;
  key_id: string;
  signature: string;
}

export interface AuditSigningKeyTable {
  id: string;
  public_key: string;
  secret_sealed: string;
  created_at: Generated<Date>;
}

export interface AuditSubjectKeyTable {
  person_id: number;
  secret: string;
  created_at: Generated<Date>;
}

export interface ReferenceDataVersionTable {
  name: string;
  version: string;
  loaded_at: Generated<Date>;
}

// ---------------------------------------------------------------- 0002 registry
export interface JobTable {
  id: Generated<string>;
  kind: string;
  status: Generated<'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled'>;
  payload: ColumnType<unknown, string | undefined, string>;
  progress_done: Generated<number>;
  progress_total: number | null;
  result: Json;
  error: string | null;
  attempts: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  heartbeat_at: Timestamp | null;
  locked_by: string | null;
}

export interface PersonTable {
  id: Generated<number>;
  doc_type: string;
  doc_number: string;
  title: string;
  first_name_th: string;
  last_name_th: string;
  first_name_en: string | null;
  last_name_en: string | null;
  sex: string;
  birth_date: string;
  phone: string | null;
  house_no: string | null;
  village_no: number | null;
  subdistrict_code: string;
  district_code: string;
  province_code: string;
  target_groups: ColumnType<string[], string[] | undefined, string[]>;
  disability_type: string | null;
  disability_card_no: string | null;
  education: string | null;
  work_status: string | null;
  monthly_income_satang: number | null;
  household_size: number | null;
  lawful_basis: Generated<string>;
  registered_unit_code: string | null;
  source: 'officer' | 'self' | 'import';
  import_id: string | null;
  status: Generated<'active' | 'merged' | 'erased'>;
  merged_into: number | null;
  search_text: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ConsentTable {
  id: Generated<number>;
  person_id: number;
  purpose: string;
  lawful_basis: string;
  given_at: Timestamp;
  withdrawn_at: Timestamp | null;
  evidence: string | null;
  recorded_by: string | null;
  unit_code: string | null;
  import_id: string | null;
}

export interface OccupationGroupTable {
  id: Generated<number>;
  name: string;
  type: string;
  registration_no: string | null;
  occupation: string;
  subdistrict_code: string;
  district_code: string;
  province_code: string;
  founded_on: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  registered_unit_code: string | null;
  source: 'officer' | 'import';
  import_id: string | null;
  status: Generated<'active' | 'dissolved'>;
  search_text: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface GroupMembershipTable {
  id: Generated<number>;
  group_id: number;
  person_id: number;
  role: string;
  joined_on: string;
  left_on: string | null;
  left_reason: string | null;
  created_at: Timestamp;
}

export interface RegistryEventTable {
  id: Generated<number>;
  person_id: number | null;
  group_id: number | null;
  occurred_at: Timestamp;
  module: string;
  kind: string;
  summary_th: string;
  summary_en: string;
  data: Json;
  actor_user_id: string | null;
}

export interface ImportFileTable {
  id: Generated<string>;
  kind: 'people' | 'groups';
  file_name: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  byte_size: number;
  sha256: string;
  content: Buffer;
  header: ColumnType<string[], string, string>;
  mapping: ColumnType<Record<string, number>, string, string>;
  row_count: number;
  status: Generated<'uploaded' | 'validating' | 'validated' | 'importing' | 'completed' | 'failed'>;
  dry_run: Json;
  result: Json;
  job_id: string | null;
  uploaded_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** When the bytes were purged (retention period, or an erasure of someone the file holds). */
  purged_at: Generated<Date | null>;
  // 0008
  unmatched_values: ColumnType<{ field: string; value: string; count: number }[], string | undefined, string>;
  lawful_basis: 'explicit-consent' | 'legal-obligation' | null;
  lawful_basis_evidence: string | null;
  lawful_basis_by: string | null;
  lawful_basis_at: Timestamp | null;
  mapping_source: Generated<'automatic' | 'remembered' | 'officer'>;
}

/** A value an officer mapped by hand, remembered for the unit's next file (0008). */
export interface ImportValueMemoryTable {
  owner_key: string;
  field: string;
  value_key: string;
  value_text: string;
  code: string | null;
  set_by: string;
  set_at: Generated<Timestamp>;
}

/** A column mapping an officer chose, remembered per unit and header set (0008). */
export interface ImportColumnMemoryTable {
  owner_key: string;
  kind: string;
  header_key: string;
  mapping: ColumnType<Record<string, number>, string, string>;
  set_by: string;
  set_at: Generated<Timestamp>;
}

/** The documents an import file holds, as SHA-256 of the normalised number (for erasure). */
export interface ImportSubjectTable {
  import_id: string;
  doc_hash: string;
}

/** Failed sign-ins by address and (hashed) name: the pacing of guesses, shared by every process. */
export interface SignInFailureTable {
  ip: string;
  name_hash: string;
  failures: Generated<number>;
  last_failed_at: Generated<Date>;
  blocked_until: Date | null;
}

export interface ImportBatchTable {
  import_id: string;
  first_line: number;
  last_line: number;
  counts: ColumnType<unknown, string, string>;
}

export interface ImportRowErrorTable {
  import_id: string;
  phase: 'dry-run' | 'import';
  seq: number;
  line: number;
  column_key: string | null;
  value: string | null;
  code: string;
  message_th: string;
  message_en: string;
  severity: Generated<'error' | 'warning'>;
}

// ---------------------------------------------------------------- training (0003)
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface CurriculumTable {
  code: string;
  name_th: string;
  name_en: string;
  provider_agency_code: string;
  provider_unit_code: string | null;
  provider_partner: string | null;
  category: string;
  mode: string;
  total_minutes: number;
  topics: Json;
  target_groups: TextArray;
  prerequisites: TextArray;
  min_age: number | null;
  min_attendance_percent: Generated<number>;
  min_post_test_score: number | null;
  competency_units: TextArray;
  assumed_fields: TextArray;
  source_note: string | null;
  status: Generated<'active' | 'retired'>;
  shipped: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface TrainingSessionTable {
  id: Generated<number>;
  code: string;
  curriculum_code: string;
  unit_code: string;
  province_code: string;
  subdistrict_code: string | null;
  venue: string | null;
  online: Generated<boolean>;
  starts_on: string;
  ends_on: string;
  applications_close_on: string;
  capacity_min: Generated<number>;
  capacity_max: Generated<number>;
  trainers: TextArray;
  budget_source: string | null;
  status: Generated<SessionStatus>;
  status_reason: string | null;
  enrolled_count: Generated<number>;
  waitlisted_count: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}
export type SessionStatus = 'planned' | 'open' | 'running' | 'completed' | 'cancelled';

export interface SessionDayTable {
  session_id: number;
  day: string;
  minutes: number;
  topic_th: string | null;
  topic_en: string | null;
  checkin_code: string;
}

export type EnrolmentStatus = 'enrolled' | 'waitlisted' | 'withdrawn' | 'completed' | 'not-completed';
export interface EnrolmentTable {
  id: Generated<number>;
  session_id: number;
  person_id: number;
  status: EnrolmentStatus;
  source: 'self' | 'officer' | 'group';
  group_id: number | null;
  applied_at: Generated<Date>;
  enrolled_at: Date | null;
  withdrawn_at: Date | null;
  withdraw_reason: string | null;
  attended_minutes: Generated<number>;
  post_test_score: number | null;
  online_completed_on: string | null;
  evaluated_at: Date | null;
  outcome_reasons: Json;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface AttendanceTable {
  enrolment_id: number;
  day: string;
  minutes: number;
  method: 'roster' | 'qr' | 'import';
  recorded_by: string | null;
  recorded_at: Generated<Date>;
}

export interface LabourDemandTable {
  id: Generated<number>;
  province_code: string;
  category: string;
  occupation: string;
  fiscal_year: number;
  people_needed: number;
  source: string | null;
  imported_by: string | null;
  imported_at: Generated<Date>;
}

export interface CredentialTable {
  id: Generated<number>;
  code: string;
  kind: 'training-completion' | 'qualification';
  person_id: number;
  holder_name_th: string;
  holder_name_en: string | null;
  title_th: string;
  title_en: string;
  issuer_unit_code: string;
  province_code: string;
  issued_on: string;
  valid_from: string;
  expires_on: string | null;
  status: Generated<'valid' | 'revoked'>;
  revoked_at: Date | null;
  revoked_by: string | null;
  revoked_reason: string | null;
  details: Json;
  source_type: string;
  source_id: string;
  issued_by: string | null;
  created_at: Generated<Date>;
  agency_code: string | null;
  status_list_id: string | null;
  status_index: number | null;
  signing_key_id: string | null;
  document: Json;
}

export interface CompetencyStandardTable {
  code: string;
  name_th: string;
  name_en: string;
  sector_th: string;
  sector_en: string;
  qualification_th: string;
  qualification_en: string;
  level: number;
  owner_agency_code: string;
  validity_years: number | null;
  source_note: Json;
  assumed_fields: string[];
  status: Generated<'active' | 'retired'>;
}

export interface CompetencyUnitTable {
  code: string;
  standard_code: string;
  position: number;
  name_th: string;
  name_en: string;
  description_th: string;
  description_en: string;
  elements: Json;
}

export interface PriorExperienceTable {
  id: Generated<number>;
  person_id: number;
  standard_code: string;
  province_code: string;
  summary: string;
  evidence: string;
  recorded_by: string;
  recorded_at: Generated<Date>;
  withdrawn_at: Date | null;
  withdrawn_reason: string | null;
}

export interface AssessmentEventTable {
  id: Generated<number>;
  code: string;
  standard_code: string;
  centre_unit_code: string;
  province_code: string;
  assessed_on: string;
  online: boolean;
  venue: Json;
  capacity: Generated<number>;
  status: Generated<'open' | 'completed' | 'cancelled'>;
  status_reason: string | null;
  created_by: string;
  created_at: Generated<Date>;
}

export interface AssessmentAssessorTable {
  event_id: number;
  user_id: string;
}

export interface AssessmentCandidateTable {
  id: Generated<number>;
  event_id: number;
  person_id: number;
  basis: 'training' | 'experience' | 'reassessment';
  basis_note: string | null;
  units: string[];
  status: Generated<'referred' | 'assessed' | 'absent' | 'withdrawn'>;
  overall: 'competent' | 'not-yet-competent' | null;
  previous_candidate_id: number | null;
  referred_by: string;
  referred_at: Generated<Date>;
  decided_by: string | null;
  decided_at: Date | null;
}

export interface AssessmentResultTable {
  candidate_id: number;
  unit_code: string;
  result: 'competent' | 'not-yet-competent';
  evidence_note: string;
  assessor_user_id: string;
  recorded_at: Generated<Date>;
}

export interface IssuerKeyTable {
  id: string;
  agency_code: string;
  controller: string;
  public_key_multibase: string;
  secret_sealed: string;
  status: Generated<'active' | 'retired'>;
  created_at: Generated<Date>;
  retired_at: Date | null;
}

export interface StatusListTable {
  id: string;
  agency_code: string;
  url: string;
  block: number;
  bits: Uint8Array;
  document: Json;
  updated_at: Generated<Date>;
}

export interface DB extends EmploymentTables {
  schema_migration: SchemaMigrationTable;
  region: RegionTable;
  province: ProvinceTable;
  district: DistrictTable;
  subdistrict: SubdistrictTable;
  agency: AgencyTable;
  unit: UnitTable;
  unit_area: UnitAreaTable;
  target_group: TargetGroupTable;
  app_user: AppUserTable;
  role_assignment: RoleAssignmentTable;
  user_session: UserSessionTable;
  audit_event: AuditEventTable;
  audit_seal: AuditSealTable;
  audit_unsealed: AuditUnsealedTable;
  audit_checkpoint: AuditCheckpointTable;
  audit_signing_key: AuditSigningKeyTable;
  audit_subject_key: AuditSubjectKeyTable;
  reference_data_version: ReferenceDataVersionTable;
  job: JobTable;
  person: PersonTable;
  consent: ConsentTable;
  occupation_group: OccupationGroupTable;
  group_membership: GroupMembershipTable;
  registry_event: RegistryEventTable;
  import_file: ImportFileTable;
  import_subject: ImportSubjectTable;
  sign_in_failure: SignInFailureTable;
  import_row_error: ImportRowErrorTable;
  import_batch: ImportBatchTable;
  import_value_memory: ImportValueMemoryTable;
  import_column_memory: ImportColumnMemoryTable;
  curriculum: CurriculumTable;
  training_session: TrainingSessionTable;
  session_day: SessionDayTable;
  enrolment: EnrolmentTable;
  attendance: AttendanceTable;
  labour_demand: LabourDemandTable;
  credential: CredentialTable;
  competency_standard: CompetencyStandardTable;
  competency_unit: CompetencyUnitTable;
  prior_experience: PriorExperienceTable;
  assessment_event: AssessmentEventTable;
  assessment_assessor: AssessmentAssessorTable;
  assessment_candidate: AssessmentCandidateTable;
  assessment_result: AssessmentResultTable;
  issuer_key: IssuerKeyTable;
  status_list: StatusListTable;
}

export type AppUser = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type AppUserUpdate = Updateable<AppUserTable>;
export type Unit = Selectable<UnitTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
export type AuditSealRow = Selectable<AuditSealTable>;
export type AuditCheckpointRow = Selectable<AuditCheckpointTable>;
export type PersonRow = Selectable<PersonTable>;
export type OccupationGroupRow = Selectable<OccupationGroupTable>;
export type JobRow = Selectable<JobTable>;
export type ImportFileRow = Selectable<ImportFileTable>;
export type CurriculumRow = Selectable<CurriculumTable>;
export type TrainingSessionRow = Selectable<TrainingSessionTable>;
export type SessionDayRow = Selectable<SessionDayTable>;
export type EnrolmentRow = Selectable<EnrolmentTable>;
export type CredentialRow = Selectable<CredentialTable>;
