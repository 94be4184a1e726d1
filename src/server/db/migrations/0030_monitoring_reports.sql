-- Issue 20 §5: the monthly and fiscal-year reports offices send upward, made by a job and kept.
-- A report is for a fiscal year (B.E.), a month of it or the whole year, and an area: the whole
-- country ('*') or a province. The files are kept in the database, like enterprise's photos.
create table monitoring_report (
  id bigserial primary key,
  period text not null check (period in ('month', 'fiscal-year')),
  fiscal_year integer not null check (fiscal_year between 2500 and 2700),
  -- The calendar month (1-12) of a monthly report; null for the fiscal year.
  month smallint check (month between 1 and 12),
  area_code text not null check (area_code = '*' or area_code ~ '^\d{2}$'),
  -- The job that makes it (set in the same transaction as the row).
  job_id uuid references job (id),
  xlsx bytea,
  pdf bytea,
  requested_by uuid not null references app_user (id),
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  check ((period = 'month') = (month is not null))
);
create index monitoring_report_area_idx on monitoring_report (area_code, id desc);
