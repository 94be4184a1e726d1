import type { Transaction } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.service';
import { provincesOf } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import type { DB } from '../../db/schema';
import { bangkokDate, bangkokHour, REMINDERS_FROM_HOUR } from '../../../shared/fiscal-year';
import type { EmploymentAccess } from './employment.access';
import { employmentPolicy } from './employment.policy';
import * as repository from './employment.repository';
import { followUpsFor, incomeChange, needsCourseFollowUp } from './employment.rules';

type Ctx = ActorContext;

/** A follow-up's reminder still goes out this many days after it fell due (a missed scan). */
const FOLLOW_UP_GRACE_DAYS = 6;

/** A follow-up row as the queue, the card and the recording read it. */
export interface FollowUpRow {
  id: number;
  placement_id: number | null;
  session_id: number | null;
  person_id: number;
  months: number;
  due_on: string;
  done_at: Date | null;
  still_working: boolean | null;
  income_satang: number | null;
  income_before_satang: number | null;
  closed_reason?: 'placed' | 'not-completed' | null;
  vacancy_code?: string | null;
  title_th?: string | null;
  employer_name_th?: string | null;
}

/**
 * Follow-ups at 3, 6 and 12 months: after a placement (scheduled by the hire) and after a completed
 * course for people not placed (scheduled when training reports the completion, closed when the
 * person is placed or the completion is withdrawn). One queue per office, recorded by an officer of
 * the area or by the person themself.
 */
