-- Foundation: reference geography, agencies and units, accounts, sessions, and the audit trail.
create extension if not exists pg_trgm;

-- ---------------------------------------------------------------- geo (DOPA codes)
create table region (
  code text primary key,
  name_th text not null,
  name_en text not null
);

create table province (
  code text primary key check (code ~ '^[1-9][0-9]$'),
  region_code text not null references region (code),
  name_th text not null,
  name_en text not null
);

create table district (
  code text primary key check (code ~ '^[0-9]{4}$'),
  province_code text not null references province (code),
  name_th text not null,
  name_en text not null,
  postcode text check (postcode ~ '^[0-9]{5}$')
);
create index district_province_idx on district (province_code);

create table subdistrict (
  code text primary key check (code ~ '^[0-9]{6}$'),
  district_code text not null references district (code),
  province_code text not null references province (code),
  name_th text not null,
  name_en text not null,
  postcode text check (postcode ~ '^[0-9]{5}$')
);
create index subdistrict_district_idx on subdistrict (district_code);
-- Trigram indexes let "พระบรม" or "phra nak" find names anywhere in the word.
create index subdistrict_name_th_trgm on subdistrict using gin (name_th gin_trgm_ops);
create index subdistrict_name_en_trgm on subdistrict using gin (lower(name_en) gin_trgm_ops);
create index district_name_th_trgm on district using gin (name_th gin_trgm_ops);
create index district_name_en_trgm on district using gin (lower(name_en) gin_trgm_ops);

-- ---------------------------------------------------------------- org
create table agency (
  code text primary key,
  parent_code text references agency (code),
  kind text not null,
  name_th text not null,
  name_en text not null,
  abbr_th text,
  abbr_en text,
  source text
);

create table unit (
  code text primary key,
  agency_code text not null references agency (code),
  kind text not null,
  name_th text not null,
  name_en text not null,
  province_code text references province (code),
  phone text,
  email text,
  address text,
  -- true where the seeds do not give the detail and it is our assumption, to be confirmed.
  assumed boolean not null default false,
  note text,
  updated_at timestamptz not null default now()
);
create index unit_agency_idx on unit (agency_code);

-- The provinces a unit is responsible for; an officer's scope is their unit's area.
create table unit_area (
  unit_code text not null references unit (code) on delete cascade,
  province_code text not null references province (code),
  primary key (unit_code, province_code)
);
create index unit_area_province_idx on unit_area (province_code);

create table target_group (
  code text primary key,
  name_th text not null,
  name_en text not null,
  sensitive boolean not null default false
);

-- ---------------------------------------------------------------- identity
create table app_user (
  id uuid primary key default gen_random_uuid(),
  username text not null check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
  display_name text not null,
  email text,
  locale text not null default 'th' check (locale in ('th', 'en')),
  status text not null default 'active' check (status in ('active', 'disabled')),
  password_hash text not null,
  must_change_password boolean not null default true,
  failed_sign_ins integer not null default 0,
  locked_until timestamptz,
  last_sign_in_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index app_user_username_idx on app_user (username);

create table role_assignment (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_user (id) on delete cascade,
  role text not null check (role in (
    'system_admin', 'executive', 'officer', 'course_provider', 'assessor',
    'fund_maker', 'fund_checker', 'employer', 'marketplace_partner', 'citizen')),
  -- The unit the role is held in; its area is the role's scope. Null means nationwide.
  unit_code text references unit (code),
  created_at timestamptz not null default now(),
  unique (user_id, role, unit_code)
);
create index role_assignment_user_idx on role_assignment (user_id);

create table user_session (
  -- SHA-256 of the opaque token: a leaked table cannot be replayed as cookies.
  token_hash text primary key,
  user_id uuid not null references app_user (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now(),
  ip text,
  user_agent text
);
create index user_session_user_idx on user_session (user_id);

-- ---------------------------------------------------------------- audit trail
-- Append-only and hash-chained: hash = sha256(prev_hash || canonical JSON of the row).
create table audit_event (
  id bigserial primary key,
  occurred_at timestamptz not null,
  actor_user_id uuid,
  actor_username text,
  action text not null,
  entity_type text not null,
  entity_id text,
  province_code text,
  before jsonb,
  after jsonb,
  request_id text,
  ip text,
  prev_hash text not null,
  hash text not null unique
);
create index audit_event_entity_idx on audit_event (entity_type, entity_id);
create index audit_event_actor_idx on audit_event (actor_user_id, id);
create index audit_event_action_idx on audit_event (action, id);
create index audit_event_occurred_idx on audit_event (occurred_at);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_append_only();

-- What reference data set is loaded, so a later start does not reload it.
create table reference_data_version (
  name text primary key,
  version text not null,
  loaded_at timestamptz not null default now()
);
