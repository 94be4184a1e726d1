import { byTargetGroup, IGNORE_FACTS, type FactSink, type FactTally } from '../../platform/facts';
import type { Executor } from '../../db/executor';
import { IGNORE_NOTIFY, type NotifySink } from '../../platform/notify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Scope } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import { bangkokDate } from '../../../shared/fiscal-year';
import type { CompetencyService } from '../competency/competency.service';
import type { CredentialsService } from '../credentials/credentials.service';
import type { GeoService } from '../geo/geo.service';
import type { IdentityService } from '../identity/identity.service';
import type { OrgService } from '../org/org.service';
import type { RegistryService } from '../registry/registry.service';
import type { TrainingService } from '../training/training.service';
import { employmentPolicy } from './employment.policy';
import * as repository from './employment.repository';
import { effectiveStatus } from './employment.rules';

type Ctx = ActorContext;

export interface EmploymentDeps {
  db: Kysely<DB>;
  geo: GeoService;
  org: OrgService;
  registry: RegistryService;
  identity: IdentityService;
  credentials: CredentialsService;
  training: TrainingService;
  competency: CompetencyService;
  /** Monitoring's recorder: placements are told to it in their transactions. */
  facts?: FactSink;
  /** Notifications: a referral is told to the person in its transaction. */
  notify?: NotifySink;
}

export type VacancyWithEmployer = repository.VacancyRow & { employer_name_th: string; employer_name_en: string | null };

/**
 * What employment's use cases share: the records with their guards (an officer's area, an
 * employer's own records), and how employers and vacancies are shown.
 */
