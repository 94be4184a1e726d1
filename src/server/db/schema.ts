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
  prev_hash: string;
  hash: string;
}

export interface ReferenceDataVersionTable {
  name: string;
  version: string;
  loaded_at: Generated<Date>;
}

export interface DB {
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
  reference_data_version: ReferenceDataVersionTable;
}

export type AppUser = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type AppUserUpdate = Updateable<AppUserTable>;
export type Unit = Selectable<UnitTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
