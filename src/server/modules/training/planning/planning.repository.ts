import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../../db/executor';

/** One labour-demand figure as a file row gives it, checked. */
export interface DemandRecord {
  provinceCode: string;
  category: string;
  occupation: string;
  fiscalYear: number;
  peopleNeeded: number;
  source: string | null;
}

/**
 * Inserts a batch of figures in one statement (arrays unnested into rows). A figure already held
 * for the same province, category, occupation and year is replaced: DSD revises its estimates and
 * the latest file is the truth. The batch must not name one key twice (the service refuses that).
 */
export async function upsertDemand(trx: Executor, rows: readonly DemandRecord[], importedBy: string): Promise<{ inserted: number; updated: number }> {
  if (rows.length === 0) return { inserted: 0, updated: 0 };
  const result = await sql<{ inserted: boolean }>`
    insert into labour_demand (province_code, category, occupation, fiscal_year, people_needed, source, imported_by)
    select t.province_code, t.category, t.occupation, t.fiscal_year, t.people_needed, t.source, ${importedBy}::uuid
      from unnest(${rows.map((r) => r.provinceCode)}::text[], ${rows.map((r) => r.category)}::text[], ${rows.map((r) => r.occupation)}::text[],
                  ${rows.map((r) => r.fiscalYear)}::smallint[], ${rows.map((r) => r.peopleNeeded)}::int[], ${rows.map((r) => r.source)}::text[])
           as t(province_code, category, occupation, fiscal_year, people_needed, source)
    on conflict (province_code, category, occupation, fiscal_year) do update
       set people_needed = excluded.people_needed, source = excluded.source, imported_by = excluded.imported_by, imported_at = now()
    returning (xmax = 0) as inserted`.execute(trx);
  const inserted = result.rows.filter((r) => r.inserted).length;
  return { inserted, updated: result.rows.length - inserted };
}

export interface PlanFilter {
  /** Buddhist-era fiscal year (1 Oct – 30 Sep, named by the year it ends in). */
  fiscalYear: number;
  /** The reader's provinces; null = every province. */
  provinces: readonly string[] | null;
  province?: string;
  category?: string;
}

export interface RollupRow {
  province_code: string;
  category: string;
  demand: number;
  planned_seats: number;
  enrolled: number;
  completed: number;
}

export interface ProvinceTotalRow extends RollupRow {
  /** Seats missing where demand exceeds them, category by category (a surplus elsewhere does not fill it). */
  unmet_demand: number;
}

/**
 * The fiscal year (B.E.) a session's start date falls in: October to December count in the next
 * year. Used where years are listed; the rollup filters by the same year as a date range, which
 * the (province_code, starts_on) index can serve.
 */
const FISCAL_YEAR_OF_START = sql<number>`(extract(year from starts_on)::int + case when extract(month from starts_on) >= 10 then 1 else 0 end + 543)`;

const inProvinces = (column: string, provinces: readonly string[] | null): RawBuilder<unknown> =>
  provinces === null ? sql`` : sql`and ${sql.ref(column)} = any(${[...provinces]}::text[])`;
const equals = (column: string, value: string | undefined): RawBuilder<unknown> => (value === undefined ? sql`` : sql`and ${sql.ref(column)} = ${value}`);

/**
 * Demand beside supply per (province, category) for one fiscal year, as CTEs ending in `rollup`:
 * demand = people needed; planned seats = capacity of the sessions not cancelled that start in the
 * year, under a curriculum of the category; enrolled = enrolments that took a seat (enrolled,
 * completed, not completed); completed = those completed. Only rows where something is non-zero.
 */
function rollupCte(filter: PlanFilter) {
  const { fiscalYear: fy, provinces } = filter;
  return sql`
    with demand as (
      select province_code, category, sum(people_needed)::int8 as demand
        from labour_demand
       where fiscal_year = ${fy} ${inProvinces('province_code', provinces)} ${equals('province_code', filter.province)} ${equals('category', filter.category)}
       group by province_code, category
    ),
    sessions as (
      select s.id, s.province_code, c.category, s.capacity_max
        from training_session s
        join curriculum c on c.code = s.curriculum_code
       where s.status <> 'cancelled'
         -- 1 October of the year before (C.E. = B.E. − 543) up to 30 September.
         and s.starts_on >= make_date(${fy}::int - 544, 10, 1) and s.starts_on < make_date(${fy}::int - 543, 10, 1)
         ${inProvinces('s.province_code', provinces)} ${equals('s.province_code', filter.province)} ${equals('c.category', filter.category)}
    ),
    seats_taken as (
      select e.session_id,
             count(*) filter (where e.status in ('enrolled', 'completed', 'not-completed')) as enrolled,
             count(*) filter (where e.status = 'completed') as completed
        from enrolment e
       where e.session_id in (select id from sessions)
       group by e.session_id
    ),
    supply as (
      select s.province_code, s.category, sum(s.capacity_max)::int8 as planned_seats,
             coalesce(sum(t.enrolled), 0)::int8 as enrolled, coalesce(sum(t.completed), 0)::int8 as completed
        from sessions s
        left join seats_taken t on t.session_id = s.id
       group by s.province_code, s.category
    ),
    rollup as (
      select coalesce(d.province_code, p.province_code) as province_code,
             coalesce(d.category, p.category) as category,
             coalesce(d.demand, 0)::int8 as demand,
             coalesce(p.planned_seats, 0)::int8 as planned_seats,
             coalesce(p.enrolled, 0)::int8 as enrolled,
             coalesce(p.completed, 0)::int8 as completed
        from demand d
        full join supply p on p.province_code = d.province_code and p.category = d.category
    )`;
}

/** The rollup rows with anything in them, by province and category. */
export async function planRollup(db: Executor, filter: PlanFilter): Promise<RollupRow[]> {
  const result = await sql<RollupRow>`${rollupCte(filter)}
    select * from rollup
     where demand > 0 or planned_seats > 0 or enrolled > 0 or completed > 0
     order by province_code, category`.execute(db);
  return result.rows;
}

/** The same figures summed per province, for the map and the chart. */
export async function provinceTotals(db: Executor, filter: PlanFilter): Promise<ProvinceTotalRow[]> {
  const result = await sql<ProvinceTotalRow>`${rollupCte(filter)}
    select province_code, 'all' as category,
           sum(demand)::int8 as demand, sum(planned_seats)::int8 as planned_seats,
           sum(enrolled)::int8 as enrolled, sum(completed)::int8 as completed,
           sum(greatest(demand - planned_seats, 0))::int8 as unmet_demand
      from rollup
     group by province_code
    having sum(demand) > 0 or sum(planned_seats) > 0 or sum(enrolled) > 0 or sum(completed) > 0
     order by province_code`.execute(db);
  return result.rows;
}

/** Fiscal years with demand figures or sessions not cancelled in the reader's provinces, newest first. */
export async function fiscalYears(db: Executor, provinces: readonly string[] | null): Promise<number[]> {
  const result = await sql<{ fiscal_year: number }>`
    select fiscal_year::int as fiscal_year from labour_demand where true ${inProvinces('province_code', provinces)}
    union
    select ${FISCAL_YEAR_OF_START} from training_session where status <> 'cancelled' ${inProvinces('province_code', provinces)}
    order by 1 desc`.execute(db);
  return result.rows.map((r) => r.fiscal_year);
}
