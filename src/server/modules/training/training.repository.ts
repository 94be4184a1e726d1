import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../db/executor';
import type { EnrolmentStatus, SessionStatus, TrainingSessionTable } from '../../db/schema';

// ---------------------------------------------------------------- curricula
export const listCurricula = (db: Executor, filter: { status?: 'active' | 'retired'; category?: string } = {}) => {
  let q = db.selectFrom('curriculum').selectAll().orderBy('category').orderBy('code');
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.category) q = q.where('category', '=', filter.category);
  return q.execute();
};

export const findCurriculum = (db: Executor, code: string) => db.selectFrom('curriculum').selectAll().where('code', '=', code).executeTakeFirst();

export interface CurriculumValues {
  code: string;
  name_th: string;
  name_en: string;
  provider_agency_code: string;
  provider_unit_code: string | null;
  provider_partner: string | null;
  category: string;
  mode: string;
  total_minutes: number;
  topics: string;
  target_groups: string[];
  prerequisites: string[];
  min_age: number | null;
  min_attendance_percent: number;
  min_post_test_score: number | null;
  competency_units: string[];
  assumed_fields: string[];
  source_note: string | null;
  shipped: boolean;
}

export async function upsertCurricula(db: Executor, rows: CurriculumValues[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('curriculum')
    .values(rows)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        name_th: eb.ref('excluded.name_th'),
        name_en: eb.ref('excluded.name_en'),
        provider_agency_code: eb.ref('excluded.provider_agency_code'),
        provider_unit_code: eb.ref('excluded.provider_unit_code'),
        provider_partner: eb.ref('excluded.provider_partner'),
        category: eb.ref('excluded.category'),
        mode: eb.ref('excluded.mode'),
        total_minutes: eb.ref('excluded.total_minutes'),
        topics: eb.ref('excluded.topics'),
        target_groups: eb.ref('excluded.target_groups'),
        prerequisites: eb.ref('excluded.prerequisites'),
        min_age: eb.ref('excluded.min_age'),
        min_attendance_percent: eb.ref('excluded.min_attendance_percent'),
        min_post_test_score: eb.ref('excluded.min_post_test_score'),
        competency_units: eb.ref('excluded.competency_units'),
        assumed_fields: eb.ref('excluded.assumed_fields'),
        source_note: eb.ref('excluded.source_note'),
        updated_at: new Date(),
      })),
    )
    .execute();
}

// ---------------------------------------------------------------- sessions
const sessionColumns = [
  's.id',
  's.code',
  's.curriculum_code',
  's.unit_code',
  's.province_code',
  's.subdistrict_code',
  's.venue',
  's.online',
  's.starts_on',
  's.ends_on',
  's.applications_close_on',
  's.capacity_min',
  's.capacity_max',
  's.trainers',
  's.budget_source',
  's.status',
  's.status_reason',
  's.enrolled_count',
  's.waitlisted_count',
  's.created_at',
  's.version',
  'c.name_th as curriculum_name_th',
  'c.name_en as curriculum_name_en',
  'c.mode',
  'c.category',
] as const;

/** Sessions with their curriculum; the service adds the names of their unit and place (org's, geo's). */
const sessionsQuery = (db: Executor) => db.selectFrom('training_session as s').innerJoin('curriculum as c', 'c.code', 's.curriculum_code');

export const findSession = (db: Executor, id: number) => sessionsQuery(db).select(sessionColumns).where('s.id', '=', id).executeTakeFirst();
export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

export interface SessionFilter {
  provinceCode?: string;
  status?: SessionStatus;
  curriculumCode?: string;
  category?: string;
  /** Open for applications on this date (status open, applications not yet closed). */
  openOn?: string;
  limit: number;
  offset: number;
}

