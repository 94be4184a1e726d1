-- Enterprise development: programmes (One Tambon One Group and the MSDHS flagship projects) with
-- their stages, evidence rules, deadlines and targets; groups' participation and its path;
-- products with versions; standards and certifications; field visits recorded offline;
-- community enterprise registration.
--
-- A group's place (province, sub-district) is copied into its participation when it is nominated,
-- so the funnel and the late list are read from this module's tables alone.

-- ---------------------------------------------------------------- programmes
create table programme (
  code text primary key check (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
  name_th text not null,
  name_en text not null,
  owner_agency_code text not null references agency (code),
  -- Thai fiscal years (B.E.) the programme runs in.
  fiscal_years integer[] not null default '{}',
  description_th text,
  description_en text,
  -- [{ "th": …, "en": … }]
  budget_sources jsonb not null default '[]',
  -- "One per tambon": at most one active group per sub-district.
  one_per_subdistrict boolean not null default false,
  assumed_fields text[] not null default '{}',
  source_note text,
  shipped boolean not null default false,
  created_at timestamptz not null default now()
);

-- A programme's stages in order. evidence: { "kind": "nomination" | "selection" | "course" |
-- "document" | "certificate", "curriculumCode"?, "minMembers"?, "th", "en" }.
create table programme_stage (
  programme_code text not null references programme (code),
  code text not null check (code ~ '^[a-z][a-z0-9-]{1,39}$'),
  position smallint not null check (position >= 1),
  name_th text not null,
  name_en text not null,
  evidence jsonb not null,
  deadline date,
  primary key (programme_code, code),
  unique (programme_code, position)
);

-- Targets per programme × stage × area × fiscal year; area_code null = nationwide.
create table programme_target (
  id bigserial primary key,
  programme_code text not null references programme (code),
  stage_code text not null,
  fiscal_year integer not null,
  area_kind text not null check (area_kind in ('nation', 'region', 'province')),
  area_code text,
  target integer not null check (target >= 0),
  due_on date,
  assumed boolean not null default false,
  source_note text,
  foreign key (programme_code, stage_code) references programme_stage (programme_code, code)
);
create unique index programme_target_key on programme_target (programme_code, stage_code, fiscal_year, area_kind, coalesce(area_code, ''));

-- ---------------------------------------------------------------- participation
create table participation (
  id bigserial primary key,
  programme_code text not null references programme (code),
  group_id bigint not null references occupation_group (id),
  province_code text not null references province (code),
  subdistrict_code text not null,
  -- The office that nominated the group and answers for it.
  unit_code text not null references unit (code),
  stage_code text not null,
  stage_position smallint not null,
  status text not null default 'active' check (status in ('active', 'exited')),
  -- Set while active in a one-per-tambon programme: the slot it holds.
  slot_subdistrict_code text,
  nominated_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (programme_code, group_id),
  unique (programme_code, slot_subdistrict_code)
);
create index participation_funnel_idx on participation (programme_code, status, stage_position, province_code);

-- The path: every move with its date, evidence and reason (append-only).
create table participation_step (
  id bigserial primary key,
  participation_id bigint not null references participation (id),
  stage_code text not null,
  stage_position smallint not null,
  kind text not null check (kind in ('advance', 'regress', 'exit')),
  reached_on date not null,
  at timestamptz not null default now(),
  automatic boolean not null default false,
  -- { "note"?, "documentRef"?, "sessionId"?, "completers"?, "reason"? }
  evidence jsonb not null default '{}',
  reason text,
  actor_user_id uuid references app_user (id)
);
create index participation_step_idx on participation_step (participation_id, id);

-- ---------------------------------------------------------------- products and certifications
create table product (
  id bigserial primary key,
  group_id bigint not null references occupation_group (id),
  province_code text not null references province (code),
  name text not null,
  category text not null check (category in ('food', 'drink', 'cloth', 'crafts', 'herbal', 'service', 'other')),
  description text,
  unit_price_satang bigint not null check (unit_price_satang >= 0),
  capacity_per_month integer check (capacity_per_month >= 0),
  ingredients text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index product_group_idx on product (group_id);

create table product_version (
  product_id bigint not null references product (id),
  version integer not null,
  data jsonb not null,
  changed_at timestamptz not null default now(),
  actor_user_id uuid references app_user (id),
  primary key (product_id, version)
);

-- kind: fda (อย.), tcps (มผช.), tis (มอก.), otop (stars), halal, gap, other.
create table certification (
  id bigserial primary key,
  product_id bigint not null references product (id),
  kind text not null check (kind in ('fda', 'tcps', 'tis', 'otop', 'halal', 'gap', 'other')),
  status text not null check (status in ('preparing', 'submitted', 'inspected', 'certified', 'rejected')),
  number text,
  standard_no text,
  issuer text,
  issued_on date,
  expires_on date,
  stars smallint check (stars between 1 and 5),
  -- [{ "name": …, "ref": … }]
  documents jsonb not null default '[]',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status <> 'certified' or issued_on is not null),
  check (expires_on is null or issued_on is null or expires_on >= issued_on)
);
create index certification_product_idx on certification (product_id);
create index certification_expiry_idx on certification (expires_on) where status = 'certified';

-- ---------------------------------------------------------------- field visits
-- The id is made on the phone, so a visit synchronised twice is stored once.
create table field_visit (
  id uuid primary key,
  group_id bigint not null references occupation_group (id),
  programme_code text references programme (code),
  province_code text not null references province (code),
  visited_on date not null,
  officers text[] not null default '{}',
  -- [{ "stageCode", "note" }]
  progress jsonb not null default '[]',
  -- [{ "id", "category", "text", "open" }]
  obstacles jsonb not null default '[]',
  -- [{ "id", "text", "owner", "dueOn" }]
  actions jsonb not null default '[]',
  -- [{ "id", "author", "text", "at" }]: notes from every device are kept.
  notes jsonb not null default '[]',
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  created_by uuid references app_user (id),
  -- When a phone last changed its copy: single fields come from the copy edited last.
  edited_at timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  sync_count integer not null default 1
);
create index field_visit_group_idx on field_visit (group_id, visited_on desc);

create table visit_photo (
  id uuid primary key,
  visit_id uuid not null references field_visit (id),
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
  data bytea not null,
  created_at timestamptz not null default now()
);
create index visit_photo_visit_idx on visit_photo (visit_id);

-- ---------------------------------------------------------------- group development
create table group_development (
  group_id bigint primary key references occupation_group (id),
  ce_registration_no text,
  ce_registered_on date,
  note text,
  updated_at timestamptz not null default now()
);