export function createEmploymentAccess(deps: EmploymentDeps) {
  const { db, geo } = deps;
  const today = () => bangkokDate(new Date());
  const notFound = (what: { en: string; th: string }) => problems.notFound(what);
  const outOfArea = (what: { en: string; th: string }, provinceCode: string, scope: Scope) => geo.outOfScope(what, [provinceCode], scope);

  /** A standard's units and the curricula preparing for them (competency's), or a 400 naming the field when it is unknown. */
  const standardFor = async (code: string, field = 'body.requiredStandardCode') => {
    try {
      return await deps.competency.getStandard(code);
    } catch {
      throw problems.validation([{ field, code: 'unknown', message: `No competency standard has code ${code}.`, messageTh: `ไม่พบมาตรฐานอาชีพรหัส ${code}` }]);
    }
  };

  const requireEmployer = async (id: number) => {
    const e = await repository.findEmployer(db, id);
    if (!e) throw notFound({ en: `No employer has id ${id}.`, th: `ไม่พบนายจ้างรหัส ${id}` });
    return e;
  };

  /** The employer an employer account acts for; 403 for other accounts. */
  const ownEmployerId = async (ctx: Ctx): Promise<number> => {
    const link = employmentPolicy.isEmployer(ctx.actor) ? await repository.employerOfUser(db, ctx.actor.userId) : undefined;
    if (!link) throw problems.forbidden({ en: 'This account does not act for an employer.', th: 'บัญชีนี้ไม่ได้เป็นบัญชีของนายจ้าง' });
    return link.employer_id;
  };
  const employerIdOf = async (ctx: Ctx): Promise<number | null> =>
    employmentPolicy.isEmployer(ctx.actor) ? ((await repository.employerOfUser(db, ctx.actor.userId))?.employer_id ?? null) : null;

  const withEmployer = async (v: repository.VacancyRow): Promise<VacancyWithEmployer> => {
    const e = await requireEmployer(v.employer_id);
    return { ...v, employer_name_th: e.name_th, employer_name_en: e.name_en };
  };
  const requireVacancy = async (id: number) => {
    const v = await repository.findVacancy(db, id);
    if (!v) throw notFound({ en: `No vacancy has id ${id}.`, th: `ไม่พบตำแหน่งงานรหัส ${id}` });
    return withEmployer(v);
  };

  /**
   * A vacancy the actor may see in full: its own employer's account, or an officer/executive of its
   * province (`act` asks for an officer). Others get 404: a draft is nobody else's business.
   */
  async function vacancyFor(ctx: Ctx, id: number, as: 'read' | 'act') {
    const v = await requireVacancy(id);
    const own = (await employerIdOf(ctx)) === v.employer_id;
    if (own) return { vacancy: v, own: true };
    const readable = employmentPolicy.reads(ctx.actor, v.province_code);
    if (!readable) throw notFound({ en: `No vacancy has id ${id}.`, th: `ไม่พบตำแหน่งงานรหัส ${id}` });
    if (as === 'act' && !employmentPolicy.acts(ctx.actor, v.province_code))
      throw await outOfArea({ en: 'manage this vacancy', th: 'จัดการตำแหน่งงานนี้' }, v.province_code, employmentPolicy.officerScope(ctx.actor));
    return { vacancy: v, own: false };
  }

  const presentEmployer = async (e: repository.EmployerRow) => {
    const places = await geo.placeIndex();
    const p = places.provinces.get(e.province_code);
    return {
      id: e.id,
      taxId: e.tax_id,
      nameTh: e.name_th,
      nameEn: e.name_en,
      tsicCode: e.tsic_code,
      size: e.size,
      address: e.address,
      subdistrictCode: e.subdistrict_code,
      provinceCode: e.province_code,
      provinceNameTh: p?.name_th ?? e.province_code,
      provinceNameEn: p?.name_en ?? e.province_code,
      contactName: e.contact_name,
      contactPhone: e.contact_phone,
      contactEmail: e.contact_email,
      homeWorkRegistrationNo: e.home_work_registration_no,
      status: e.status,
      statusReason: e.status_reason,
      verifiedAt: e.verified_at ? new Date(e.verified_at).toISOString() : null,
      createdAt: new Date(e.created_at).toISOString(),
    };
  };

  const presentVacancies = async (rows: VacancyWithEmployer[]) => {
    const places = await geo.placeIndex();
    const now = today();
    return rows.map((v) => {
      const p = places.provinces.get(v.province_code);
      return {
        id: v.id,
        code: v.code,
        employerId: v.employer_id,
        employerNameTh: v.employer_name_th,
        employerNameEn: v.employer_name_en,
        kind: v.kind,
        occupationCode: v.occupation_code,
        titleTh: v.title_th,
        titleEn: v.title_en,
        description: v.description,
        requiredStandardCode: v.required_standard_code,
        education: v.education,
        remote: v.remote,
        subdistrictCode: v.subdistrict_code,
        districtCode: v.district_code,
        provinceCode: v.province_code,
        provinceNameTh: p?.name_th ?? v.province_code,
        provinceNameEn: p?.name_en ?? v.province_code,
        wageSatang: v.wage_satang,
        wageUnit: v.wage_unit,
        openings: v.openings,
        placedCount: v.placed_count,
        opensOn: v.opens_on,
        closesOn: v.closes_on,
        quantity: v.quantity,
        materialsSupplied: v.materials_supplied,
        deliveryOn: v.delivery_on,
        status: effectiveStatus({ kind: v.kind, status: v.status, closesOn: v.closes_on, openings: v.openings, placedCount: v.placed_count }, now),
      };
    });
  };
  const presentVacancy = async (v: VacancyWithEmployer) => (await presentVacancies([v]))[0]!;

  /**
   * `employment.placed`'s breakdown cells: by the vacancy's district and by the person's target
   * groups (read through the registry, in the same transaction).
   */
  const placementBreakdownTally = async (executor: Executor, personIds: readonly number[] | null): Promise<FactTally[]> => {
    const { districts, people } = await repository.placementBreakdown(executor, personIds);
    return [
      ...districts.map((d) => ({ indicator: 'employment.placed', ...d })),
      ...(await byTargetGroup('employment.placed', people, (ids) => deps.registry.targetGroupsOf(ids, executor))),
    ];
  };
  // A person's corrected target groups, or a merge, moves their placements' target-group cells.
  deps.registry.onPeopleTallies(placementBreakdownTally);

  return {
    ...deps,
    placementBreakdownTally,
    tellFacts: deps.facts ?? IGNORE_FACTS,
    notify: deps.notify ?? IGNORE_NOTIFY,
    today,
    standardFor,
    outOfArea,
    requireEmployer,
    ownEmployerId,
    employerIdOf,
    requireVacancy,
    vacancyFor,
    presentEmployer,
    presentVacancies,
    presentVacancy,
  };
}

export type EmploymentAccess = ReturnType<typeof createEmploymentAccess>;
