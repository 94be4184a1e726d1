-- Monitoring's breakdowns (issue 20): a rollup cell is now also one district of its province, or
-- one target group of it ('*' in both for the province's total, as before). A fact told with a
-- district or a target group adds to that cell only; the province total is told as its own fact,
-- so the overview still reads the '*' cells alone.
alter table monitoring_rollup add column district_code text not null default '*';
alter table monitoring_rollup drop constraint monitoring_rollup_pkey;
alter table monitoring_rollup add primary key (indicator, fiscal_year, month, province_code, district_code, target_group);
-- The overview reads one fiscal year's province totals; a province's page its districts and target groups.
drop index monitoring_rollup_year_idx;
create index monitoring_rollup_year_idx on monitoring_rollup (fiscal_year, indicator) include (month, province_code, value)
  where district_code = '*' and target_group = '*';
create index monitoring_rollup_breakdown_idx on monitoring_rollup (fiscal_year, province_code, indicator) include (month, district_code, target_group, value)
  where district_code <> '*' or target_group <> '*';
