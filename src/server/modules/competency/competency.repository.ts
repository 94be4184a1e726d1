import { sql, type Insertable, type Transaction } from 'kysely';
import type { Executor } from '../../db/executor';
import type { AssessmentCandidateTable, AssessmentEventTable, CompetencyStandardTable, CompetencyUnitTable, DB } from '../../db/schema';

// ------------------------------------------------------------------ standards
export async function replaceStandards(trx: Transaction<DB>, standards: Insertable<CompetencyStandardTable>[], units: Insertable<CompetencyUnitTable>[]) {
  for (const s of standards) {
    await trx
      .insertInto('competency_standard')
      .values(s)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name_th: eb.ref('excluded.name_th'),
          name_en: eb.ref('excluded.name_en'),
          sector_th: eb.ref('excluded.sector_th'),
          sector_en: eb.ref('excluded.sector_en'),
          qualification_th: eb.ref('excluded.qualification_th'),
          qualification_en: eb.ref('excluded.qualification_en'),
          level: eb.ref('excluded.level'),
          owner_agency_code: eb.ref('excluded.owner_agency_code'),
          validity_years: eb.ref('excluded.validity_years'),
          source_note: eb.ref('excluded.source_note'),
          assumed_fields: eb.ref('excluded.assumed_fields'),
          status: 'active',
        })),
      )
      .execute();
  }
  for (const u of units) {
    await trx
      .insertInto('competency_unit')
      .values(u)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          standard_code: eb.ref('excluded.standard_code'),
          position: eb.ref('excluded.position'),
          name_th: eb.ref('excluded.name_th'),
          name_en: eb.ref('excluded.name_en'),
          description_th: eb.ref('excluded.description_th'),
          description_en: eb.ref('excluded.description_en'),
          elements: eb.ref('excluded.elements'),
        })),
      )
      .execute();
  }
}

export const listStandards = (db: Executor) => db.selectFrom('competency_standard').selectAll().orderBy('code').execute();
export const findStandard = (db: Executor, code: string) => db.selectFrom('competency_standard').selectAll().where('code', '=', code).executeTakeFirst();
export const unitsOf = (db: Executor, standardCode: string) =>
  db.selectFrom('competency_unit').selectAll().where('standard_code', '=', standardCode).orderBy('position').execute();
export type StandardRow = NonNullable<Awaited<ReturnType<typeof findStandard>>>;
export type UnitRow = Awaited<ReturnType<typeof unitsOf>>[number];

/** Curricula that prepare for any unit of the standard. */
export const linkedCurricula = (db: Executor, standardCode: string) =>
  db
    .selectFrom('curriculum as c')
    .select(['c.code', 'c.name_th', 'c.name_en', 'c.competency_units'])
    .where(sql<boolean>`c.competency_units && array(select code from competency_unit where standard_code = ${standardCode})`)
    .orderBy('c.code')
    .execute();

// ------------------------------------------------------------------ eligibility
export interface EligibleFilter {
  provinceCode?: string;
  /** The provinces the reader may see; null for all. */
  provinces: readonly string[] | null;
  limit: number;
  offset: number;
  personIds?: readonly number[];
}

/**
 * People eligible for a standard: completed a curriculum linked to its units, or with prior
 * experience recorded, and active in the registry; each with their standing (their last
 * assessment for the standard, if any).
 */
/** The filters on people, as SQL: active, and within the province, the reader's area and the ids asked for. */
function peopleWhere(filter: Omit<EligibleFilter, 'limit' | 'offset'>) {
  const where = [sql`p.status = 'active'`];
  if (filter.provinceCode) where.push(sql`p.province_code = ${filter.provinceCode}`);
  if (filter.provinces) where.push(filter.provinces.length ? sql`p.province_code in (${sql.join(filter.provinces)})` : sql`false`);
  if (filter.personIds) where.push(filter.personIds.length ? sql`p.id in (${sql.join(filter.personIds)})` : sql`false`);
  return sql.join(where, sql` and `);
}

/**
 * Everyone eligible for the standard with their basis and standing, as one select that the list
 * pages and the summary counts: completed a linked curriculum, or prior experience on record.
 */
