import { byTargetGroup, IGNORE_FACTS, type FactSink, type FactTally } from '../../platform/facts';
import type { Executor } from '../../db/executor';
import { completionBreakdown, type CompletionFilter } from './facts.repository';
import { IGNORE_NOTIFY, type NotifySink } from '../../platform/notify';
import type { Kysely } from 'kysely';
import type { DB, SessionStatus } from '../../db/schema';
import type { Scope } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/context';
import type { JobRunner } from '../../platform/jobs/jobs';
import { problems, type FieldError } from '../../platform/problem';
import { bangkokDate } from '../../../shared/fiscal-year';
import { formatThaiDate } from '../../../shared/thai-date';
import type { CredentialsService } from '../credentials/credentials.service';
import type { GeoService } from '../geo/geo.service';
import type { OrgService } from '../org/org.service';
import type { RegistryService } from '../registry/registry.service';
import { trainingPolicy } from './training.policy';
import { presentMyEnrolment, type RosterRow, type SessionDetailRow, type SessionNames } from './training.present';
import * as repository from './training.repository';
import type { Reason } from './training.rules';

type Ctx = ActorContext;

export const STATUS_TH: Record<SessionStatus, string> = {
  planned: 'อยู่ระหว่างวางแผน',
  open: 'เปิดรับสมัคร',
  running: 'กำลังอบรม',
  completed: 'จบแล้ว',
  cancelled: 'ยกเลิกแล้ว',
};
export const placeOf = (s: { province_code: string; unit_code: string }) => ({ provinceCode: s.province_code, unitCode: s.unit_code });
export const thDate = (iso: string) => formatThaiDate(iso);
export const enDate = (iso: string) => formatThaiDate(iso, { locale: 'en' });
export const reasonErrors = (reasons: Reason[], field = 'eligibility'): FieldError[] =>
  reasons.map((r) => ({ field, code: r.code, message: r.en, messageTh: r.th }));

/**
 * What training's use cases share: the services it reads, a session with its names, the guards
 * that keep a session to its area, and the rows other modules complete (people on a roster,
 * certificates of enrolments). Each use-case file takes what it needs from here.
 */
