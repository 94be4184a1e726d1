import type { ColumnType, Generated } from 'kysely';

/** Employment's tables (migrations 0011 and 0013), kept beside schema.ts so modules added in parallel do not collide. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export type EmployerStatus = 'pending' | 'verified' | 'rejected' | 'suspended';
export type VacancyKind = 'employment' | 'home-based' | 'self-employment';
export type VacancyStatus = 'draft' | 'published' | 'filled' | 'closed' | 'expired';
export type WageUnit = 'day' | 'month' | 'piece';
export type ReferralStatus = 'referred' | 'interview' | 'hired' | 'rejected' | 'withdrawn';
export type PlacementKind = 'employee' | 'home-based' | 'self-employed';

export interface EmployerTable {
  id: Generated<number>;
  tax_id: string;
  name_th: string;
  name_en: string | null;
  tsic_code: string;
  size: 'micro' | 'small' | 'medium' | 'large';
  address: string | null;
  subdistrict_code: string;
  district_code: string;
  province_code: string;
  contact_name: string;
  contact_phone: string;
  contact_email: string | null;
  home_work_registration_no: string | null;
  status: Generated<EmployerStatus>;
  status_reason: string | null;
  verified_by: string | null;
  verified_unit_code: string | null;
  verified_at: Date | null;
  created_at: Generated<Date>;
}

export interface EmployerAccountTable {
  user_id: string;
  employer_id: number;
  created_at: Generated<Date>;
}

export interface VacancyTable {
  id: Generated<number>;
  code: string;
  employer_id: number;
  kind: VacancyKind;
  occupation_code: string;
  title_th: string;
  title_en: string | null;
  description: string | null;
  required_standard_code: string | null;
  education: string | null;
  remote: Generated<boolean>;
  subdistrict_code: string | null;
  district_code: string | null;
  province_code: string;
  wage_satang: number;
  wage_unit: WageUnit;
  openings: number;
  placed_count: Generated<number>;
  opens_on: string;
  closes_on: string;
  quantity: number | null;
  materials_supplied: boolean | null;
  delivery_on: string | null;
  status: Generated<VacancyStatus>;
  source: Generated<'employer' | 'officer' | 'import'>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface JobSeekerTable {
  id: Generated<number>;
  person_id: number;
  province_code: string;
  district_code: string | null;
  desired_occupations: TextArray;
  travel_km: Generated<number>;
  availability: Generated<'full-time' | 'part-time' | 'home-based' | 'any'>;
  accepts_home_based: Generated<boolean>;
  min_wage_satang: number | null;
  accommodations: string | null;
  opted_in_at: Generated<Date>;
  withdrawn_at: Date | null;
  updated_at: Generated<Date>;
}

/** The matching read model (migration 0013): a current job seeker's profile with the facts other modules hold. */
export interface SeekerMatchTable {
  person_id: number;
  province_code: string;
  district_code: string | null;
  desired_occupations: TextArray;
  accepts_home_based: boolean;
  min_wage_satang: number | null;
  standards: TextArray;
  course_units: TextArray;
  priority_groups: TextArray;
  active: boolean;
  refreshed_at: Generated<Date>;
}

export interface GuidanceNoteTable {
  id: Generated<number>;
  person_id: number;
  province_code: string;
  note: string;
  plan: string;
  next_on: string | null;
  sensitive: Generated<boolean>;
  recorded_by: string;
  unit_code: string | null;
  created_at: Generated<Date>;
}

export interface ReferralTable {
  id: Generated<number>;
  vacancy_id: number;
  person_id: number;
  province_code: string;
  shared_fields: TextArray;
  consent_evidence: string;
  consented_at: Generated<Date>;
  status: Generated<ReferralStatus>;
  status_reason: string | null;
  interview_on: string | null;
  referred_by: string;
  answered_by: string | null;
  answered_at: Date | null;
  created_at: Generated<Date>;
}

export interface PlacementTable {
  id: Generated<number>;
  vacancy_id: number;
  referral_id: number | null;
  person_id: number;
  kind: PlacementKind;
  started_on: string;
  wage_satang: number;
  wage_unit: WageUnit;
  income_before_satang: number | null;
  centre_unit_code: string | null;
  province_code: string;
  fiscal_year: number;
  recorded_by: string;
  created_at: Generated<Date>;
}

export interface FollowUpTable {
  id: Generated<number>;
  placement_id: number | null;
  /** A course follow-up's person and session (a placement follow-up's person is the placement's). */
  person_id: number | null;
  session_id: number | null;
  income_before_satang: number | null;
  months: 3 | 6 | 12;
  due_on: string;
  province_code: string;
  done_at: Timestamp | null;
  still_working: boolean | null;
  income_satang: number | null;
  note: string | null;
  recorded_by: string | null;
  by_person: Generated<boolean>;
  closed_at: Timestamp | null;
  closed_reason: 'placed' | 'not-completed' | null;
}

export interface EmploymentTables {
  employer: EmployerTable;
  employer_account: EmployerAccountTable;
  vacancy: VacancyTable;
  job_seeker: JobSeekerTable;
  seeker_match: SeekerMatchTable;
  guidance_note: GuidanceNoteTable;
  referral: ReferralTable;
  placement: PlacementTable;
  follow_up: FollowUpTable;
}
