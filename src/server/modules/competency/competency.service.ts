import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { fingerprint, loadReferenceSet } from '../../db/reference-data';
import { provincesOf, scopeIncludes } from '../../platform/auth/actor';
import { recordAudit } from '../../platform/audit/audit.service';
import type { ActorContext } from '../../platform/context';
import { Problem, problems, type FieldError } from '../../platform/problem';
import { bangkokDate } from '../../../shared/fiscal-year';
import { fullName } from '../../../shared/person-fields';
import { formatThaiDate } from '../../../shared/thai-date';
import type { IdentityService } from '../identity/identity.service';
import type { OrgService } from '../org/org.service';
import type { RegistryService } from '../registry/registry.service';
import type { CredentialsService } from '../credentials/credentials.service';
import { competencyPolicy } from './competency.policy';
import * as repository from './competency.repository';
import { expiryOf, missingResults, overallOf, standing, unitsToAssess, type UnitResult } from './competency.rules';
import { COMPETENCY_STANDARDS } from './data/standards';

type Ctx = ActorContext;

const thDate = (iso: string) => formatThaiDate(iso);
const enDate = (iso: string) => formatThaiDate(iso, { locale: 'en' });

/** Loads the shipped occupational standards when they change (start-up, after org). */
export async function loadCompetencyReferenceData(db: Kysely<DB>): Promise<boolean> {
  return loadReferenceSet(db, 'competency', fingerprint(COMPETENCY_STANDARDS), (trx) =>
    repository.replaceStandards(
      trx,
      COMPETENCY_STANDARDS.map((s) => ({
        code: s.code,
        name_th: s.nameTh,
        name_en: s.nameEn,
        sector_th: s.sectorTh,
        sector_en: s.sectorEn,
        qualification_th: s.qualificationTh,
        qualification_en: s.qualificationEn,
        level: s.level,
        owner_agency_code: s.ownerAgencyCode,
        validity_years: s.validityYears,
        source_note: JSON.stringify(s.sourceNote),
        assumed_fields: s.assumed,
      })),
      COMPETENCY_STANDARDS.flatMap((s) =>
        s.units.map((u, i) => ({
          code: u.code,
          standard_code: s.code,
          position: i + 1,
          name_th: u.nameTh,
          name_en: u.nameEn,
          description_th: u.descriptionTh,
          description_en: u.descriptionEn,
          elements: JSON.stringify(u.elements),
        })),
      ),
    ),
  );
}

export interface EventInput {
  standardCode: string;
  centreUnitCode: string;
  provinceCode: string;
  assessedOn: string;
  online: boolean;
  venue?: string | null;
  capacity?: number;
  assessorUserIds: string[];
}

/**
 * Competency assessment against TPQI-style standards: who is eligible (a linked course completed,
 * or experience an officer has seen evidence of), assessment events and their candidates, results
 * per unit recorded by the event's assessors, and the qualification issued (signed) on a
 * competent decision. A re-assessment covers only the units not yet competent.
 */