const eligibleSelect = (standardCode: string, filter: Omit<EligibleFilter, 'limit' | 'offset'>) => sql`
    with units as (select array_agg(code) as codes from competency_unit where standard_code = ${standardCode}),
    trained as (
      select distinct on (e.person_id) e.person_id, c.code as course_code, c.name_th as course_name_th, c.name_en as course_name_en, s.ends_on as completed_on
        from enrolment e
        join training_session s on s.id = e.session_id
        join curriculum c on c.code = s.curriculum_code
       where e.status = 'completed' and c.competency_units && (select codes from units)
       order by e.person_id, s.ends_on desc
    ),
    experienced as (
      select id as experience_id, person_id, summary as experience_summary, recorded_at as experience_recorded_at
        from prior_experience where standard_code = ${standardCode} and withdrawn_at is null
    ),
    pool as (select person_id from trained union select person_id from experienced)
    select p.id as person_id, p.title, p.first_name_th, p.last_name_th, p.first_name_en, p.last_name_en, p.doc_type, p.doc_number, p.province_code,
           pr.name_th as province_name_th, pr.name_en as province_name_en,
           t.course_code, t.course_name_th, t.course_name_en, t.completed_on,
           x.experience_id, x.experience_summary, x.experience_recorded_at,
           last.candidate_id, last.candidate_status, last.overall, last.event_id, last.event_code, last.assessed_on, last.event_status,
           q.code as qualification_code
      from pool
      join person p on p.id = pool.person_id
      join province pr on pr.code = p.province_code
      left join trained t on t.person_id = p.id
      left join experienced x on x.person_id = p.id
      left join lateral (
        select ac.id as candidate_id, ac.status as candidate_status, ac.overall, ev.id as event_id, ev.code as event_code, ev.assessed_on, ev.status as event_status
          from assessment_candidate ac join assessment_event ev on ev.id = ac.event_id
         where ac.person_id = p.id and ev.standard_code = ${standardCode} and ac.status <> 'withdrawn' and ev.status <> 'cancelled'
         order by ev.assessed_on desc, ac.id desc limit 1
      ) last on true
      left join lateral (
        select cr.code from credential cr
         where cr.person_id = p.id and cr.kind = 'qualification' and cr.status = 'valid' and cr.details->>'standardCode' = ${standardCode}
         order by cr.issued_on desc limit 1
      ) q on true
     where ${peopleWhere(filter)}`;

/**
 * Where an eligible person stands: qualified (a valid qualification), referred (to an open event),
 * not yet competent (their last decision), or not assessed.
 */
const STANDING_SQL = sql`case
  when e.qualification_code is not null then 'qualified'
  when e.candidate_status = 'referred' and e.event_status = 'open' then 'referred'
  when e.overall = 'not-yet-competent' then 'not-yet-competent'
  else 'not-assessed' end`;

/**
 * People eligible for a standard: completed a curriculum linked to its units, or with prior
 * experience recorded, and active in the registry; each with their standing (their last
 * assessment for the standard, if any).
 */
export async function eligible(db: Executor, standardCode: string, filter: EligibleFilter) {
  const result = await sql<EligibleRow>`
    select e.*, ${STANDING_SQL} as standing, count(*) over () as total from (${eligibleSelect(standardCode, filter)}) e
     order by e.province_code, e.first_name_th, e.last_name_th, e.person_id
     limit ${filter.limit} offset ${filter.offset}`.execute(db);
  return { rows: result.rows, total: result.rows.length ? Number(result.rows[0]!.total) : 0 };
}

/** How many eligible people stand where, by province: the standard's picture of the area. */
export async function eligibleSummary(db: Executor, standardCode: string, filter: Omit<EligibleFilter, 'limit' | 'offset' | 'personIds'>) {
  const result = await sql<{ province_code: string; province_name_th: string; province_name_en: string; standing: EligibleRow['standing']; people: string }>`
    select e.province_code, e.province_name_th, e.province_name_en, ${STANDING_SQL} as standing, count(*) as people
      from (${eligibleSelect(standardCode, filter)}) e
     group by 1, 2, 3, 4
     order by 1, 4`.execute(db);
  return result.rows.map((r) => ({ ...r, people: Number(r.people) }));
}

