import { recordAudit } from '../../platform/audit/audit.service';
import { provincesOf } from '../../platform/auth/actor';
import { problems, type FieldError } from '../../platform/problem';
import { enDate, thDate } from './competency.access';
import { missingResults, overallOf, standing, unitsToAssess, type UnitResult } from './competency.rules';
import type { ActorContext } from '../../platform/context';
import type { CompetencyAccess } from './competency.access';
import { competencyPolicy } from './competency.policy';
import * as repository from './competency.repository';

type Ctx = ActorContext;

/** Candidates: referral under the event's lock, results per unit by its assessors, the decision and the qualification. */
/** `getEvent` is the events service's: a change answers with the event's sheet. */
export function createCandidatesService<EventSheet>(access: CompetencyAccess, getEvent: (ctx: Ctx, id: number) => Promise<EventSheet>) {
  const { db, org, registry, credentials, today, requireStandard, eventFor, nameOf, award, eligibleRows } = access;

  const service = {
    /**
     * Refers eligible people to an event under its row lock, so capacity holds however many
     * officers refer at once. Someone assessed before is referred for the units not yet competent.
     * Every person is checked first; one refusal refers no one, and each refusal says why.
     */
    async refer(ctx: Ctx, eventId: number, personIds: number[]) {
      const { event } = await eventFor(ctx, eventId, 'organiser');
      if (event.status !== 'open') throw problems.conflict({ en: `The assessment is ${event.status}.`, th: 'การประเมินนี้ปิดแล้ว' });
      const ids = [...new Set(personIds)];
      // Everyone named must be someone the officer may read, refused as their page would be.
      await registry.requireReadablePeople(ctx, ids);
      const scope = competencyPolicy.officerScope(ctx.actor);
      const [found, elsewhere, units, existing, history] = await Promise.all([
        eligibleRows(event.standard_code, { provinces: provincesOf(scope), personIds: ids }),
        repository.openReferrals(db, event.standard_code, ids),
        repository.unitsOf(db, event.standard_code),
        repository.candidatesOf(db, eventId),
        repository.standingResultsOf(db, ids, event.standard_code),
      ]);
      const byId = new Map(found.map((r) => [r.person_id, r]));
      const errors: FieldError[] = [];
      const planned: {
        personId: number;
        basis: 'training' | 'experience' | 'reassessment';
        note: string;
        units: string[];
        previous: number | null;
        nameTh: string;
      }[] = [];
      for (const [i, personId] of ids.entries()) {
        const field = `body.personIds[${i}]`;
        const r = byId.get(personId);
        if (!r) {
          errors.push({
            field,
            code: 'not-eligible',
            message: `Person ${personId} is not eligible for ${event.standard_code} in your area: no linked course completed and no experience recorded.`,
            messageTh: `บุคคลรหัส ${personId} ไม่มีสิทธิ์เข้ารับการประเมิน ${event.standard_code} ในพื้นที่ของคุณ: ยังไม่ผ่านหลักสูตรที่เชื่อมโยงและไม่มีการบันทึกประสบการณ์`,
          });
          continue;
        }
        const { nameTh } = nameOf(r);
        if (r.qualification_code) {
          errors.push({
            field,
            code: 'already-qualified',
            message: `${nameTh} already holds this qualification (${r.qualification_code}).`,
            messageTh: `${nameTh} ได้รับคุณวุฒินี้แล้ว (${r.qualification_code})`,
          });
          continue;
        }
        const other = elsewhere.find((x) => x.person_id === personId);
        if (other || existing.some((c) => c.person_id === personId && c.status !== 'withdrawn')) {
          errors.push({
            field,
            code: 'already-referred',
            message: `${nameTh} is already referred to ${other?.code ?? event.code}.`,
            messageTh: `${nameTh} ถูกส่งเข้ารับการประเมิน ${other?.code ?? event.code} อยู่แล้ว`,
          });
          continue;
        }
        const stands = standing(
          units.map((u) => u.code),
          history.filter((h) => h.person_id === personId),
        );
        const assessedBefore = [...stands.values()].some((x) => x !== null);
        planned.push({
          personId,
          nameTh,
          basis: assessedBefore ? 'reassessment' : r.course_code ? 'training' : 'experience',
          // Codes only: the basis is shown in the reader's language beside it, and the course's code
          // carries its fiscal year in B.E. (a C.E. date here read "(… 2026-11-22)" on Thai pages).
          note: assessedBefore ? (r.event_code ?? '') : (r.course_code ?? r.experience_summary ?? ''),
          units: unitsToAssess(stands),
          previous: assessedBefore ? r.candidate_id : null,
        });
      }
      if (errors.length) throw problems.validation(errors);
      await db.transaction().execute(async (trx) => {
        const locked = await repository.lockEvent(trx, eventId);
        if (!locked || locked.status !== 'open') throw problems.conflict({ en: 'The assessment closed meanwhile.', th: 'การประเมินปิดไปแล้วระหว่างนี้' });
        // Two officers referring the same person to two events at once: the person's row decides.
        await registry.lockPeople(
          trx,
          planned.map((p) => p.personId),
        );
        const meanwhile = await repository.openReferrals(
          trx,
          event.standard_code,
          planned.map((p) => p.personId),
        );
        if (meanwhile.length) {
          throw problems.conflict({
            en: `Referred meanwhile to ${meanwhile.map((m) => m.code).join(', ')}; reload the list.`,
            th: `มีการส่งเข้ารับการประเมิน ${meanwhile.map((m) => m.code).join(', ')} ไปแล้วระหว่างนี้ กรุณาโหลดรายชื่อใหม่`,
          });
        }
        const seated = await repository.countCandidates(trx, eventId);
        if (seated + planned.length > locked.capacity) {
          throw problems.conflict({
            en: `The assessment takes ${locked.capacity} candidates and has ${seated}; ${planned.length} more do not fit.`,
            th: `การประเมินรับได้ ${locked.capacity} คน มีแล้ว ${seated} คน เพิ่มอีก ${planned.length} คนไม่ได้`,
          });
        }
        // A withdrawn candidate referred again takes their row back.
        for (const p of planned) await repository.deleteWithdrawnCandidate(trx, eventId, p.personId);
        await repository.insertCandidates(
          trx,
          planned.map((p) => ({
            event_id: eventId,
            person_id: p.personId,
            basis: p.basis,
            basis_note: p.note,
            units: p.units,
            previous_candidate_id: p.previous,
            referred_by: ctx.actor.userId,
          })),
        );
        for (const p of planned) {
          await registry.addTimelineEvent(trx, {
            personId: p.personId,
            module: 'competency',
            kind: 'assessment-referred',
            summaryTh: `ส่งเข้ารับการประเมินสมรรถนะ ${event.qualification_th} วันที่ ${thDate(event.assessed_on)} (${event.code})`,
            summaryEn: `Referred to assessment for ${event.qualification_en} on ${enDate(event.assessed_on)} (${event.code})`,
            data: { eventId, units: p.units },
            actorUserId: ctx.actor.userId,
          });
        }
        await recordAudit(trx, ctx, {
          action: 'assessment.refer',
          entityType: 'assessment_event',
          entityId: event.code,
          provinceCode: event.province_code,
          after: { personIds: planned.map((p) => p.personId) },
        });
      });
      return getEvent(ctx, eventId);
    },
    async withdrawCandidate(ctx: Ctx, candidateId: number) {
      const c = await repository.findCandidate(db, candidateId);
      if (!c) throw problems.notFound({ en: `No candidate has id ${candidateId}.`, th: `ไม่พบผู้เข้ารับการประเมินรหัส ${candidateId}` });
      const { event } = await eventFor(ctx, c.event_id, 'organiser');
      await db.transaction().execute(async (trx) => {
        if (!(await repository.withdrawCandidate(trx, candidateId)))
          throw problems.conflict({ en: 'Only a candidate without a decision can be withdrawn.', th: 'ถอนได้เฉพาะผู้ที่ยังไม่มีผลสรุป' });
        await registry.addTimelineEvent(trx, {
          personId: c.person_id,
          module: 'competency',
          kind: 'assessment-withdrawn',
          summaryTh: `ถอนจากการประเมิน ${event.code}`,
          summaryEn: `Withdrawn from assessment ${event.code}`,
          data: { eventId: event.id },
          actorUserId: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'assessment.withdraw',
          entityType: 'assessment_candidate',
          entityId: String(candidateId),
          provinceCode: event.province_code,
        });
      });
      return getEvent(ctx, c.event_id);
    },
    /** An assessor's results for one candidate, unit by unit, each with the evidence seen. */
    async recordResults(ctx: Ctx, candidateId: number, results: { unitCode: string; result: UnitResult; evidenceNote: string }[]) {
      const c = await repository.findCandidate(db, candidateId);
      if (!c) throw problems.notFound({ en: `No candidate has id ${candidateId}.`, th: `ไม่พบผู้เข้ารับการประเมินรหัส ${candidateId}` });
      const { event } = await eventFor(ctx, c.event_id, 'assessor');
      if (event.status !== 'open') throw problems.conflict({ en: `The assessment is ${event.status}.`, th: 'การประเมินนี้ปิดแล้ว' });
      if (event.assessed_on > today())
        throw problems.unprocessable({
          en: `The assessment is on ${enDate(event.assessed_on)}; results are recorded on or after that day.`,
          th: `การประเมินจัดวันที่ ${thDate(event.assessed_on)} บันทึกผลได้ตั้งแต่วันนั้นเป็นต้นไป`,
        });
      if (c.status !== 'referred')
        throw problems.conflict({
          en: `This candidate is already ${c.status}; results cannot change after the decision.`,
          th: 'ผู้เข้ารับการประเมินนี้มีผลสรุปแล้ว แก้ไขผลไม่ได้',
        });
      const errors: FieldError[] = [];
      results.forEach((r, i) => {
        if (!c.units.includes(r.unitCode))
          errors.push({
            field: `body.results[${i}].unitCode`,
            code: 'not-assessed-here',
            message: `${r.unitCode} is not among this candidate's units (${c.units.join(', ')}).`,
            messageTh: `${r.unitCode} ไม่อยู่ในหน่วยสมรรถนะที่ประเมินครั้งนี้ (${c.units.join(', ')})`,
          });
      });
      if (new Set(results.map((r) => r.unitCode)).size !== results.length)
        errors.push({ field: 'body.results', code: 'duplicate-unit', message: 'A unit appears twice.', messageTh: 'มีหน่วยสมรรถนะซ้ำกัน' });
      if (errors.length) throw problems.validation(errors);
      await db.transaction().execute(async (trx) => {
        const locked = await repository.lockCandidate(trx, candidateId);
        if (locked?.status !== 'referred')
          throw problems.conflict({ en: 'A decision was made meanwhile; results cannot change.', th: 'มีการสรุปผลไปแล้วระหว่างนี้ แก้ไขผลไม่ได้' });
        await repository.upsertResults(
          trx,
          results.map((r) => ({
            candidate_id: candidateId,
            unit_code: r.unitCode,
            result: r.result,
            evidence_note: r.evidenceNote,
            assessor_user_id: ctx.actor.userId,
          })),
        );
        await recordAudit(trx, ctx, {
          action: 'assessment.results',
          entityType: 'assessment_candidate',
          entityId: String(candidateId),
          provinceCode: event.province_code,
          after: { results: results.map((r) => `${r.unitCode}:${r.result}`) },
        });
      });
      return getEvent(ctx, c.event_id);
    },
    /**
     * The overall result once every unit of the candidacy has one: competent when every unit of
     * the standard stands competent (earlier assessments count), and then the qualification is
     * issued, signed, in the same transaction. `absent` records that the candidate did not come.
     */
    async decide(ctx: Ctx, candidateId: number, input: { absent?: boolean }) {
      const c = await repository.findCandidate(db, candidateId);
      if (!c) throw problems.notFound({ en: `No candidate has id ${candidateId}.`, th: `ไม่พบผู้เข้ารับการประเมินรหัส ${candidateId}` });
      const { event } = await eventFor(ctx, c.event_id, 'assessor');
      if (event.status !== 'open') throw problems.conflict({ en: `The assessment is ${event.status}.`, th: 'การประเมินนี้ปิดแล้ว' });
      if (event.assessed_on > today())
        throw problems.unprocessable({
          en: `The assessment is on ${enDate(event.assessed_on)}; decisions are made on or after that day.`,
          th: `การประเมินจัดวันที่ ${thDate(event.assessed_on)} สรุปผลได้ตั้งแต่วันนั้นเป็นต้นไป`,
        });
      const [standard, units, facts] = await Promise.all([
        requireStandard(event.standard_code),
        repository.unitsOf(db, event.standard_code),
        registry.facts([c.person_id]),
      ]);
      const holder = facts.get(c.person_id)!;
      // Decided from the results as they stand under the candidate's lock, which recording takes
      // too: a result saved while the decision is being made cannot slip past it.
      const { overall, credential } = await db.transaction().execute(async (trx) => {
        const locked = await repository.lockCandidate(trx, candidateId);
        if (locked?.status !== 'referred') throw problems.conflict({ en: 'This candidate already has a decision.', th: 'ผู้เข้ารับการประเมินนี้มีผลสรุปแล้ว' });
        let overall: UnitResult | null = null;
        if (!input.absent) {
          const missing = missingResults(locked.units, await repository.resultsOfCandidate(trx, candidateId));
          if (missing.length)
            throw problems.unprocessable({
              en: `Record a result for every unit first; missing: ${missing.join(', ')}.`,
              th: `กรุณาบันทึกผลให้ครบทุกหน่วยก่อน ยังขาด: ${missing.join(', ')}`,
            });
          overall = overallOf(
            standing(
              units.map((u) => u.code),
              await repository.standingResultsOf(trx, [c.person_id], event.standard_code),
            ),
          );
        }
        await repository.decideCandidate(trx, candidateId, { status: input.absent ? 'absent' : 'assessed', overall, decided_by: ctx.actor.userId });
        const outcome = input.absent
          ? { th: 'ไม่มาเข้ารับการประเมิน', en: 'did not attend' }
          : overall === 'competent'
            ? { th: 'ผ่านการประเมิน มีสมรรถนะครบทุกหน่วย', en: 'assessed competent in every unit' }
            : { th: 'ยังไม่ผ่านบางหน่วย ประเมินซ้ำได้เฉพาะหน่วยที่ยังไม่ผ่าน', en: 'not yet competent in some units; these may be re-assessed' };
        await registry.addTimelineEvent(trx, {
          personId: c.person_id,
          module: 'competency',
          kind: 'assessment-decided',
          summaryTh: `ผลการประเมิน ${event.code}: ${outcome.th}`,
          summaryEn: `Assessment ${event.code}: ${outcome.en}`,
          data: { eventId: event.id, overall },
          actorUserId: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'assessment.decide',
          entityType: 'assessment_candidate',
          entityId: String(candidateId),
          provinceCode: event.province_code,
          after: { overall, absent: Boolean(input.absent) },
        });
        return {
          overall,
          credential: overall === 'competent' ? await award(trx, ctx, event, { id: candidateId, person_id: c.person_id }, standard, units, holder) : null,
        };
      });
      return { overall, absent: Boolean(input.absent), credentialCode: credential?.code ?? null, event: await getEvent(ctx, c.event_id) };
    },
    /** A citizen's own assessments. */
    async mine(ctx: Ctx) {
      if (!ctx.actor.personId) return [];
      const rows = await repository.assessmentsOfPerson(db, ctx.actor.personId);
      const [centres, issued] = await Promise.all([
        org.unitNames(rows.map((a) => a.centre_unit_code)),
        credentials.issuedFor(
          'assessment_candidate',
          rows.map((a) => a.id),
        ),
      ]);
      return rows.map((a) => ({
        id: a.id,
        eventId: a.event_id,
        eventCode: a.event_code,
        standardCode: a.standard_code,
        qualificationTh: a.qualification_th,
        qualificationEn: a.qualification_en,
        centreNameTh: centres.get(a.centre_unit_code)?.nameTh ?? a.centre_unit_code,
        centreNameEn: centres.get(a.centre_unit_code)?.nameEn ?? a.centre_unit_code,
        assessedOn: a.assessed_on,
        online: a.online,
        venue: (a.venue as { place: string } | null)?.place ?? null,
        eventStatus: a.event_status,
        status: a.status,
        overall: a.overall,
        units: a.units,
        basis: a.basis,
        credentialCode: issued.get(a.id)?.code ?? null,
      }));
    },
  };
  return service;
}
