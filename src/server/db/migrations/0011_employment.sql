-- Employment (issue 16): employers verified by an employment office, their vacancies and
-- home-based work orders, job seekers who opted in, career guidance, referrals made with the
-- person's consent to share named fields with that employer, placements that never exceed a
-- vacancy's openings, and follow-ups at 3, 6 and 12 months.

-- ---------------------------------------------------------------- employers
create table employer (
  id bigserial primary key,
  -- Juristic-person or tax identification number: 13 digits, mod-11 check digit.
  tax_id text not null unique check (tax_id ~ '^[0-9]{13}$'),
  name_th text not null check (length(name_th) between 2 and 200),
  name_en text,
  -- Thai Standard Industrial Classification (TSIC 2552), 5 digits.
  tsic_code text not null check (tsic_code ~ '^[0-9]{5}$'),
  size text not null check (size in ('micro', 'small', 'medium', 'large')),
  address text,
  subdistrict_code text not null references subdistrict (code),
  district_code text not null references district (code),
  province_code text not null references province (code),
  contact_name text not null,
  contact_phone text not null,
  contact_email text,
  -- Registration under the Home Workers Protection Act B.E. 2553 (needed for home-based work orders).
  home_work_registration_no text,
  status text not null default 'pending' check (status in ('pending', 'verified', 'rejected', 'suspended')),
  status_reason text,
  verified_by uuid references app_user (id),
  verified_unit_code text references unit (code),
  verified_at timestamptz,
  created_at timestamptz not null default now(),
  check ((status = 'verified') = (verified_at is not null) or status in ('suspended', 'rejected'))
);
create index employer_area_idx on employer (province_code, status);

-- An employer's sign-in accounts (role employer): each sees only its own employer's records.
create table employer_account (
  user_id uuid primary key references app_user (id),
  employer_id bigint not null references employer (id),
  created_at timestamptz not null default now()
);
create index employer_account_employer_idx on employer_account (employer_id);

-- ---------------------------------------------------------------- vacancies
create sequence vacancy_code_seq;
create table vacancy (
  id bigserial primary key,
  code text not null unique,
  employer_id bigint not null references employer (id),
  kind text not null check (kind in ('employment', 'home-based', 'self-employment')),
  -- ISCO-08 unit group (4 digits), as the Thai standard occupation classification uses it.
  occupation_code text not null check (occupation_code ~ '^[0-9]{4}$'),
  title_th text not null check (length(title_th) between 2 and 200),
  title_en text,
  description text,
  required_standard_code text references competency_standard (code),
  education text check (education in ('none', 'primary', 'lower-secondary', 'upper-secondary', 'vocational', 'bachelor', 'higher')),
  remote boolean not null default false,
  subdistrict_code text references subdistrict (code),
  district_code text references district (code),
  -- Where it is offered: the workplace's province, or the employer's for remote and home-based work.
  province_code text not null references province (code),
  wage_satang bigint not null check (wage_satang >= 0),
  wage_unit text not null check (wage_unit in ('day', 'month', 'piece')),
  openings integer not null check (openings between 1 and 10000),
  -- Placements made; never above openings (the update that adds one checks it).
  placed_count integer not null default 0 check (placed_count >= 0 and placed_count <= openings),
  opens_on date not null,
  closes_on date not null,
  -- Home-based work orders: quantity, materials supplied, delivery date.
  quantity integer check (quantity > 0),
  materials_supplied boolean,
  delivery_on date,
  status text not null default 'draft' check (status in ('draft', 'published', 'filled', 'closed', 'expired')),
  source text not null default 'employer' check (source in ('employer', 'officer', 'import')),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (closes_on >= opens_on),
  check (remote or subdistrict_code is not null),
  check (kind <> 'home-based' or (quantity is not null and delivery_on is not null and wage_unit = 'piece'))
);
create index vacancy_board_idx on vacancy (status, province_code, occupation_code);
create index vacancy_employer_idx on vacancy (employer_id);

