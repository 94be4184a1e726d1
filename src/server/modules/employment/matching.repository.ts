import { sql, type Insertable, type RawBuilder, type Selectable } from 'kysely';
import type { Executor } from '../../db/executor';
import type { SeekerMatchTable } from '../../db/schema-employment';
import { DAYS_PER_MONTH, POINTS } from './employment.rules';

/**
 * Matching's SQL: the read model (`seeker_match`) and the two rankings. Each ranking computes
 * `matchScore`'s points in SQL (the same weights, `POINTS`) and orders as `byScore` does: score
 * descending, then id. `test/api/employment-matching.test.ts` holds the two to the same answers.
 */

export type SeekerMatchRow = Selectable<SeekerMatchTable>;

const texts = (values: readonly string[]) => sql`${sql.val([...values])}::text[]`;
const points = (condition: RawBuilder<unknown>, value: number) => sql`(case when ${condition} then ${sql.lit(value)} else 0 end)`;

// ---------------------------------------------------------------- the read model
export const currentSeekers = (db: Executor, personIds: readonly number[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('job_seeker')
        .select(['person_id', 'province_code', 'district_code', 'desired_occupations', 'accepts_home_based', 'min_wage_satang'])
        .where('person_id', 'in', [...personIds])
        .where('withdrawn_at', 'is', null)
        .execute();

/** Arbitrary constant for the advisory locks that keep one read-model row per person (pg_advisory_xact_lock's class id). */
const SEEKER_MATCH_LOCK = 7_240_016;

/**
 * Writes the rows given and removes the others of these people (no current profile: nothing to
 * match). The table is partitioned by province and no key spans the partitions, so each person's
 * advisory lock, taken in id order, makes two refreshes of one person follow each other.
 */
export async function replaceSeekerMatches(trx: Executor, personIds: readonly number[], rows: Insertable<SeekerMatchTable>[]) {
  if (!personIds.length) return;
  const ids = [...new Set(personIds)].sort((x, y) => x - y);
  await sql`select pg_advisory_xact_lock(${SEEKER_MATCH_LOCK}, id::int) from unnest(${sql.val(ids)}::bigint[]) as id order by id`.execute(trx);
  await trx.deleteFrom('seeker_match').where('person_id', 'in', ids).execute();
  if (rows.length) await trx.insertInto('seeker_match').values(rows).execute();
}

export const seekerMatch = (db: Executor, personId: number) => db.selectFrom('seeker_match').selectAll().where('person_id', '=', personId).executeTakeFirst();

/** Current job seekers, in person order after `after`: what a rebuild of the read model walks through. */
export const seekerIdsAfter = (db: Executor, after: number, limit: number) =>
  db
    .selectFrom('job_seeker')
    .select('person_id')
    .where('withdrawn_at', 'is', null)
    .where('person_id', '>', after)
    .orderBy('person_id')
    .limit(limit)
    .execute()
    .then((rows) => rows.map((r) => r.person_id));

/** Current job seekers with no row in the read model (a database migrated to it, rows written by hand), in person order after `after`. */
export const seekerIdsWithoutMatch = (db: Executor, after: number, limit: number) =>
  db
    .selectFrom('job_seeker as j')
    .leftJoin('seeker_match as m', 'm.person_id', 'j.person_id')
    .select('j.person_id')
    .where('j.withdrawn_at', 'is', null)
    .where('m.person_id', 'is', null)
    .where('j.person_id', '>', after)
    .orderBy('j.person_id')
    .limit(limit)
    .execute()
    .then((rows) => rows.map((r) => r.person_id));

// ---------------------------------------------------------------- vacancy → job seekers
export interface SeekerRanking {
  provinceCode: string;
  districtCode: string | null;
  /** Work done from home: job seekers who accept it, in any province of `provinces`. */
  fromHome: boolean;
  provinces: readonly string[] | null;
  /** The officer's narrowing: one district, one (non-sensitive) priority group, or these people only. */
  district?: string;
  priorityGroup?: string;
  only?: readonly number[];
  cap: number;
  limit: number;
  standardCode: string | null;
  /** The competency units of the required standard (a course meeting one of them prepares for it). */
  standardUnits: readonly string[];
  /** `occupationKeys` of the vacancy's occupation. */
  occupationKeys: readonly string[];
  /** The vacancy's wage a month (`monthlyOf`), or null for piece work. */
  offeredMonthly: number | null;
}

/** The pool's filters and its two parts: the vacancy's district, then the rest of the area. */
function poolParts(r: Omit<SeekerRanking, 'limit' | 'standardCode' | 'standardUnits' | 'occupationKeys' | 'offeredMonthly'>) {
  const filters: RawBuilder<unknown>[] = [sql`active`];
  if (r.fromHome) {
    filters.push(sql`accepts_home_based`);
    if (r.provinces) filters.push(r.provinces.length ? sql`province_code = any(${texts(r.provinces)})` : sql`false`);
  } else filters.push(sql`province_code = ${r.provinceCode}`);
  if (r.district) filters.push(sql`district_code = ${r.district}`);
  if (r.priorityGroup) filters.push(sql`${r.priorityGroup} = any(priority_groups)`);
  if (r.only) filters.push(sql`person_id = any(${sql.val([...r.only])}::bigint[])`);
  const where = sql.join(filters, sql` and `);
  // The district's rows; a district lies in its province, which lets the area index find them.
  const near = r.districtCode ? sql`district_code = ${r.districtCode} and province_code = ${r.districtCode.slice(0, 2)}` : sql`district_code is null`;
  const far = r.districtCode ? sql`district_code is distinct from ${r.districtCode}` : sql`district_code is not null`;
  return { near: sql`${where} and ${near}`, far: sql`${where} and ${far}` };
}

/**
 * The pool (at most `cap` job seekers: the vacancy's district first, then in person order, as two
 * index walks that stop at the cap) ranked by `matchScore`'s points; the first `limit` rows with
 * their score. Each part scores its rows as it reads them, so only (person, score) pairs are
 * sorted, never whole rows; the ranked rows are read afterwards by their key.
 */
export async function rankSeekers(db: Executor, r: SeekerRanking) {
  const parts = poolParts(r);
  const location = r.fromHome
    ? points(sql`accepts_home_based`, POINTS.homeBased)
    : sql`(case when ${r.districtCode}::text is not null and district_code = ${r.districtCode} then ${sql.lit(POINTS.district)}
                when province_code = ${r.provinceCode} then ${sql.lit(POINTS.province)} else 0 end)`;
  const score = sql.join(
    [
      r.standardCode ? points(sql`${r.standardCode} = any(standards)`, POINTS.credential) : sql`0`,
      points(sql`course_units && ${texts(r.standardUnits)}`, POINTS.course),
      location,
      points(sql`desired_occupations && ${texts(r.occupationKeys)}`, POINTS.occupation),
      points(sql`cardinality(priority_groups) > 0`, POINTS.targetGroup),
      r.offeredMonthly === null ? sql`0` : points(sql`min_wage_satang <= ${r.offeredMonthly}`, POINTS.wage),
    ],
    sql` + `,
  );
  const { rows: ranked } = await sql<{ person_id: string; province_code: string; score: number }>`
    with near as (
      select person_id, province_code, (${score})::int as score from seeker_match where ${parts.near} order by person_id limit ${r.cap}
    ), far as (
      select person_id, province_code, (${score})::int as score from seeker_match where ${parts.far} order by person_id limit ${r.cap}
    ), pool as (
      select * from (select *, true as near from near union all select *, false from far) both_parts order by near desc, person_id limit ${r.cap}
    )
    select person_id, province_code, score from pool order by score desc, person_id limit ${r.limit}`.execute(db);
  if (!ranked.length) return [];
  const rows = await db
    .selectFrom('seeker_match')
    .selectAll()
    .where('province_code', 'in', [...new Set(ranked.map((x) => x.province_code))])
    .where(
      'person_id',
      'in',
      ranked.map((x) => Number(x.person_id)),
    )
    .execute();
  const byId = new Map(rows.map((row) => [Number(row.person_id), row]));
  return ranked.map((x) => {
    const row = byId.get(Number(x.person_id))!;
    return { ...row, score: x.score, person_id: Number(row.person_id), min_wage_satang: row.min_wage_satang === null ? null : Number(row.min_wage_satang) };
  });
}

/** The people of the same pool, without ranking: for narrowing by a sensitive group, which the read model does not hold. */
export async function seekerPoolIds(db: Executor, r: Omit<SeekerRanking, 'limit' | 'standardCode' | 'standardUnits' | 'occupationKeys' | 'offeredMonthly'>) {
  const parts = poolParts(r);
  const { rows } = await sql<{ person_id: string }>`
    select person_id from (
      (select person_id, true as near from seeker_match where ${parts.near} order by person_id limit ${r.cap})
      union all
      (select person_id, false as near from seeker_match where ${parts.far} order by person_id limit ${r.cap})
    ) both_parts order by near desc, person_id limit ${r.cap}`.execute(db);
  return rows.map((row) => Number(row.person_id));
}

// ---------------------------------------------------------------- job seeker → vacancies
export interface VacancyRanking {
  seeker: Pick<SeekerMatchRow, 'province_code' | 'district_code' | 'desired_occupations' | 'accepts_home_based' | 'min_wage_satang' | 'standards'>;
  /** The standards one of the person's completed courses prepares for. */
  preparedStandards: readonly string[];
  hasPriorityGroup: boolean;
  today: string;
  cap: number;
  limit: number;
}

function openVacancies(r: Pick<VacancyRanking, 'seeker' | 'today'>) {
  const area = r.seeker.accepts_home_based
    ? sql`(province_code = ${r.seeker.province_code} or remote or kind = 'home-based')`
    : sql`province_code = ${r.seeker.province_code}`;
  return sql`status = 'published' and closes_on >= ${r.today} and opens_on <= ${r.today} and placed_count < openings and ${area}`;
}

/** The required standards among the vacancies open to this person (to learn which of them their courses prepare for). */
export async function standardsRequired(db: Executor, r: Pick<VacancyRanking, 'seeker' | 'today'>) {
  const { rows } = await sql<{ code: string }>`select distinct required_standard_code as code from vacancy
    where ${openVacancies(r)} and required_standard_code is not null order by 1`.execute(db);
  return rows.map((row) => row.code);
}

/**
 * The open vacancies of the person's province, or done from home when they accept that (at most
 * `cap`, their district first, then by id), ranked by `matchScore`'s points; the first `limit`.
 */
export async function rankVacancies(db: Executor, r: VacancyRanking) {
  const s = r.seeker;
  const wanted = texts(s.desired_occupations);
  const score = sql.join(
    [
      points(sql`required_standard_code = any(${texts(s.standards)})`, POINTS.credential),
      points(sql`required_standard_code = any(${texts(r.preparedStandards)})`, POINTS.course),
      sql`(case when remote or kind = 'home-based' then ${sql.lit(s.accepts_home_based ? POINTS.homeBased : 0)}
                when district_code is not null and district_code = ${s.district_code} then ${sql.lit(POINTS.district)}
                when province_code = ${s.province_code} then ${sql.lit(POINTS.province)} else 0 end)`,
      // The vacancy's occupation is four digits: it matches a wanted code equal to it or to a prefix of 0–3 digits.
      points(
        sql`array[occupation_code, left(occupation_code, 0), left(occupation_code, 1), left(occupation_code, 2), left(occupation_code, 3)] && ${wanted}`,
        POINTS.occupation,
      ),
      sql.lit(r.hasPriorityGroup ? POINTS.targetGroup : 0),
      s.min_wage_satang === null
        ? sql`0`
        : points(
            sql`(case wage_unit when 'month' then wage_satang when 'day' then wage_satang * ${sql.lit(DAYS_PER_MONTH)} end) >= ${s.min_wage_satang}`,
            POINTS.wage,
          ),
    ],
    sql` + `,
  );
  const { rows } = await sql<{ id: number; score: number }>`
    with pool as (
      select * from vacancy where ${openVacancies(r)}
      order by (district_code is not distinct from ${s.district_code}) desc, id limit ${r.cap}
    )
    select id, (${score})::int as score from pool order by score desc, id limit ${r.limit}`.execute(db);
  return rows.map((row) => ({ id: Number(row.id), score: row.score }));
}
