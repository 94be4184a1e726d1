import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import { fiscalYearRange } from '../../../shared/fiscal-year';
import type { Executor } from '../../db/executor';
import type { EmployerTable, GuidanceNoteTable, FollowUpTable, JobSeekerTable, PlacementTable, ReferralTable, VacancyTable } from '../../db/schema-employment';

/** Employment's SQL: every query on its tables is here. */

export type EmployerRow = Selectable<EmployerTable>;
export type VacancyRow = Selectable<VacancyTable>;
export type SeekerRow = Selectable<JobSeekerTable>;
export type ReferralRow = Selectable<ReferralTable>;
export type PlacementRow = Selectable<PlacementTable>;
export type FollowUpRow = Selectable<FollowUpTable>;

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// ---------------------------------------------------------------- employers
export const insertEmployer = (trx: Executor, values: Insertable<EmployerTable>) =>
  trx.insertInto('employer').values(values).returningAll().executeTakeFirstOrThrow();
export const findEmployer = (db: Executor, id: number) => db.selectFrom('employer').selectAll().where('id', '=', id).executeTakeFirst();
export const findEmployerByTaxId = (db: Executor, taxId: string) => db.selectFrom('employer').selectAll().where('tax_id', '=', taxId).executeTakeFirst();
export const updateEmployer = (trx: Executor, id: number, values: Updateable<EmployerTable>) =>
  trx.updateTable('employer').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

