import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { PdpaRequestTable, GrievanceTable } from '../../db/schema.selfservice';
import type { Selectable } from 'kysely';
import { listAuditEvents, recordAudit } from '../../platform/audit/audit.service';
import type { ActorContext } from '../../platform/context';
import { SimulatedCrash } from '../../platform/jobs/jobs';
import { problems } from '../../platform/problem';
import type { CompetencyService } from '../competency/competency.service';
import type { CredentialsService } from '../credentials/credentials.service';
import type { EmploymentService } from '../employment/employment.service';
import type { EnterpriseService } from '../enterprise/enterprise.service';
import type { FundingService } from '../funding/funding.service';
import type { GeoService } from '../geo/geo.service';
import type { IdentityService } from '../identity/identity.service';
import type { OrgService } from '../org/org.service';
import { CONSENT_PURPOSES, type ConsentPurpose, type CorrectableField, type RegistryService } from '../registry/registry.service';
import type { TrainingService } from '../training/training.service';
import { renderMyDataPdf } from './selfservice.pdf';
import { provincesOf, scopeIncludes, selfservicePolicy } from './selfservice.policy';
import * as repository from './selfservice.repository';
import { bangkokDate } from '../../../shared/fiscal-year';
import { addDays, daysLate, GRIEVANCE_WORKING_DAYS, isLate, PDPA_DAYS } from './selfservice.rules';

type Ctx = ActorContext;
type RequestRow = Selectable<PdpaRequestTable>;
type GrievanceRow = Selectable<GrievanceTable>;

/** Audit actions that show an officer a person's data unmasked, as the person is told of them. */
const VIEW_ACTIONS: Record<string, { th: string; en: string }> = {
  'person.reveal_document': { th: 'ดูเลขประจำตัวแบบเต็ม', en: 'Saw your full identity numbers' },
  'person.export': { th: 'ส่งออกข้อมูลทั้งหมดของคุณ', en: 'Exported your whole record' },
};

const CONTROLLER = 'Archeep — Department of Women’s Affairs and Family Development and partner agencies';

export type RequestInput = { kind: 'correction'; field: CorrectableField; requestedValue: string; reason: string } | { kind: 'erasure'; reason: string };

/**
 * Self-service (issue 21 §3, §4, §6): what a citizen sees and asks for herself, and the officers'
 * queues that answer her. It keeps only its own requests and grievances; everything else it reads
 * through the other modules' services, each scoped to the citizen's own person record.
 */
