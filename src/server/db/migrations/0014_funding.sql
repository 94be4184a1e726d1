-- The revolving loan fund (issue 18): funds with their rules as data, a double-entry ledger,
-- applications through four eyes, loans with their schedules, repayments and reversals,
-- restructuring and write-off decisions, and the holiday calendar due dates move around.
--
-- Money is integer satang in bigint columns everywhere; rates are basis points a year.

-- The committee's decision is recorded by a role of its own (see ARCHITECTURE "Funding").
alter table role_assignment drop constraint role_assignment_role_check;
alter table role_assignment add constraint role_assignment_role_check check (role in (
  'system_admin', 'executive', 'officer', 'course_provider', 'assessor',
  'fund_maker', 'fund_checker', 'fund_approver', 'employer', 'marketplace_partner', 'citizen'));

-- ---------------------------------------------------------------- holiday calendar
-- Thai public holidays (reference data, editable): a due date on one of them moves to the next
-- working day. `edited` rows were changed by an administrator and are kept across reloads.
create table fund_holiday (
  day date primary key,
  name_th text not null,
  name_en text not null,
  shipped boolean not null default false,
  edited boolean not null default false,
  updated_at timestamptz not null default now()
);

-- ---------------------------------------------------------------- funds
create table fund (
  id bigserial primary key,
  code text not null unique check (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
  name_th text not null,
  name_en text not null,
  owner_unit_code text not null references unit (code),
  -- Provinces the fund lends in (a group's province must be one of them).
  province_codes text[] not null check (cardinality(province_codes) >= 1),
  -- Rules as data.
  min_amount bigint not null check (min_amount > 0),
  max_amount bigint not null check (max_amount >= min_amount),
  min_term smallint not null check (min_term >= 1),
  max_term smallint not null check (max_term >= min_term and max_term <= 120),
  rate_bp integer not null default 0 check (rate_bp between 0 and 10000),
  fee_satang bigint not null default 0 check (fee_satang >= 0),
  grace_months smallint not null default 0 check (grace_months between 0 and 24),
  due_day smallint not null default 5 check (due_day between 1 and 31),
  remainder_rule text not null default 'last' check (remainder_rule in ('last', 'first')),
  eligible_group_types text[] not null default '{}',
  -- Members who must have completed a course (curriculum code, at least this many members).
  required_curriculum_code text,
  required_trained_members smallint not null default 0 check (required_trained_members >= 0),
  -- A programme stage the group must have reached (enterprise's programmes).
  required_programme_code text,
  required_stage_code text,
  opens_on date,
  -- The last day (Bangkok) an application is accepted.
  deadline date not null,
  one_open_loan boolean not null default true,
  -- Running totals of the ledger (fund_entry), kept in the same transaction as each entry and
  -- checked against it by `npm run funding:verify`.
  capital bigint not null default 0 check (capital >= 0),
  committed bigint not null default 0 check (committed >= 0),
  disbursed bigint not null default 0 check (disbursed >= 0),
  repaid bigint not null default 0 check (repaid >= 0),
  written_off bigint not null default 0 check (written_off >= 0),
  income bigint not null default 0 check (income >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- The last guard: the fund never promises or lends money it does not hold.
  check (capital - committed - disbursed + repaid + income >= 0)
);

-- ---------------------------------------------------------------- applications
create table loan_application (
  id bigserial primary key,
  fund_id bigint not null references fund (id),
  group_id bigint not null references occupation_group (id),
  province_code text not null references province (code),
  amount bigint not null check (amount > 0),
  term_months smallint not null check (term_months >= 1),
  purpose text not null,
  -- { costs: [{ item, amountSatang }], expectedMonthlySalesSatang, repaymentSource }
  business_plan jsonb not null,
  documents jsonb not null default '[]',
  status text not null default 'submitted'
    check (status in ('submitted', 'recommended', 'verified', 'returned', 'approved', 'rejected', 'withdrawn')),
  -- The citizen (the group's leader) who applied, when not an officer.
  applicant_person_id bigint references person (id),
  -- 'owed' from approval until the loan is repaid or written off ('settled'): the person links'
  -- erasure refuses while a loan is owed (funding.contract.ts).
  loan_state text check (loan_state in ('owed', 'settled')),
  created_by uuid not null,
  -- The eligibility as checked at submission: [{ code, th, en, passed }].
  eligibility jsonb not null default '[]',
  submitted_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index loan_application_fund_idx on loan_application (fund_id, status);
create index loan_application_group_idx on loan_application (group_id);

-- Co-signers: committee members of the group who sign for the loan.
create table loan_cosigner (
  application_id bigint not null references loan_application (id),
  person_id bigint not null references person (id),
  loan_state text check (loan_state in ('owed', 'settled')),
  primary key (application_id, person_id)
);
create index loan_cosigner_person_idx on loan_cosigner (person_id);

-- Each step of an application's path: who, what, when, why; a return keeps what came before.
create table loan_step (
  id bigserial primary key,
  application_id bigint not null references loan_application (id),
  step text not null check (step in ('submit', 'recommend', 'verify', 'approve', 'reject', 'return', 'resubmit', 'withdraw')),
  actor_user_id uuid not null,
  note text,
  minutes_ref text,
  created_at timestamptz not null default now()
);
create index loan_step_application_idx on loan_step (application_id, id);

-- ---------------------------------------------------------------- loans
create table loan (
  id bigserial primary key,
  application_id bigint not null unique references loan_application (id),
  fund_id bigint not null references fund (id),
  group_id bigint not null references occupation_group (id),
  province_code text not null references province (code),
  principal bigint not null check (principal > 0),
  term_months smallint not null,
  rate_bp integer not null,
  fee_satang bigint not null,
  grace_months smallint not null,
  due_day smallint not null,
  remainder_rule text not null,
  -- committed (approved, money promised) → active (disbursed) → repaid | written-off.
  status text not null default 'committed' check (status in ('committed', 'active', 'repaid', 'written-off')),
  disbursed bigint not null default 0 check (disbursed >= 0),
  bank_name text,
  account_number text,
  promptpay_id text,
  first_disbursed_on date,
  schedule_version smallint not null default 0,
  approved_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (disbursed <= principal)
);
create index loan_fund_idx on loan (fund_id, status);
create index loan_group_idx on loan (group_id, status);

create table loan_tranche (
  id bigserial primary key,
  loan_id bigint not null references loan (id),
  amount bigint not null check (amount > 0),
  paid_on date not null,
  reference text not null,
  actor_user_id uuid not null,
  created_at timestamptz not null default now()
);

-- The schedule; a restructuring writes a new version and the old one stays.
create table loan_instalment (
  loan_id bigint not null references loan (id),
  schedule_version smallint not null,
  number smallint not null,
  due_on date not null,
  principal bigint not null check (principal >= 0),
  interest bigint not null check (interest >= 0),
  fee bigint not null check (fee >= 0),
  paid_principal bigint not null default 0,
  paid_interest bigint not null default 0,
  paid_fee bigint not null default 0,
  primary key (loan_id, schedule_version, number),
  check (paid_principal between 0 and principal and paid_interest between 0 and interest and paid_fee between 0 and fee)
);
create index loan_instalment_due_idx on loan_instalment (due_on) where paid_principal < principal;

-- A repayment, or the reversal of one (never a deletion): a reversal points at its repayment
-- and carries the same parts negated.
create table loan_payment (
  id bigserial primary key,
  loan_id bigint not null references loan (id),
  kind text not null check (kind in ('repayment', 'reversal')),
  amount bigint not null,
  paid_on date not null,
  reference text,
  source text not null check (source in ('officer', 'import')),
  -- [{ number, fee, interest, principal }] over schedule_version.
  allocation jsonb not null,
  schedule_version smallint not null,
  reverses_id bigint unique references loan_payment (id),
  reason text,
  actor_user_id uuid not null,
  created_at timestamptz not null default now(),
  check ((kind = 'repayment') = (reverses_id is null)),
  check ((kind = 'repayment' and amount > 0) or (kind = 'reversal' and amount < 0))
);
create index loan_payment_loan_idx on loan_payment (loan_id, id);
-- A bank statement line is imported once per loan.
create unique index loan_payment_reference_idx on loan_payment (loan_id, reference) where kind = 'repayment' and source = 'import';

-- Restructuring and write-off: requested by the fund's office, decided by the approver.
create table loan_decision (
  id bigserial primary key,
  loan_id bigint not null references loan (id),
  kind text not null check (kind in ('restructure', 'write-off')),
  status text not null default 'requested' check (status in ('requested', 'approved', 'rejected')),
  -- restructure: { termMonths, dueDay, graceMonths }; write-off: {}.
  proposal jsonb not null,
  reason text not null,
  requested_by uuid not null,
  decided_by uuid,
  minutes_ref text,
  decided_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index loan_decision_open_idx on loan_decision (loan_id) where status = 'requested';

-- ---------------------------------------------------------------- the ledger
-- Double entry: each row moves `amount` from the credit account to the debit account of one
-- fund. Accounts: cash (what the fund holds and may lend), committed (promised to approved
-- loans), loans (lent, owed back), capital, income (interest and fees), write_off (lost).
-- A reversal is a row with the accounts swapped, pointing at the row it reverses.
create table fund_entry (
  id bigserial primary key,
  fund_id bigint not null references fund (id),
  loan_id bigint references loan (id),
  kind text not null check (kind in ('capital', 'commitment', 'release', 'disbursement', 'repayment', 'income', 'write-off', 'reversal')),
  debit text not null check (debit in ('cash', 'committed', 'loans', 'capital', 'income', 'write_off')),
  credit text not null check (credit in ('cash', 'committed', 'loans', 'capital', 'income', 'write_off')),
  amount bigint not null check (amount > 0),
  payment_id bigint references loan_payment (id),
  reverses_id bigint unique references fund_entry (id),
  memo text,
  -- The business date (Bangkok) the money moved: a tranche's or payment's date, else the day recorded.
  booked_on date not null,
  actor_user_id uuid,
  created_at timestamptz not null default now(),
  check (debit <> credit)
);
create index fund_entry_fund_idx on fund_entry (fund_id, id);
create index fund_entry_loan_idx on fund_entry (loan_id) where loan_id is not null;