export function createFollowUpsService(access: EmploymentAccess) {
  const { db, registry, training, today, outOfArea } = access;

  async function present(rows: readonly FollowUpRow[]) {
    const [people, sessions] = await Promise.all([
      registry.facts([...new Set(rows.map((r) => r.person_id))]),
      training.sessionLabels([...new Set(rows.flatMap((r) => (r.session_id ? [r.session_id] : [])))]),
    ]);
    const now = today();
    return rows.map((f) => {
      const s = f.session_id ? sessions.get(f.session_id) : undefined;
      return {
        id: f.id,
        kind: f.placement_id ? ('placement' as const) : ('course' as const),
        placementId: f.placement_id,
        sessionId: f.session_id,
        sessionCode: s?.code ?? null,
        courseNameTh: s?.courseNameTh ?? null,
        courseNameEn: s?.courseNameEn ?? null,
        personId: f.person_id,
        nameTh: people.get(f.person_id)?.nameTh ?? null,
        months: f.months,
        dueOn: f.due_on,
        overdue: !f.done_at && !f.closed_reason && f.due_on < now,
        done: Boolean(f.done_at),
        closedReason: f.closed_reason ?? null,
        stillWorking: f.still_working,
        incomeSatang: f.income_satang,
        incomeBeforeSatang: f.income_before_satang,
        incomeChangeSatang: incomeChange(f.income_before_satang, f.income_satang),
        vacancyCode: f.vacancy_code ?? null,
        titleTh: f.title_th ?? null,
        employerNameTh: f.employer_name_th ?? null,
      };
    });
  }

  const service = {
    presentFollowUps: present,

    /**
     * Tells each person whose follow-up falls due (issue 21 §5): a scan run by the app's hourly
     * housekeeping from 08:00 (Bangkok), over open follow-ups due today or in the week before (a
     * scan missed while the server was down still tells). One message per follow-up: its id is the
     * event key, so every later scan writes nothing. The number of follow-ups seen.
     */
    async remindFollowUpsDue(now: Date = new Date()) {
      if (bangkokHour(now) < REMINDERS_FROM_HOUR) return 0;
      const to = bangkokDate(now);
      const from = bangkokDate(new Date(now.getTime() - FOLLOW_UP_GRACE_DAYS * 86_400_000));
      let after = 0;
      let seen = 0;
      for (;;) {
        const rows = await repository.openFollowUpsDueBetween(db, from, to, after, 500);
        if (!rows.length) return seen;
        await db.transaction().execute((trx) =>
          access.notify(
            trx,
            rows.map((f) => ({
              personId: f.person_id,
              kind: 'follow-up-due',
              eventKey: `employment.follow-up-due:${f.id}`,
              provinceCode: f.province_code,
              params: { variant: f.placement_id ? 'placement' : 'course', due: f.due_on, months: f.months },
            })),
          ),
        );
        seen += rows.length;
        after = rows[rows.length - 1]!.id;
      }
    },

    /** A person's course follow-ups, for their employment card. */
    async courseFollowUpsOf(personId: number): Promise<FollowUpRow[]> {
      return (await repository.courseFollowUpsOf(db, [personId])).map((f) => ({ ...f, person_id: personId }));
    },

    /**
     * Brings these people's course follow-ups in line with their records, inside the transaction
     * that changed them (a completion evaluated or withdrawn, a hire, a merge): each course a person
     * completed and was not placed around gets its follow-ups once; those of a person placed around
     * the course close as `placed`; those of a completion withdrawn close as `not-completed`, and
     * open again once it is restored. People merged away or erased get none.
     */
    async reconcileCourseFollowUps(trx: Transaction<DB>, personIds: readonly number[]) {
      if (personIds.length === 0) return;
      const [completed, starts, existing, facts] = await Promise.all([
        training.completedSessions(personIds, trx),
        repository.placementStartsOf(trx, personIds),
        repository.courseFollowUpsOf(trx, personIds),
        registry.facts(personIds, trx),
      ]);
      const startsOf = new Map<number, string[]>();
      for (const p of starts) startsOf.set(p.person_id, [...(startsOf.get(p.person_id) ?? []), p.started_on]);
      const key = (personId: number, sessionId: number | null) => `${personId}|${sessionId}`;
      const needed = new Map<string, boolean>();
      for (const c of completed)
        if (facts.get(c.personId)?.status === 'active') needed.set(key(c.personId, c.sessionId), needsCourseFollowUp(c.endsOn, startsOf.get(c.personId) ?? []));
      await repository.scheduleCourseFollowUps(
        trx,
        completed
          .filter((c) => needed.get(key(c.personId, c.sessionId)))
          .flatMap((c) =>
            followUpsFor(c.endsOn).map((f) => ({
              person_id: c.personId,
              session_id: c.sessionId,
              months: f.months,
              due_on: f.dueOn,
              // The office that trained them follows them up.
              province_code: c.provinceCode,
              income_before_satang: facts.get(c.personId)?.monthlyIncomeSatang ?? null,
            })),
          ),
      );
      const open = existing.filter((f) => !f.done_at && !f.closed_at);
      const isActive = (f: (typeof existing)[number]) => facts.get(f.person_id!)?.status === 'active';
      await repository.closeCourseFollowUps(
        trx,
        open.filter((f) => isActive(f) && !needed.has(key(f.person_id!, f.session_id))).map((f) => f.id),
        'not-completed',
      );
      await repository.closeCourseFollowUps(
        trx,
        open.filter((f) => needed.get(key(f.person_id!, f.session_id)) === false).map((f) => f.id),
        'placed',
      );
      await repository.reopenCourseFollowUps(
        trx,
        existing.filter((f) => f.closed_reason === 'not-completed' && needed.get(key(f.person_id!, f.session_id))).map((f) => f.id),
      );
    },

    /** Follow-ups waiting in the reader's area, oldest due first; `overdue` for those past due. */
    async followUpQueue(ctx: Ctx, query: { overdue?: 'true' | 'false'; limit: number; offset: number }) {
      const scope = employmentPolicy.readScope(ctx.actor);
      if (scope.kind === 'none') throw problems.forbidden({ en: 'Your role does not include the follow-up queue.', th: 'บทบาทของคุณไม่มีสิทธิ์ดูรายการติดตามผล' });
      const rows = await repository.followUpQueue(db, {
        provinces: provincesOf(scope),
        overdueBefore: query.overdue === 'true' ? today() : undefined,
        limit: query.limit,
        offset: query.offset,
      });
      return present(rows);
    },

    /** Open and overdue follow-ups of the reader's area. */
    async followUpCounts(ctx: Ctx) {
      return repository.followUpCounts(db, provincesOf(employmentPolicy.readScope(ctx.actor)), today());
    },

    /** Records a follow-up: still working? income now? By an officer of the area, or by the person themself. */
    async recordFollowUp(ctx: Ctx, id: number, input: { stillWorking: boolean; incomeSatang?: number | null; note?: string | null }) {
      const f = await repository.findFollowUp(db, id);
      const self = f !== undefined && ctx.actor.personId === f.person_id;
      if (!f || (!self && !employmentPolicy.reads(ctx.actor, f.province_code)))
        throw problems.notFound({ en: `No follow-up has id ${id}.`, th: `ไม่พบการติดตามผลรหัส ${id}` });
      if (!self && !employmentPolicy.acts(ctx.actor, f.province_code))
        throw await outOfArea({ en: 'record this follow-up', th: 'บันทึกการติดตามผลนี้' }, f.province_code, employmentPolicy.officerScope(ctx.actor));
      if (f.closed_reason)
        throw problems.conflict({
          en: `This follow-up is closed: ${f.closed_reason === 'placed' ? 'the person was placed, and the placement is followed up instead' : 'the course completion was withdrawn'}.`,
          th: `การติดตามผลนี้ปิดแล้ว: ${f.closed_reason === 'placed' ? 'บุคคลนี้ได้งานแล้ว จึงติดตามผลการบรรจุงานแทน' : 'ผลการจบหลักสูตรถูกยกเลิก'}`,
        });
      if (input.stillWorking && (input.incomeSatang === undefined || input.incomeSatang === null))
        throw problems.validation([
          { field: 'body.incomeSatang', code: 'required', message: 'Give the monthly income now.', messageTh: 'กรุณาระบุรายได้ต่อเดือนในปัจจุบัน' },
        ]);
      const afterCourse = f.placement_id === null;
      await db.transaction().execute(async (trx) => {
        const done = await repository.recordFollowUp(trx, id, {
          done_at: new Date(),
          still_working: input.stillWorking,
          income_satang: input.incomeSatang ?? null,
          note: input.note ?? null,
          recorded_by: ctx.actor.userId,
          by_person: self,
        });
        if (!done) throw problems.conflict({ en: 'This follow-up is recorded already.', th: 'บันทึกการติดตามผลนี้แล้ว' });
        const change = incomeChange(f.income_before_satang, input.incomeSatang ?? null);
        const working = afterCourse
          ? { th: input.stillWorking ? 'มีงานทำ' : 'ยังไม่มีงานทำ', en: input.stillWorking ? 'working' : 'not working' }
          : { th: input.stillWorking ? 'ยังทำงานอยู่' : 'ไม่ได้ทำงานแล้ว', en: input.stillWorking ? 'still working' : 'no longer working' };
        await registry.addTimelineEvent(trx, {
          personId: f.person_id,
          module: 'employment',
          kind: 'follow-up',
          summaryTh: `ติดตามผล ${f.months} เดือน${afterCourse ? 'หลังจบหลักสูตร' : ''}: ${working.th}${input.incomeSatang != null ? ` รายได้ ${(input.incomeSatang / 100).toLocaleString('th')} บาท/เดือน` : ''}`,
          summaryEn: `${f.months}-month follow-up${afterCourse ? ' after the course' : ''}: ${working.en}${input.incomeSatang != null ? `, income ${(input.incomeSatang / 100).toLocaleString('en')} baht a month` : ''}`,
          data: { followUpId: id, incomeChangeSatang: change },
          actorUserId: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'follow_up.record',
          entityType: 'follow_up',
          entityId: String(id),
          provinceCode: f.province_code,
          subjectPersonId: f.person_id,
          after: { stillWorking: input.stillWorking, incomeSatang: input.incomeSatang ?? null },
          personal: ['incomeSatang'],
        });
      });
      const after = (await repository.findFollowUp(db, id))!;
      return (await present([after]))[0]!;
    },
  };
  return service;
}

export type FollowUpsService = ReturnType<typeof createFollowUpsService>;
