-- Competency assessment and signed credentials: TPQI-style occupational standards with their units
-- of competency, prior experience recorded as evidence, assessment events with results per unit,
-- and Open Badges 3.0 credentials signed with each issuing agency's Ed25519 key, revoked through
-- a Bitstring Status List.

-- ---------------------------------------------------------------- standards (reference data)
create table competency_standard (
  code text primary key check (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
  name_th text not null,
  name_en text not null,
  sector_th text not null,
  sector_en text not null,
  qualification_th text not null,
  qualification_en text not null,
  level smallint not null check (level between 1 and 8),
  owner_agency_code text not null references agency (code),
  -- How long a qualification stays valid; null for no expiry.
  validity_years smallint check (validity_years between 1 and 20),
  source_note jsonb not null,
  assumed_fields text[] not null default '{}',
  status text not null default 'active' check (status in ('active', 'retired'))
);

-- A unit of competency; its elements and their performance criteria are read with it, so they
-- are kept on it: [{ code, nameTh, nameEn, criteria: [{ code, th, en }] }].
create table competency_unit (
  code text primary key check (code ~ '^[A-Z0-9][A-Z0-9-]{2,31}$'),
  standard_code text not null references competency_standard (code),
  position smallint not null,
  name_th text not null,
  name_en text not null,
  description_th text not null,
  description_en text not null,
  elements jsonb not null,
  unique (standard_code, position)
);

-- ---------------------------------------------------------------- eligibility by experience
-- Someone who already has the skills becomes eligible when an officer records the evidence seen.
create table prior_experience (
  id bigserial primary key,
  person_id bigint not null references person (id),
  standard_code text not null references competency_standard (code),
  -- Where it was recorded: the officer's area, and the area the eligible list is drawn for.
  province_code text not null references province (code),
  summary text not null check (length(summary) between 3 and 2000),
  evidence text not null check (length(evidence) between 3 and 2000),
  recorded_by uuid not null references app_user (id),
  recorded_at timestamptz not null default now(),
  withdrawn_at timestamptz,
  withdrawn_reason text
);
create unique index prior_experience_current_idx on prior_experience (person_id, standard_code) where withdrawn_at is null;

-- ---------------------------------------------------------------- assessment events
create table assessment_event (
  id bigserial primary key,
  code text not null unique,
  standard_code text not null references competency_standard (code),
  centre_unit_code text not null references unit (code),
  -- Where candidates are drawn from and whose officers run it.
  province_code text not null references province (code),
  assessed_on date not null,
  online boolean not null,
  venue jsonb,
  capacity integer not null default 30 check (capacity between 1 and 500),
  status text not null default 'open' check (status in ('open', 'completed', 'cancelled')),
  status_reason text,
  created_by uuid not null references app_user (id),
  created_at timestamptz not null default now(),
  check (online or venue is not null)
);
create index assessment_event_area_idx on assessment_event (province_code, assessed_on);

create table assessment_assessor (
  event_id bigint not null references assessment_event (id),
  user_id uuid not null references app_user (id),
  primary key (event_id, user_id)
);

-- A person referred to an event, on what basis, for which units (all of them, or on
-- re-assessment the ones not yet competent); the overall result is decided when every unit has one.
create table assessment_candidate (
  id bigserial primary key,
  event_id bigint not null references assessment_event (id),
  person_id bigint not null references person (id),
  basis text not null check (basis in ('training', 'experience', 'reassessment')),
  basis_note text,
  units text[] not null check (cardinality(units) > 0),
  status text not null default 'referred' check (status in ('referred', 'assessed', 'absent', 'withdrawn')),
  overall text check (overall in ('competent', 'not-yet-competent')),
  previous_candidate_id bigint references assessment_candidate (id),
  referred_by uuid not null references app_user (id),
  referred_at timestamptz not null default now(),
  decided_by uuid references app_user (id),
  decided_at timestamptz,
  unique (event_id, person_id),
  check ((overall is null) = (decided_at is null))
);
create index assessment_candidate_person_idx on assessment_candidate (person_id);

create table assessment_result (
  candidate_id bigint not null references assessment_candidate (id),
  unit_code text not null references competency_unit (code),
  result text not null check (result in ('competent', 'not-yet-competent')),
  evidence_note text not null check (length(evidence_note) between 3 and 2000),
  assessor_user_id uuid not null references app_user (id),
  recorded_at timestamptz not null default now(),
  primary key (candidate_id, unit_code)
);

-- ---------------------------------------------------------------- issuers' keys
-- Each agency signs with its own Ed25519 key. The private half is sealed (AES-256-GCM under the
-- key-encryption key that only the application holds, with the key's id as associated data).
-- A rotation retires the active key; retired keys stay published so what they signed verifies.
create table issuer_key (
  id text primary key,
  agency_code text not null references agency (code),
  public_key_multibase text not null,
  secret_sealed text not null,
  status text not null default 'active' check (status in ('active', 'retired')),
  created_at timestamptz not null default now(),
  retired_at timestamptz,
  check ((status = 'retired') = (retired_at is not null))
);
create unique index issuer_key_active_idx on issuer_key (agency_code) where status = 'active';

-- ---------------------------------------------------------------- status lists
-- A Bitstring Status List per agency and block of 131,072 indexes; indexes come from one
-- sequence, so issuing never waits on a list's row. `bits` is the list itself (bit 0 is the
-- left-most bit of the first byte, as the specification reads it); `document` its signed credential.
create sequence credential_status_seq;
create table status_list (
  id text primary key,
  agency_code text not null references agency (code),
  block integer not null,
  bits bytea not null,
  document jsonb,
  updated_at timestamptz not null default now(),
  unique (agency_code, block)
);

-- ---------------------------------------------------------------- credentials, signed
alter table credential drop constraint credential_kind_check;
alter table credential add constraint credential_kind_check check (kind in ('training-completion', 'qualification'));
alter table credential add column agency_code text references agency (code);
alter table credential add column status_list_id text references status_list (id);
alter table credential add column status_index integer;
alter table credential add column signing_key_id text references issuer_key (id);
-- The signed OpenBadgeCredential as issued; the holder downloads exactly this.
alter table credential add column document jsonb;
alter table credential add constraint credential_status_entry_check check ((status_list_id is null) = (status_index is null));
create unique index credential_status_entry_idx on credential (status_list_id, status_index) where status_list_id is not null;
