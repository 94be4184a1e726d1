import { randomBytes } from 'node:crypto';
import type { SessionStatus } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit.service';
import { scopeIncludes } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/context';
import { problems, type FieldError } from '../../platform/problem';
import { fiscalYearOfDate } from '../../../shared/fiscal-year';
import type { TrainingAccess } from './training.access';
import { placeOf } from './training.access';
import { trainingPolicy } from './training.policy';
import { hoursOf, presentCurriculum, presentSession } from './training.present';
import * as repository from './training.repository';
import { canMoveSession } from './training.rules';
import type { SessionInput } from './training.service';

type Ctx = ActorContext;

/** Curricula and sessions: planning a session, its schedule and its status. */
/** `evaluate` is completion's: closing a session evaluates everyone seated. */
export function createSessionsService<Evaluation>(access: TrainingAccess, evaluate: (ctx: Ctx, sessionId: number) => Promise<Evaluation>) {
  const { db, geo, org, registry, today, requireSession, refuse, managedSession, curriculumOf, enrolmentView, withSessionNames } = access;

  const service = {
    async listCurricula(_ctx: Ctx, filter: { category?: string; status?: 'active' | 'retired' }) {
      return (await repository.listCurricula(db, filter)).map(presentCurriculum);
    },
    async getCurriculum(_ctx: Ctx, code: string) {
      return presentCurriculum(await curriculumOf(code));
    },
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
        items: (await withSessionNames(found.items)).map((s) =>
          presentSession(s, { today: today(), canManage: trainingPolicy.manages(ctx.actor, placeOf(s)) }),
        ),
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
      if (input.status === 'completed') await evaluate(ctx, id);
      return service.getSession(ctx, id);
    },
  };
  return service;
}
