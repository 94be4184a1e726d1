-- Monitoring (issue 20): counts kept per cell as the work happens, so a national dashboard reads
-- O(indicators × provinces × months) rows, never people. A cell is one indicator in one calendar
-- month of one Thai fiscal year (B.E.), one province and one target group ('*' for everyone).
-- The owning module adds to a cell in the transaction that records the event; `npm run
-- monitoring:rebuild` recomputes every cell from the modules' records and compares.
create table monitoring_rollup (
  indicator text not null,
  fiscal_year integer not null check (fiscal_year between 2400 and 9999),
  month smallint not null check (month between 1 and 12),
  province_code text not null references province (code),
  target_group text not null default '*',
  value bigint not null default 0,
  updated_at timestamptz not null default now(),
  primary key (indicator, fiscal_year, month, province_code, target_group)
);
-- The overview reads one fiscal year's cells of every indicator.
create index monitoring_rollup_year_idx on monitoring_rollup (fiscal_year, indicator) include (month, province_code, target_group, value);

-- Targets set by headquarters: per indicator, area (a province, or '*' for the whole country)
-- and fiscal year. A province's target is its own; the national target is not their sum.
create table monitoring_target (
  indicator text not null,
  fiscal_year integer not null check (fiscal_year between 2400 and 9999),
  area_code text not null,
  target_group text not null default '*',
  value bigint not null check (value >= 0),
  note text,
  set_by uuid references app_user (id),
  set_at timestamptz not null default now(),
  primary key (indicator, fiscal_year, area_code, target_group)
);

-- The seeds' first target (seed 000): more than 15,000 people placed in work a year, for the
-- fiscal year of the report (2569) and the one this migration ships in (2570). Reference data
-- that headquarters changes through the API, not a constant in code.
insert into monitoring_target (indicator, fiscal_year, area_code, value, note)
values ('employment.placed', 2569, '*', 15000, 'seed 000: more than 15,000 employed a year'),
       ('employment.placed', 2570, '*', 15000, 'seed 000: more than 15,000 employed a year');
