import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, EnrolmentStatus, SessionStatus } from '../../db/schema';
import { loadReferenceSet, fingerprint } from '../../db/reference-data';
import { scopeIncludes, type Scope } from '../../platform/auth/actor';
import { recordAudit } from '../../platform/audit/audit.service';
import type { ActorContext, RequestContext } from '../../platform/context';
import { FileProblem } from '../../platform/files/decode';
import { mapHeader, parseLooseDate, type ImportColumn, type RowError } from '../../platform/files/rows';
import { readTable } from '../../platform/files/table';
import type { JobRunner } from '../../platform/jobs/jobs';
import { problems, type FieldError } from '../../platform/problem';
import { bangkokDate, fiscalYearOfDate } from '../../../shared/fiscal-year';
import { nationalIdProblem, normalizeNationalId } from '../../../shared/national-id';
import { fullName } from '../../../shared/person-fields';
import { formatThaiDate, parseThaiDate } from '../../../shared/thai-date';
import type { CredentialsService } from '../credentials/credentials.service';
import type { GeoService } from '../geo/geo.service';
import type { OrgService } from '../org/org.service';
import type { RegistryService } from '../registry/registry.service';
import { CURRICULA, totalMinutes } from './data/curricula';
import { trainingPolicy } from './training.policy';
import { achievementOf, hoursOf, presentCurriculum, presentMyEnrolment, presentRosterEntry, presentSession } from './training.present';
import * as repository from './training.repository';
import { canMoveSession, completionReasons, eligibilityReasons, SEATED, type Reason } from './training.rules';

type Ctx = ActorContext;

export const CERTIFICATES_JOB = 'training.certificates';
const CERTIFICATE_BATCH = 25;

export interface SessionInput {
  curriculumCode: string;
  unitCode: string;
  provinceCode: string;
  online: boolean;
  subdistrictCode?: string | null;
  venue?: string | null;
  applicationsCloseOn: string;
  capacityMin: number;
  capacityMax: number;
  trainers: string[];
  budgetSource?: string | null;
  days: { day: string; hours: number; topicTh?: string | null; topicEn?: string | null }[];
}

/** The online-results file: who finished, when, and their score. */
export const RESULT_COLUMNS = [
  {
    key: 'id_number',
    th: 'เลขประจำตัวประชาชน/เลขเอกสาร',
    en: 'National ID or document number',
    required: true,
    hintTh: 'เลข 13 หลัก หรือเลขของเอกสารอื่น',
    hintEn: '13 digits, or the number of the other document',
  },
  {
    key: 'completed_on',
    th: 'วันที่เรียนจบ',
    en: 'Completion date',
    required: true,
    hintTh: 'ปี-เดือน-วัน หรือ วัน/เดือน/ปี พ.ศ.',
    hintEn: 'YYYY-MM-DD, or D/M/YYYY in B.E.',
  },
  { key: 'score', th: 'คะแนน', en: 'Score', required: false, hintTh: '0–100 ว่างได้', hintEn: '0–100, may be empty' },
] as const satisfies readonly ImportColumn[];
type ResultKey = (typeof RESULT_COLUMNS)[number]['key'];
export const RESULTS_MAX_ROWS = 5000;

const STATUS_TH: Record<SessionStatus, string> = {
  planned: 'อยู่ระหว่างวางแผน',
  open: 'เปิดรับสมัคร',
  running: 'กำลังอบรม',
  completed: 'จบแล้ว',
  cancelled: 'ยกเลิกแล้ว',
};
const placeOf = (s: { province_code: string; unit_code: string }) => ({ provinceCode: s.province_code, unitCode: s.unit_code });
const thDate = (iso: string) => formatThaiDate(iso);
const enDate = (iso: string) => formatThaiDate(iso, { locale: 'en' });
const reasonErrors = (reasons: Reason[], field = 'eligibility'): FieldError[] => reasons.map((r) => ({ field, code: r.code, message: r.en, messageTh: r.th }));

/** Loads the shipped curricula when they change (start-up). */
export async function loadTrainingReferenceData(db: Kysely<DB>): Promise<boolean> {
  return loadReferenceSet(db, 'training', fingerprint(CURRICULA), (trx) =>
    repository.upsertCurricula(
      trx,
      CURRICULA.map((c) => ({
        code: c.code,
        name_th: c.nameTh,
        name_en: c.nameEn,
        provider_agency_code: c.providerAgencyCode,
        provider_unit_code: c.providerUnitCode,
        provider_partner: c.providerPartner,
        category: c.category,
        mode: c.mode,
        total_minutes: totalMinutes(c),
        topics: JSON.stringify(c.topics),
        target_groups: c.targetGroups,
        prerequisites: c.prerequisites,
        min_age: c.minAge,
        min_attendance_percent: c.minAttendancePercent,
        min_post_test_score: c.minPostTestScore,
        competency_units: c.competencyUnits,
        assumed_fields: c.assumed,
        source_note: c.source,
        shipped: true,
      })),
    ),
  );
}

