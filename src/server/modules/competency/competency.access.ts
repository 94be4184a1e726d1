import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { Scope } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import { bangkokDate } from '../../../shared/fiscal-year';
import { fullName } from '../../../shared/person-fields';
import { formatThaiDate } from '../../../shared/thai-date';
import type { CredentialsService } from '../credentials/credentials.service';
import type { GeoService } from '../geo/geo.service';
import type { IdentityService } from '../identity/identity.service';
import type { OrgService } from '../org/org.service';
import type { RegistryService } from '../registry/registry.service';
import type { TrainingService } from '../training/training.service';
import { competencyPolicy } from './competency.policy';
import * as repository from './competency.repository';
import { byProvinceAndName, eligibleStanding, expiryOf, type Standing } from './competency.rules';

type Ctx = ActorContext;

export const thDate = (iso: string) => formatThaiDate(iso);
export const enDate = (iso: string) => formatThaiDate(iso, { locale: 'en' });

/** An event with the names of its centre and province. */
export type EventRow = repository.EventBaseRow & { centre_name_th: string; centre_name_en: string; province_name_th: string; province_name_en: string };

export interface EligibleFilter {
  provinceCode?: string;
  /** The provinces the reader may see; null for all. */
  provinces: readonly string[] | null;
  personIds?: readonly number[];
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
  candidate_status: 'referred' | 'assessed' | 'absent' | 'withdrawn' | null;
  overall: 'competent' | 'not-yet-competent' | null;
  event_id: number | null;
  event_code: string | null;
  assessed_on: string | null;
  event_status: 'open' | 'completed' | 'cancelled' | null;
  qualification_code: string | null;
  standing: Standing;
}

/**
 * What competency's use cases share: standards and events with their names, the guards that keep
 * an event to its area and its assessors, the eligible list drawn from training, the registry and
 * credentials, and the award of a qualification.
 */