export function createSelfserviceService(deps: {
  db: Kysely<DB>;
  geo: GeoService;
  org: OrgService;
  identity: IdentityService;
  registry: RegistryService;
  training: TrainingService;
  credentials: CredentialsService;
  competency: CompetencyService;
  employment: EmploymentService;
  enterprise: EnterpriseService;
  funding: FundingService;
  /** The clock (tests move it). */
  now?: () => Date;
  /** Tests act out a death: the erasure written, the request's answer not yet (it all rolls back). */
  options?: { crashAfterErasure?: boolean };
}) {
  const { db, registry, identity } = deps;
  const today = () => bangkokDate((deps.now ?? (() => new Date()))());

  const presentRequest = (r: RequestRow, names: Map<number, { nameTh: string }> | null) => ({
    id: r.id,
    kind: r.kind,
    personId: r.person_id,
    personNameTh: names?.get(r.person_id)?.nameTh ?? null,
    provinceCode: r.province_code,
    field: r.field as CorrectableField | null,
    currentValue: r.current_value,
    requestedValue: r.requested_value,
    reason: r.reason,
    legalHold: r.legal_hold_th && r.legal_hold_en ? { th: r.legal_hold_th, en: r.legal_hold_en } : null,
    status: r.status,
    outcome: r.outcome,
    dueOn: r.due_on,
    overdue: isLate(r.status, r.due_on, today()),
    daysOverdue: daysLate(r.status, r.due_on, today()),
    createdAt: new Date(r.created_at).toISOString(),
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
  });

  const presentGrievances = async (rows: GrievanceRow[], withNames: boolean) => {
    const [units, groups, names] = await Promise.all([
      deps.org.unitNames(rows.flatMap((g) => (g.unit_code ? [g.unit_code] : []))),
      registry.groupPlaces(rows.flatMap((g) => (g.group_id ? [g.group_id] : []))),
      withNames ? registry.facts(rows.map((g) => g.person_id)) : Promise.resolve(null),
    ]);
    return rows.map((g) => ({
      id: g.id,
      personId: g.person_id,
      personNameTh: names?.get(g.person_id)?.nameTh ?? null,
      groupId: g.group_id,
      groupName: g.group_id ? (groups.get(g.group_id)?.name ?? null) : null,
      kind: g.kind,
      about: g.about,
      subject: g.subject,
      body: g.body,
      reference: g.reference,
      provinceCode: g.province_code,
      unitCode: g.unit_code,
      unitNameTh: g.unit_code ? (units.get(g.unit_code)?.nameTh ?? null) : null,
      unitNameEn: g.unit_code ? (units.get(g.unit_code)?.nameEn ?? null) : null,
      status: g.status,
      answer: g.answer,
      dueOn: g.due_on,
      escalated: isLate(g.status, g.due_on, today()),
      daysLate: daysLate(g.status, g.due_on, today()),
      createdAt: new Date(g.created_at).toISOString(),
      answeredAt: g.answered_at ? new Date(g.answered_at).toISOString() : null,
    }));
  };

  /** Who saw her record unmasked: the audit trail's reveals and exports by officers, newest first. */
  const whoSaw = async (personId: number) => {
    const events = (await listAuditEvents(db, { entityType: 'person', entityId: String(personId), limit: 1000 })).filter((e) => VIEW_ACTIONS[e.action]);
    const users = events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : []));
    const [names, roles] = await Promise.all([identity.displayNames(users), identity.rolesOfUsers(users)]);
    return events.map((e) => {
      const after = (e.after ?? {}) as { reason?: unknown };
      return {
        at: e.occurredAt,
        action: e.action,
        what: VIEW_ACTIONS[e.action]!,
        officerName: e.actorUserId ? (names.get(e.actorUserId) ?? null) : null,
        roles: e.actorUserId ? (roles.get(e.actorUserId) ?? []) : [],
        reason: typeof after.reason === 'string' ? after.reason : null,
      };
    });
  };

  /** Her groups with their programme paths (enterprise), as a member or leader. */
  const groupsOf = async (personId: number) => {
    const groupIds = [...(await registry.currentMembers({ personIds: [personId] })).keys()];
    const [places, roles] = await Promise.all([registry.groupPlaces(groupIds), registry.currentMemberRoles(groupIds)]);
    return Promise.all(
      groupIds
        .filter((g) => places.has(g))
        .map(async (g) => ({
          groupId: g,
          groupName: places.get(g)!.name,
          role: roles.get(g)?.find((m) => m.personId === personId)?.role ?? 'member',
          participations: await deps.enterprise.participationsOfGroup(g),
        })),
    );
  };

  const service = {
    /** My Archeep: everything about her on one phone screen, from each module's own service. */
    async summary(ctx: Ctx) {
      const personId = registry.ownPersonId(ctx);
      const [record, enrolments, certificates, assessments, employment, groups, funding, timeline, grievances] = await Promise.all([
        registry.myRecord(ctx),
        deps.training.myEnrolments(ctx),
        deps.credentials.mine(ctx),
        deps.competency.mine(ctx),
        deps.employment.myCard(ctx),
        groupsOf(personId),
        deps.funding.mine(ctx),
        registry.myTimeline(ctx),
        repository.grievancesOfPerson(db, personId).then((rows) => presentGrievances(rows, false)),
      ]);
      return {
        record,
        enrolments,
        certificates: certificates.map((c) => ({ ...c, pdfUrl: `/api/credentials/${c.code}/pdf` })),
        assessments,
        employment,
        groups,
        loans: funding.loans,
        followUpsToAnswer: employment.followUps.filter((f) => !f.done && !f.closedReason && f.dueOn <= today()).length,
        timeline,
        grievances,
      };
    },

    /** My data: what is held (counts per part), who saw it unmasked, consents and her requests. */
    async myData(ctx: Ctx) {
      const personId = registry.ownPersonId(ctx);
      const [record, summary, views, consents, requests] = await Promise.all([
        registry.myRecord(ctx),
        service.summary(ctx),
        whoSaw(personId),
        registry.myConsents(ctx),
        repository.requestsOfPerson(db, personId),
      ]);
      const held = [
        {
          module: 'registry',
          what: { th: 'ระเบียนบุคคล ที่อยู่ กลุ่มเป้าหมาย และความยินยอม', en: 'Your record, address, target groups and consents' },
          count: 1 + consents.length,
        },
        { module: 'registry', what: { th: 'เหตุการณ์ในเส้นเวลา', en: 'Timeline events' }, count: summary.timeline.length },
        { module: 'training', what: { th: 'การสมัครและหลักสูตรที่เรียน', en: 'Course applications and courses' }, count: summary.enrolments.length },
        { module: 'credentials', what: { th: 'เกียรติบัตรและคุณวุฒิ', en: 'Certificates and qualifications' }, count: summary.certificates.length },
        { module: 'competency', what: { th: 'การประเมินสมรรถนะ', en: 'Competency assessments' }, count: summary.assessments.length },
        {
          module: 'employment',
          what: { th: 'ข้อมูลผู้หางาน การส่งตัว การบรรจุงาน และการติดตามผล', en: 'Job seeking, referrals, placements and follow-ups' },
          count:
            (summary.employment.seeker ? 1 : 0) +
            summary.employment.referrals.length +
            summary.employment.placements.length +
            summary.employment.followUps.length +
            summary.employment.guidance.length,
        },
        { module: 'enterprise', what: { th: 'กลุ่มอาชีพและเส้นทางโครงการ', en: 'Occupation groups and programme paths' }, count: summary.groups.length },
        { module: 'funding', what: { th: 'สัญญาเงินกู้ของกลุ่ม', en: 'Your groups’ loans' }, count: summary.loans.length },
        {
          module: 'selfservice',
          what: { th: 'คำขอและเรื่องร้องเรียนของคุณ', en: 'Your requests and grievances' },
          count: requests.length + summary.grievances.length,
        },
      ];
      return { record, held, whoSaw: views, consents, purposes: [...CONSENT_PURPOSES], requests: requests.map((r) => presentRequest(r, null)) };
    },

    /** Her data, everything each module holds about her, machine-readable (PDPA s.31). Audited by the registry. */
    async exportJson(ctx: Ctx) {
      const personId = registry.ownPersonId(ctx);
      const [registryPart, summary, funding, views, requests] = await Promise.all([
        registry.ownExport(ctx),
        service.summary(ctx),
        deps.funding.mine(ctx),
        whoSaw(personId),
        repository.requestsOfPerson(db, personId),
      ]);
      return {
        exportedAt: new Date().toISOString(),
        controller: CONTROLLER,
        personId,
        registry: registryPart,
        training: { enrolments: summary.enrolments },
        credentials: { certificates: summary.certificates },
        competency: { assessments: summary.assessments },
        employment: summary.employment,
        enterprise: { groups: summary.groups },
        funding: { groups: funding.groups, loans: funding.loans },
        selfservice: { requests: requests.map((r) => presentRequest(r, null)), grievances: summary.grievances },
        whoSaw: views,
      };
    },

    /** The same as a readable Thai PDF. */
    async exportPdf(ctx: Ctx) {
      const data = await service.exportJson(ctx);
      return renderMyDataPdf(data);
    },

    giveConsent: (ctx: Ctx, purpose: ConsentPurpose) => registry.giveOwnConsent(ctx, purpose),
    withdrawConsent: (ctx: Ctx, purpose: ConsentPurpose) => registry.withdrawOwnConsent(ctx, purpose),

    async myRequests(ctx: Ctx) {
      return (await repository.requestsOfPerson(db, registry.ownPersonId(ctx))).map((r) => presentRequest(r, null));
    },

    /** A correction or an erasure request, due in 30 days; an erasure's legal hold is told at once. */
    async fileRequest(ctx: Ctx, input: RequestInput) {
      const personId = registry.ownPersonId(ctx);
      const held = await registry.correctableValues(personId);
      if (held.status !== 'active') throw problems.conflict({ en: 'Your record is no longer active.', th: 'ระเบียนของคุณไม่อยู่ในสถานะใช้งานแล้ว' });
      const field = input.kind === 'correction' ? input.field : null;
      const current = input.kind === 'correction' ? held.values[input.field] : null;
      if (input.kind === 'correction' && (current ?? '') === input.requestedValue)
        throw problems.unprocessable({ en: 'The record already holds this value.', th: 'ข้อมูลในระเบียนเป็นค่านี้อยู่แล้ว' }, [
          { field: 'body.requestedValue', code: 'unchanged', message: 'The record already holds this value.', messageTh: 'ข้อมูลในระเบียนเป็นค่านี้อยู่แล้ว' },
        ]);
      if (await repository.openRequestOfKind(db, personId, input.kind, field))
        throw problems.conflict({ en: 'You already have an open request of this kind.', th: 'คุณมีคำขอประเภทนี้ที่ยังไม่ได้รับคำตอบอยู่แล้ว' });
      const hold = input.kind === 'erasure' ? await registry.erasureHold(personId) : null;
      const row = await db.transaction().execute(async (trx) => {
        const inserted = await repository.insertRequest(trx, {
          person_id: personId,
          kind: input.kind,
          province_code: held.provinceCode,
          field,
          current_value: current,
          requested_value: input.kind === 'correction' ? input.requestedValue || null : null,
          reason: input.reason,
          legal_hold_th: hold?.th ?? null,
          legal_hold_en: hold?.en ?? null,
          due_on: addDays(today(), PDPA_DAYS),
          filed_by: ctx.actor.userId,
        });
        await registry.addTimelineEvent(trx, {
          personId,
          module: 'selfservice',
          kind: `pdpa-${input.kind}-requested`,
          summaryTh: input.kind === 'correction' ? 'ขอแก้ไขข้อมูลส่วนบุคคล' : 'ขอลบข้อมูลส่วนบุคคล',
          summaryEn: input.kind === 'correction' ? 'Asked for a correction of personal data' : 'Asked for erasure of personal data',
          data: { requestId: inserted.id, field },
          actorUserId: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'pdpa_request.create',
          entityType: 'pdpa_request',
          entityId: String(inserted.id),
          provinceCode: held.provinceCode,
          subjectPersonId: personId,
          after: { kind: input.kind, field, dueOn: inserted.due_on, legalHold: hold !== null },
        });
        return inserted;
      });
      return presentRequest(row, null);
    },

    /** The officers' queue: the requests of their provinces, open and most overdue first. */
    async requestQueue(ctx: Ctx, query: { status?: 'open' | 'applied' | 'refused'; limit: number; offset: number }) {
      const scope = selfservicePolicy.readScope(ctx.actor);
      if (scope.kind === 'none') throw problems.forbidden({ en: 'Your role does not answer PDPA requests.', th: 'บทบาทของคุณไม่มีหน้าที่ตอบคำขอตาม PDPA' });
      const rows = await repository.requestQueue(db, { provinces: provincesOf(scope), ...query });
      const sorted = [...rows].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'));
      const names = await registry.facts(sorted.map((r) => r.person_id));
      return sorted.map((r) => presentRequest(r, names));
    },

    /** Applies (a correction changes the record; an erasure runs the registry's erasure) or refuses, with the outcome she reads. */
    async decideRequest(ctx: Ctx, id: number, input: { decision: 'apply' | 'refuse'; outcome: string }) {
      if (selfservicePolicy.decideScope(ctx.actor).kind === 'none')
        throw problems.forbidden({ en: 'Your role does not answer PDPA requests.', th: 'บทบาทของคุณไม่มีหน้าที่ตอบคำขอตาม PDPA' });
      const request = await repository.findRequest(db, id);
      if (!request) throw problems.notFound({ en: `No request has id ${id}.`, th: `ไม่พบคำขอรหัส ${id}` });
      const scope = selfservicePolicy.decideScope(ctx.actor);
      if (!scopeIncludes(scope, request.province_code))
        throw await deps.geo.outOfScope({ en: 'answer this request', th: 'ตอบคำขอนี้' }, [request.province_code], scope);
      if (request.status !== 'open') throw problems.conflict({ en: 'This request has already been answered.', th: 'คำขอนี้ได้รับคำตอบแล้ว' });
      const apply = input.decision === 'apply';
      if (apply && request.kind === 'correction')
        await registry.requireWritable(ctx, request.person_id, { en: 'correct this person’s record', th: 'แก้ไขข้อมูลบุคคลนี้' });
      const record = async (trx: Transaction<DB>) => {
        const locked = await repository.lockRequest(trx, id);
        if (locked?.status !== 'open') throw problems.conflict({ en: 'This request has already been answered.', th: 'คำขอนี้ได้รับคำตอบแล้ว' });
        if (apply && request.kind === 'correction')
          await registry.applyCorrection(trx, ctx, request.person_id, request.field as CorrectableField, request.requested_value, id);
        const updated = await repository.updateRequest(trx, id, {
          status: apply ? 'applied' : 'refused',
          outcome: input.outcome,
          decided_at: new Date(),
          decided_by: ctx.actor.userId,
        });
        if (request.kind === 'correction' || !apply)
          await registry.addTimelineEvent(trx, {
            personId: request.person_id,
            module: 'selfservice',
            kind: `pdpa-${request.kind}-${apply ? 'applied' : 'refused'}`,
            summaryTh: `${request.kind === 'correction' ? 'คำขอแก้ไขข้อมูล' : 'คำขอลบข้อมูล'}${apply ? 'ได้รับการดำเนินการแล้ว' : 'ไม่ได้รับการอนุมัติ'}`,
            summaryEn: `${request.kind === 'correction' ? 'Correction request' : 'Erasure request'} ${apply ? 'carried out' : 'refused'}`,
            data: { requestId: id },
            actorUserId: ctx.actor.userId,
          });
        await recordAudit(trx, ctx, {
          action: 'pdpa_request.decide',
          entityType: 'pdpa_request',
          entityId: String(id),
          provinceCode: request.province_code,
          after: { decision: input.decision, kind: request.kind, field: request.field },
        });
        return updated;
      };
      let row: RequestRow;
      if (apply && request.kind === 'erasure') {
        // The registry's erasure (its rules and legal holds: 409 naming the duty while a loan is
        // owed) and the request's answer are one transaction: a death between them leaves an
        // erased person with an open request, or an applied request with a person not erased, never.
        let answered: RequestRow | undefined;
        await registry.erasePerson(ctx, request.person_id, `PDPA request ${id}: ${input.outcome}`, async (trx) => {
          if (deps.options?.crashAfterErasure) throw new SimulatedCrash();
          answered = await record(trx);
        });
        row = answered!;
      } else {
        row = await db.transaction().execute(record);
      }
      return presentRequest(row, await registry.facts([row.person_id]));
    },

    async myGrievances(ctx: Ctx) {
      return presentGrievances(await repository.grievancesOfPerson(db, registry.ownPersonId(ctx)), false);
    },

    /**
     * A complaint or appeal, routed to the provincial office of her province (or of the group she
     * leads), due in 15 working days; it appears on her timeline.
     */
    async fileGrievance(
      ctx: Ctx,
      input: { kind: 'complaint' | 'appeal'; about: GrievanceRow['about']; subject: string; body: string; reference?: string | null; groupId?: number | null },
    ) {
      const personId = registry.ownPersonId(ctx);
      let provinceCode: string;
      if (input.groupId) {
        const roles = (await registry.currentMemberRoles([input.groupId])).get(input.groupId) ?? [];
        if (!roles.some((m) => m.personId === personId && m.role === 'leader'))
          throw problems.forbidden({ en: 'Only the group’s leader files for the group.', th: 'เฉพาะประธานกลุ่มเท่านั้นที่ยื่นเรื่องในนามกลุ่มได้' });
        provinceCode = (await registry.groupPlaces([input.groupId])).get(input.groupId)!.provinceCode;
      } else {
        provinceCode = (await registry.correctableValues(personId)).provinceCode;
      }
      const office = `DSD-PSDO-${provinceCode}`;
      const unitCode = (await deps.org.unitNames([office])).has(office) ? office : null;
      const dueOn = await deps.funding.workingDaysAfter(today(), GRIEVANCE_WORKING_DAYS);
      const row = await db.transaction().execute(async (trx) => {
        const inserted = await repository.insertGrievance(trx, {
          person_id: personId,
          group_id: input.groupId ?? null,
          kind: input.kind,
          about: input.about,
          subject: input.subject,
          body: input.body,
          reference: input.reference?.trim() || null,
          province_code: provinceCode,
          unit_code: unitCode,
          due_on: dueOn,
          filed_by: ctx.actor.userId,
        });
        await registry.addTimelineEvent(trx, {
          personId,
          module: 'selfservice',
          kind: 'grievance-filed',
          summaryTh: `ยื่น${input.kind === 'appeal' ? 'อุทธรณ์' : 'เรื่องร้องเรียน'}: ${input.subject}`,
          summaryEn: `${input.kind === 'appeal' ? 'Appeal' : 'Complaint'} filed: ${input.subject}`,
          data: { grievanceId: inserted.id },
          actorUserId: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'grievance.create',
          entityType: 'grievance',
          entityId: String(inserted.id),
          provinceCode,
          subjectPersonId: personId,
          after: { kind: input.kind, about: input.about, groupId: input.groupId ?? null, unitCode, dueOn: inserted.due_on },
        });
        return inserted;
      });
      return (await presentGrievances([row], false))[0]!;
    },

    /**
     * The grievance queue: officers see their provinces'; executives (supervision) see only the
     * escalated ones, nationwide; `escalated` narrows anyone's queue to those past the service level.
     */
    async grievanceQueue(ctx: Ctx, query: { status?: 'open' | 'answered'; escalated?: boolean; limit: number; offset: number }) {
      const officer = selfservicePolicy.decideScope(ctx.actor);
      const scope = officer.kind === 'none' ? selfservicePolicy.readScope(ctx.actor) : officer;
      if (scope.kind === 'none') throw problems.forbidden({ en: 'Your role does not answer grievances.', th: 'บทบาทของคุณไม่มีหน้าที่ตอบเรื่องร้องเรียน' });
      const escalatedOnly = query.escalated === true || officer.kind === 'none';
      const rows = await repository.grievanceQueue(db, {
        provinces: provincesOf(scope),
        status: query.status,
        lateBefore: escalatedOnly ? today() : undefined,
        limit: query.limit,
        offset: query.offset,
      });
      const sorted = [...rows].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'));
      return presentGrievances(sorted, true);
    },

    async answerGrievance(ctx: Ctx, id: number, answer: string) {
      if (selfservicePolicy.decideScope(ctx.actor).kind === 'none')
        throw problems.forbidden({ en: 'Your role does not answer grievances.', th: 'บทบาทของคุณไม่มีหน้าที่ตอบเรื่องร้องเรียน' });
      const g = await repository.findGrievance(db, id);
      if (!g) throw problems.notFound({ en: `No grievance has id ${id}.`, th: `ไม่พบเรื่องร้องเรียนรหัส ${id}` });
      const scope = selfservicePolicy.decideScope(ctx.actor);
      if (!scopeIncludes(scope, g.province_code))
        throw await deps.geo.outOfScope({ en: 'answer this grievance', th: 'ตอบเรื่องร้องเรียนนี้' }, [g.province_code], scope);
      const row = await db.transaction().execute(async (trx) => {
        const locked = await repository.lockGrievance(trx, id);
        if (locked?.status !== 'open') throw problems.conflict({ en: 'This grievance has already been answered.', th: 'เรื่องร้องเรียนนี้ได้รับคำตอบแล้ว' });
        const updated = await repository.updateGrievance(trx, id, { status: 'answered', answer, answered_at: new Date(), answered_by: ctx.actor.userId });
        await registry.addTimelineEvent(trx, {
          personId: g.person_id,
          module: 'selfservice',
          kind: 'grievance-answered',
          summaryTh: `ได้รับคำตอบเรื่อง: ${g.subject}`,
          summaryEn: `Answer received: ${g.subject}`,
          data: { grievanceId: id },
          actorUserId: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'grievance.answer',
          entityType: 'grievance',
          entityId: String(id),
          provinceCode: g.province_code,
          after: { late: isLate('open', g.due_on, today()) },
        });
        return updated;
      });
      return (await presentGrievances([row], true))[0]!;
    },
  };
  return service;
}

export type SelfserviceService = ReturnType<typeof createSelfserviceService>;