export interface EligibleRow {
  person_id: number;
  title: string | null;
  first_name_th: string;
  last_name_th: string;
  first_name_en: string | null;
  last_name_en: string | null;
  doc_type: string;
  doc_number: string;
  province_code: string;
  province_name_th: string;
  province_name_en: string;
  course_code: string | null;
  course_name_th: string | null;
  course_name_en: string | null;
  completed_on: string | null;
  experience_id: number | null;
  experience_summary: string | null;
  experience_recorded_at: Date | null;
  candidate_id: number | null;
  candidate_status: 'referred' | 'assessed' | 'absent' | null;
  overall: 'competent' | 'not-yet-competent' | null;
  event_id: number | null;
  event_code: string | null;
  assessed_on: string | null;
  event_status: 'open' | 'completed' | null;
  qualification_code: string | null;
  standing: 'qualified' | 'referred' | 'not-yet-competent' | 'not-assessed';
  total: string;
}

export const insertExperience = (
  trx: Executor,
  values: { person_id: number; standard_code: string; province_code: string; summary: string; evidence: string; recorded_by: string },
) => trx.insertInto('prior_experience').values(values).returning(['id']).executeTakeFirstOrThrow();

export const currentExperience = (db: Executor, personId: number, standardCode: string) =>
  db
    .selectFrom('prior_experience')
    .selectAll()
    .where('person_id', '=', personId)
    .where('standard_code', '=', standardCode)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();

export const experiencesOf = (db: Executor, personId: number) =>
  db
    .selectFrom('prior_experience as x')
    .innerJoin('competency_standard as s', 's.code', 'x.standard_code')
    .innerJoin('app_user as u', 'u.id', 'x.recorded_by')
    .select([
      'x.id',
      'x.standard_code',
      's.name_th as standard_name_th',
      's.name_en as standard_name_en',
      'x.province_code',
      'x.summary',
      'x.evidence',
      'x.recorded_at',
      'u.display_name as recorded_by_name',
      'x.withdrawn_at',
      'x.withdrawn_reason',
    ])
    .where('x.person_id', '=', personId)
    .orderBy('x.recorded_at', 'desc')
    .execute();

// ------------------------------------------------------------------ events
export const insertEvent = (trx: Executor, values: Insertable<AssessmentEventTable>) =>
  trx.insertInto('assessment_event').values(values).returning(['id']).executeTakeFirstOrThrow();

export const insertAssessors = (trx: Executor, eventId: number, userIds: readonly string[]) =>
  userIds.length
    ? trx
        .insertInto('assessment_assessor')
        .values(userIds.map((user_id) => ({ event_id: eventId, user_id })))
        .execute()
    : Promise.resolve([]);