export async function listSessions(db: Executor, f: SessionFilter) {
  let q = sessionsQuery(db);
  if (f.provinceCode) q = q.where('s.province_code', '=', f.provinceCode);
  if (f.status) q = q.where('s.status', '=', f.status);
  if (f.curriculumCode) q = q.where('s.curriculum_code', '=', f.curriculumCode);
  if (f.category) q = q.where('c.category', '=', f.category);
  if (f.openOn) q = q.where('s.status', '=', 'open').where('s.applications_close_on', '>=', f.openOn);
  const [items, total] = await Promise.all([
    q.select(sessionColumns).orderBy('s.starts_on', 'desc').orderBy('s.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Locks the session's row: every seat decision for it queues here. */
export const lockSession = (trx: Executor, id: number) => trx.selectFrom('training_session').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const insertSession = (trx: Executor, values: Insertable<TrainingSessionTable>) => trx.insertInto('training_session').values(values).execute();

/** A session's id before its row: its code carries the id. */
export const reserveSessionId = async (trx: Executor) =>
  Number((await sql<{ id: number }>`select nextval('training_session_id_seq')::int8 as id`.execute(trx)).rows[0]!.id);

export async function insertDays(
  trx: Executor,
  rows: { session_id: number; day: string; minutes: number; topic_th: string | null; topic_en: string | null; checkin_code: string }[],
) {
  if (rows.length) await trx.insertInto('session_day').values(rows).execute();
}

export const daysOf = (db: Executor, sessionId: number) =>
  db.selectFrom('session_day').selectAll().where('session_id', '=', sessionId).orderBy('day').execute();

export const findDayByCode = (db: Executor, code: string) => db.selectFrom('session_day').selectAll().where('checkin_code', '=', code).executeTakeFirst();

export const setSessionStatus = (trx: Executor, id: number, status: SessionStatus, reason: string | null) =>
  trx
    .updateTable('training_session')
    .set((eb) => ({ status, status_reason: reason, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();

export const addToCounts = (trx: Executor, id: number, enrolled: number, waitlisted: number) =>
  trx
    .updateTable('training_session')
    .set((eb) => ({ enrolled_count: eb('enrolled_count', '+', enrolled), waitlisted_count: eb('waitlisted_count', '+', waitlisted), updated_at: new Date() }))
    .where('id', '=', id)
    .execute();

// ---------------------------------------------------------------- enrolments
export const findEnrolment = (db: Executor, id: number) => db.selectFrom('enrolment').selectAll().where('id', '=', id).executeTakeFirst();

export const enrolmentOf = (db: Executor, sessionId: number, personId: number) =>
  db.selectFrom('enrolment').selectAll().where('session_id', '=', sessionId).where('person_id', '=', personId).executeTakeFirst();

export const enrolmentsOf = (db: Executor, sessionId: number, personIds: number[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('enrolment').selectAll().where('session_id', '=', sessionId).where('person_id', 'in', personIds).execute();

export const insertEnrolment = (
  trx: Executor,
  values: {
    session_id: number;
    person_id: number;
    status: EnrolmentStatus;
    source: 'self' | 'officer' | 'group';
    group_id: number | null;
    enrolled_at: Date | null;
  },
) => trx.insertInto('enrolment').values(values).returning(['id', 'status']).executeTakeFirstOrThrow();

/** A withdrawn person applying again goes to the back of the queue. */
export const reapply = (
  trx: Executor,
  id: number,
  values: { status: EnrolmentStatus; source: 'self' | 'officer' | 'group'; group_id: number | null; enrolled_at: Date | null },
) =>
  trx
    .updateTable('enrolment')
    .set((eb) => ({
      ...values,
      applied_at: sql<Date>`clock_timestamp()`,
      withdrawn_at: null,
      withdraw_reason: null,
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();

export const withdraw = (trx: Executor, id: number, reason: string | null) =>
  trx
    .updateTable('enrolment')
    .set((eb) => ({ status: 'withdrawn' as const, withdrawn_at: new Date(), withdraw_reason: reason, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();

/** The head of the waitlist, locked so two withdrawals never promote the same person. */
export const headOfWaitlist = (trx: Executor, sessionId: number) =>
  trx
    .selectFrom('enrolment')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('status', '=', 'waitlisted')
    .orderBy('applied_at')
    .orderBy('id')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();

export const promote = (trx: Executor, id: number) =>
  trx
    .updateTable('enrolment')
    .set((eb) => ({ status: 'enrolled' as const, enrolled_at: new Date(), updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();

export interface RosterFilter {
  status?: EnrolmentStatus;
  limit: number;
  offset: number;
}

/** The session's people with their place in the queue; waitlist positions count from 1. */
export async function roster(db: Executor, sessionId: number, f: RosterFilter) {
  const ranked = db
    .selectFrom('enrolment as e')
    .select([
      'e.id',
      'e.person_id',
      'e.status',
      'e.source',
      'e.group_id',
      'e.applied_at',
      'e.enrolled_at',
      'e.withdrawn_at',
      'e.withdraw_reason',
      'e.attended_minutes',
      'e.post_test_score',
      'e.online_completed_on',
      'e.evaluated_at',
      'e.outcome_reasons',
      sql<number | null>`case when e.status = 'waitlisted' then row_number() over (partition by e.status order by e.applied_at, e.id) end`.as(
        'waitlist_position',
      ),
    ])
    .where('e.session_id', '=', sessionId)
    .as('r');
  let q = db.selectFrom(ranked).selectAll();
  if (f.status) q = q.where('r.status', '=', f.status);
  const [items, counts] = await Promise.all([
    q
      .orderBy(sql`case r.status when 'enrolled' then 0 when 'completed' then 0 when 'not-completed' then 0 when 'waitlisted' then 1 else 2 end`)
      .orderBy('r.applied_at')
      .orderBy('r.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    db
      .selectFrom('enrolment')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('session_id', '=', sessionId)
      .groupBy('status')
      .execute(),
  ]);
  return { items, counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])) as Partial<Record<EnrolmentStatus, number>> };
}
export type RosterEnrolmentRow = Awaited<ReturnType<typeof roster>>['items'][number];

/** A person's enrolments with their sessions, newest first. */
export const enrolmentsOfPerson = (db: Executor, personId: number) =>
  db
    .selectFrom('enrolment as e')
    .innerJoin('training_session as s', 's.id', 'e.session_id')
    .innerJoin('curriculum as c', 'c.code', 's.curriculum_code')
    .select([
      'e.id',
      'e.session_id',
      'e.status',
      'e.applied_at',
      'e.attended_minutes',
      'e.post_test_score',
      'e.outcome_reasons',
      's.code as session_code',
      's.starts_on',
      's.ends_on',
      's.status as session_status',
      's.online',
      's.venue',
      'c.name_th as curriculum_name_th',
      'c.name_en as curriculum_name_en',
      's.province_code',
      sql<
        number | null
      >`case when e.status = 'waitlisted' then (select count(*) from enrolment w where w.session_id = e.session_id and w.status = 'waitlisted' and (w.applied_at, w.id) <= (e.applied_at, e.id)) end`.as(
        'waitlist_position',
      ),
    ])
    .where('e.person_id', '=', personId)
    .orderBy('s.starts_on', 'desc')
    .execute();

export async function completedCurricula(db: Executor, personId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('enrolment as e')
    .innerJoin('training_session as s', 's.id', 'e.session_id')
    .select('s.curriculum_code')
    .where('e.person_id', '=', personId)
    .where('e.status', '=', 'completed')
    .execute();
  return new Set(rows.map((r) => r.curriculum_code));
}

export const setOutcome = (trx: Executor, id: number, status: 'completed' | 'not-completed', reasons: unknown) =>
  trx
    .updateTable('enrolment')
    .set((eb) => ({ status, evaluated_at: new Date(), outcome_reasons: JSON.stringify(reasons), updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();

export const setOnlineResult = (trx: Executor, id: number, completedOn: string, score: number | null) =>
  trx.updateTable('enrolment').set({ online_completed_on: completedOn, post_test_score: score, updated_at: new Date() }).where('id', '=', id).execute();

export const setPostTestScore = (trx: Executor, id: number, score: number | null) =>
  trx.updateTable('enrolment').set({ post_test_score: score, updated_at: new Date() }).where('id', '=', id).execute();

// ---------------------------------------------------------------- attendance
export const attendanceOn = (db: Executor, sessionId: number, day: string) =>
  db
    .selectFrom('attendance as a')
    .innerJoin('enrolment as e', 'e.id', 'a.enrolment_id')
    .select(['a.enrolment_id', 'a.minutes', 'a.method', 'a.recorded_at'])
    .where('e.session_id', '=', sessionId)
    .where('a.day', '=', day)
    .execute();

export async function upsertAttendance(
  trx: Executor,
  rows: { enrolment_id: number; day: string; minutes: number; method: 'roster' | 'qr' | 'import'; recorded_by: string | null }[],
) {
  if (rows.length === 0) return;
  await trx
    .insertInto('attendance')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['enrolment_id', 'day']).doUpdateSet((eb) => ({
        minutes: eb.ref('excluded.minutes'),
        method: eb.ref('excluded.method'),
        recorded_by: eb.ref('excluded.recorded_by'),
        recorded_at: new Date(),
      })),
    )
    .execute();
}

export async function deleteAttendance(trx: Executor, enrolmentIds: number[], day: string) {
  if (enrolmentIds.length) await trx.deleteFrom('attendance').where('enrolment_id', 'in', enrolmentIds).where('day', '=', day).execute();
}

/** Keeps each enrolment's total equal to the sum of its attendance rows. */
export async function recomputeAttended(trx: Executor, enrolmentIds: number[]) {
  if (enrolmentIds.length === 0) return;
  await trx
    .updateTable('enrolment')
    .set({
      attended_minutes: sql<number>`coalesce((select sum(a.minutes) from attendance a where a.enrolment_id = enrolment.id), 0)::int`,
      updated_at: new Date(),
    })
    .where('id', 'in', enrolmentIds)
    .execute();
}

export const enrolmentStatuses = (db: Executor, sessionId: number, ids: number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('enrolment').select(['id', 'status']).where('session_id', '=', sessionId).where('id', 'in', ids).execute();

export const seatedEnrolments = (db: Executor, sessionId: number) =>
  db.selectFrom('enrolment').selectAll().where('session_id', '=', sessionId).where('status', 'in', ['enrolled', 'completed', 'not-completed']).execute();

export const countCompleted = async (db: Executor, sessionId: number) =>
  Number(
    (
      await db
        .selectFrom('enrolment')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('session_id', '=', sessionId)
        .where('status', '=', 'completed')
        .executeTakeFirstOrThrow()
    ).n,
  );

// ---------------------------------------------------------------- certificates
/** A session's completed enrolments in a stable order (the bulk issue's cursor runs over them). */
export const completedEnrolments = (db: Executor, sessionId: number) =>
  db.selectFrom('enrolment').select(['id', 'person_id']).where('session_id', '=', sessionId).where('status', '=', 'completed').orderBy('id').execute();

export const waitingOrSeated = (db: Executor, sessionId: number) =>
  db.selectFrom('enrolment').select(['id', 'person_id']).where('session_id', '=', sessionId).where('status', 'in', ['enrolled', 'waitlisted']).execute();

/**
 * The seated people of sessions that start on `day` and still run (open or running), after
 * `afterEnrolmentId`, `limit` at a time: the day-before reminder's scan.
 */
export const seatedStartingOn = (db: Executor, day: string, afterEnrolmentId: number, limit: number) =>
  db
    .selectFrom('enrolment as e')
    .innerJoin('training_session as s', 's.id', 'e.session_id')
    .innerJoin('curriculum as c', 'c.code', 's.curriculum_code')
    .select(['e.id', 'e.person_id', 's.id as session_id', 's.code', 's.starts_on', 's.venue', 's.online', 's.province_code', 'c.name_th', 'c.name_en'])
    .where('s.starts_on', '=', day)
    .where('s.status', 'in', ['open', 'running'])
    .where('e.status', '=', 'enrolled')
    .where('e.id', '>', afterEnrolmentId)
    .orderBy('e.id')
    .limit(limit)
    .execute();