export function createTrainingAccess(deps: {
  db: Kysely<DB>;
  geo: GeoService;
  org: OrgService;
  registry: RegistryService;
  credentials: CredentialsService;
  jobs: JobRunner;
  /** Monitoring's recorder: completions gained or lost are told to it in their transactions. */
  facts?: FactSink;
  /** Notifications: application results are written to the outbox in their transactions. */
  notify?: NotifySink;
}) {
  const { db, geo, org, registry, credentials, jobs } = deps;
  const tellFacts = deps.facts ?? IGNORE_FACTS;
  const notify = deps.notify ?? IGNORE_NOTIFY;
  const today = () => bangkokDate(new Date());
  /**
   * `training.completed`'s breakdown cells: by the session's district, and by the person's target
   * groups (read through the registry, in the same transaction).
   */
  const completionBreakdownTally = async (executor: Executor, filter: CompletionFilter): Promise<FactTally[]> => {
    const { districts, people } = await completionBreakdown(executor, filter);
    return [
      ...districts.map((d) => ({ indicator: 'training.completed', ...d })),
      ...(await byTargetGroup('training.completed', people, (ids) => registry.targetGroupsOf(ids, executor))),
    ];
  };
  // A person's corrected target groups, or a merge, moves their completions' target-group cells.
  registry.onPeopleTallies((executor, personIds) => completionBreakdownTally(executor, personIds === null ? null : { personIds }));

  let groupNamesCache: Promise<Map<string, { th: string; en: string }>> | null = null;
  const groupNames = () => (groupNamesCache ??= org.targetGroups().then((gs) => new Map(gs.map((g) => [g.code, { th: g.nameTh, en: g.nameEn }]))));

  /** Sessions with the names of their unit and province (org's, geo's). */
  const withSessionNames = async <T extends { unit_code: string; province_code: string }>(rows: T[]): Promise<(T & SessionNames)[]> => {
    const [units, places] = await Promise.all([org.unitNames(rows.map((r) => r.unit_code)), geo.placeIndex()]);
    return rows.map((r) => {
      const unit = units.get(r.unit_code);
      const province = places.provinces.get(r.province_code);
      return {
        ...r,
        unit_name_th: unit?.nameTh ?? r.unit_code,
        unit_name_en: unit?.nameEn ?? r.unit_code,
        province_name_th: province?.name_th ?? r.province_code,
        province_name_en: province?.name_en ?? r.province_code,
      };
    });
  };

  const requireSession = async (id: number): Promise<SessionDetailRow> => {
    const found = await repository.findSession(db, id);
    if (!found) throw problems.notFound({ en: `No training session has id ${id}.`, th: `ไม่พบรุ่นการอบรมรหัส ${id}` });
    const [s] = await withSessionNames([found]);
    const place = found.subdistrict_code ? (await geo.placeIndex()).subdistricts.get(found.subdistrict_code) : undefined;
    return {
      ...s!,
      subdistrict_name_th: place?.subdistrict_name_th ?? null,
      subdistrict_name_en: place?.subdistrict_name_en ?? null,
      district_name_th: place?.district_name_th ?? null,
      district_name_en: place?.district_name_en ?? null,
    };
  };

  /** 403 naming the session's province and the actor's area (`geo.outOfScope`, as every module refuses). */
  const refuse = (what: { en: string; th: string }, provinceCode: string, scope: Scope) => geo.outOfScope(what, [provinceCode], scope);

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

  /** A person's enrolments with their province's names and certificates (geo's, credentials'). */
  const enrolmentsOfPerson = async (personId: number) => {
    const rows = await repository.enrolmentsOfPerson(db, personId);
    const [places, certificates] = await Promise.all([
      geo.placeIndex(),
      credentials.issuedFor(
        'enrolment',
        rows.map((e) => e.id),
      ),
    ]);
    return rows.map((e) => ({
      ...e,
      province_name_th: places.provinces.get(e.province_code)?.name_th ?? e.province_code,
      province_name_en: places.provinces.get(e.province_code)?.name_en ?? e.province_code,
      credential_code: certificates.get(e.id)?.code ?? null,
      credential_status: certificates.get(e.id)?.status ?? null,
    }));
  };

  const enrolmentView = async (sessionId: number, personId: number) => {
    const mine = (await enrolmentsOfPerson(personId)).find((e) => e.session_id === sessionId)!;
    return presentMyEnrolment(mine);
  };

  /** A page of a session's roster with each person's names and document (registry's) and certificate (credentials'). */
  const roster = async (sessionId: number, query: repository.RosterFilter) => {
    const found = await repository.roster(db, sessionId, query);
    const [people, certificates] = await Promise.all([
      registry.facts(found.items.map((r) => r.person_id)),
      credentials.issuedFor(
        'enrolment',
        found.items.map((r) => r.id),
      ),
    ]);
    const items: RosterRow[] = found.items.map((r) => {
      const p = people.get(r.person_id);
      return {
        ...r,
        title: p?.title ?? '',
        first_name_th: p?.firstNameTh ?? '',
        last_name_th: p?.lastNameTh ?? '',
        first_name_en: p?.firstNameEn ?? null,
        last_name_en: p?.lastNameEn ?? null,
        doc_type: p?.docType ?? 'other',
        doc_number: p?.docNumber ?? '',
        person_province_code: p?.provinceCode ?? '',
        credential_code: certificates.get(r.id)?.code ?? null,
        credential_status: certificates.get(r.id)?.status ?? null,
      };
    });
    return { items, counts: found.counts };
  };

  /** Completed enrolments of a session that have no certificate yet, in a stable order (the bulk issue's cursor). */
  const completedWithoutCertificate = async (sessionId: number, limit = Infinity) => {
    const completed = await repository.completedEnrolments(db, sessionId);
    const issued = await credentials.issuedFor(
      'enrolment',
      completed.map((e) => e.id),
    );
    return completed.filter((e) => !issued.has(e.id)).slice(0, limit);
  };

  return {
    db,
    tellFacts,
    completionBreakdownTally,
    notify,
    geo,
    org,
    registry,
    credentials,
    jobs,
    today,
    groupNames,
    withSessionNames,
    requireSession,
    refuse,
    managedSession,
    rosterSession,
    curriculumOf,
    enrolmentsOfPerson,
    enrolmentView,
    roster,
    completedWithoutCertificate,
  };
}

export type TrainingAccess = ReturnType<typeof createTrainingAccess>;
