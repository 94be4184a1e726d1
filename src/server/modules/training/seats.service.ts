import type { EnrolmentStatus } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit.service';
import { scopeIncludes } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import { fullName } from '../../../shared/person-fields';
import type { TrainingAccess } from './training.access';
import { enDate, reasonErrors, STATUS_TH, thDate } from './training.access';
import { trainingPolicy } from './training.policy';
import { presentMyEnrolment, presentRosterEntry } from './training.present';
import * as repository from './training.repository';
import { eligibilityReasons, type Reason } from './training.rules';

type Ctx = ActorContext;

/** Seats: applications (a person, or a whole group), the waitlist, withdrawals, rosters. */
export function createSeatsService(access: TrainingAccess) {
  const { db, registry, notify, today, groupNames, requireSession, refuse, rosterSession, curriculumOf, enrolmentsOfPerson } = access;
  type Applicant = { personId: number; nameTh: string; nameEn: string | null };

  /**
   * Gives seats in order under the session's row lock: enrolled up to capacity, then the
   * waitlist. Concurrent applications queue on the lock, so the count is never overrun, and the
   * (session, person) key refuses a second row for anyone.
   */
  async function allocate(
    ctx: Ctx,
    sessionId: number,
    applicants: Applicant[],
    source: 'self' | 'officer' | 'group',
    groupId: number | null,
    course: { th: string; en: string },
  ) {
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
      // The application's result, told to each applicant in this transaction (issue 21 §5).
      await notify(
        trx,
        added.map((o) => ({
          personId: o.personId,
          kind: 'application-result',
          eventKey: `training.result:${o.enrolmentId}:${o.status}:${Date.now()}`,
          provinceCode: session.province_code,
          params: {
            variant: o.status,
            courseTh: course.th,
            courseEn: course.en,
            sessionCode: session.code,
            startsOn: session.starts_on,
            position: o.waitlistPosition,
          },
        })),
      );
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

  const service = {
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
        // The person must be one the officer may read: enrolment would otherwise show anyone's
        // name on the roster, and eligibility refusals what their record holds (issue 15).
        await registry.requireReadablePerson(ctx, personId);
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
      const [outcome] = await allocate(ctx, sessionId, [check.applicant], self ? 'self' : 'officer', null, {
        th: s.curriculum_name_th,
        en: s.curriculum_name_en,
      });
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
      const outcomes = eligible.length
        ? await allocate(ctx, sessionId, eligible, 'group', groupId, { th: s.curriculum_name_th, en: s.curriculum_name_en })
        : [];
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
            await notify(trx, [
              {
                personId: head.person_id,
                kind: 'application-result',
                eventKey: `training.result:${head.id}:promoted:${Date.now()}`,
                provinceCode: s.province_code,
                params: { variant: 'promoted', courseTh: s.curriculum_name_th, courseEn: s.curriculum_name_en, sessionCode: s.code, startsOn: s.starts_on },
              },
            ]);
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
      const found = await access.roster(sessionId, query);
      return { items: found.items.map((r) => presentRosterEntry(r, registry.maskDocument)), counts: found.counts };
    },
    async myEnrolments(ctx: Ctx) {
      if (!ctx.actor.personId) return [];
      return (await enrolmentsOfPerson(ctx.actor.personId)).map(presentMyEnrolment);
    },
  };
  return service;
}