export interface EmployerFilter {
  provinces: readonly string[] | null;
  status?: string;
  q?: string;
  limit: number;
  offset: number;
}
export async function listEmployers(db: Executor, f: EmployerFilter) {
  let q = db.selectFrom('employer');
  if (f.provinces) q = f.provinces.length ? q.where('province_code', 'in', [...f.provinces]) : q.where(sql<boolean>`false`);
  if (f.status) q = q.where('status', '=', f.status as EmployerRow['status']);
  if (f.q) q = q.where((eb) => eb.or([eb('name_th', 'ilike', like(f.q!)), eb('name_en', 'ilike', like(f.q!)), eb('tax_id', '=', f.q!)]));
  const [items, total] = await Promise.all([
    q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export const insertEmployerAccount = (trx: Executor, userId: string, employerId: number) =>
  trx.insertInto('employer_account').values({ user_id: userId, employer_id: employerId }).execute();
export const employerOfUser = (db: Executor, userId: string) =>
  db.selectFrom('employer_account').select('employer_id').where('user_id', '=', userId).executeTakeFirst();

// ---------------------------------------------------------------- vacancies
/** A vacancy's code carries the Buddhist Era year a Thai reader expects (VAC-2569-000001), as assessments' codes do. */
export async function nextVacancyCode(trx: Executor, buddhistYear: number) {
  const { rows } = await sql<{ n: string }>`select nextval('vacancy_code_seq')::text as n`.execute(trx);
  return `VAC-${buddhistYear}-${rows[0]!.n.padStart(6, '0')}`;
}
export const insertVacancy = (trx: Executor, values: Insertable<VacancyTable>) =>
  trx.insertInto('vacancy').values(values).returningAll().executeTakeFirstOrThrow();
export const findVacancy = (db: Executor, id: number) => db.selectFrom('vacancy').selectAll().where('id', '=', id).executeTakeFirst();
export const updateVacancy = (trx: Executor, id: number, values: Updateable<VacancyTable>) =>
  trx
    .updateTable('vacancy')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

/**
 * Takes one opening of a vacancy, or nothing when none is left: one conditional update, so
 * placements recorded at the same moment can never exceed the openings on either engine.
 */
export const takeOpening = (trx: Executor, id: number) =>
  trx
    .updateTable('vacancy')
    .set((eb) => ({
      placed_count: eb('placed_count', '+', 1),
      status: sql<VacancyRow['status']>`case when placed_count + 1 >= openings then 'filled' else status end`,
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .where('status', '=', 'published')
    .where(sql<boolean>`placed_count < openings`)
    .returningAll()
    .executeTakeFirst();

export interface VacancyFilter {
  provinces?: readonly string[] | null;
  employerId?: number;
  status?: readonly VacancyRow['status'][];
  province?: string;
  occupation?: string;
  kind?: VacancyRow['kind'];
  q?: string;
  openOn?: string;
  limit: number;
  offset: number;
}
function vacancyQuery(db: Executor, f: VacancyFilter) {
  let q = db.selectFrom('vacancy as v').innerJoin('employer as e', 'e.id', 'v.employer_id');
  if (f.provinces) q = f.provinces.length ? q.where('v.province_code', 'in', [...f.provinces]) : q.where(sql<boolean>`false`);
  if (f.employerId !== undefined) q = q.where('v.employer_id', '=', f.employerId);
  if (f.status?.length) q = q.where('v.status', 'in', [...f.status]);
  if (f.province) q = q.where('v.province_code', '=', f.province);
  if (f.occupation) q = q.where('v.occupation_code', 'like', `${f.occupation}%`);
  if (f.kind) q = q.where('v.kind', '=', f.kind);
  if (f.openOn) q = q.where('v.closes_on', '>=', f.openOn).where('v.opens_on', '<=', f.openOn);
  if (f.q) q = q.where((eb) => eb.or([eb('v.title_th', 'ilike', like(f.q!)), eb('v.title_en', 'ilike', like(f.q!)), eb('e.name_th', 'ilike', like(f.q!))]));
  return q;
}
export async function listVacancies(db: Executor, f: VacancyFilter) {
  const q = vacancyQuery(db, f);
  const [items, total] = await Promise.all([
    q
      .selectAll('v')
      .select(['e.name_th as employer_name_th', 'e.name_en as employer_name_en'])
      .orderBy('v.created_at', 'desc')
      .orderBy('v.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
export const vacanciesWithEmployer = (db: Executor, ids: readonly number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('vacancy as v')
        .innerJoin('employer as e', 'e.id', 'v.employer_id')
        .selectAll('v')
        .select(['e.name_th as employer_name_th', 'e.name_en as employer_name_en'])
        .where('v.id', 'in', [...ids])
        .execute();

/**
 * Vacancies a person could take: published, open today, in their province or done from home
 * (when they accept that); at most `cap`, those in their district first.
 */
export const vacancyPool = (db: Executor, s: { provinceCode: string; districtCode: string | null; acceptsHomeBased: boolean; today: string; cap: number }) =>
  db
    .selectFrom('vacancy')
    .selectAll()
    .where('status', '=', 'published')
    .where('closes_on', '>=', s.today)
    .where('opens_on', '<=', s.today)
    .where((eb) =>
      s.acceptsHomeBased
        ? eb.or([eb('province_code', '=', s.provinceCode), eb('remote', '=', true), eb('kind', '=', 'home-based')])
        : eb('province_code', '=', s.provinceCode),
    )
    .orderBy(sql`(district_code is not distinct from ${s.districtCode})`, 'desc')
    .orderBy('id')
    .limit(s.cap)
    .execute();

// ---------------------------------------------------------------- job seekers
export const currentSeeker = (db: Executor, personId: number) =>
  db.selectFrom('job_seeker').selectAll().where('person_id', '=', personId).where('withdrawn_at', 'is', null).executeTakeFirst();
export const insertSeeker = (trx: Executor, values: Insertable<JobSeekerTable>) =>
  trx.insertInto('job_seeker').values(values).returningAll().executeTakeFirstOrThrow();
export const updateSeeker = (trx: Executor, id: number, values: Updateable<JobSeekerTable>) =>
  trx
    .updateTable('job_seeker')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

/** Job seekers for a vacancy: in its province (or anywhere, for work done from home, within `provinces`); at most `cap`, its district first. */
export const seekerPool = (
  db: Executor,
  v: { provinceCode: string; districtCode: string | null; fromHome: boolean; provinces: readonly string[] | null; district?: string; cap: number },
) => {
  let q = db.selectFrom('job_seeker').selectAll().where('withdrawn_at', 'is', null);
  if (v.fromHome) {
    q = q.where('accepts_home_based', '=', true);
    if (v.provinces) q = v.provinces.length ? q.where('province_code', 'in', [...v.provinces]) : q.where(sql<boolean>`false`);
  } else q = q.where('province_code', '=', v.provinceCode);
  if (v.district) q = q.where('district_code', '=', v.district);
  return q
    .orderBy(sql`(district_code is not distinct from ${v.districtCode})`, 'desc')
    .orderBy('id')
    .limit(v.cap)
    .execute();
};

// ---------------------------------------------------------------- guidance
export const insertNote = (trx: Executor, values: Insertable<GuidanceNoteTable>) =>
  trx.insertInto('guidance_note').values(values).returningAll().executeTakeFirstOrThrow();
export const notesOf = (db: Executor, personId: number) =>
  db.selectFrom('guidance_note').selectAll().where('person_id', '=', personId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();

// ---------------------------------------------------------------- referrals
export const insertReferral = (trx: Executor, values: Insertable<ReferralTable>) =>
  trx
    .insertInto('referral')
    .values(values)
    .onConflict((oc) => oc.columns(['vacancy_id', 'person_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
export const findReferral = (db: Executor, id: number) => db.selectFrom('referral').selectAll().where('id', '=', id).executeTakeFirst();
export const lockReferral = (trx: Executor, id: number) => trx.selectFrom('referral').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
export const updateReferral = (trx: Executor, id: number, values: Updateable<ReferralTable>) =>
  trx.updateTable('referral').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
export const referralsOfVacancy = (db: Executor, vacancyId: number) =>
  db.selectFrom('referral').selectAll().where('vacancy_id', '=', vacancyId).orderBy('created_at').orderBy('id').execute();
export const referralsOfPerson = (db: Executor, personId: number) =>
  db.selectFrom('referral').selectAll().where('person_id', '=', personId).orderBy('created_at', 'desc').execute();

// ---------------------------------------------------------------- placements and follow-ups
export const insertPlacement = (trx: Executor, values: Insertable<PlacementTable>) =>
  trx.insertInto('placement').values(values).returningAll().executeTakeFirstOrThrow();
export const placementsOfPerson = (db: Executor, personId: number) =>
  db.selectFrom('placement').selectAll().where('person_id', '=', personId).orderBy('started_on', 'desc').execute();

/** The follow-ups of a placement, once per interval: a second scheduling adds nothing. */
export const scheduleFollowUps = (trx: Executor, rows: Insertable<FollowUpTable>[]) =>
  trx
    .insertInto('follow_up')
    .values(rows)
    .onConflict((oc) => oc.columns(['placement_id', 'months']).doNothing())
    .execute();

export interface PlacementFilter {
  provinces: readonly string[] | null;
  fiscalYear?: number;
  province?: string;
  limit: number;
  offset: number;
}
export const listPlacements = (db: Executor, f: PlacementFilter) => {
  let q = db.selectFrom('placement as p').innerJoin('vacancy as v', 'v.id', 'p.vacancy_id').innerJoin('employer as e', 'e.id', 'v.employer_id');
  if (f.provinces) q = f.provinces.length ? q.where('p.province_code', 'in', [...f.provinces]) : q.where(sql<boolean>`false`);
  if (f.fiscalYear) q = q.where('p.fiscal_year', '=', f.fiscalYear);
  if (f.province) q = q.where('p.province_code', '=', f.province);
  return q
    .selectAll('p')
    .select(['v.code as vacancy_code', 'v.title_th', 'v.title_en', 'v.occupation_code', 'e.name_th as employer_name_th'])
    .orderBy('p.started_on', 'desc')
    .orderBy('p.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
};

/**
 * Placements of a fiscal year counted once per person per centre, by province and centre, with
 * the income change at the latest recorded follow-up (the average over those with both figures).
 */
export const placementSummary = (db: Executor, fiscalYear: number, provinces: readonly string[] | null) =>
  sql<{
    province_code: string;
    centre_unit_code: string | null;
    placed: string;
    people: string;
    income_before: string | null;
    income_now: string | null;
    measured: string;
  }>`
    with latest as (
      select distinct on (f.placement_id) f.placement_id, f.income_satang
      from follow_up f where f.placement_id is not null and f.done_at is not null and f.income_satang is not null
      order by f.placement_id, f.months desc
    ), counted as (
      select distinct on (p.person_id, p.centre_unit_code) p.*, l.income_satang as income_now
      from placement p left join latest l on l.placement_id = p.id
      where p.fiscal_year = ${fiscalYear}
      ${provinces ? (provinces.length ? sql`and p.province_code in (${sql.join([...provinces])})` : sql`and false`) : sql``}
      order by p.person_id, p.centre_unit_code, p.started_on, p.id
    )
    select province_code, centre_unit_code, count(*)::text as placed, count(distinct person_id)::text as people,
      avg(income_before_satang) filter (where income_now is not null and income_before_satang is not null)::bigint::text as income_before,
      avg(income_now) filter (where income_now is not null and income_before_satang is not null)::bigint::text as income_now,
      count(*) filter (where income_now is not null and income_before_satang is not null)::text as measured
    from counted group by province_code, centre_unit_code order by province_code, centre_unit_code`.execute(db);

/**
 * People followed up after a course without a placement, by follow-ups due in the fiscal year: at
 * each person's latest recorded one, how many work and the average income change of those with
 * both figures.
 */
export async function courseFollowUpSummary(db: Executor, fiscalYear: number, provinces: readonly string[] | null) {
  const { start, end } = fiscalYearRange(fiscalYear);
  const { rows } = await sql<{ followed: string; working: string; measured: string; before: string | null; now: string | null }>`
    with latest as (
      select distinct on (f.person_id) f.person_id, f.still_working, f.income_satang, f.income_before_satang
      from follow_up f
      where f.session_id is not null and f.done_at is not null and f.due_on between ${start} and ${end}
      ${provinces ? (provinces.length ? sql`and f.province_code in (${sql.join([...provinces])})` : sql`and false`) : sql``}
      order by f.person_id, f.due_on desc, f.id desc
    )
    select count(*)::text as followed, count(*) filter (where still_working)::text as working,
      count(*) filter (where income_satang is not null and income_before_satang is not null)::text as measured,
      avg(income_before_satang) filter (where income_satang is not null and income_before_satang is not null)::bigint::text as before,
      avg(income_satang) filter (where income_satang is not null and income_before_satang is not null)::bigint::text as now
    from latest`.execute(db);
  const r = rows[0]!;
  const before = r.before === null ? null : Number(r.before);
  const now = r.now === null ? null : Number(r.now);
  return {
    followedUp: Number(r.followed),
    working: Number(r.working),
    measured: Number(r.measured),
    averageBeforeSatang: before,
    averageNowSatang: now,
    averageChangeSatang: before === null || now === null ? null : now - before,
  };
}

/** The public figure: people placed in a fiscal year, each counted once per centre. */
export async function placedCount(db: Executor, fiscalYear: number) {
  const { rows } = await sql<{
    n: string;
  }>`select count(*)::text as n from (select distinct person_id, centre_unit_code from placement where fiscal_year = ${fiscalYear}) c`.execute(db);
  return Number(rows[0]!.n);
}

/** Placements per province and start date (monitoring's `employment.placed`). */
export const placementTally = (db: Executor) =>
  db
    .selectFrom('placement')
    .select(['province_code as provinceCode', 'started_on as on', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(['province_code', 'started_on'])
    .execute();

export interface QueueFilter {
  provinces: readonly string[] | null;
  overdueBefore?: string;
  limit: number;
  offset: number;
}
/** Open follow-ups, after a placement or after a course, oldest due first. */
export const followUpQueue = (db: Executor, f: QueueFilter) => {
  let q = db
    .selectFrom('follow_up as f')
    .leftJoin('placement as p', 'p.id', 'f.placement_id')
    .leftJoin('vacancy as v', 'v.id', 'p.vacancy_id')
    .leftJoin('employer as e', 'e.id', 'v.employer_id')
    .where('f.done_at', 'is', null)
    .where('f.closed_at', 'is', null);
  if (f.provinces) q = f.provinces.length ? q.where('f.province_code', 'in', [...f.provinces]) : q.where(sql<boolean>`false`);
  if (f.overdueBefore) q = q.where('f.due_on', '<', f.overdueBefore);
  return q
    .selectAll('f')
    .select((eb) => [
      eb.fn.coalesce('f.person_id', 'p.person_id').$castTo<number>().as('person_id'),
      eb.fn.coalesce('f.income_before_satang', 'p.income_before_satang').as('income_before_satang'),
      'v.code as vacancy_code',
      'v.title_th',
      'e.name_th as employer_name_th',
    ])
    .orderBy('f.due_on')
    .orderBy('f.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
};
/** How many open follow-ups an area has, and how many of them are past due. */
export async function followUpCounts(db: Executor, provinces: readonly string[] | null, today: string) {
  let q = db.selectFrom('follow_up').where('done_at', 'is', null).where('closed_at', 'is', null);
  if (provinces) q = provinces.length ? q.where('province_code', 'in', [...provinces]) : q.where(sql<boolean>`false`);
  const row = await q
    .select((eb) => [eb.fn.countAll<string>().as('due'), sql<string>`count(*) filter (where due_on < ${today})`.as('overdue')])
    .executeTakeFirstOrThrow();
  return { due: Number(row.due), overdue: Number(row.overdue) };
}
export const findFollowUp = (db: Executor, id: number) =>
  db
    .selectFrom('follow_up as f')
    .leftJoin('placement as p', 'p.id', 'f.placement_id')
    .selectAll('f')
    .select((eb) => [
      eb.fn.coalesce('f.person_id', 'p.person_id').$castTo<number>().as('person_id'),
      eb.fn.coalesce('f.income_before_satang', 'p.income_before_satang').as('income_before_satang'),
    ])
    .where('f.id', '=', id)
    .executeTakeFirst();
export const recordFollowUp = (trx: Executor, id: number, values: Updateable<FollowUpTable>) =>
  trx.updateTable('follow_up').set(values).where('id', '=', id).where('done_at', 'is', null).where('closed_at', 'is', null).returningAll().executeTakeFirst();

/** The course follow-ups of a completed session, once per person, session and interval. */
export const scheduleCourseFollowUps = (trx: Executor, rows: Insertable<FollowUpTable>[]) =>
  rows.length === 0
    ? Promise.resolve()
    : trx
        .insertInto('follow_up')
        .values(rows)
        .onConflict((oc) => oc.columns(['person_id', 'session_id', 'months']).where('session_id', 'is not', null).doNothing())
        .execute()
        .then(() => undefined);
export const courseFollowUpsOf = (db: Executor, personIds: readonly number[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('follow_up')
        .selectAll()
        .where('person_id', 'in', [...personIds])
        .orderBy('person_id')
        .orderBy('session_id')
        .orderBy('months')
        .execute();
/** Closes a person's open course follow-ups (placed: the placement's own follow-ups take over). */
export const closeCourseFollowUps = (trx: Executor, ids: readonly number[], reason: 'placed' | 'not-completed') =>
  ids.length === 0
    ? Promise.resolve()
    : trx
        .updateTable('follow_up')
        .set({ closed_at: new Date(), closed_reason: reason })
        .where('id', 'in', [...ids])
        .where('done_at', 'is', null)
        .where('closed_at', 'is', null)
        .execute()
        .then(() => undefined);
/** Opens again the course follow-ups closed because a completion was withdrawn, once it is restored. */
export const reopenCourseFollowUps = (trx: Executor, ids: readonly number[]) =>
  ids.length === 0
    ? Promise.resolve()
    : trx
        .updateTable('follow_up')
        .set({ closed_at: null, closed_reason: null })
        .where('id', 'in', [...ids])
        .where('closed_reason', '=', 'not-completed')
        .execute()
        .then(() => undefined);
export const placementStartsOf = (db: Executor, personIds: readonly number[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('placement')
        .select(['person_id', 'started_on'])
        .where('person_id', 'in', [...personIds])
        .execute();
export const followUpsOfPlacements = (db: Executor, placementIds: readonly number[]) =>
  placementIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('follow_up')
        .selectAll()
        .where('placement_id', 'in', [...placementIds])
        .orderBy('placement_id')
        .orderBy('months')
        .execute();

/** Open follow-ups falling due from `from` to `to` (inclusive), after `afterId`, `limit` at a time: the reminder's scan. */
export const openFollowUpsDueBetween = (db: Executor, from: string, to: string, afterId: number, limit: number) =>
  db
    .selectFrom('follow_up as f')
    .leftJoin('placement as p', 'p.id', 'f.placement_id')
    .select((eb) => [
      'f.id',
      'f.placement_id',
      'f.months',
      'f.due_on',
      'f.province_code',
      eb.fn.coalesce('f.person_id', 'p.person_id').$castTo<number>().as('person_id'),
    ])
    .where('f.done_at', 'is', null)
    .where('f.closed_at', 'is', null)
    .where('f.due_on', '>=', from)
    .where('f.due_on', '<=', to)
    .where('f.id', '>', afterId)
    .orderBy('f.id')
    .limit(limit)
    .execute();

/**
 * `employment.placed` by district (the vacancy's, when it lies in the placement's province; `'-'`
 * otherwise: remote work, a job across a provincial line) and per person (for the target-group
 * cells, whose groups the registry reads), of some people or everyone (null).
 */
export async function placementBreakdown(db: Executor, personIds: readonly number[] | null) {
  if (personIds?.length === 0) return { districts: [], people: [] };
  const who = personIds ? sql`where p.person_id = any(${`{${personIds.join(',')}}`}::bigint[])` : sql``;
  const districts = await sql<{ provinceCode: string; districtCode: string; on: string; count: number }>`
    select p.province_code as "provinceCode", case when v.province_code = p.province_code then coalesce(v.district_code, '-') else '-' end as "districtCode",
           to_char(p.started_on, 'YYYY-MM-DD') as "on", count(*)::int as count
      from placement p join vacancy v on v.id = p.vacancy_id ${who} group by 1, 2, 3`.execute(db);
  const people = await sql<{ personId: string; provinceCode: string; on: string; count: number }>`
    select p.person_id as "personId", p.province_code as "provinceCode", to_char(p.started_on, 'YYYY-MM-DD') as "on", count(*)::int as count
      from placement p ${who} group by 1, 2, 3`.execute(db);
  return { districts: districts.rows, people: people.rows };
}