-- ---------------------------------------------------------------- job seekers
create table job_seeker (
  id bigserial primary key,
  person_id bigint not null references person (id),
  -- The area they look for work in (their home district unless they say otherwise).
  province_code text not null references province (code),
  district_code text references district (code),
  desired_occupations text[] not null default '{}',
  travel_km integer not null default 20 check (travel_km between 0 and 500),
  availability text not null default 'full-time' check (availability in ('full-time', 'part-time', 'home-based', 'any')),
  accepts_home_based boolean not null default true,
  min_wage_satang bigint check (min_wage_satang >= 0),
  accommodations text,
  opted_in_at timestamptz not null default now(),
  withdrawn_at timestamptz,
  updated_at timestamptz not null default now()
);
create unique index job_seeker_current_idx on job_seeker (person_id) where withdrawn_at is null;
create index job_seeker_area_idx on job_seeker (province_code, district_code) where withdrawn_at is null;

-- ---------------------------------------------------------------- career guidance
create table guidance_note (
  id bigserial primary key,
  person_id bigint not null references person (id),
  province_code text not null references province (code),
  note text not null check (length(note) between 3 and 4000),
  -- Next steps as JSON text: [{ step, dueOn }] (text, so that an erasure writes it as a constant).
  plan text not null default '[]',
  next_on date,
  -- A sensitive note (health, family, debts) is read only by employment officers.
  sensitive boolean not null default false,
  recorded_by uuid not null references app_user (id),
  unit_code text references unit (code),
  created_at timestamptz not null default now()
);
create index guidance_note_person_idx on guidance_note (person_id, created_at);

-- ---------------------------------------------------------------- referrals
create table referral (
  id bigserial primary key,
  vacancy_id bigint not null references vacancy (id),
  person_id bigint not null references person (id),
  -- The officer's area the referral was made in.
  province_code text not null references province (code),
  -- What the person agreed to share with this employer, and the record of that consent.
  shared_fields text[] not null check (cardinality(shared_fields) > 0),
  consent_evidence text not null,
  consented_at timestamptz not null default now(),
  status text not null default 'referred' check (status in ('referred', 'interview', 'hired', 'rejected', 'withdrawn')),
  status_reason text,
  interview_on date,
  referred_by uuid not null references app_user (id),
  answered_by uuid references app_user (id),
  answered_at timestamptz,
  created_at timestamptz not null default now(),
  unique (vacancy_id, person_id)
);
create index referral_person_idx on referral (person_id);

-- ---------------------------------------------------------------- placements and follow-ups
create table placement (
  id bigserial primary key,
  vacancy_id bigint not null references vacancy (id),
  referral_id bigint references referral (id),
  person_id bigint not null references person (id),
  kind text not null check (kind in ('employee', 'home-based', 'self-employed')),
  started_on date not null,
  wage_satang bigint not null check (wage_satang >= 0),
  wage_unit text not null check (wage_unit in ('day', 'month', 'piece')),
  -- Monthly income on the registry when placed, for the change at follow-up.
  income_before_satang bigint,
  -- The learning centre whose course the person completed last, credited with the placement.
  centre_unit_code text references unit (code),
  province_code text not null references province (code),
  fiscal_year integer not null,
  recorded_by uuid not null references app_user (id),
  created_at timestamptz not null default now(),
  unique (vacancy_id, person_id)
);
create index placement_summary_idx on placement (fiscal_year, province_code, centre_unit_code);
create index placement_person_idx on placement (person_id);

create table follow_up (
  id bigserial primary key,
  placement_id bigint not null references placement (id),
  months smallint not null check (months in (3, 6, 12)),
  due_on date not null,
  province_code text not null references province (code),
  done_at timestamptz,
  still_working boolean,
  income_satang bigint check (income_satang >= 0),
  note text,
  recorded_by uuid references app_user (id),
  by_person boolean not null default false,
  -- Once per placement per interval.
  unique (placement_id, months),
  check ((done_at is null) = (still_working is null))
);
create index follow_up_queue_idx on follow_up (province_code, due_on) where done_at is null;