export function createCompetencyAccess(deps: {
  db: Kysely<DB>;
  org: OrgService;
  geo: GeoService;
  registry: RegistryService;
  identity: IdentityService;
  credentials: CredentialsService;
  training: TrainingService;
}) {
  const { db, org, geo, registry, identity, credentials, training } = deps;
  const today = () => bangkokDate(new Date());

  const requireStandard = async (code: string) => {
    const s = await repository.findStandard(db, code);
    if (!s) throw problems.notFound({ en: `No competency standard has code ${code}.`, th: `ไม่พบมาตรฐานอาชีพรหัส ${code}` });
    return s;
  };

  /** Events with the names of their centre (org's) and province (geo's). */
  const withEventNames = async (rows: repository.EventBaseRow[]): Promise<EventRow[]> => {
    const [units, places] = await Promise.all([org.unitNames(rows.map((e) => e.centre_unit_code)), geo.placeIndex()]);
    return rows.map((e) => ({
      ...e,
      centre_name_th: units.get(e.centre_unit_code)?.nameTh ?? e.centre_unit_code,
      centre_name_en: units.get(e.centre_unit_code)?.nameEn ?? e.centre_unit_code,
      province_name_th: places.provinces.get(e.province_code)?.name_th ?? e.province_code,
      province_name_en: places.provinces.get(e.province_code)?.name_en ?? e.province_code,
    }));
  };

  const requireEvent = async (id: number) => {
    const e = await repository.findEvent(db, id);
    if (!e) throw problems.notFound({ en: `No assessment event has id ${id}.`, th: `ไม่พบการประเมินรหัส ${id}` });
    return (await withEventNames([e]))[0]!;
  };

  /** 403 naming the province and the actor's area (`geo.outOfScope`, as every module refuses). */
  const outOfArea = (what: { en: string; th: string }, provinceCode: string, scope: Scope) => geo.outOfScope(what, [provinceCode], scope);

  /** An event the officer organises, or the named assessors' when `assessor` is allowed. */
  async function eventFor(ctx: Ctx, id: number, as: 'organiser' | 'assessor' | 'reader') {
    const e = await requireEvent(id);
    const organises = competencyPolicy.organises(ctx.actor, e.province_code);
    const assesses = competencyPolicy.isAssessor(ctx.actor) && (await repository.isAssessorOf(db, id, ctx.actor.userId));
    if (as === 'organiser' && !organises)
      throw await outOfArea({ en: 'organise this assessment', th: 'จัดการการประเมินนี้' }, e.province_code, competencyPolicy.officerScope(ctx.actor));
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

  const presentEvent = (e: EventRow) => ({
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

  const presentEligible = (r: EligibleRow) => ({
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
    e: EventRow,
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

  /**
   * Everyone eligible for a standard, with their basis and standing: completed a course that
   * prepares for its units (training's), or experience on record; active in the registry and in
   * the provinces asked for (registry's); their last assessment, and any valid qualification
   * (credentials'). In the list's order: province, Thai name, id.
   */
  async function eligibleRows(standardCode: string, filter: EligibleFilter): Promise<EligibleRow[]> {
    const units = (await repository.unitsOf(db, standardCode)).map((u) => u.code);
    const [trained, experienced] = await Promise.all([
      training.completionsOf(units, filter.personIds),
      repository.currentExperiences(db, standardCode, filter.personIds),
    ]);
    const experience = new Map(experienced.map((x) => [x.person_id, x]));
    const pool = [...new Set([...trained.keys(), ...experience.keys()])];
    const people = await registry.facts(pool);
    const ids = pool.filter((id) => {
      const p = people.get(id);
      if (!p || p.status !== 'active') return false;
      if (filter.provinceCode && p.provinceCode !== filter.provinceCode) return false;
      return !filter.provinces || filter.provinces.includes(p.provinceCode);
    });
    const [last, qualifications, revoked, places] = await Promise.all([
      repository.lastAssessments(db, standardCode, ids),
      credentials.qualificationsFor(ids, standardCode),
      credentials.revokedQualificationsFor(ids, standardCode),
      geo.placeIndex(),
    ]);
    const lastOf = new Map(last.map((a) => [a.person_id, a]));
    return ids
      .map((id) => {
        const p = people.get(id)!;
        const t = trained.get(id);
        const x = experience.get(id);
        const a = lastOf.get(id);
        const qualification = qualifications.get(id) ?? null;
        return {
          person_id: id,
          title: p.title,
          first_name_th: p.firstNameTh,
          last_name_th: p.lastNameTh,
          first_name_en: p.firstNameEn,
          last_name_en: p.lastNameEn,
          doc_type: p.docType,
          doc_number: p.docNumber,
          province_code: p.provinceCode,
          province_name_th: places.provinces.get(p.provinceCode)?.name_th ?? p.provinceCode,
          province_name_en: places.provinces.get(p.provinceCode)?.name_en ?? p.provinceCode,
          course_code: t?.courseCode ?? null,
          course_name_th: t?.courseNameTh ?? null,
          course_name_en: t?.courseNameEn ?? null,
          completed_on: t?.completedOn ?? null,
          experience_id: x?.id ?? null,
          experience_summary: x?.summary ?? null,
          experience_recorded_at: x?.recorded_at ?? null,
          candidate_id: a?.candidate_id ?? null,
          candidate_status: a?.candidate_status ?? null,
          overall: a?.overall ?? null,
          event_id: a?.event_id ?? null,
          event_code: a?.event_code ?? null,
          assessed_on: a?.assessed_on ?? null,
          event_status: a?.event_status ?? null,
          qualification_code: qualification,
          standing: eligibleStanding({
            qualificationCode: qualification,
            revokedAt: revoked.get(id)?.revokedAt ?? null,
            candidateStatus: a?.candidate_status ?? null,
            eventStatus: a?.event_status ?? null,
            overall: a?.overall ?? null,
            assessedOn: a?.assessed_on ?? null,
          }),
        };
      })
      .sort(byProvinceAndName);
  }

  /** An event's candidates with their names and document (registry's) and qualification code (credentials'), by Thai first name. */
  async function candidatesOf(eventId: number) {
    const rows = await repository.candidatesOf(db, eventId);
    const [people, issued] = await Promise.all([
      registry.facts(rows.map((c) => c.person_id)),
      credentials.issuedFor(
        'assessment_candidate',
        rows.map((c) => c.id),
      ),
    ]);
    return rows
      .map((c) => {
        const p = people.get(c.person_id);
        return {
          ...c,
          title: p?.title ?? null,
          first_name_th: p?.firstNameTh ?? '',
          last_name_th: p?.lastNameTh ?? '',
          first_name_en: p?.firstNameEn ?? null,
          last_name_en: p?.lastNameEn ?? null,
          doc_type: p?.docType ?? 'other',
          doc_number: p?.docNumber ?? '',
          province_code: p?.provinceCode ?? '',
          credential_code: issued.get(c.id)?.code ?? null,
        };
      })
      .sort((a, b) => (a.first_name_th < b.first_name_th ? -1 : a.first_name_th > b.first_name_th ? 1 : a.id - b.id));
  }

  return {
    db,
    org,
    geo,
    registry,
    identity,
    credentials,
    training,
    today,
    requireStandard,
    withEventNames,
    requireEvent,
    outOfArea,
    eventFor,
    presentStandard,
    presentUnit,
    presentEvent,
    nameOf,
    presentEligible,
    award,
    eligibleRows,
    candidatesOf,
  };
}

export type CompetencyAccess = ReturnType<typeof createCompetencyAccess>;
