-- Matching read model (issue 16): what a vacancy's ranking needs of each current job seeker, on
-- one row, so that matching one vacancy against a province's job seekers is one indexed query
-- ranked in SQL instead of asking the registry, credentials and training about every person of
-- the pool. Employment owns it and rebuilds a person's row from those modules' services when they
-- tell it that something changed (opt-in and profile updates, a person's correction, consent
-- withdrawal, merge and erasure, a qualification issued or revoked, a course completed or not).
-- Nothing sensitive is kept: only non-sensitive target groups, never disability or health.
create table seeker_match (
  person_id bigint primary key references person (id),
  -- The current job-seeker profile: where they look, what they want, what they ask.
  province_code text not null references province (code),
  district_code text references district (code),
  desired_occupations text[] not null default '{}',
  accepts_home_based boolean not null,
  min_wage_satang bigint,
  -- Competency standards of the valid qualifications they hold (credentials').
  standards text[] not null default '{}',
  -- Competency units of the courses they completed (training's): a course prepares for a
  -- standard when its units meet the standard's.
  course_units text[] not null default '{}',
  -- Their priority target groups, in the registry's order, the sensitive ones left out.
  priority_groups text[] not null default '{}',
  -- The person's record is active (not merged, not erased).
  active boolean not null,
  refreshed_at timestamptz not null default now()
);
-- A vacancy's pool is two index walks in person order (the ranking's tie-break), each stopping at
-- the cap: its district's job seekers, then the rest of its province.
create index seeker_match_area_idx on seeker_match (province_code, district_code, person_id) where active;
create index seeker_match_province_idx on seeker_match (province_code, person_id) where active;
-- Work done from home: every province, in person order.
create index seeker_match_home_idx on seeker_match (person_id) where active and accepts_home_based;

-- A person's pool of vacancies done from home or remote, whatever the province.
create index vacancy_open_home_idx on vacancy (id) where status = 'published' and (remote or kind = 'home-based');