export function createTrainingService(deps: {
  db: Kysely<DB>;
  geo: GeoService;
  org: OrgService;
  registry: RegistryService;
  credentials: CredentialsService;
  jobs: JobRunner;
}) {
  const { db, geo, org, registry, credentials, jobs } = deps;
  const today = () => bangkokDate(new Date());

  let groupNamesCache: Promise<Map<string, { th: string; en: string }>> | null = null;
  const groupNames = () => (groupNamesCache ??= org.targetGroups().then((gs) => new Map(gs.map((g) => [g.code, { th: g.nameTh, en: g.nameEn }]))));

  // ------------------------------------------------------------ guards
  const requireSession = async (id: number) => {
    const s = await repository.findSession(db, id);
    if (!s) throw problems.notFound({ en: `No training session has id ${id}.`, th: `ไม่พบรุ่นการอบรมรหัส ${id}` });
    return s;
  };

  const refuse = async (what: { en: string; th: string }, provinceCode: string, scope: Scope) => {
    if (scope.kind === 'none') return problems.forbidden({ en: `Your role does not include ${what.en}.`, th: `บทบาทของคุณไม่มีสิทธิ์${what.th}` });
    const [place] = await geo.provincesByCode([provinceCode]);
    return problems.outOfScope({
      en: `You cannot ${what.en} here: the session is in ${place?.nameEn ?? provinceCode}, outside your area.`,
      th: `คุณไม่สามารถ${what.th}ได้ เพราะรุ่นการอบรมอยู่ในจังหวัด${place?.nameTh ?? provinceCode} ซึ่งอยู่นอกพื้นที่รับผิดชอบของคุณ`,
    });
  };

  const managedSession = async (ctx: Ctx, id: number, what = { en: 'manage this session', th: 'จัดการรุ่นการอบรมนี้' }) => {
    const s = await requireSession(id);
    if (!trainingPolicy.manages(ctx.actor, placeOf(s))) throw await refuse(what, s.province_code, trainingPolicy.officerScope(ctx.actor));
    return s;
  };

  const rosterSession = async (ctx: Ctx, id: number) => {
    const s = await requireSession(id);
    if (!trainingPolicy.readsRoster(ctx.actor, placeOf(s)))
      throw await refuse({ en: 'see who is in this session', th: 'ดูรายชื่อผู้เข้าอบรมรุ่นนี้' }, s.province_code, trainingPolicy.officerScope(ctx.actor));
    return s;
  };

  const curriculumOf = async (code: string) => {
    const c = await repository.findCurriculum(db, code);
    if (!c) throw problems.notFound({ en: `No curriculum has code ${code}.`, th: `ไม่พบหลักสูตรรหัส ${code}` });
    return c;
  };

  // ------------------------------------------------------------ seats
  type Applicant = { personId: number; nameTh: string; nameEn: string | null };

  /**
   * Gives seats in order under the session's row lock: enrolled up to capacity, then the
   * waitlist. Concurrent applications queue on the lock, so the count is never overrun, and the
   * (session, person) key refuses a second row for anyone.
   */
  async function allocate(ctx: Ctx, sessionId: number, applicants: Applicant[], source: 'self' | 'officer' | 'group', groupId: number | null) {
    return db.transaction().execute(async (trx) => {
      const session = await repository.lockSession(trx, sessionId);
      if (!session) throw problems.notFound({ en: `No training session has id ${sessionId}.`, th: `ไม่พบรุ่นการอบรมรหัส ${sessionId}` });
      // Read again under the lock: a cancellation may have committed since the caller looked.
      if (session.status === 'cancelled' || session.status === 'completed') {
        throw problems.conflict({ en: `The session is ${session.status}.`, th: `รุ่นนี้${STATUS_TH[session.status]}` });
      }
      const existing = new Map(
        (
          await repository.enrolmentsOf(
            trx,
            sessionId,
            applicants.map((a) => a.personId),
          )
        ).map((e) => [e.person_id, e]),
      );
      let enrolled = session.enrolled_count;
      let waitlisted = session.waitlisted_count;
      const outcomes: { personId: number; enrolmentId: number; status: EnrolmentStatus; already: boolean; waitlistPosition: number | null }[] = [];
      for (const a of applicants) {
        const prior = existing.get(a.personId);
        if (prior && prior.status !== 'withdrawn') {
          outcomes.push({ personId: a.personId, enrolmentId: prior.id, status: prior.status, already: true, waitlistPosition: null });
          continue;
        }
        const status: EnrolmentStatus = enrolled < session.capacity_max ? 'enrolled' : 'waitlisted';
        if (status === 'enrolled') enrolled++;
        else waitlisted++;
        const values = { status, source, group_id: groupId, enrolled_at: status === 'enrolled' ? new Date() : null };
        const id = prior
          ? (await repository.reapply(trx, prior.id, values), prior.id)
          : (await repository.insertEnrolment(trx, { session_id: sessionId, person_id: a.personId, ...values })).id;
        // Applications are ordered under the session's lock, so a new waitlister is last in line.
        outcomes.push({ personId: a.personId, enrolmentId: id, status, already: false, waitlistPosition: status === 'waitlisted' ? waitlisted : null });
        await registry.addTimelineEvent(trx, {
          personId: a.personId,
          module: 'training',
          kind: status === 'enrolled' ? 'enrolled' : 'waitlisted',
          summaryTh: status === 'enrolled' ? `ได้รับที่นั่งในการอบรม ${session.code}` : `อยู่ในรายชื่อสำรองของการอบรม ${session.code}`,
          summaryEn: status === 'enrolled' ? `Enrolled in training session ${session.code}` : `Waitlisted for training session ${session.code}`,
          data: { sessionId, enrolmentId: id, source },
          actorUserId: ctx.actor.userId,
        });
      }
      const added = outcomes.filter((o) => !o.already);
      if (added.length) {
        await repository.addToCounts(trx, sessionId, enrolled - session.enrolled_count, waitlisted - session.waitlisted_count);
        await recordAudit(trx, ctx, {
          action: source === 'group' ? 'enrolment.enrol_group' : 'enrolment.apply',
          entityType: 'training_session',
          entityId: String(sessionId),
          provinceCode: session.province_code,
          after: {
            source,
            groupId,
            enrolled: added.filter((o) => o.status === 'enrolled').map((o) => o.personId),
            waitlisted: added.filter((o) => o.status === 'waitlisted').map((o) => o.personId),
          },
        });
      }
      return outcomes;
    });
  }

  /** Eligibility facts for several people, read before the seat transaction. */
  async function eligibility(personIds: number[], curriculum: Awaited<ReturnType<typeof curriculumOf>>, startsOn: string) {
    const [facts, names] = await Promise.all([registry.facts(personIds), groupNames()]);
    const result = new Map<number, { applicant: Applicant | null; reasons: Reason[] }>();
    for (const id of personIds) {
      const p = facts.get(id);
      if (!p) {
        result.set(id, { applicant: null, reasons: [{ code: 'no-person', en: `No person has id ${id}.`, th: `ไม่พบบุคคลรหัส ${id}` }] });
        continue;
      }
      const completed = curriculum.prerequisites.length ? await repository.completedCurricula(db, id) : new Set<string>();
      const reasons = eligibilityReasons({
        person: { status: p.status, targetGroups: p.targetGroups, birthDate: p.birthDate },
        curriculum: { targetGroups: curriculum.target_groups, prerequisites: curriculum.prerequisites, minAge: curriculum.min_age },
        completed,
        startsOn,
        groupNames: names,
      });
      result.set(id, { applicant: { personId: id, nameTh: p.nameTh, nameEn: p.nameEn }, reasons });
    }
    return result;
  }

  const enrolmentView = async (sessionId: number, personId: number) => {
    const mine = (await repository.enrolmentsOfPerson(db, personId)).find((e) => e.session_id === sessionId)!;
    return presentMyEnrolment(mine);
  };

  // ------------------------------------------------------------ certificates
  async function issueFor(ctx: RequestContext, session: repository.SessionDetailRow, enrolments: { id: number; person_id: number }[]) {
    const [facts, days, curriculum] = await Promise.all([
      registry.facts(enrolments.map((e) => e.person_id)),
      repository.daysOf(db, session.id),
      curriculumOf(session.curriculum_code),
    ]);
    const minutes = days.reduce((sum, d) => sum + d.minutes, 0);
    const achievement = achievementOf(curriculum, credentials.publicUrl);
    const issued: string[] = [];
    await db.transaction().execute(async (trx) => {
      for (const e of enrolments) {
        const p = facts.get(e.person_id)!;
        const result = await credentials.issue(trx, ctx, {
          kind: 'training-completion',
          personId: e.person_id,
          holderNameTh: p.nameTh,
          holderNameEn: p.nameEn,
          titleTh: session.curriculum_name_th,
          titleEn: session.curriculum_name_en,
          issuerUnitCode: session.unit_code,
          provinceCode: session.province_code,
          issuedOn: bangkokDate(new Date()),
          details: {
            courseCode: session.curriculum_code,
            sessionCode: session.code,
            hours: hoursOf(minutes),
            startedOn: session.starts_on,
            endedOn: session.ends_on,
          },
          achievement,
          sourceType: 'enrolment',
          sourceId: String(e.id),
        });
        issued.push(result.code);
      }
    });
    return issued;
  }

  /** The bulk issue: batches of 25, each committed with its progress, so a restart carries on. */
  jobs.register(CERTIFICATES_JOB, async ({ job, progress, signal }) => {
    const payload = job.payload as { sessionId: number; actor: { userId: string; username: string; displayName: string } };
    const ctx: RequestContext = { actor: { ...payload.actor, mustChangePassword: false, grants: [], personId: null }, requestId: `job:${job.id}` };
    const session = await requireSession(payload.sessionId);
    const total = await repository.countCompleted(db, payload.sessionId);
    let issued = 0;
    for (;;) {
      if (signal.aborted) throw new Error('stopped');
      const batch = await repository.completedWithoutCertificate(db, payload.sessionId, CERTIFICATE_BATCH);
      if (batch.length === 0) break;
      issued += (await issueFor(ctx, session, batch)).length;
      await progress(total - (await repository.countCompletedWithoutCertificate(db, payload.sessionId)), total);
    }
    return { issued, total };
  });

  // A merge moves the duplicate's enrolments to the survivor (credentials move their own).

  const service = {
    // ---------------------------------------------------------- curricula
    async listCurricula(_ctx: Ctx, filter: { category?: string; status?: 'active' | 'retired' }) {
      return (await repository.listCurricula(db, filter)).map(presentCurriculum);
    },

    async getCurriculum(_ctx: Ctx, code: string) {
      return presentCurriculum(await curriculumOf(code));
    },

    // ---------------------------------------------------------- sessions
    async listSessions(
      ctx: Ctx,
      query: { province?: string; status?: SessionStatus; curriculum?: string; category?: string; open?: boolean; limit: number; offset: number },
    ) {
      const found = await repository.listSessions(db, {
        provinceCode: query.province,
        status: query.status,
        curriculumCode: query.curriculum,
        category: query.category,
        openOn: query.open ? today() : undefined,
        limit: query.limit,
        offset: query.offset,
      });
      return {
        items: found.items.map((s) => presentSession(s, { today: today(), canManage: trainingPolicy.manages(ctx.actor, placeOf(s)) })),
        total: found.total,
      };
    },

    async getSession(ctx: Ctx, id: number) {
      const s = await requireSession(id);
      const [days, curriculum] = await Promise.all([repository.daysOf(db, id), curriculumOf(s.curriculum_code)]);
      const manages = trainingPolicy.manages(ctx.actor, placeOf(s));
      const mine = ctx.actor.personId ? await repository.enrolmentOf(db, id, ctx.actor.personId) : undefined;
      return {
        ...presentSession(s, { today: today(), canManage: trainingPolicy.manages(ctx.actor, placeOf(s)) }),
        subdistrictCode: s.subdistrict_code,
        subdistrictNameTh: s.subdistrict_name_th,
        subdistrictNameEn: s.subdistrict_name_en,
        districtNameTh: s.district_name_th,
        districtNameEn: s.district_name_en,
        curriculum: presentCurriculum(curriculum),
        days: days.map((d) => ({
          day: d.day,
          hours: hoursOf(d.minutes),
          topicTh: d.topic_th,
          topicEn: d.topic_en,
          checkinCode: manages ? d.checkin_code : null,
        })),
        scheduledHours: hoursOf(days.reduce((sum, d) => sum + d.minutes, 0)),
        canSeeRoster: trainingPolicy.readsRoster(ctx.actor, placeOf(s)),
        canEnrol: scopeIncludes(trainingPolicy.enrolScope(ctx.actor), s.province_code),
        myEnrolment: mine ? await enrolmentView(id, ctx.actor.personId!) : null,
      };
    },

    async createSession(ctx: Ctx, input: SessionInput) {
      const errors: FieldError[] = [];
      const err = (field: string, code: string, en: string, th: string) => errors.push({ field: `body.${field}`, code, message: en, messageTh: th });
      const curriculum = await repository.findCurriculum(db, input.curriculumCode);
      if (!curriculum || curriculum.status !== 'active')
        err('curriculumCode', 'unknown-curriculum', `No active curriculum has code ${input.curriculumCode}.`, `ไม่พบหลักสูตรรหัส ${input.curriculumCode} ที่เปิดใช้อยู่`);
      const unitArea = (await org.unitAreas([input.unitCode])).get(input.unitCode);
      if (!unitArea) err('unitCode', 'unknown-unit', `No unit has code ${input.unitCode}.`, `ไม่พบหน่วยงานรหัส ${input.unitCode}`);
      else if (!unitArea.includes(input.provinceCode))
        err('provinceCode', 'outside-unit', 'The training area must lie in the organising unit’s area.', 'พื้นที่จัดอบรมต้องอยู่ในพื้นที่รับผิดชอบของหน่วยงานผู้จัด');
      if (!input.online) {
        if (!input.subdistrictCode)
          err('subdistrictCode', 'required', 'An on-site session needs its venue’s sub-district.', 'การอบรมในสถานที่ต้องระบุตำบลที่ตั้งของสถานที่อบรม');
        else {
          const area = (await geo.subdistrictAreas()).get(input.subdistrictCode);
          if (!area)
            err('subdistrictCode', 'unknown-subdistrict', `${input.subdistrictCode} is not a sub-district code.`, `${input.subdistrictCode} ไม่ใช่รหัสตำบล`);
          else if (area.provinceCode !== input.provinceCode)
            err('subdistrictCode', 'outside-province', 'The venue must be in the training area’s province.', 'สถานที่อบรมต้องอยู่ในจังหวัดที่จัดอบรม');
        }
      }
      const days = [...input.days].sort((a, b) => a.day.localeCompare(b.day));
      days.forEach((d, i) => {
        if (i > 0 && d.day === days[i - 1]!.day) err(`days[${i}].day`, 'duplicate-day', `${d.day} is listed twice.`, `วันที่ ${d.day} ซ้ำกัน`);
      });
      if (input.capacityMin > input.capacityMax) err('capacityMin', 'min-above-max', 'The minimum is above the maximum.', 'จำนวนขั้นต่ำมากกว่าจำนวนสูงสุด');
      if (days.length && input.applicationsCloseOn > days[0]!.day)
        err('applicationsCloseOn', 'after-start', 'Applications must close on or before the first day.', 'วันปิดรับสมัครต้องไม่เกินวันแรกของการอบรม');
      if (errors.length) throw problems.validation(errors);
      if (!trainingPolicy.organises(ctx.actor, { provinceCode: input.provinceCode, unitCode: input.unitCode })) {
        throw await refuse({ en: 'organise training', th: 'จัดการอบรม' }, input.provinceCode, trainingPolicy.officerScope(ctx.actor));
      }

      const startsOn = days[0]!.day;
      const id = await db.transaction().execute(async (trx) => {
        const newId = await repository.reserveSessionId(trx);
        const code = `${input.curriculumCode}-${input.provinceCode}-${fiscalYearOfDate(startsOn)}-${String(newId).padStart(4, '0')}`;
        await repository.insertSession(trx, {
          id: newId,
          code,
          curriculum_code: input.curriculumCode,
          unit_code: input.unitCode,
          province_code: input.provinceCode,
          subdistrict_code: input.online ? (input.subdistrictCode ?? null) : input.subdistrictCode!,
          venue: input.venue?.trim() || null,
          online: input.online,
          starts_on: startsOn,
          ends_on: days[days.length - 1]!.day,
          applications_close_on: input.applicationsCloseOn,
          capacity_min: input.capacityMin,
          capacity_max: input.capacityMax,
          trainers: input.trainers.map((t) => t.trim()).filter(Boolean),
          budget_source: input.budgetSource?.trim() || null,
          created_by: ctx.actor.userId,
        });
        await repository.insertDays(
          trx,
          days.map((d) => ({
            session_id: newId,
            day: d.day,
            minutes: Math.round(d.hours * 60),
            topic_th: d.topicTh?.trim() || null,
            topic_en: d.topicEn?.trim() || null,
            checkin_code: randomBytes(12).toString('base64url'),
          })),
        );
        await recordAudit(trx, ctx, {
          action: 'training_session.create',
          entityType: 'training_session',
          entityId: String(newId),
          provinceCode: input.provinceCode,
          after: { code, curriculum: input.curriculumCode, capacity: [input.capacityMin, input.capacityMax], days: days.length },
        });
        return newId;
      });
      return service.getSession(ctx, id);
    },

    async changeStatus(ctx: Ctx, id: number, input: { status: SessionStatus; reason?: string | null }) {
      const s = await managedSession(ctx, id);
      if (!canMoveSession(s.status, input.status)) {
        throw problems.conflict({ en: `A ${s.status} session cannot become ${input.status}.`, th: `รุ่นที่มีสถานะ ${s.status} เปลี่ยนเป็น ${input.status} ไม่ได้` });
      }
      if (input.status === 'cancelled' && !input.reason?.trim()) {
        throw problems.validation([
          {
            field: 'body.reason',
            code: 'required',
            message: 'Say why the session is cancelled; applicants are told.',
            messageTh: 'กรุณาระบุเหตุผลที่ยกเลิก ผู้สมัครจะได้รับแจ้ง',
          },
        ]);
      }
      await db.transaction().execute(async (trx) => {
        await repository.lockSession(trx, id);
        await repository.setSessionStatus(trx, id, input.status, input.reason?.trim() || null);
        if (input.status === 'cancelled') {
          // Everyone holding a seat or waiting for one is told, on their timeline.
          for (const e of await repository.waitingOrSeated(trx, id)) {
            await registry.addTimelineEvent(trx, {
              personId: e.person_id,
              module: 'training',
              kind: 'session-cancelled',
              summaryTh: `รุ่นการอบรม ${s.code} ถูกยกเลิก: ${input.reason!.trim()}`,
              summaryEn: `Training session ${s.code} was cancelled: ${input.reason!.trim()}`,
              data: { sessionId: id, enrolmentId: e.id },
              actorUserId: ctx.actor.userId,
            });
          }
        }
        await recordAudit(trx, ctx, {
          action: 'training_session.status',
          entityType: 'training_session',
          entityId: String(id),
          provinceCode: s.province_code,
          before: { status: s.status },
          after: { status: input.status, reason: input.reason ?? null },
        });
      });
      if (input.status === 'completed') await service.evaluate(ctx, id);
      return service.getSession(ctx, id);
    },

    // ---------------------------------------------------------- applications
    /** A citizen applies for themself; an officer applies for a person in the session's area. */
    async apply(ctx: Ctx, sessionId: number, input: { personId?: number | null }) {
      const s = await requireSession(sessionId);
      const self = !input.personId || input.personId === ctx.actor.personId;
      const personId = self ? ctx.actor.personId : input.personId!;
      if (!personId) throw problems.validation([{ field: 'body.personId', code: 'required', message: 'Say whom to enrol.', messageTh: 'กรุณาระบุผู้สมัคร' }]);
      if (self) {
        if (s.status !== 'open' || s.applications_close_on < today()) {
          throw problems.conflict(
            s.status === 'open'
              ? { en: `Applications closed on ${enDate(s.applications_close_on)}.`, th: `รุ่นนี้ปิดรับสมัครแล้วเมื่อ ${thDate(s.applications_close_on)}` }
              : { en: 'This session is not taking applications.', th: `รุ่นนี้ไม่เปิดรับสมัคร (${STATUS_TH[s.status]})` },
          );
        }
      } else {
        const scope = trainingPolicy.enrolScope(ctx.actor);
        if (!scopeIncludes(scope, s.province_code))
          throw await refuse({ en: 'enrol people in this session', th: 'ลงทะเบียนผู้เข้าอบรมรุ่นนี้' }, s.province_code, scope);
        if (s.status === 'completed' || s.status === 'cancelled')
          throw problems.conflict({ en: `The session is ${s.status}.`, th: `รุ่นนี้${s.status === 'completed' ? 'จบแล้ว' : 'ถูกยกเลิกแล้ว'}` });
      }
      const curriculum = await curriculumOf(s.curriculum_code);
      const check = (await eligibility([personId], curriculum, s.starts_on)).get(personId)!;
      if (!check.applicant) throw problems.notFound({ en: `No person has id ${personId}.`, th: `ไม่พบบุคคลรหัส ${personId}` });
      if (check.reasons.length) {
        throw problems.unprocessable(
          { en: 'Not eligible for this course; see the reasons.', th: 'ไม่มีคุณสมบัติตามหลักสูตรนี้ ดูเหตุผลในรายการ' },
          reasonErrors(check.reasons),
        );
      }
      const [outcome] = await allocate(ctx, sessionId, [check.applicant], self ? 'self' : 'officer', null);
      if (outcome!.already) {
        throw problems.conflict({
          en: `Already ${outcome!.status} in this session.`,
          th: `มีชื่ออยู่ในรุ่นนี้แล้ว (${outcome!.status === 'waitlisted' ? 'รายชื่อสำรอง' : 'ได้ที่นั่ง'})`,
        });
      }
      // Built from what is known rather than read back: this is the hot path of an opening day.
      return {
        id: outcome!.enrolmentId,
        sessionId,
        sessionCode: s.code,
        curriculumNameTh: s.curriculum_name_th,
        curriculumNameEn: s.curriculum_name_en,
        provinceNameTh: s.province_name_th,
        provinceNameEn: s.province_name_en,
        startsOn: s.starts_on,
        endsOn: s.ends_on,
        sessionStatus: s.status,
        online: s.online,
        venue: s.venue,
        status: outcome!.status,
        waitlistPosition: outcome!.waitlistPosition,
        attendedHours: 0,
        postTestScore: null,
        outcomeReasons: [],
        credentialCode: null,
        credentialStatus: null,
      };
    },

    /** Enrols an occupation group's current members; those not eligible are listed with reasons. */
    async enrolGroup(ctx: Ctx, sessionId: number, groupId: number) {
      const s = await requireSession(sessionId);
      const scope = trainingPolicy.enrolScope(ctx.actor);
      if (!scopeIncludes(scope, s.province_code)) throw await refuse({ en: 'enrol people in this session', th: 'ลงทะเบียนผู้เข้าอบรมรุ่นนี้' }, s.province_code, scope);
      if (s.status === 'completed' || s.status === 'cancelled') throw problems.conflict({ en: `The session is ${s.status}.`, th: 'รุ่นนี้ปิดแล้ว' });
      const group = await registry.getGroup(ctx, groupId);
      const members = group.members.filter((m) => m.leftOn === null);
      const curriculum = await curriculumOf(s.curriculum_code);
      const checks = await eligibility(
        members.map((m) => m.personId),
        curriculum,
        s.starts_on,
      );
      const eligible = [...checks.values()].filter((c) => c.applicant && c.reasons.length === 0).map((c) => c.applicant!);
      const outcomes = eligible.length ? await allocate(ctx, sessionId, eligible, 'group', groupId) : [];
      const nameOf = new Map(members.map((m) => [m.personId, fullName({ title: m.title, first: m.firstNameTh, last: m.lastNameTh }, 'th')]));
      return {
        enrolled: outcomes.filter((o) => !o.already && o.status === 'enrolled').map((o) => ({ personId: o.personId, name: nameOf.get(o.personId)! })),
        waitlisted: outcomes.filter((o) => !o.already && o.status === 'waitlisted').map((o) => ({ personId: o.personId, name: nameOf.get(o.personId)! })),
        already: outcomes.filter((o) => o.already).map((o) => ({ personId: o.personId, name: nameOf.get(o.personId)! })),
        notEligible: [...checks.entries()]
          .filter(([, c]) => c.reasons.length > 0)
          .map(([personId, c]) => ({ personId, name: nameOf.get(personId) ?? String(personId), reasons: c.reasons })),
      };
    },

    /** Withdraws an enrolment; a freed seat goes to the head of the waitlist in the same transaction. */
    async withdraw(ctx: Ctx, enrolmentId: number, input: { reason?: string | null }) {
      const e = await repository.findEnrolment(db, enrolmentId);
      if (!e) throw problems.notFound({ en: `No enrolment has id ${enrolmentId}.`, th: `ไม่พบการสมัครรหัส ${enrolmentId}` });
      const s = await requireSession(e.session_id);
      const own = ctx.actor.personId === e.person_id;
      if (!own) {
        const scope = trainingPolicy.enrolScope(ctx.actor);
        if (!scopeIncludes(scope, s.province_code))
          throw await refuse({ en: 'withdraw people from this session', th: 'ถอนรายชื่อผู้เข้าอบรมรุ่นนี้' }, s.province_code, scope);
      }
      const promoted = await db.transaction().execute(async (trx) => {
        await repository.lockSession(trx, e.session_id);
        const current = await repository.findEnrolment(trx, enrolmentId);
        if (!current || (current.status !== 'enrolled' && current.status !== 'waitlisted')) {
          throw problems.conflict({
            en: `This enrolment is ${current?.status}; only an enrolled or waitlisted one can be withdrawn.`,
            th: 'ถอนได้เฉพาะผู้ที่ได้ที่นั่งหรืออยู่ในรายชื่อสำรอง',
          });
        }
        await repository.withdraw(trx, enrolmentId, input.reason?.trim() || null);
        await registry.addTimelineEvent(trx, {
          personId: e.person_id,
          module: 'training',
          kind: 'withdrawn',
          summaryTh: `ถอนตัวจากการอบรม ${s.code}`,
          summaryEn: `Withdrew from training session ${s.code}`,
          data: { sessionId: s.id, reason: input.reason ?? null },
          actorUserId: ctx.actor.userId,
        });
        let head: Awaited<ReturnType<typeof repository.headOfWaitlist>> | undefined;
        if (current.status === 'enrolled') {
          head = await repository.headOfWaitlist(trx, e.session_id);
          if (head) {
            await repository.promote(trx, head.id);
            await repository.addToCounts(trx, e.session_id, 0, -1);
            await registry.addTimelineEvent(trx, {
              personId: head.person_id,
              module: 'training',
              kind: 'promoted',
              summaryTh: `ได้รับที่นั่งจากรายชื่อสำรอง การอบรม ${s.code}`,
              summaryEn: `Moved from the waitlist to a seat in ${s.code}`,
              data: { sessionId: s.id, enrolmentId: head.id },
              actorUserId: ctx.actor.userId,
            });
          } else {
            await repository.addToCounts(trx, e.session_id, -1, 0);
          }
        } else {
          await repository.addToCounts(trx, e.session_id, 0, -1);
        }
        await recordAudit(trx, ctx, {
          action: 'enrolment.withdraw',
          entityType: 'enrolment',
          entityId: String(enrolmentId),
          provinceCode: s.province_code,
          before: { status: current.status },
          after: { reason: input.reason ?? null, promoted: head?.id ?? null },
        });
        return head ? { enrolmentId: head.id, personId: head.person_id } : null;
      });
      return { withdrawn: enrolmentId, promoted };
    },

    async roster(ctx: Ctx, sessionId: number, query: { status?: EnrolmentStatus; limit: number; offset: number }) {
      await rosterSession(ctx, sessionId);
      const found = await repository.roster(db, sessionId, query);
      return { items: found.items.map((r) => presentRosterEntry(r, registry.maskDocument)), counts: found.counts };
    },

    // ---------------------------------------------------------- attendance
    async attendanceSheet(ctx: Ctx, sessionId: number, day: string) {
      await rosterSession(ctx, sessionId);
      const days = await repository.daysOf(db, sessionId);
      const d = days.find((x) => x.day === day);
      if (!d) throw problems.notFound({ en: `The session has no training day on ${enDate(day)}.`, th: `รุ่นนี้ไม่มีวันอบรมวันที่ ${thDate(day)}` });
      const [people, marks] = await Promise.all([repository.roster(db, sessionId, { limit: 5000, offset: 0 }), repository.attendanceOn(db, sessionId, day)]);
      const byEnrolment = new Map(marks.map((m) => [m.enrolment_id, m]));
      return {
        day,
        hours: hoursOf(d.minutes),
        entries: people.items
          .filter((p) => SEATED.includes(p.status))
          .map((p) => {
            const mark = byEnrolment.get(p.id);
            return {
              enrolmentId: p.id,
              personId: p.person_id,
              name: fullName({ title: p.title, first: p.first_name_th, last: p.last_name_th }, 'th'),
              present: Boolean(mark && mark.minutes > 0),
              hours: mark ? hoursOf(mark.minutes) : 0,
              method: mark?.method ?? null,
            };
          }),
      };
    },

    /** The officer's roster for one day, in bulk: present (with hours, the whole day by default) or absent. */
    async recordAttendance(ctx: Ctx, sessionId: number, day: string, entries: { enrolmentId: number; present: boolean; hours?: number | null }[]) {
      const s = await managedSession(ctx, sessionId, { en: 'take attendance for this session', th: 'บันทึกการเข้าอบรมของรุ่นนี้' });
      if (s.status === 'cancelled' || s.status === 'planned')
        throw problems.conflict({ en: `A ${s.status} session takes no attendance.`, th: 'รุ่นที่ยังไม่เปิดหรือถูกยกเลิกบันทึกการเข้าอบรมไม่ได้' });
      const d = (await repository.daysOf(db, sessionId)).find((x) => x.day === day);
      if (!d) throw problems.notFound({ en: `The session has no training day on ${enDate(day)}.`, th: `รุ่นนี้ไม่มีวันอบรมวันที่ ${thDate(day)}` });
      if (day > today())
        throw problems.unprocessable({
          en: `${enDate(day)} has not come yet; attendance is taken on or after the day.`,
          th: `ยังไม่ถึงวันที่ ${thDate(day)} บันทึกการเข้าอบรมได้ตั้งแต่วันนั้นเป็นต้นไป`,
        });
      const ids = entries.map((x) => x.enrolmentId);
      const seated = new Map((await repository.enrolmentStatuses(db, sessionId, ids)).map((e) => [e.id, e.status]));
      const errors: FieldError[] = [];
      entries.forEach((x, i) => {
        const status = seated.get(x.enrolmentId);
        if (!status)
          errors.push({
            field: `body.entries[${i}].enrolmentId`,
            code: 'not-in-session',
            message: `Enrolment ${x.enrolmentId} is not in this session.`,
            messageTh: `รายการ ${x.enrolmentId} ไม่อยู่ในรุ่นนี้`,
          });
        else if (!SEATED.includes(status))
          errors.push({
            field: `body.entries[${i}].enrolmentId`,
            code: 'not-seated',
            message: `Enrolment ${x.enrolmentId} is ${status}, not seated.`,
            messageTh: `รายการ ${x.enrolmentId} ไม่ได้อยู่ในรายชื่อผู้ได้ที่นั่ง`,
          });
        if (x.hours != null && Math.round(x.hours * 60) > d.minutes)
          errors.push({
            field: `body.entries[${i}].hours`,
            code: 'above-day',
            message: `The day has ${hoursOf(d.minutes)} hours.`,
            messageTh: `วันนี้มีการอบรม ${hoursOf(d.minutes)} ชั่วโมง`,
          });
      });
      if (errors.length) throw problems.validation(errors);
      const present = entries.filter((x) => x.present);
      const absent = entries.filter((x) => !x.present).map((x) => x.enrolmentId);
      await db.transaction().execute(async (trx) => {
        await repository.upsertAttendance(
          trx,
          present.map((x) => ({
            enrolment_id: x.enrolmentId,
            day,
            minutes: x.hours == null ? d.minutes : Math.round(x.hours * 60),
            method: 'roster' as const,
            recorded_by: ctx.actor.userId,
          })),
        );
        await repository.deleteAttendance(trx, absent, day);
        await repository.recomputeAttended(trx, ids);
        await recordAudit(trx, ctx, {
          action: 'attendance.record',
          entityType: 'training_session',
          entityId: String(sessionId),
          provinceCode: s.province_code,
          after: { day, present: present.length, absent: absent.length },
        });
      });
      return service.attendanceSheet(ctx, sessionId, day);
    },

    /** Self check-in with the QR code shown at the venue: valid only on its day, for its session. */
    async checkIn(ctx: Ctx, code: string) {
      if (!ctx.actor.personId) throw problems.forbidden({ en: 'Check in with your own citizen account.', th: 'กรุณาเช็กอินด้วยบัญชีผู้ใช้ของคุณเอง' });
      const d = await repository.findDayByCode(db, code);
      if (!d)
        throw problems.notFound({
          en: 'This check-in code is not known; scan the QR code at the venue again.',
          th: 'ไม่รู้จักรหัสเช็กอินนี้ กรุณาสแกน QR code ที่สถานที่อบรมอีกครั้ง',
        });
      const s = await requireSession(d.session_id);
      const now = today();
      if (d.day !== now) {
        throw problems.unprocessable({
          en: `This QR code is for ${enDate(d.day)} only; today is ${enDate(now)}.`,
          th: `QR code นี้ใช้เช็กอินได้เฉพาะวันที่ ${thDate(d.day)} เท่านั้น วันนี้คือวันที่ ${thDate(now)}`,
        });
      }
      if (s.status !== 'open' && s.status !== 'running') throw problems.conflict({ en: `The session is ${s.status}.`, th: 'รุ่นนี้ไม่ได้อยู่ระหว่างการอบรม' });
      const e = await repository.enrolmentOf(db, s.id, ctx.actor.personId);
      if (!e || e.status !== 'enrolled') {
        throw problems.forbidden({ en: 'You do not hold a seat in this session.', th: 'คุณไม่ได้อยู่ในรายชื่อผู้ได้ที่นั่งของรุ่นนี้' });
      }
      await db.transaction().execute(async (trx) => {
        await repository.upsertAttendance(trx, [{ enrolment_id: e.id, day: d.day, minutes: d.minutes, method: 'qr', recorded_by: ctx.actor.userId }]);
        await repository.recomputeAttended(trx, [e.id]);
        await recordAudit(trx, ctx, {
          action: 'attendance.check_in',
          entityType: 'enrolment',
          entityId: String(e.id),
          provinceCode: s.province_code,
          after: { day: d.day },
        });
      });
      return {
        sessionId: s.id,
        sessionCode: s.code,
        curriculumNameTh: s.curriculum_name_th,
        curriculumNameEn: s.curriculum_name_en,
        day: d.day,
        hours: hoursOf(d.minutes),
      };
    },

    async setScores(ctx: Ctx, sessionId: number, scores: { enrolmentId: number; score: number | null }[]) {
      const s = await managedSession(ctx, sessionId, { en: 'record scores for this session', th: 'บันทึกคะแนนของรุ่นนี้' });
      const ids = scores.map((x) => x.enrolmentId);
      const known = new Set((await repository.enrolmentStatuses(db, sessionId, ids)).map((r) => r.id));
      const errors = scores.flatMap((x, i) =>
        known.has(x.enrolmentId)
          ? []
          : [
              {
                field: `body.scores[${i}].enrolmentId`,
                code: 'not-in-session',
                message: `Enrolment ${x.enrolmentId} is not in this session.`,
                messageTh: `รายการ ${x.enrolmentId} ไม่อยู่ในรุ่นนี้`,
              },
            ],
      );
      if (errors.length) throw problems.validation(errors);
      await db.transaction().execute(async (trx) => {
        for (const x of scores) await repository.setPostTestScore(trx, x.enrolmentId, x.score);
        await recordAudit(trx, ctx, {
          action: 'enrolment.scores',
          entityType: 'training_session',
          entityId: String(sessionId),
          provinceCode: s.province_code,
          after: { count: scores.length },
        });
      });
      return { updated: scores.length };
    },

    /**
     * The online course's results (identity document, completion date, score): every row is
     * checked first, and one bad row stops the whole file, with each row's errors listed.
     */
    async importResults(ctx: Ctx, sessionId: number, input: { fileName: string; bytes: Buffer }) {
      const s = await managedSession(ctx, sessionId, { en: 'import results for this session', th: 'นำเข้าผลการเรียนของรุ่นนี้' });
      if (s.status === 'cancelled' || s.status === 'planned')
        throw problems.conflict({ en: `A ${s.status} session takes no results.`, th: 'รุ่นที่ยังไม่เปิดหรือถูกยกเลิกนำเข้าผลไม่ได้' });
      let table: Awaited<ReturnType<typeof readTable>>;
      try {
        table = await readTable(input.bytes, { maxRows: RESULTS_MAX_ROWS });
      } catch (error) {
        if (error instanceof FileProblem) throw problems.malformed({ en: `${input.fileName}: ${error.en}`, th: `${input.fileName}: ${error.th}` });
        throw error;
      }
      const { mapping, missing } = mapHeader<ResultKey>(table.header, RESULT_COLUMNS);
      if (missing.length) {
        const names = RESULT_COLUMNS.filter((c) => missing.includes(c.key));
        throw problems.malformed({
          en: `${input.fileName}: the header lacks ${names.map((c) => `"${c.en}"`).join(', ')}.`,
          th: `${input.fileName}: หัวตารางไม่มีคอลัมน์ ${names.map((c) => `"${c.th}"`).join(', ')}`,
        });
      }
      const label = (key: ResultKey) => RESULT_COLUMNS.find((c) => c.key === key)!;
      const errors: RowError[] = [];
      const fail = (line: number, key: ResultKey, value: string, code: string, en: string, th: string) =>
        errors.push({ line, column: key, value: value || null, code, en: `${label(key).en}: ${en}`, th: `${label(key).th}: ${th}` });
      const cell = (cells: string[], key: ResultKey) => (mapping[key] === undefined ? '' : (cells[mapping[key]!] ?? '').trim());
      const parsed: { line: number; doc: string; completedOn: string; score: number | null }[] = [];
      const now = today();
      for (const { line, cells } of table.rows) {
        const before = errors.length;
        const rawId = cell(cells, 'id_number');
        let doc = rawId.replace(/[\s-]/g, '').toUpperCase();
        if (!rawId) fail(line, 'id_number', rawId, 'missing-value', 'this column must have a value.', 'ต้องกรอกช่องนี้');
        else if (/^\d{13}$/.test(doc) || /^[\d\s-]+$/.test(rawId)) {
          const problem = nationalIdProblem(rawId);
          if (problem) fail(line, 'id_number', rawId, problem.code, problem.en, problem.th);
          else doc = normalizeNationalId(rawId);
        }
        const rawDate = cell(cells, 'completed_on');
        const completedOn = parseLooseDate(rawDate) ?? parseThaiDate(rawDate);
        if (!rawDate) fail(line, 'completed_on', rawDate, 'missing-value', 'this column must have a value.', 'ต้องกรอกช่องนี้');
        else if (!completedOn)
          fail(line, 'completed_on', rawDate, 'invalid-date', 'not a date (YYYY-MM-DD, or D/M/YYYY in B.E.).', 'ไม่ใช่วันที่ (ปี-เดือน-วัน หรือ วัน/เดือน/ปี พ.ศ.)');
        else if (completedOn < s.starts_on || completedOn > now)
          fail(
            line,
            'completed_on',
            rawDate,
            'outside-session',
            `must fall between the session's start (${enDate(s.starts_on)}) and today.`,
            `ต้องอยู่ระหว่างวันเริ่มอบรม (${thDate(s.starts_on)}) ถึงวันนี้`,
          );
        const rawScore = cell(cells, 'score');
        let score: number | null = null;
        if (rawScore) {
          score = /^\d{1,3}(\.\d+)?$/.test(rawScore) ? Math.round(Number(rawScore)) : NaN;
          if (!Number.isFinite(score) || score < 0 || score > 100)
            fail(line, 'score', rawScore, 'invalid-score', 'a score is a number from 0 to 100.', 'คะแนนต้องเป็นตัวเลข 0 ถึง 100');
        }
        if (errors.length === before) parsed.push({ line, doc, completedOn: completedOn!, score });
      }
      const found = new Map((await repository.enrolmentsByDocument(db, sessionId, [...new Set(parsed.map((p) => p.doc))])).map((e) => [e.doc_number, e]));
      const seen = new Map<string, number>();
      const apply: { enrolmentId: number; completedOn: string; score: number | null }[] = [];
      for (const p of parsed) {
        const e = found.get(p.doc);
        if (seen.has(p.doc))
          fail(p.line, 'id_number', p.doc, 'duplicate-row', `the same person is on line ${seen.get(p.doc)}.`, `บุคคลเดียวกันอยู่ในบรรทัดที่ ${seen.get(p.doc)} แล้ว`);
        else if (!e) fail(p.line, 'id_number', p.doc, 'not-enrolled', 'no one with this document is enrolled in this session.', 'ไม่มีผู้ใช้เอกสารนี้ในรายชื่อของรุ่นนี้');
        else if (!SEATED.includes(e.status))
          fail(p.line, 'id_number', p.doc, 'not-seated', `this person is ${e.status}, not seated.`, 'บุคคลนี้ไม่ได้อยู่ในรายชื่อผู้ได้ที่นั่ง');
        else apply.push({ enrolmentId: e.id, completedOn: p.completedOn, score: p.score });
        seen.set(p.doc, p.line);
      }
      errors.sort((a, b) => a.line - b.line);
      if (errors.length) return { status: 'rejected' as const, rows: table.rows.length, applied: 0, errors };
      const days = await repository.daysOf(db, sessionId);
      await db.transaction().execute(async (trx) => {
        for (const a of apply) await repository.setOnlineResult(trx, a.enrolmentId, a.completedOn, a.score);
        // Finishing the online course is attending all of it.
        await repository.upsertAttendance(
          trx,
          apply.flatMap((a) =>
            days.map((d) => ({ enrolment_id: a.enrolmentId, day: d.day, minutes: d.minutes, method: 'import' as const, recorded_by: ctx.actor.userId })),
          ),
        );
        await repository.recomputeAttended(
          trx,
          apply.map((a) => a.enrolmentId),
        );
        await recordAudit(trx, ctx, {
          action: 'enrolment.import_results',
          entityType: 'training_session',
          entityId: String(sessionId),
          provinceCode: s.province_code,
          after: { fileName: input.fileName, rows: apply.length },
        });
      });
      return { status: 'applied' as const, rows: table.rows.length, applied: apply.length, errors: [] as RowError[] };
    },

    // ---------------------------------------------------------- completion
    /** Evaluates the completion rule for every seated person, recording the outcome and why. */
    async evaluate(ctx: Ctx, sessionId: number) {
      const s = await managedSession(ctx, sessionId, { en: 'evaluate completion in this session', th: 'ประเมินผลการจบหลักสูตรของรุ่นนี้' });
      if (s.status !== 'running' && s.status !== 'completed')
        throw problems.conflict({ en: 'Completion is evaluated once the session is running.', th: 'ประเมินผลได้เมื่อรุ่นเริ่มอบรมแล้ว' });
      const [curriculum, days] = await Promise.all([curriculumOf(s.curriculum_code), repository.daysOf(db, sessionId)]);
      const scheduled = days.reduce((sum, d) => sum + d.minutes, 0);
      const rule = { minAttendancePercent: curriculum.min_attendance_percent, minPostTestScore: curriculum.min_post_test_score };
      const seated = await repository.seatedEnrolments(db, sessionId);
      const outcomes = seated.map((e) => ({
        e,
        reasons: completionReasons(rule, { attendedMinutes: e.attended_minutes, scheduledMinutes: scheduled, postTestScore: e.post_test_score }),
      }));
      await db.transaction().execute(async (trx) => {
        for (const { e, reasons } of outcomes) {
          const status = reasons.length ? 'not-completed' : 'completed';
          if (e.status === status && JSON.stringify(e.outcome_reasons ?? []) === JSON.stringify(reasons)) continue;
          await repository.setOutcome(trx, e.id, status, reasons);
          await registry.addTimelineEvent(trx, {
            personId: e.person_id,
            module: 'training',
            kind: status,
            summaryTh:
              status === 'completed' ? `ผ่านการอบรม ${s.curriculum_name_th} (${s.code})` : `ยังไม่ผ่านการอบรม ${s.code}: ${reasons.map((r) => r.th).join('; ')}`,
            summaryEn:
              status === 'completed' ? `Completed ${s.curriculum_name_en} (${s.code})` : `Did not complete ${s.code}: ${reasons.map((r) => r.en).join('; ')}`,
            data: { sessionId, enrolmentId: e.id, reasons },
            actorUserId: ctx.actor.userId,
          });
        }
        await recordAudit(trx, ctx, {
          action: 'enrolment.evaluate',
          entityType: 'training_session',
          entityId: String(sessionId),
          provinceCode: s.province_code,
          after: { completed: outcomes.filter((o) => !o.reasons.length).length, notCompleted: outcomes.filter((o) => o.reasons.length).length },
        });
      });
      return { completed: outcomes.filter((o) => !o.reasons.length).length, notCompleted: outcomes.filter((o) => o.reasons.length).length };
    },

    async issueCertificate(ctx: Ctx, enrolmentId: number) {
      const e = await repository.findEnrolment(db, enrolmentId);
      if (!e) throw problems.notFound({ en: `No enrolment has id ${enrolmentId}.`, th: `ไม่พบการสมัครรหัส ${enrolmentId}` });
      const s = await managedSession(ctx, e.session_id, { en: 'issue certificates for this session', th: 'ออกเกียรติบัตรของรุ่นนี้' });
      if (e.status !== 'completed') {
        const reasons = (e.outcome_reasons as Reason[] | null) ?? [];
        throw problems.unprocessable(
          { en: 'Only a person who completed the course receives a certificate.', th: 'ออกเกียรติบัตรได้เฉพาะผู้ที่ผ่านการอบรม' },
          reasonErrors(reasons, 'completion'),
        );
      }
      const [code] = await issueFor(ctx, s, [e]);
      return credentials.get(ctx, code!);
    },

    /** Issues every completed person's certificate as a job; answers with the job to follow. */
    async issueCertificates(ctx: Ctx, sessionId: number) {
      const s = await managedSession(ctx, sessionId, { en: 'issue certificates for this session', th: 'ออกเกียรติบัตรของรุ่นนี้' });
      // Progress counts completed people who hold a certificate, out of all who completed.
      const [pending, completed] = await Promise.all([repository.countCompletedWithoutCertificate(db, sessionId), repository.countCompleted(db, sessionId)]);
      const jobId = await db.transaction().execute(async (trx) => {
        const id = await jobs.enqueue(trx, {
          kind: CERTIFICATES_JOB,
          payload: { sessionId, actor: { userId: ctx.actor.userId, username: ctx.actor.username, displayName: ctx.actor.displayName } },
          createdBy: ctx.actor.userId,
          total: completed,
        });
        await recordAudit(trx, ctx, {
          action: 'credential.issue_bulk',
          entityType: 'training_session',
          entityId: String(sessionId),
          provinceCode: s.province_code,
          after: { jobId: id, pending },
        });
        return id;
      });
      return service.certificateJob(ctx, sessionId, jobId);
    },

    async certificateJob(ctx: Ctx, sessionId: number, jobId: string) {
      await managedSession(ctx, sessionId, { en: 'follow this session’s certificates', th: 'ติดตามการออกเกียรติบัตรของรุ่นนี้' });
      const job = await jobs.get(db, jobId);
      if (!job || job.kind !== CERTIFICATES_JOB || (job.payload as { sessionId: number }).sessionId !== sessionId)
        throw problems.notFound({ en: 'No such certificate job for this session.', th: 'ไม่พบงานออกเกียรติบัตรนี้ของรุ่นนี้' });
      return {
        id: job.id,
        status: job.status,
        done: Number(job.progress_done),
        total: job.progress_total === null ? null : Number(job.progress_total),
        error: job.error,
        result: (job.result as { issued: number; total: number } | null) ?? null,
      };
    },

    // ---------------------------------------------------------- a citizen's own
    async myEnrolments(ctx: Ctx) {
      if (!ctx.actor.personId) return [];
      return (await repository.enrolmentsOfPerson(db, ctx.actor.personId)).map(presentMyEnrolment);
    },
  };
  return service;
}

export type TrainingService = ReturnType<typeof createTrainingService>;
