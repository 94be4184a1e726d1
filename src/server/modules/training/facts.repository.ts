import { sql } from 'kysely';
import type { Executor } from '../../db/executor';

/** Training's SQL for what other modules ask of it: completions, the units they prepare for, sessions by id. */
/** Curricula that prepare for any of these competency units. */
export const curriculaForUnits = (db: Executor, unitCodes: readonly string[]) =>
  unitCodes.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('curriculum')
        .select(['code', 'name_th', 'name_en', 'competency_units'])
        .where(sql<boolean>`competency_units && ${sql.val([...unitCodes])}::text[]`)
        .orderBy('code')
        .execute();

/** Each person's latest completion of a course that prepares for any of these units. */
export const completionsForUnits = (db: Executor, unitCodes: readonly string[], personIds?: readonly number[]) =>
  unitCodes.length === 0 || personIds?.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('enrolment as e')
        .innerJoin('training_session as s', 's.id', 'e.session_id')
        .innerJoin('curriculum as c', 'c.code', 's.curriculum_code')
        .distinctOn('e.person_id')
        .select(['e.person_id', 'c.code as course_code', 'c.name_th as course_name_th', 'c.name_en as course_name_en', 's.ends_on as completed_on'])
        .where('e.status', '=', 'completed')
        .where(sql<boolean>`c.competency_units && ${sql.val([...unitCodes])}::text[]`)
        .$if(personIds !== undefined, (q) => q.where('e.person_id', 'in', [...personIds!]))
        .orderBy('e.person_id')
        .orderBy('s.ends_on', 'desc')
        .execute();

/** The competency units of the courses each person completed, distinct, in code order. */
export const completedUnits = (db: Executor, personIds: readonly number[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('enrolment as e')
        .innerJoin('training_session as s', 's.id', 'e.session_id')
        .innerJoin('curriculum as c', 'c.code', 's.curriculum_code')
        .select(['e.person_id', sql<string>`unnest(c.competency_units)`.as('unit_code')])
        .distinct()
        .where('e.status', '=', 'completed')
        .where('e.person_id', 'in', [...personIds])
        .orderBy('e.person_id')
        .orderBy('unit_code')
        .execute();

/** Each person's latest completed session: its organising unit and course. */
export const lastCompletionUnits = (db: Executor, personIds: readonly number[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('enrolment as e')
        .innerJoin('training_session as s', 's.id', 'e.session_id')
        .distinctOn('e.person_id')
        .select(['e.person_id', 's.unit_code', 's.curriculum_code as course_code', 's.ends_on'])
        .where('e.status', '=', 'completed')
        .where('e.person_id', 'in', [...personIds])
        .orderBy('e.person_id')
        .orderBy('s.ends_on', 'desc')
        .execute();

/** Every session each of these people completed: when it ended, where and by which unit. */
export const completedSessions = (db: Executor, personIds: readonly number[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('enrolment as e')
        .innerJoin('training_session as s', 's.id', 'e.session_id')
        .select(['e.person_id', 's.id as session_id', 's.ends_on', 's.unit_code', 's.province_code'])
        .where('e.status', '=', 'completed')
        .where('e.person_id', 'in', [...personIds])
        .orderBy('e.person_id')
        .orderBy('s.id')
        .execute();

/** Sessions by id with their course names, for another module's lists. */
export const sessionLabels = (db: Executor, ids: readonly number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('training_session as s')
        .innerJoin('curriculum as c', 'c.code', 's.curriculum_code')
        .select(['s.id', 's.code', 's.ends_on', 'c.name_th', 'c.name_en'])
        .where('s.id', 'in', [...ids])
        .execute();

/** Of these people, those who completed a session of this curriculum. */
export const completersOf = (db: Executor, curriculumCode: string, personIds: readonly number[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('enrolment as e')
        .innerJoin('training_session as s', 's.id', 'e.session_id')
        .select(['e.person_id', 'e.session_id'])
        .distinctOn('e.person_id')
        .where('e.status', '=', 'completed')
        .where('s.curriculum_code', '=', curriculumCode)
        .where('e.person_id', 'in', [...personIds])
        .orderBy('e.person_id')
        .orderBy('s.ends_on', 'desc')
        .execute();

/** Completed enrolments per session province and end date (monitoring's `training.completed`). */
export const completionTally = (db: Executor) =>
  db
    .selectFrom('enrolment as e')
    .innerJoin('training_session as s', 's.id', 'e.session_id')
    .select(['s.province_code as provinceCode', 's.ends_on as on', (eb) => eb.fn.countAll<number>().as('count')])
    .where('e.status', '=', 'completed')
    .groupBy(['s.province_code', 's.ends_on'])
    .execute();

/** Whose completions a breakdown reads: some people's, one session's, or everyone's (null). */
export type CompletionFilter = { personIds: readonly number[] } | { sessionId: number } | null;

const completedWhere = (filter: CompletionFilter) =>
  filter === null
    ? sql``
    : 'sessionId' in filter
      ? sql`and e.session_id = ${filter.sessionId}`
      : sql`and e.person_id = any(${`{${filter.personIds.join(',')}}`}::bigint[])`;

/**
 * `training.completed` by district (the session's, from its sub-district; `'-'` online) and the
 * completions per person (for the target-group cells, whose groups the registry reads).
 */
export async function completionBreakdown(db: Executor, filter: CompletionFilter) {
  if (filter && 'personIds' in filter && filter.personIds.length === 0) return { districts: [], people: [] };
  const districts = await sql<{ provinceCode: string; districtCode: string; on: string; count: number }>`
    select s.province_code as "provinceCode", coalesce(left(s.subdistrict_code, 4), '-') as "districtCode", to_char(s.ends_on, 'YYYY-MM-DD') as "on", count(*)::int as count
      from enrolment e join training_session s on s.id = e.session_id
     where e.status = 'completed' ${completedWhere(filter)} group by 1, 2, 3`.execute(db);
  const people = await sql<{ personId: string; provinceCode: string; on: string; count: number }>`
    select e.person_id as "personId", s.province_code as "provinceCode", to_char(s.ends_on, 'YYYY-MM-DD') as "on", count(*)::int as count
      from enrolment e join training_session s on s.id = e.session_id
     where e.status = 'completed' ${completedWhere(filter)} group by 1, 2, 3`.execute(db);
  return { districts: districts.rows, people: people.rows };
}