export const nextEventNumber = async (trx: Executor, prefix: string) => {
  const row = await trx
    .selectFrom('assessment_event')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('code', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();
  return Number(row.n) + 1;
};

const eventQuery = (db: Executor) =>
  db
    .selectFrom('assessment_event as ev')
    .innerJoin('competency_standard as s', 's.code', 'ev.standard_code')
    .innerJoin('unit as u', 'u.code', 'ev.centre_unit_code')
    .innerJoin('province as p', 'p.code', 'ev.province_code')
    .selectAll('ev')
    .select([
      's.name_th as standard_name_th',
      's.name_en as standard_name_en',
      's.qualification_th',
      's.qualification_en',
      'u.name_th as centre_name_th',
      'u.name_en as centre_name_en',
      'p.name_th as province_name_th',
      'p.name_en as province_name_en',
      (eb) =>
        eb
          .selectFrom('assessment_candidate as c')
          .select((x) => x.fn.countAll<string>().as('n'))
          .whereRef('c.event_id', '=', 'ev.id')
          .where('c.status', '<>', 'withdrawn')
          .as('candidate_count'),
      (eb) =>
        eb
          .selectFrom('assessment_candidate as c')
          .select((x) => x.fn.countAll<string>().as('n'))
          .whereRef('c.event_id', '=', 'ev.id')
          .where('c.overall', '=', 'competent')
          .as('competent_count'),
    ]);

export const findEvent = (db: Executor, id: number) => eventQuery(db).where('ev.id', '=', id).executeTakeFirst();
export type EventRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

export const lockEvent = (trx: Executor, id: number) =>
  trx.selectFrom('assessment_event').select(['id', 'status', 'capacity']).where('id', '=', id).forUpdate().executeTakeFirst();

export async function listEvents(
  db: Executor,
  filter: { standardCode?: string; status?: string; provinces: readonly string[] | null; assessorUserId?: string; limit: number; offset: number },
) {
  let q = eventQuery(db);
  if (filter.standardCode) q = q.where('ev.standard_code', '=', filter.standardCode);
  if (filter.status) q = q.where('ev.status', '=', filter.status as 'open');
  const { provinces, assessorUserId } = filter;
  // What the reader may see: events in their provinces, or those they assess.
  q = q.where((eb) => {
    const ors = [];
    if (provinces === null) ors.push(eb.lit(true));
    else if (provinces.length) ors.push(eb('ev.province_code', 'in', [...provinces]));
    if (assessorUserId)
      ors.push(
        eb.exists(eb.selectFrom('assessment_assessor as a').select('a.user_id').whereRef('a.event_id', '=', 'ev.id').where('a.user_id', '=', assessorUserId)),
      );
    return ors.length ? eb.or(ors) : eb.lit(false);
  });
  const items = await q.orderBy('ev.assessed_on', 'desc').orderBy('ev.id', 'desc').limit(filter.limit).offset(filter.offset).execute();
  return items;
}

export const assessorsOf = (db: Executor, eventId: number) =>
  db
    .selectFrom('assessment_assessor as a')
    .innerJoin('app_user as u', 'u.id', 'a.user_id')
    .select(['u.id', 'u.display_name'])
    .where('a.event_id', '=', eventId)
    .orderBy('u.display_name')
    .execute();

export const isAssessorOf = async (db: Executor, eventId: number, userId: string) =>
  Boolean(await db.selectFrom('assessment_assessor').select('user_id').where('event_id', '=', eventId).where('user_id', '=', userId).executeTakeFirst());

export const setEventStatus = (trx: Executor, id: number, from: string, to: 'completed' | 'cancelled', reason: string | null) =>
  trx
    .updateTable('assessment_event')
    .set({ status: to, status_reason: reason })
    .where('id', '=', id)
    .where('status', '=', from as 'open')
    .returning('id')
    .executeTakeFirst();

// ------------------------------------------------------------------ candidates and results
export const candidatesOf = (db: Executor, eventId: number) =>
  db
    .selectFrom('assessment_candidate as c')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .select([
      'c.id',
      'c.event_id',
      'c.person_id',
      'c.basis',
      'c.basis_note',
      'c.units',
      'c.status',
      'c.overall',
      'c.previous_candidate_id',
      'c.decided_at',
      'p.title',
      'p.first_name_th',
      'p.last_name_th',
      'p.first_name_en',
      'p.last_name_en',
      'p.doc_type',
      'p.doc_number',
      'p.province_code',
      (eb) =>
        eb
          .selectFrom('credential as cr')
          .select('cr.code')
          .where('cr.source_type', '=', 'assessment_candidate')
          .whereRef('cr.source_id', '=', sql<string>`c.id::text`)
          .as('credential_code'),
    ])
    .where('c.event_id', '=', eventId)
    .orderBy('p.first_name_th')
    .orderBy('c.id')
    .execute();
export type CandidateRow = Awaited<ReturnType<typeof candidatesOf>>[number];

export const findCandidate = (db: Executor, id: number) => db.selectFrom('assessment_candidate').selectAll().where('id', '=', id).executeTakeFirst();
export const lockCandidate = (trx: Executor, id: number) =>
  trx.selectFrom('assessment_candidate').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const insertCandidates = (trx: Executor, rows: Insertable<AssessmentCandidateTable>[]) =>
  rows.length ? trx.insertInto('assessment_candidate').values(rows).returning(['id', 'person_id']).execute() : Promise.resolve([]);

export const countCandidates = async (trx: Executor, eventId: number) =>
  Number(
    (
      await trx
        .selectFrom('assessment_candidate')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('event_id', '=', eventId)
        .where('status', '<>', 'withdrawn')
        .executeTakeFirstOrThrow()
    ).n,
  );

export const resultsOfEvent = (db: Executor, eventId: number) =>
  db
    .selectFrom('assessment_result as r')
    .innerJoin('assessment_candidate as c', 'c.id', 'r.candidate_id')
    .innerJoin('app_user as u', 'u.id', 'r.assessor_user_id')
    .select(['r.candidate_id', 'r.unit_code', 'r.result', 'r.evidence_note', 'r.recorded_at', 'u.display_name as assessor_name'])
    .where('c.event_id', '=', eventId)
    .execute();

export const resultsOfCandidate = (db: Executor, candidateId: number) =>
  db.selectFrom('assessment_result').selectAll().where('candidate_id', '=', candidateId).execute();

export const upsertResults = (
  trx: Executor,
  rows: { candidate_id: number; unit_code: string; result: 'competent' | 'not-yet-competent'; evidence_note: string; assessor_user_id: string }[],
) =>
  rows.length
    ? trx
        .insertInto('assessment_result')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['candidate_id', 'unit_code']).doUpdateSet((eb) => ({
            result: eb.ref('excluded.result'),
            evidence_note: eb.ref('excluded.evidence_note'),
            assessor_user_id: eb.ref('excluded.assessor_user_id'),
            recorded_at: sql`now()`,
          })),
        )
        .execute()
    : Promise.resolve([]);

