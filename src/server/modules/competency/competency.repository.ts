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

// ------------------------------------------------------------------ eligibility
/** Current (not withdrawn) experience records for a standard, of everyone or of the people given. */
export const currentExperiences = (db: Executor, standardCode: string, personIds?: readonly number[]) =>
  personIds?.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('prior_experience')
        .select(['id', 'person_id', 'summary', 'recorded_at'])
        .where('standard_code', '=', standardCode)
        .where('withdrawn_at', 'is', null)
        .$if(personIds !== undefined, (q) => q.where('person_id', 'in', [...personIds!]))
        .execute();

/** Each person's last assessment for a standard (not withdrawn, event not cancelled). */
export const lastAssessments = (db: Executor, standardCode: string, personIds: readonly number[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('assessment_candidate as ac')
        .innerJoin('assessment_event as ev', 'ev.id', 'ac.event_id')
        .distinctOn('ac.person_id')
        .select([
          'ac.person_id',
          'ac.id as candidate_id',
          'ac.status as candidate_status',
          'ac.overall',
          'ev.id as event_id',
          'ev.code as event_code',
          'ev.assessed_on',
          'ev.status as event_status',
        ])
        .where('ev.standard_code', '=', standardCode)
        .where('ac.status', '<>', 'withdrawn')
        .where('ev.status', '<>', 'cancelled')
        .where('ac.person_id', 'in', [...personIds])
        .orderBy('ac.person_id')
        .orderBy('ev.assessed_on', 'desc')
        .orderBy('ac.id', 'desc')
        .execute();

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
    .select([
      'x.id',
      'x.standard_code',
      's.name_th as standard_name_th',
      's.name_en as standard_name_en',
      'x.province_code',
      'x.summary',
      'x.evidence',
      'x.recorded_at',
      'x.recorded_by',
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
    .selectAll('ev')
    .select([
      's.name_th as standard_name_th',
      's.name_en as standard_name_en',
      's.qualification_th',
      's.qualification_en',
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
export type EventBaseRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

export const setEventCode = (trx: Executor, id: number, code: string) => trx.updateTable('assessment_event').set({ code }).where('id', '=', id).execute();

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

export const assessorsOf = (db: Executor, eventId: number) => db.selectFrom('assessment_assessor').select('user_id').where('event_id', '=', eventId).execute();

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
/** An event's candidates; the service adds their names (registry's) and qualifications (credentials'). */
export const candidatesOf = (db: Executor, eventId: number) =>
  db
    .selectFrom('assessment_candidate')
    .select(['id', 'event_id', 'person_id', 'basis', 'basis_note', 'units', 'status', 'overall', 'previous_candidate_id', 'decided_at'])
    .where('event_id', '=', eventId)
    .orderBy('id')
    .execute();
export type CandidateBaseRow = Awaited<ReturnType<typeof candidatesOf>>[number];

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
    .select(['r.candidate_id', 'r.unit_code', 'r.result', 'r.evidence_note', 'r.recorded_at', 'r.assessor_user_id'])
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
      'ev.centre_unit_code',
    ])
    .where('c.person_id', '=', personId)
    .where('c.status', '<>', 'withdrawn')
    .orderBy('ev.assessed_on', 'desc')
    .execute();

/** A withdrawn candidate referred again takes their row back: the withdrawn row goes. */
export const deleteWithdrawnCandidate = (trx: Executor, eventId: number, personId: number) =>
  trx.deleteFrom('assessment_candidate').where('event_id', '=', eventId).where('person_id', '=', personId).where('status', '=', 'withdrawn').execute();
