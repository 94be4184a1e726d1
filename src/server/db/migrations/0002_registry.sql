-- Registry: people, identity documents, consents, occupation groups, memberships, timelines,
-- background jobs and imports.
--
-- Every index on person is paid for on each imported row, so each one here is one a query needs
-- (docs/ARCHITECTURE.md, "Registry"): a million-row import spends most of its time in them.

-- ---------------------------------------------------------------- jobs
-- Long work (imports, bulk issues) runs as a job: a row that survives a crash, with progress.
create table job (
  id uuid primary key default gen_random_uuid(),
  kind text not null,
  status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  payload jsonb not null default '{}',
  progress_done bigint not null default 0,
  progress_total bigint,
  result jsonb,
  error text,
  attempts integer not null default 0,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  -- A running job whose heartbeat is older than a minute was left by a process that died.
  heartbeat_at timestamptz,
  locked_by text
);
create index job_runnable_idx on job (created_at) where status in ('queued', 'running');

-- ---------------------------------------------------------------- people
create sequence person_id_seq;

create table person (
  id bigint primary key default nextval('person_id_seq'),
  -- One person per identity document: the unique index below. A merged record keeps its document
  -- and points to the survivor, so that document still finds the person.
  doc_type text not null check (doc_type in ('th-id', 'pink-card', 'passport', 'work-permit', 'other')),
  doc_number text not null,
  title text not null,
  -- Byte order ("C"): the name indexes then serve both prefix search and ordered paging.
  first_name_th text collate "C" not null,
  last_name_th text collate "C" not null,
  first_name_en text,
  last_name_en text,
  sex text not null check (sex in ('female', 'male', 'unspecified')),
  birth_date date not null,
  phone text,
  house_no text,
  village_no smallint,
  -- Checked against the reference set by the service; a foreign key cost 3 µs an imported row.
  subdistrict_code text not null,
  district_code text not null,
  province_code text not null,
  target_groups text[] not null default '{}',
  -- Sensitive (PDPA s.26): kept only while an explicit 'sensitive-data' consent stands.
  disability_type text,
  disability_card_no text,
  education text,
  work_status text,
  monthly_income_satang bigint check (monthly_income_satang >= 0),
  household_size smallint check (household_size between 1 and 99),
  lawful_basis text not null default 'public-task',
  registered_unit_code text references unit (code),
  source text not null check (source in ('officer', 'self', 'import')),
  import_id uuid,
  status text not null default 'active' check (status in ('active', 'merged', 'erased')),
  merged_into bigint references person (id),
  -- Lower-cased Thai and English names, for the trigram index.
  search_text text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check ((status = 'merged') = (merged_into is not null))
);
create unique index person_document_idx on person (doc_number, doc_type);
-- Name search: a prefix of the Thai first or last name walks these in order and stops at a page;
-- the trigram index finds a part anywhere in a Thai or English name when prefixes find too few.
create index person_first_name_idx on person (first_name_th, last_name_th, id);
create index person_last_name_idx on person (last_name_th, id);
create index person_first_name_en_idx on person (lower(first_name_en) text_pattern_ops) where first_name_en is not null;
create index person_search_trgm_idx on person using gin (search_text gin_trgm_ops);
create index person_phone_idx on person (phone) where phone is not null;
create index person_area_idx on person (province_code, district_code);
create index person_merged_into_idx on person (merged_into) where merged_into is not null;

create table consent (
  id bigserial primary key,
  person_id bigint not null references person (id),
  purpose text not null check (purpose in ('sensitive-data', 'share-lazada', 'share-gsb', 'share-partners', 'contact')),
  lawful_basis text not null check (lawful_basis in ('consent', 'explicit-consent')),
  given_at timestamptz not null default now(),
  withdrawn_at timestamptz,
  evidence text,
  recorded_by uuid references app_user (id),
  unit_code text references unit (code),
  import_id uuid
);
-- At most one standing consent per purpose; a withdrawn one stays as history.
create unique index consent_standing_idx on consent (person_id, purpose) where withdrawn_at is null;
create index consent_person_idx on consent (person_id, given_at);

