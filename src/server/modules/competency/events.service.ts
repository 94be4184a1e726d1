import { toBuddhistYear } from '../../../shared/thai-date';
import { recordAudit } from '../../platform/audit/audit.service';
import { provincesOf } from '../../platform/auth/actor';
import { Problem, problems, type FieldError } from '../../platform/problem';
import { enDate, thDate } from './competency.access';
import type { EventInput } from './competency.service';
import type { ActorContext } from '../../platform/context';
import type { CompetencyAccess } from './competency.access';
import { competencyPolicy } from './competency.policy';
import * as repository from './competency.repository';

type Ctx = ActorContext;

/** Assessment events: organising one, its assessors, its sheet, closing or cancelling it. */
export function createEventsService(access: CompetencyAccess) {
  const { db, org, registry, identity, today, requireStandard, withEventNames, outOfArea, eventFor, presentUnit, presentEvent, nameOf, candidatesOf } = access;

  const service = {
    async assessors() {
      return identity.holdersOf('assessor');
    },
    async createEvent(ctx: Ctx, input: EventInput) {
      const standard = await requireStandard(input.standardCode);
      if (!competencyPolicy.organises(ctx.actor, input.provinceCode))
        throw await outOfArea({ en: 'organise an assessment', th: 'จัดการประเมิน' }, input.provinceCode, competencyPolicy.officerScope(ctx.actor));
      const errors: FieldError[] = [];
      // An assessment centre, or a unit of the standard's own agency (TPQI); one the officer may not see is none.
      const centreUnit = await org.getUnit(ctx, input.centreUnitCode).catch((error: unknown) => {
        if (error instanceof Problem) return null;
        throw error;
      });
      if (!centreUnit || (centreUnit.kind !== 'assessment-centre' && centreUnit.agencyCode !== standard.owner_agency_code)) {
        errors.push({
          field: 'body.centreUnitCode',
          code: 'not-a-centre',
          message: `${input.centreUnitCode} is not an assessment centre.`,
          messageTh: `${input.centreUnitCode} ไม่ใช่ศูนย์ประเมิน`,
        });
      }
      if (!input.online && !input.venue?.trim())
        errors.push({ field: 'body.venue', code: 'required', message: 'An on-site assessment needs a venue.', messageTh: 'การประเมิน ณ สถานที่ต้องระบุสถานที่' });
      if (input.assessedOn < today())
        errors.push({
          field: 'body.assessedOn',
          code: 'in-the-past',
          message: `${enDate(input.assessedOn)} has passed.`,
          messageTh: `วันที่ ${thDate(input.assessedOn)} ผ่านไปแล้ว`,
        });
      const assessors = await identity.holdersOf('assessor', input.assessorUserIds);
      input.assessorUserIds.forEach((id, i) => {
        if (!assessors.some((a) => a.id === id))
          errors.push({
            field: `body.assessorUserIds[${i}]`,
            code: 'not-an-assessor',
            message: `Account ${id} is not an active assessor.`,
            messageTh: `บัญชี ${id} ไม่ใช่ผู้ประเมินที่ใช้งานอยู่`,
          });
      });
      if (errors.length) throw problems.validation(errors);
      const id = await db.transaction().execute(async (trx) => {
        const row = await repository.insertEvent(trx, {
          code: `AS-PENDING-${ctx.requestId}-${Date.now()}`,
          standard_code: input.standardCode,
          centre_unit_code: input.centreUnitCode,
          province_code: input.provinceCode,
          assessed_on: input.assessedOn,
          online: input.online,
          venue: input.online && !input.venue?.trim() ? null : JSON.stringify({ place: input.venue!.trim() }),
          capacity: input.capacity ?? 30,
          created_by: ctx.actor.userId,
        });
        // The code carries the year and the row's own number: unique without a counter to race on.
        // The year in B.E., as Thai offices number their papers (AS-2569-00001); codes made before
        // this carry the C.E. year and stay as they are (events are found by id, never by code).
        const code = `AS-${toBuddhistYear(Number(input.assessedOn.slice(0, 4)))}-${String(row.id).padStart(5, '0')}`;
        await repository.setEventCode(trx, row.id, code);
        await repository.insertAssessors(trx, row.id, [...new Set(input.assessorUserIds)]);
        await recordAudit(trx, ctx, {
          action: 'assessment_event.create',
          entityType: 'assessment_event',
          entityId: code,
          provinceCode: input.provinceCode,
          after: { standardCode: input.standardCode, assessedOn: input.assessedOn, assessors: input.assessorUserIds.length },
        });
        return row.id;
      });
      return service.getEvent(ctx, id);
    },
    async listEvents(ctx: Ctx, query: { standard?: string; status?: 'open' | 'completed' | 'cancelled'; limit: number; offset: number }) {
      const scope = competencyPolicy.readScope(ctx.actor);
      const assessor = competencyPolicy.isAssessor(ctx.actor);
      if (scope.kind === 'none' && !assessor) throw problems.forbidden({ en: 'Your role does not include assessments.', th: 'บทบาทของคุณไม่เกี่ยวข้องกับการประเมิน' });
      const rows = await repository.listEvents(db, {
        standardCode: query.standard,
        status: query.status,
        provinces: provincesOf(scope),
        assessorUserId: assessor ? ctx.actor.userId : undefined,
        limit: query.limit,
        offset: query.offset,
      });
      return (await withEventNames(rows)).map(presentEvent);
    },
    /** The event's sheet: units with their elements and criteria, candidates with their results. */
    async getEvent(ctx: Ctx, id: number) {
      const { event, organises, assesses } = await eventFor(ctx, id, 'reader');
      const [units, candidates, results, assessors] = await Promise.all([
        repository.unitsOf(db, event.standard_code),
        candidatesOf(id),
        repository.resultsOfEvent(db, id),
        repository.assessorsOf(db, id),
      ]);
      const names = await identity.displayNames([...assessors.map((a) => a.user_id), ...results.map((r) => r.assessor_user_id)]);
      const nameOfUser = (id: string) => names.get(id) ?? '';
      return {
        ...presentEvent(event),
        canOrganise: organises && event.status === 'open',
        isAssessor: assesses,
        canAssess: assesses && event.status === 'open' && event.assessed_on <= today(),
        assessors: assessors
          .map((a) => ({ id: a.user_id, displayName: nameOfUser(a.user_id) }))
          .sort((a, b) => (a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : 0)),
        units: units.map(presentUnit),
        candidates: candidates.map((c) => ({
          id: c.id,
          personId: c.person_id,
          ...nameOf(c),
          docNumberMasked: registry.maskDocument(c.doc_type, c.doc_number),
          basis: c.basis,
          basisNote: c.basis_note,
          units: c.units,
          status: c.status,
          overall: c.overall,
          credentialCode: c.credential_code ?? null,
          results: results
            .filter((r) => r.candidate_id === c.id)
            .map((r) => ({
              unitCode: r.unit_code,
              result: r.result,
              evidenceNote: r.evidence_note,
              assessorName: nameOfUser(r.assessor_user_id),
              recordedAt: new Date(r.recorded_at).toISOString(),
            })),
        })),
      };
    },
    async changeEventStatus(ctx: Ctx, id: number, input: { status: 'completed' | 'cancelled'; reason?: string | null }) {
      const { event } = await eventFor(ctx, id, 'organiser');
      if (event.status !== 'open') throw problems.conflict({ en: `The assessment is already ${event.status}.`, th: 'การประเมินนี้ปิดไปแล้ว' });
      if (input.status === 'cancelled' && !input.reason?.trim())
        throw problems.validation([{ field: 'body.reason', code: 'required', message: 'Give the reason for cancelling.', messageTh: 'กรุณาระบุเหตุผลที่ยกเลิก' }]);
      await db.transaction().execute(async (trx) => {
        await repository.lockEvent(trx, id);
        const candidates = await repository.candidatesOf(trx, id);
        const waiting = candidates.filter((c) => c.status === 'referred');
        if (input.status === 'completed' && waiting.length) {
          throw problems.conflict({
            en: `${waiting.length} candidate(s) have no decision yet; decide or mark them absent first.`,
            th: `ยังมีผู้เข้ารับการประเมิน ${waiting.length} คนที่ยังไม่มีผลสรุป กรุณาสรุปผลหรือบันทึกว่าไม่มาก่อน`,
          });
        }
        const moved = await repository.setEventStatus(trx, id, 'open', input.status, input.reason?.trim() || null);
        if (!moved) throw problems.conflict({ en: 'The assessment changed meanwhile; reload it.', th: 'การประเมินถูกเปลี่ยนแปลงระหว่างนี้ กรุณาโหลดใหม่' });
        if (input.status === 'cancelled') {
          for (const c of waiting) {
            await registry.addTimelineEvent(trx, {
              personId: c.person_id,
              module: 'competency',
              kind: 'assessment-cancelled',
              summaryTh: `ยกเลิกการประเมิน ${event.code}: ${input.reason}`,
              summaryEn: `Assessment ${event.code} cancelled: ${input.reason}`,
              data: { eventId: id },
              actorUserId: ctx.actor.userId,
            });
          }
        }
        await recordAudit(trx, ctx, {
          action: `assessment_event.${input.status === 'completed' ? 'complete' : 'cancel'}`,
          entityType: 'assessment_event',
          entityId: event.code,
          provinceCode: event.province_code,
          after: { reason: input.reason ?? null },
        });
      });
      return service.getEvent(ctx, id);
    },
  };
  return service;
}
