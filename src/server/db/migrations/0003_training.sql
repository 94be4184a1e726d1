-- Training: curricula, sessions (รุ่น) with their days, enrolments with waitlists, attendance,
-- labour demand for planning; completion certificates (the credentials module's first kind);
-- citizen accounts linked to their person.
--
-- Hours are kept as whole minutes (integers): an attendance share is then exact arithmetic.

-- ---------------------------------------------------------------- citizen accounts
-- A citizen account belongs to one registered person; the person's own records are its scope.
alter table app_user add column person_id bigint references person (id);
create unique index app_user_person_idx on app_user (person_id) where person_id is not null;

-- ---------------------------------------------------------------- curricula
create table curriculum (
  code text primary key check (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
  name_th text not null,
  name_en text not null,
  provider_agency_code text not null references agency (code),
  provider_unit_code text references unit (code),
  -- A partner outside government (a platform, a university) named as co-provider.
  provider_partner text,
  category text not null check (category in ('digital-ecommerce', 'caregiver', 'hospitality', 'food-processing', 'crafts', 'agriculture', 'beauty-spa', 'other')),
  mode text not null check (mode in ('on-site', 'online-live', 'self-paced', 'hybrid')),
  total_minutes integer not null check (total_minutes > 0),
  -- [{ "th": …, "en": …, "minutes": … }]; their minutes sum to total_minutes.
  topics jsonb not null default '[]',
  -- Empty: open to everyone.
  target_groups text[] not null default '{}',
  -- Curriculum codes a person must have completed first.
  prerequisites text[] not null default '{}',
  min_age smallint check (min_age between 15 and 99),
  min_attendance_percent smallint not null default 80 check (min_attendance_percent between 0 and 100),
  -- Null: no post-test.
  min_post_test_score smallint check (min_post_test_score between 0 and 100),
  -- TPQI-style unit codes the course prepares for (the competency module links them).
  competency_units text[] not null default '{}',
  -- Which of the fields above are assumed rather than taken from the seed documents.
  assumed_fields text[] not null default '{}',
  source_note text,
  status text not null default 'active' check (status in ('active', 'retired')),
  shipped boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- ---------------------------------------------------------------- sessions
create sequence training_session_id_seq;

create table training_session (
  id bigint primary key default nextval('training_session_id_seq'),
  code text not null unique,
  curriculum_code text not null references curriculum (code),
  unit_code text not null references unit (code),
  -- The training area: the province whose officers run it and whose people it serves.
  province_code text not null references province (code),
  -- Null for a session held online only.
  subdistrict_code text references subdistrict (code),
  venue text,
  online boolean not null default false,
  starts_on date not null,
  ends_on date not null,
  applications_close_on date not null,
  capacity_min integer not null default 100 check (capacity_min >= 1),
  capacity_max integer not null default 500 check (capacity_max <= 5000),
  trainers text[] not null default '{}',
  budget_source text,
  status text not null default 'planned' check (status in ('planned', 'open', 'running', 'completed', 'cancelled')),
  status_reason text,
  -- Kept by the enrolment command under the session's row lock: the seat count is never a guess.
  enrolled_count integer not null default 0 check (enrolled_count >= 0),
  waitlisted_count integer not null default 0 check (waitlisted_count >= 0),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (capacity_min <= capacity_max),
  check (starts_on <= ends_on),
  check (applications_close_on <= starts_on),
  check (enrolled_count <= capacity_max),
  check (online or subdistrict_code is not null)
);
create index training_session_area_idx on training_session (province_code, starts_on desc);
create index training_session_curriculum_idx on training_session (curriculum_code);

-- One row per training day. The check-in code is shown as a QR at the venue and accepted only on
-- that day (Asia/Bangkok) for that session.
create table session_day (
  session_id bigint not null references training_session (id) on delete cascade,
  day date not null,
  minutes integer not null check (minutes between 1 and 1440),
  topic_th text,
  topic_en text,
  checkin_code text not null unique,
  primary key (session_id, day)
);

-- ---------------------------------------------------------------- enrolments
create table enrolment (
  id bigserial primary key,
  session_id bigint not null references training_session (id),
  person_id bigint not null references person (id),
  status text not null check (status in ('enrolled', 'waitlisted', 'withdrawn', 'completed', 'not-completed')),
  source text not null check (source in ('self', 'officer', 'group')),
  group_id bigint references occupation_group (id),
  -- Seats and the waitlist go in this order.
  applied_at timestamptz not null default clock_timestamp(),
  enrolled_at timestamptz,
  withdrawn_at timestamptz,
  withdraw_reason text,
  attended_minutes integer not null default 0 check (attended_minutes >= 0),
  post_test_score smallint check (post_test_score between 0 and 100),
  online_completed_on date,
  -- Set when the completion rule is evaluated: the outcome and, when unmet, why.
  evaluated_at timestamptz,
  outcome_reasons jsonb,
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (session_id, person_id)
);
create index enrolment_person_idx on enrolment (person_id);
create index enrolment_waitlist_idx on enrolment (session_id, applied_at, id) where status = 'waitlisted';

create table attendance (
  enrolment_id bigint not null references enrolment (id) on delete cascade,
  day date not null,
  minutes integer not null check (minutes between 0 and 1440),
  method text not null check (method in ('roster', 'qr', 'import')),
  recorded_by uuid references app_user (id),
  recorded_at timestamptz not null default now(),
  primary key (enrolment_id, day)
);

-- ---------------------------------------------------------------- labour demand (DSD)
create table labour_demand (
  id bigserial primary key,
  province_code text not null references province (code),
  -- The curriculum category the occupation trains under; the occupation as DSD names it beside it.
  category text not null,
  occupation text not null,
  fiscal_year smallint not null check (fiscal_year between 2500 and 2700),
  people_needed integer not null check (people_needed >= 0),
  source text,
  imported_by uuid references app_user (id),
  imported_at timestamptz not null default now(),
  unique (province_code, category, occupation, fiscal_year)
);

-- ---------------------------------------------------------------- credentials
-- A credential is what the system vouches for: today a training completion certificate; the
-- competency module adds qualifications and signatures. Its code is random and unguessable: the
-- public verification page finds it by the code alone.
create table credential (
  id bigserial primary key,
  code text not null unique,
  kind text not null check (kind in ('training-completion')),
  person_id bigint not null references person (id),
  -- The holder's name as printed, kept so that a certificate reads the same after a correction.
  holder_name_th text not null,
  holder_name_en text,
  title_th text not null,
  title_en text not null,
  issuer_unit_code text not null references unit (code),
  province_code text not null,
  issued_on date not null,
  valid_from date not null,
  expires_on date,
  status text not null default 'valid' check (status in ('valid', 'revoked')),
  revoked_at timestamptz,
  revoked_by uuid references app_user (id),
  revoked_reason text,
  details jsonb not null,
  -- What it certifies: one credential per source (one certificate per enrolment).
  source_type text not null,
  source_id text not null,
  issued_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  unique (source_type, source_id),
  check ((status = 'revoked') = (revoked_at is not null))
);
create index credential_person_idx on credential (person_id);