-- ---------------------------------------------------------------- occupation groups
create sequence occupation_group_id_seq;

create table occupation_group (
  id bigint primary key default nextval('occupation_group_id_seq'),
  name text not null,
  type text not null check (type in ('community-enterprise', 'independent-occupation', 'women-occupation', 'elderly-occupation', 'disability-occupation', 'other')),
  registration_no text,
  occupation text not null,
  subdistrict_code text not null references subdistrict (code),
  district_code text not null,
  province_code text not null,
  founded_on date,
  contact_name text,
  contact_phone text,
  registered_unit_code text references unit (code),
  source text not null check (source in ('officer', 'import')),
  import_id uuid,
  status text not null default 'active' check (status in ('active', 'dissolved')),
  search_text text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (registration_no is null or type = 'community-enterprise')
);
create unique index occupation_group_registration_idx on occupation_group (registration_no) where registration_no is not null;
-- Without a registration number a group is known by its name in its sub-district.
create unique index occupation_group_name_idx on occupation_group (subdistrict_code, name) where registration_no is null;
create index occupation_group_search_trgm_idx on occupation_group using gin (search_text gin_trgm_ops);
create index occupation_group_area_idx on occupation_group (province_code, district_code);

create table group_membership (
  id bigserial primary key,
  group_id bigint not null references occupation_group (id),
  person_id bigint not null references person (id),
  role text not null check (role in ('leader', 'committee', 'member')),
  joined_on date not null,
  left_on date,
  left_reason text,
  created_at timestamptz not null default now(),
  check (left_on is null or left_on >= joined_on)
);
-- One current membership per person per group; past ones are history.
create unique index group_membership_current_idx on group_membership (group_id, person_id) where left_on is null;
create index group_membership_person_idx on group_membership (person_id);

-- ---------------------------------------------------------------- timelines
-- What happened to a person or a group, in words, for their pages; later modules add theirs.
create table registry_event (
  id bigserial primary key,
  person_id bigint references person (id),
  group_id bigint references occupation_group (id),
  occurred_at timestamptz not null default now(),
  module text not null,
  kind text not null,
  summary_th text not null,
  summary_en text not null,
  data jsonb,
  actor_user_id uuid,
  check (person_id is not null or group_id is not null)
);
create index registry_event_person_idx on registry_event (person_id, occurred_at desc) where person_id is not null;
create index registry_event_group_idx on registry_event (group_id, occurred_at desc) where group_id is not null;

-- ---------------------------------------------------------------- imports
create table import_file (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('people', 'groups')),
  file_name text not null,
  format text not null check (format in ('csv', 'xlsx')),
  encoding text,
  byte_size integer not null,
  sha256 text not null,
  content bytea not null,
  header jsonb not null,
  mapping jsonb not null,
  row_count integer not null,
  status text not null default 'uploaded' check (status in ('uploaded', 'validating', 'validated', 'importing', 'completed', 'failed')),
  dry_run jsonb,
  result jsonb,
  job_id uuid references job (id),
  uploaded_by uuid not null references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index import_file_uploader_idx on import_file (uploaded_by, created_at desc);

-- The line ranges whose rows are committed, written with them: a resumed import skips them.
create table import_batch (
  import_id uuid not null references import_file (id) on delete cascade,
  first_line integer not null,
  last_line integer not null,
  -- inserted, updated, valid, rejected, errors: summed, they are the import's result.
  counts jsonb not null,
  primary key (import_id, first_line)
);

create table import_row_error (
  import_id uuid not null references import_file (id) on delete cascade,
  phase text not null check (phase in ('dry-run', 'import')),
  seq integer not null,
  line integer not null,
  column_key text,
  value text,
  code text not null,
  message_th text not null,
  message_en text not null,
  primary key (import_id, phase, seq)
);