export function createCompetencyService(deps: {
  db: Kysely<DB>;
  org: OrgService;
  registry: RegistryService;
  identity: IdentityService;
  credentials: CredentialsService;
}) {
  const { db, registry, identity, credentials } = deps;
  const today = () => bangkokDate(new Date());

  const requireStandard = async (code: string) => {
    const s = await repository.findStandard(db, code);
    if (!s) throw problems.notFound({ en: `No competency standard has code ${code}.`, th: `ไม่พบมาตรฐานอาชีพรหัส ${code}` });
    return s;
  };

  const requireEvent = async (id: number) => {
    const e = await repository.findEvent(db, id);
    if (!e) throw problems.notFound({ en: `No assessment event has id ${id}.`, th: `ไม่พบการประเมินรหัส ${id}` });
    return e;
  };

  const outOfArea = (what: { en: string; th: string }, provinceCode: string) =>
    problems.outOfScope({
      en: `You may not ${what.en} in province ${provinceCode}: it is outside your area.`,
      th: `คุณไม่มีสิทธิ์${what.th}ในจังหวัดรหัส ${provinceCode} ซึ่งอยู่นอกพื้นที่ของคุณ`,
    });

  /** An event the officer organises, or the named assessors' when `assessor` is allowed. */
  async function eventFor(ctx: Ctx, id: number, as: 'organiser' | 'assessor' | 'reader') {
    const e = await requireEvent(id);
    const organises = competencyPolicy.organises(ctx.actor, e.province_code);
    const assesses = competencyPolicy.isAssessor(ctx.actor) && (await repository.isAssessorOf(db, id, ctx.actor.userId));
    if (as === 'organiser' && !organises) throw outOfArea({ en: 'organise this assessment', th: 'จัดการการประเมินนี้' }, e.province_code);
    if (as === 'assessor' && !assesses)
      throw problems.forbidden({ en: `Only an assessor named on ${e.code} records its results.`, th: `เฉพาะผู้ประเมินที่มีชื่อในการประเมิน ${e.code} เท่านั้นที่บันทึกผลได้` });
    if (as === 'reader' && !assesses && !competencyPolicy.reads(ctx.actor, e.province_code))
      throw problems.notFound({ en: `No assessment event has id ${id}.`, th: `ไม่พบการประเมินรหัส ${id}` });
    return { event: e, organises, assesses };
  }

  const presentStandard = (s: repository.StandardRow) => ({
    code: s.code,
    nameTh: s.name_th,
    nameEn: s.name_en,
    sectorTh: s.sector_th,
    sectorEn: s.sector_en,
    qualificationTh: s.qualification_th,
    qualificationEn: s.qualification_en,
    level: s.level,
    ownerAgencyCode: s.owner_agency_code,
    validityYears: s.validity_years,
    sourceNote: s.source_note as { th: string; en: string },
    assumedFields: s.assumed_fields,
  });

  const presentUnit = (u: repository.UnitRow) => ({
    code: u.code,
    position: u.position,
    nameTh: u.name_th,
    nameEn: u.name_en,
    descriptionTh: u.description_th,
    descriptionEn: u.description_en,
    elements: u.elements as { code: string; nameTh: string; nameEn: string; criteria: { code: string; th: string; en: string }[] }[],
  });

  const presentEvent = (e: repository.EventRow) => ({
    id: e.id,
    code: e.code,
    standardCode: e.standard_code,
    standardNameTh: e.standard_name_th,
    standardNameEn: e.standard_name_en,
    qualificationTh: e.qualification_th,
    qualificationEn: e.qualification_en,
    centreUnitCode: e.centre_unit_code,
    centreNameTh: e.centre_name_th,
    centreNameEn: e.centre_name_en,
    provinceCode: e.province_code,
    provinceNameTh: e.province_name_th,
    provinceNameEn: e.province_name_en,
    assessedOn: e.assessed_on,
    online: e.online,
    venue: (e.venue as { place: string } | null)?.place ?? null,
    capacity: e.capacity,
    status: e.status,
    statusReason: e.status_reason,
    candidateCount: Number(e.candidate_count ?? 0),
    competentCount: Number(e.competent_count ?? 0),
  });

  const nameOf = (p: { title: string | null; first_name_th: string; last_name_th: string; first_name_en: string | null; last_name_en: string | null }) => ({
    nameTh: fullName({ title: p.title ?? '', first: p.first_name_th, last: p.last_name_th }, 'th'),
    nameEn: p.first_name_en && p.last_name_en ? fullName({ title: p.title ?? '', first: p.first_name_en, last: p.last_name_en }, 'en') : null,
  });

  const presentEligible = (r: repository.EligibleRow) => ({
    personId: r.person_id,
    ...nameOf(r),
    docNumberMasked: registry.maskDocument(r.doc_type, r.doc_number),
    provinceCode: r.province_code,
    provinceNameTh: r.province_name_th,
    provinceNameEn: r.province_name_en,
    training: r.course_code
      ? { courseCode: r.course_code, courseNameTh: r.course_name_th!, courseNameEn: r.course_name_en!, completedOn: r.completed_on! }
      : null,
    experience: r.experience_id ? { id: r.experience_id, summary: r.experience_summary!, recordedAt: new Date(r.experience_recorded_at!).toISOString() } : null,
    standing: r.standing,
    lastEvent: r.event_code ? { id: r.event_id!, code: r.event_code, assessedOn: r.assessed_on! } : null,
    qualificationCode: r.qualification_code,
  });

  /** A decision's consequences, inside its transaction: the timeline, and a qualification when competent. */
  async function award(
    trx: Transaction<DB>,
    ctx: Ctx,
    e: repository.EventRow,
    candidate: { id: number; person_id: number },
    standard: repository.StandardRow,
    units: repository.UnitRow[],
    holder: { nameTh: string; nameEn: string | null },
  ) {
    const issuedOn = today();
    return credentials.issue(trx, ctx, {
      kind: 'qualification',
      personId: candidate.person_id,
      holderNameTh: holder.nameTh,
      holderNameEn: holder.nameEn,
      titleTh: standard.qualification_th,
      titleEn: standard.qualification_en,
      issuerUnitCode: e.centre_unit_code,
      provinceCode: e.province_code,
      agencyCode: standard.owner_agency_code,
      issuedOn,
      expiresOn: expiryOf(issuedOn, standard.validity_years),
      details: {
        standardCode: standard.code,
        level: standard.level,
        eventCode: e.code,
        assessedOn: e.assessed_on,
        units: units.map((u) => ({ code: u.code, nameTh: u.name_th, nameEn: u.name_en })),
      },
      achievement: {
        id: `${credentials.publicUrl}/standards/${standard.code}`,
        descriptionTh: `คุณวุฒิตาม${standard.name_th} ระดับ ${standard.level}`,
        descriptionEn: `Qualification under the ${standard.name_en}, level ${standard.level}`,
        criteriaTh: `ผ่านการประเมินว่ามีสมรรถนะครบทุกหน่วย: ${units.map((u) => u.code).join(', ')}`,
        criteriaEn: `Assessed as competent in every unit: ${units.map((u) => u.code).join(', ')}.`,
      },
      sourceType: 'assessment_candidate',
      sourceId: String(candidate.id),
    });
  }

  return {
    // ---------------------------------------------------------- standards
    async listStandards() {
      const standards = await repository.listStandards(db);
      return Promise.all(standards.map(async (s) => ({ ...presentStandard(s), unitCount: (await repository.unitsOf(db, s.code)).length })));
    },

    async getStandard(code: string) {
      const s = await requireStandard(code);
      const [units, curricula] = await Promise.all([repository.unitsOf(db, code), repository.linkedCurricula(db, code)]);
      return {
        ...presentStandard(s),
        units: units.map(presentUnit),
        curricula: curricula.map((c) => ({
          code: c.code,
          nameTh: c.name_th,
          nameEn: c.name_en,
          unitCodes: c.competency_units.filter((u) => units.some((x) => x.code === u)),
        })),
      };
    },

    // ---------------------------------------------------------- eligibility
    async eligible(ctx: Ctx, standardCode: string, query: { province?: string; limit: number; offset: number }) {
      await requireStandard(standardCode);
      const scope = competencyPolicy.readScope(ctx.actor);
      if (scope.kind === 'none')
        throw problems.forbidden({ en: 'Your role does not include reading eligible candidates.', th: 'บทบาทของคุณไม่มีสิทธิ์ดูรายชื่อผู้มีสิทธิ์เข้ารับการประเมิน' });
      if (query.province && !scopeIncludes(scope, query.province))
        throw outOfArea({ en: 'read eligible candidates', th: 'ดูรายชื่อผู้มีสิทธิ์เข้ารับการประเมิน' }, query.province);
      const { rows, total } = await repository.eligible(db, standardCode, {
        provinceCode: query.province,
        provinces: provincesOf(scope),
        limit: query.limit,
        offset: query.offset,
      });
      return { items: rows.map(presentEligible), total };
    },

    /** Eligible people by province and standing, in the reader's area: what the standard's chart draws. */
    async eligibleSummary(ctx: Ctx, standardCode: string) {
      await requireStandard(standardCode);
      const scope = competencyPolicy.readScope(ctx.actor);
      if (scope.kind === 'none')
        throw problems.forbidden({ en: 'Your role does not include reading eligible candidates.', th: 'บทบาทของคุณไม่มีสิทธิ์ดูรายชื่อผู้มีสิทธิ์เข้ารับการประเมิน' });
      const rows = await repository.eligibleSummary(db, standardCode, { provinces: provincesOf(scope) });
      const provinces = new Map<
        string,
        {
          provinceCode: string;
          provinceNameTh: string;
          provinceNameEn: string;
          notAssessed: number;
          referred: number;
          notYetCompetent: number;
          qualified: number;
        }
      >();
      for (const r of rows) {
        const p = provinces.get(r.province_code) ?? {
          provinceCode: r.province_code,
          provinceNameTh: r.province_name_th,
          provinceNameEn: r.province_name_en,
          notAssessed: 0,
          referred: 0,
          notYetCompetent: 0,
          qualified: 0,
        };
        const key = ({ 'not-assessed': 'notAssessed', referred: 'referred', 'not-yet-competent': 'notYetCompetent', qualified: 'qualified' } as const)[
          r.standing
        ];
        p[key] += r.people;
        provinces.set(r.province_code, p);
      }
      return [...provinces.values()];
    },

    /** Experience seen by an officer, with its evidence, makes a person eligible without a course. */
    async recordExperience(ctx: Ctx, input: { personId: number; standardCode: string; summary: string; evidence: string }) {
      await requireStandard(input.standardCode);
      const person = (await registry.facts([input.personId])).get(input.personId);
      if (!person || person.status !== 'active')
        throw problems.notFound({ en: `No active person has id ${input.personId}.`, th: `ไม่พบบุคคลรหัส ${input.personId}` });
      if (!competencyPolicy.organises(ctx.actor, person.provinceCode))
        throw outOfArea({ en: 'record experience for this person', th: 'บันทึกประสบการณ์ของบุคคลนี้' }, person.provinceCode);
      if (await repository.currentExperience(db, input.personId, input.standardCode)) {
        throw problems.conflict({ en: 'Experience for this standard is already recorded for this person.', th: 'บุคคลนี้มีการบันทึกประสบการณ์สำหรับมาตรฐานนี้แล้ว' });
      }
      const id = await db.transaction().execute(async (trx) => {
        const row = await repository.insertExperience(trx, {
          person_id: input.personId,
          standard_code: input.standardCode,
          province_code: person.provinceCode,
          summary: input.summary,
          evidence: input.evidence,
          recorded_by: ctx.actor.userId,
        });
        await registry.addTimelineEvent(trx, {
          personId: input.personId,
          module: 'competency',
          kind: 'experience-recorded',
          summaryTh: `บันทึกประสบการณ์เพื่อขอรับการประเมิน ${input.standardCode}: ${input.summary}`,
          summaryEn: `Experience recorded for assessment against ${input.standardCode}: ${input.summary}`,
          data: { standardCode: input.standardCode },
          actorUserId: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'prior_experience.record',
          entityType: 'person',
          entityId: String(input.personId),
          provinceCode: person.provinceCode,
          after: { standardCode: input.standardCode },
        });
        return row.id;
      });
      return { id, standardCode: input.standardCode, summary: input.summary, evidence: input.evidence };
    },

    async experiencesOf(ctx: Ctx, personId: number) {
      const person = (await registry.facts([personId])).get(personId);
      if (!person || !(competencyPolicy.reads(ctx.actor, person.provinceCode) || ctx.actor.personId === personId))
        throw problems.notFound({ en: `No person has id ${personId}.`, th: `ไม่พบบุคคลรหัส ${personId}` });
      return (await repository.experiencesOf(db, personId)).map((x) => ({
        id: x.id,
        standardCode: x.standard_code,
        standardNameTh: x.standard_name_th,
        standardNameEn: x.standard_name_en,
        summary: x.summary,
        evidence: x.evidence,
        recordedAt: new Date(x.recorded_at).toISOString(),
        recordedBy: x.recorded_by_name,
        withdrawn: x.withdrawn_at !== null,
      }));
    },

    // ---------------------------------------------------------- events
    async assessors() {
      return identity.holdersOf('assessor');
    },

    async createEvent(ctx: Ctx, input: EventInput) {
      const standard = await requireStandard(input.standardCode);
      if (!competencyPolicy.organises(ctx.actor, input.provinceCode)) throw outOfArea({ en: 'organise an assessment', th: 'จัดการประเมิน' }, input.provinceCode);
      const errors: FieldError[] = [];
      // An assessment centre, or a unit of the standard's own agency (TPQI); one the officer may not see is none.
      const centreUnit = await deps.org.getUnit(ctx, input.centreUnitCode).catch((error: unknown) => {
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
        const code = `AS-${input.assessedOn.slice(0, 4)}-${String(row.id).padStart(5, '0')}`;
        await trx.updateTable('assessment_event').set({ code }).where('id', '=', row.id).execute();
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
      return this.getEvent(ctx, id);
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
      return rows.map(presentEvent);
    },

    /** The event's sheet: units with their elements and criteria, candidates with their results. */
    async getEvent(ctx: Ctx, id: number) {
      const { event, organises, assesses } = await eventFor(ctx, id, 'reader');
      const [units, candidates, results, assessors] = await Promise.all([
        repository.unitsOf(db, event.standard_code),
        repository.candidatesOf(db, id),
        repository.resultsOfEvent(db, id),
        repository.assessorsOf(db, id),
      ]);
      return {
        ...presentEvent(event),
        canOrganise: organises && event.status === 'open',
        isAssessor: assesses,
        canAssess: assesses && event.status === 'open' && event.assessed_on <= today(),
        assessors: assessors.map((a) => ({ id: a.id, displayName: a.display_name })),
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
              assessorName: r.assessor_name,
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
      return this.getEvent(ctx, id);
    },

    /**
     * Refers eligible people to an event under its row lock, so capacity holds however many
     * officers refer at once. Someone assessed before is referred for the units not yet competent.
     * Every person is checked first; one refusal refers no one, and each refusal says why.
     */
    async refer(ctx: Ctx, eventId: number, personIds: number[]) {
      const { event } = await eventFor(ctx, eventId, 'organiser');
      if (event.status !== 'open') throw problems.conflict({ en: `The assessment is ${event.status}.`, th: 'การประเมินนี้ปิดแล้ว' });
      const ids = [...new Set(personIds)];
      const scope = competencyPolicy.officerScope(ctx.actor);
      const [found, elsewhere, units, existing, history] = await Promise.all([
        repository.eligible(db, event.standard_code, { provinces: provincesOf(scope), personIds: ids, limit: ids.length, offset: 0 }),
        repository.openReferrals(db, event.standard_code, ids),
        repository.unitsOf(db, event.standard_code),
        repository.candidatesOf(db, eventId),
        repository.standingResultsOf(db, ids, event.standard_code),
      ]);
      const byId = new Map(found.rows.map((r) => [r.person_id, r]));
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
          note: assessedBefore ? `re-assessment after ${r.event_code}` : r.course_code ? `${r.course_code} ${r.completed_on}` : (r.experience_summary ?? ''),
          units: unitsToAssess(stands),
          previous: assessedBefore ? r.candidate_id : null,
        });
      }
      if (errors.length) throw problems.validation(errors);
      await db.transaction().execute(async (trx) => {
        const locked = await repository.lockEvent(trx, eventId);
        if (!locked || locked.status !== 'open') throw problems.conflict({ en: 'The assessment closed meanwhile.', th: 'การประเมินปิดไปแล้วระหว่างนี้' });
        // Two officers referring the same person to two events at once: the person's row decides.
        await repository.lockPeople(
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
        for (const p of planned)
          await trx
            .deleteFrom('assessment_candidate')
            .where('event_id', '=', eventId)
            .where('person_id', '=', p.personId)
            .where('status', '=', 'withdrawn')
            .execute();
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
      return this.getEvent(ctx, eventId);
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
      return this.getEvent(ctx, c.event_id);
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
      return this.getEvent(ctx, c.event_id);
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
      return { overall, absent: Boolean(input.absent), credentialCode: credential?.code ?? null, event: await this.getEvent(ctx, c.event_id) };
    },

    /** A citizen's own assessments. */
    async mine(ctx: Ctx) {
      if (!ctx.actor.personId) return [];
      return (await repository.assessmentsOfPerson(db, ctx.actor.personId)).map((a) => ({
        id: a.id,
        eventId: a.event_id,
        eventCode: a.event_code,
        standardCode: a.standard_code,
        qualificationTh: a.qualification_th,
        qualificationEn: a.qualification_en,
        centreNameTh: a.centre_name_th,
        centreNameEn: a.centre_name_en,
        assessedOn: a.assessed_on,
        online: a.online,
        venue: (a.venue as { place: string } | null)?.place ?? null,
        eventStatus: a.event_status,
        status: a.status,
        overall: a.overall,
        units: a.units,
        basis: a.basis,
        credentialCode: a.credential_code ?? null,
      }));
    },
  };
}

export type CompetencyService = ReturnType<typeof createCompetencyService>;
