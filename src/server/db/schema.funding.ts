import type { ColumnType, Generated } from 'kysely';

/** The funding module's tables (migration 0014), merged into `DB` by declaration merging. Money is satang. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface FundHolidayTable {
  day: string;
  name_th: string;
  name_en: string;
  shipped: Generated<boolean>;
  edited: Generated<boolean>;
  updated_at: Timestamp;
}

export interface FundTable {
  id: Generated<number>;
  code: string;
  name_th: string;
  name_en: string;
  owner_unit_code: string;
  province_codes: string[];
  min_amount: number;
  max_amount: number;
  min_term: number;
  max_term: number;
  rate_bp: number;
  fee_satang: number;
  grace_months: number;
  due_day: number;
  remainder_rule: string;
  eligible_group_types: string[];
  required_curriculum_code: string | null;
  required_trained_members: number;
  required_programme_code: string | null;
  required_stage_code: string | null;
  opens_on: string | null;
  deadline: string;
  one_open_loan: boolean;
  capital: Generated<number>;
  committed: Generated<number>;
  disbursed: Generated<number>;
  repaid: Generated<number>;
  written_off: Generated<number>;
  income: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LoanApplicationTable {
  id: Generated<number>;
  fund_id: number;
  group_id: number;
  province_code: string;
  amount: number;
  term_months: number;
  purpose: string;
  business_plan: Json;
  documents: Json;
  status: Generated<string>;
  applicant_person_id: number | null;
  loan_state: string | null;
  created_by: string;
  eligibility: Json;
  submitted_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface LoanCosignerTable {
  application_id: number;
  person_id: number;
  loan_state: string | null;
}

export interface LoanStepTable {
  id: Generated<number>;
  application_id: number;
  step: string;
  actor_user_id: string;
  note: string | null;
  minutes_ref: string | null;
  created_at: Timestamp;
}

export interface LoanTable {
  id: Generated<number>;
  application_id: number;
  fund_id: number;
  group_id: number;
  province_code: string;
  principal: number;
  term_months: number;
  rate_bp: number;
  fee_satang: number;
  grace_months: number;
  due_day: number;
  remainder_rule: string;
  status: Generated<string>;
  disbursed: Generated<number>;
  bank_name: string | null;
  account_number: string | null;
  promptpay_id: string | null;
  first_disbursed_on: string | null;
  schedule_version: Generated<number>;
  /** Principal still owed on the current schedule (kept by every schedule write: 0019). */
  outstanding_principal: Generated<number>;
  /** Due date of the oldest instalment not fully paid, or null when none is owed. */
  oldest_unpaid_due: string | null;
  approved_at: Timestamp;
  updated_at: Timestamp;
}

export interface LoanTrancheTable {
  id: Generated<number>;
  loan_id: number;
  amount: number;
  paid_on: string;
  reference: string;
  actor_user_id: string;
  created_at: Timestamp;
}

export interface LoanInstalmentTable {
  loan_id: number;
  schedule_version: number;
  number: number;
  due_on: string;
  principal: number;
  interest: number;
  fee: number;
  paid_principal: Generated<number>;
  paid_interest: Generated<number>;
  paid_fee: Generated<number>;
}

export interface LoanPaymentTable {
  id: Generated<number>;
  loan_id: number;
  kind: string;
  amount: number;
  paid_on: string;
  reference: string | null;
  source: string;
  allocation: Json;
  schedule_version: number;
  reverses_id: number | null;
  reason: string | null;
  actor_user_id: string;
  created_at: Timestamp;
}

export interface LoanDecisionTable {
  id: Generated<number>;
  loan_id: number;
  kind: string;
  status: Generated<string>;
  proposal: Json;
  reason: string;
  requested_by: string;
  decided_by: string | null;
  minutes_ref: string | null;
  decided_at: Timestamp | null;
  created_at: Timestamp;
}

export interface FundEntryTable {
  id: Generated<number>;
  fund_id: number;
  loan_id: number | null;
  kind: string;
  debit: string;
  credit: string;
  amount: number;
  payment_id: number | null;
  reverses_id: number | null;
  memo: string | null;
  booked_on: string;
  actor_user_id: string | null;
  created_at: Timestamp;
}

export interface LoanReminderTable {
  id: Generated<number>;
  loan_id: number;
  schedule_version: number;
  instalment_number: number;
  kind: string;
  due_on: string;
  amount_due: number;
  message_th: string;
  message_en: string;
  status: Generated<string>;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface LoanContactTable {
  id: Generated<number>;
  loan_id: number;
  method: string;
  outcome: string;
  contacted_on: string;
  promised_on: string | null;
  promised_amount: number | null;
  note: string | null;
  actor_user_id: string;
  created_at: Timestamp;
}

export interface LoanApplicationFileTable {
  id: Generated<number>;
  application_id: number;
  name: string;
  content_type: string;
  size_bytes: number;
  data: Buffer;
  uploaded_by: string;
  created_at: Timestamp;
}

declare module './schema' {
  interface DB {
    fund_holiday: FundHolidayTable;
    fund: FundTable;
    loan_application: LoanApplicationTable;
    loan_cosigner: LoanCosignerTable;
    loan_step: LoanStepTable;
    loan: LoanTable;
    loan_tranche: LoanTrancheTable;
    loan_instalment: LoanInstalmentTable;
    loan_payment: LoanPaymentTable;
    loan_decision: LoanDecisionTable;
    fund_entry: FundEntryTable;
    loan_reminder: LoanReminderTable;
    loan_contact: LoanContactTable;
    loan_application_file: LoanApplicationFileTable;
  }
}