/** Every result the people (one or more) have for the standard's units, across all their assessments, newest last. */
export const standingResultsOf = (db: Executor, personIds: readonly number[], standardCode: string) =>
  db
    .selectFrom('assessment_result as r')
    .innerJoin('assessment_candidate as c', 'c.id', 'r.candidate_id')
    .innerJoin('assessment_event as ev', 'ev.id', 'c.event_id')
    .select(['c.person_id', 'r.unit_code', 'r.result', 'ev.assessed_on', 'r.recorded_at', 'c.id as candidate_id'])
    .where('c.person_id', 'in', [...personIds])
    .where('ev.standard_code', '=', standardCode)
    .where('ev.status', '<>', 'cancelled')
    .where('c.status', 'in', ['referred', 'assessed'])
    .orderBy('ev.assessed_on')
    .orderBy('r.recorded_at')
    .execute();

export const decideCandidate = (
  trx: Executor,
  id: number,
  values: { status: 'assessed' | 'absent'; overall: 'competent' | 'not-yet-competent' | null; decided_by: string },
) =>
  trx
    .updateTable('assessment_candidate')
    .set({ ...values, decided_at: values.overall ? new Date() : null })
    .where('id', '=', id)
    .where('status', '=', 'referred')
    .returning('id')
    .executeTakeFirst();

export const withdrawCandidate = (trx: Executor, id: number) =>
  trx.updateTable('assessment_candidate').set({ status: 'withdrawn' }).where('id', '=', id).where('status', '=', 'referred').returning('id').executeTakeFirst();

/** Locks the people's rows in id order (no deadlock between two referrals of overlapping people). */
export const lockPeople = (trx: Executor, personIds: readonly number[]) =>
  personIds.length
    ? trx
        .selectFrom('person')
        .select('id')
        .where('id', 'in', [...personIds])
        .orderBy('id')
        .forUpdate()
        .execute()
    : Promise.resolve([]);

/** Open referrals of these people for the standard at events other than this one. */
export const openReferrals = (db: Executor, standardCode: string, personIds: readonly number[]) =>
  personIds.length
    ? db
        .selectFrom('assessment_candidate as c')
        .innerJoin('assessment_event as ev', 'ev.id', 'c.event_id')
        .select(['c.person_id', 'ev.code', 'ev.id as event_id'])
        .where('ev.standard_code', '=', standardCode)
        .where('ev.status', '=', 'open')
        .where('c.status', '=', 'referred')
        .where('c.person_id', 'in', [...personIds])
        .execute()
    : Promise.resolve([]);

/** The person's assessments, for their own page. */
export const assessmentsOfPerson = (db: Executor, personId: number) =>
  db
    .selectFrom('assessment_candidate as c')
    .innerJoin('assessment_event as ev', 'ev.id', 'c.event_id')
    .innerJoin('competency_standard as s', 's.code', 'ev.standard_code')
    .innerJoin('unit as u', 'u.code', 'ev.centre_unit_code')
    .select((eb) => [
      eb
        .selectFrom('credential as cr')
        .select('cr.code')
        .where('cr.source_type', '=', 'assessment_candidate')
        .whereRef('cr.source_id', '=', sql<string>`c.id::text`)
        .as('credential_code'),
    ])
    .select([
      'c.id',
      'c.status',
      'c.overall',
      'c.units',
      'c.basis',
      'ev.id as event_id',
      'ev.code as event_code',
      'ev.assessed_on',
      'ev.online',
      'ev.venue',
      'ev.status as event_status',
      's.code as standard_code',
      's.qualification_th',
      's.qualification_en',
      'u.name_th as centre_name_th',
      'u.name_en as centre_name_en',
    ])
    .where('c.person_id', '=', personId)
    .where('c.status', '<>', 'withdrawn')
    .orderBy('ev.assessed_on', 'desc')
    .execute();
