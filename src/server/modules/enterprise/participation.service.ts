import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit.service';
import { provincesOf } from '../../platform/auth/actor';
import type { ActorContext, RequestContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import type { EnterpriseAccess, Stage } from './enterprise.access';
import { reasonErrors } from './enterprise.access';
import { enterprisePolicy } from './enterprise.policy';
import { presentParticipation, presentStage, presentStep } from './enterprise.present';
import * as repository from './enterprise.repository';
import { advanceReasons, bangkokToday, type EvidenceFacts } from './enterprise.rules';

type Ctx = ActorContext;
type Row = NonNullable<Awaited<ReturnType<typeof repository.findParticipation>>>;

/** Participation: nomination by a provincial office, selection by headquarters, the stage path with its evidence. */
export function createParticipationService(access: EnterpriseAccess) {
  const { db, org, registry, training, telling, requireProgramme, requireGroup, guardRead, guardWrite, readScope, stagesOf } = access;

  const requireParticipation = async (id: number) => {
    const p = await repository.findParticipation(db, id);
    if (!p) throw problems.notFound({ en: `No participation has id ${id}.`, th: `ไม่พบการเข้าร่วมโครงการรหัส ${id}` });
    return p;
  };

  const describe = async (rows: Row[]) => {
    const codes = [...new Set(rows.map((r) => r.programme_code))];
    const [programmes, groups, steps] = await Promise.all([
      Promise.all(codes.map((c) => requireProgramme(c))),
      registry.groupPlaces(rows.map((r) => r.group_id)),
      repository.stepsOf(
        db,
        rows.map((r) => r.id),
      ),
    ]);
    const byCode = new Map(programmes.map((p) => [p.code, p]));
    return rows.map((r) => {
      const p = byCode.get(r.programme_code)!;
      return {
        ...presentParticipation(r, { programmeNameTh: p.name_th, programmeNameEn: p.name_en, groupName: groups.get(r.group_id)?.name ?? String(r.group_id) }),
        steps: steps.filter((s) => s.participation_id === r.id).map(presentStep),
        stages: p.stages.map(presentStage),
      };
    });
  };

  /** Moves a participation and writes the step, the audit event and the group's timeline, in the caller's transaction. */
  async function move(
    trx: Transaction<DB>,
    ctx: RequestContext,
    p: Row,
    stage: Stage,
    kind: 'advance' | 'regress' | 'exit',
    detail: { evidence?: Record<string, unknown>; reason?: string | null; automatic?: boolean; slot: string | null },
  ) {
    const status = kind === 'exit' ? 'exited' : 'active';
    // A stage first reached is One Tambon One Group's funnel in monitoring, told in this transaction.
    await telling(trx, [p.group_id], async () => {
      await repository.moveParticipation(trx, p.id, {
        stage_code: stage.code,
        stage_position: stage.position,
        status,
        slot_subdistrict_code: status === 'active' ? detail.slot : null,
      });
      await repository.insertStep(trx, {
        participation_id: p.id,
        stage_code: stage.code,
        stage_position: stage.position,
        kind,
        reached_on: bangkokToday(new Date()),
        automatic: detail.automatic ?? false,
        evidence: JSON.stringify(detail.evidence ?? {}),
        reason: detail.reason ?? null,
        actor_user_id: detail.automatic ? null : (ctx.actor?.userId ?? null),
      });
    });
    const verb = { advance: ['ถึงขั้น', 'reached'], regress: ['ถอยกลับไปขั้น', 'went back to'], exit: ['ออกจากโครงการที่ขั้น', 'left the programme at'] }[kind];
    await registry.addTimelineEvent(trx, {
      groupId: p.group_id,
      module: 'enterprise',
      kind: `programme-${kind}`,
      summaryTh: `${p.programme_code}: ${verb[0]} ${stage.nameTh}${detail.automatic ? ' (อัตโนมัติ)' : ''}`,
      summaryEn: `${p.programme_code}: ${verb[1]} ${stage.nameEn}${detail.automatic ? ' (automatically)' : ''}`,
      data: { participationId: p.id, stageCode: stage.code, ...detail.evidence },
      actorUserId: ctx.actor?.userId ?? null,
    });
    await recordAudit(trx, ctx, {
      action: `participation.${kind}`,
      entityType: 'participation',
      entityId: String(p.id),
      provinceCode: p.province_code,
      before: { stageCode: p.stage_code, status: p.status },
      after: { stageCode: stage.code, status, automatic: detail.automatic ?? false, reason: detail.reason ?? null },
    });
  }

  const slotOf = (p: Row, onePerTambon: boolean) => (onePerTambon ? p.subdistrict_code : null);

  /** Advances one stage with the evidence given; refuses, changing nothing, when the evidence does not hold. */
  async function advanceWith(
    ctx: Ctx,
    id: number,
    stageCode: string,
    facts: (p: Row, target: Stage) => Promise<EvidenceFacts>,
    evidence: Record<string, unknown>,
  ) {
    const p0 = await requireParticipation(id);
    const programme = await requireProgramme(p0.programme_code);
    const target = programme.stages.find((s) => s.code === stageCode);
    if (!target)
      throw problems.unprocessable({ en: `Programme ${programme.code} has no stage ${stageCode}.`, th: `โครงการ ${programme.code} ไม่มีขั้น ${stageCode}` });
    // The evidence is read before the transaction opens (every query inside goes through it);
    // the stage is checked again on the locked row.
    const known = await facts(p0, target);
    await db.transaction().execute(async (trx) => {
      const p = (await repository.lockParticipation(trx, id))!;
      if (p.status !== 'active') throw problems.conflict({ en: 'The group has left this programme.', th: 'กลุ่มออกจากโครงการนี้แล้ว' });
      const reasons = advanceReasons(p.stage_position, target, known);
      if (reasons.length)
        throw problems.unprocessable(
          { en: `The group cannot reach “${target.nameEn}”.`, th: `กลุ่มยังไม่สามารถถึงขั้น “${target.nameTh}” ได้` },
          reasonErrors(reasons, 'body.stageCode'),
        );
      await move(trx, ctx, p, target, 'advance', { evidence, slot: slotOf(p, programme.one_per_subdistrict) });
    });
    return service.getParticipation(ctx, id);
  }

  const service = {
    async nominate(ctx: Ctx, code: string, input: { groupId: number; unitCode: string; note?: string }) {
      const programme = await requireProgramme(code);
      const group = await requireGroup(input.groupId);
      await guardWrite(ctx, group.provinceCode, { en: 'nominate this group', th: 'เสนอชื่อกลุ่มนี้' });
      if (!enterprisePolicy.nominatingUnits(ctx.actor).includes(input.unitCode))
        throw problems.forbidden({
          en: `You nominate only for your own office, not ${input.unitCode}.`,
          th: `คุณเสนอชื่อได้ในนามสำนักงานของคุณเท่านั้น ไม่ใช่ ${input.unitCode}`,
        });
      const area = (await org.unitAreas([input.unitCode])).get(input.unitCode) ?? [];
      if (!area.includes(group.provinceCode))
        throw problems.unprocessable({ en: `${input.unitCode} does not serve the group’s province.`, th: `${input.unitCode} ไม่ได้รับผิดชอบจังหวัดของกลุ่ม` }, [
          { field: 'body.unitCode', code: 'unit-area', message: 'The office must serve the group’s province.', messageTh: 'สำนักงานต้องรับผิดชอบจังหวัดของกลุ่ม' },
        ]);
      if (group.status !== 'active') throw problems.conflict({ en: 'The group is dissolved.', th: 'กลุ่มนี้เลิกแล้ว' });
      const first = programme.stages[0]!;
      const id = await db.transaction().execute(async (trx) => {
        if (await repository.participationsOfGroup(trx, input.groupId).then((rows) => rows.some((r) => r.programme_code === code)))
          throw problems.conflict({ en: `The group already takes part in ${code}.`, th: `กลุ่มนี้เข้าร่วมโครงการ ${code} อยู่แล้ว` });
        if (programme.one_per_subdistrict) {
          const holder = await repository.slotHolder(trx, code, group.subdistrictCode);
          if (holder)
            throw problems.conflict({
              en: `One group per sub-district: group ${holder.group_id} already holds this sub-district’s place in ${code}.`,
              th: `หนึ่งตำบลหนึ่งกลุ่ม: กลุ่มรหัส ${holder.group_id} ได้สิทธิ์ของตำบลนี้ในโครงการ ${code} แล้ว`,
            });
        }
        const { id } = await repository.insertParticipation(trx, {
          programme_code: code,
          group_id: input.groupId,
          province_code: group.provinceCode,
          subdistrict_code: group.subdistrictCode,
          unit_code: input.unitCode,
          stage_code: first.code,
          stage_position: first.position,
          slot_subdistrict_code: programme.one_per_subdistrict ? group.subdistrictCode : null,
        });
        const row = (await repository.findParticipation(trx, id))!;
        await telling(trx, [input.groupId], () =>
          repository.insertStep(trx, {
            participation_id: id,
            stage_code: first.code,
            stage_position: first.position,
            kind: 'advance',
            reached_on: bangkokToday(new Date()),
            evidence: JSON.stringify({ unitCode: input.unitCode, note: input.note ?? null }),
            actor_user_id: ctx.actor.userId,
          }),
        );
        await registry.addTimelineEvent(trx, {
          groupId: input.groupId,
          module: 'enterprise',
          kind: 'programme-nominated',
          summaryTh: `ได้รับการเสนอชื่อเข้าโครงการ ${programme.name_th}`,
          summaryEn: `Nominated for ${programme.name_en}`,
          data: { participationId: id },
          actorUserId: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'participation.nominate',
          entityType: 'participation',
          entityId: String(id),
          provinceCode: row.province_code,
          after: { code, groupId: input.groupId, unitCode: input.unitCode },
        });
        return id;
      });
      return service.getParticipation(ctx, id);
    },

    async getParticipation(ctx: Ctx, id: number) {
      const p = await requireParticipation(id);
      await guardRead(ctx, p.province_code, { en: 'read this group’s programme path', th: 'ดูเส้นทางโครงการของกลุ่มนี้' });
      return (await describe([p]))[0]!;
    },

    async participationsOfGroup(groupId: number) {
      return describe(await repository.participationsOfGroup(db, groupId));
    },

    async listParticipants(ctx: Ctx, code: string, query: { stage?: string; province?: string; status?: string; limit: number; offset: number }) {
      const scope = await readScope(ctx, { en: 'reading programme participants', th: 'ดูรายชื่อกลุ่มในโครงการ' });
      const programme = await requireProgramme(code);
      const [rows, count] = await repository.listParticipants(db, { code, provinces: provincesOf(scope), ...query });
      const groups = await registry.groupPlaces(rows.map((r) => r.group_id));
      return {
        items: rows.map((r) =>
          presentParticipation(r, {
            programmeNameTh: programme.name_th,
            programmeNameEn: programme.name_en,
            groupName: groups.get(r.group_id)?.name ?? String(r.group_id),
          }),
        ),
        total: count.n,
      };
    },

    /** Headquarters selects a nominated group as a prototype, with its reason. */
    async select(ctx: Ctx, id: number, input: { reason: string }) {
      const p = await requireParticipation(id);
      const stages = await stagesOf(p.programme_code);
      const selection = stages.find((s) => s.evidence.kind === 'selection');
      if (!selection) throw problems.unprocessable({ en: 'This programme has no selection stage.', th: 'โครงการนี้ไม่มีขั้นการคัดเลือก' });
      if (!enterprisePolicy.selects(ctx.actor))
        throw problems.forbidden({ en: 'Only headquarters selects prototype groups.', th: 'การคัดเลือกกลุ่มต้นแบบทำได้โดยส่วนกลางเท่านั้น' });
      return advanceWith(ctx, id, selection.code, async () => ({ byHeadquarters: true, reason: input.reason }), { reason: input.reason });
    },

    /** An officer in the group's province advances it with the evidence attached (or the system's, for a course or certificate stage). */
    async advance(ctx: Ctx, id: number, input: { stageCode: string; note?: string; documentRef?: string }) {
      const p = await requireParticipation(id);
      await guardWrite(ctx, p.province_code, { en: 'advance this group', th: 'บันทึกความก้าวหน้าของกลุ่มนี้' });
      return advanceWith(
        ctx,
        id,
        input.stageCode,
        async (row, target) => {
          const facts: EvidenceFacts = { note: input.note, documentRef: input.documentRef, byHeadquarters: false };
          if (target.evidence.kind === 'course') facts.completers = await completersIn(row.group_id, target.evidence.curriculumCode);
          if (target.evidence.kind === 'certificate')
            facts.validCertificate = await repository.groupHasValidCertificate(db, row.group_id, bangkokToday(new Date()));
          return facts;
        },
        { note: input.note ?? null, documentRef: input.documentRef ?? null },
      );
    },

    async regress(ctx: Ctx, id: number, input: { stageCode: string; reason: string }) {
      const p0 = await requireParticipation(id);
      await guardWrite(ctx, p0.province_code, { en: 'change this group’s stage', th: 'เปลี่ยนขั้นของกลุ่มนี้' });
      const programme = await requireProgramme(p0.programme_code);
      const target = programme.stages.find((s) => s.code === input.stageCode);
      if (!target)
        throw problems.unprocessable({
          en: `Programme ${programme.code} has no stage ${input.stageCode}.`,
          th: `โครงการ ${programme.code} ไม่มีขั้น ${input.stageCode}`,
        });
      await db.transaction().execute(async (trx) => {
        const p = (await repository.lockParticipation(trx, id))!;
        if (p.status !== 'active' || target.position >= p.stage_position)
          throw problems.unprocessable({
            en: 'A group goes back only to an earlier stage, while it takes part.',
            th: 'ย้อนกลับได้เฉพาะไปขั้นก่อนหน้าขณะที่ยังอยู่ในโครงการ',
          });
        await move(trx, ctx, p, target, 'regress', { reason: input.reason, slot: slotOf(p, programme.one_per_subdistrict) });
      });
      return service.getParticipation(ctx, id);
    },

    async exit(ctx: Ctx, id: number, input: { reason: string }) {
      const p0 = await requireParticipation(id);
      await guardWrite(ctx, p0.province_code, { en: 'record this group leaving', th: 'บันทึกการออกจากโครงการของกลุ่มนี้' });
      const programme = await requireProgramme(p0.programme_code);
      await db.transaction().execute(async (trx) => {
        const p = (await repository.lockParticipation(trx, id))!;
        if (p.status !== 'active') throw problems.conflict({ en: 'The group has already left.', th: 'กลุ่มออกจากโครงการแล้ว' });
        const at = programme.stages.find((s) => s.code === p.stage_code)!;
        await move(trx, ctx, p, at, 'exit', { reason: input.reason, slot: null });
      });
      return service.getParticipation(ctx, id);
    },

    /**
     * Training's completion hook: in the evaluation's transaction, every group of the people who
     * just completed, waiting for this course's stage, advances when enough current members hold it.
     */
    async onCompletion(trx: Transaction<DB>, ctx: RequestContext, completed: { sessionId: number; curriculumCode: string; personIds: number[] }) {
      const groupsOfPeople = await registry.currentMembers({ personIds: completed.personIds }, trx);
      const waiting = await repository.awaitingCourse(trx, [...groupsOfPeople.keys()], completed.curriculumCode);
      if (!waiting.length) return;
      const members = await registry.currentMembers({ groupIds: waiting.map((w) => w.group_id) }, trx);
      for (const w of waiting) {
        const stage: Stage = {
          code: w.next_code,
          position: w.next_position,
          nameTh: w.next_code,
          nameEn: w.next_code,
          evidence: w.evidence as Stage['evidence'],
          deadline: null,
        };
        const holders = await training.completersOf(completed.curriculumCode, members.get(w.group_id) ?? [], trx);
        if (advanceReasons(w.next_position - 1, stage, { completers: holders.size }).length) continue;
        const [programme] = await Promise.all([stagesOf(w.programme_code, trx)]);
        const full = programme.find((s) => s.code === w.next_code) ?? stage;
        const p = (await repository.findParticipation(trx, w.id))!;
        const onePerTambon = p.slot_subdistrict_code !== null;
        await move(trx, ctx, p, full, 'advance', {
          automatic: true,
          evidence: { sessionId: completed.sessionId, curriculumCode: completed.curriculumCode, completers: holders.size },
          slot: onePerTambon ? p.subdistrict_code : null,
        });
      }
    },

    /**
     * The fund module's disbursement, in its transaction: each programme path of the group waiting
     * on a `loan` stage ("funded" in One Tambon One Group) reaches it, with the loan as evidence.
     * A group not yet at the stage before keeps its place (stages are reached in order); an
     * officer records it later with the loan's reference.
     */
    async onLoanDisbursed(
      trx: Transaction<DB>,
      ctx: RequestContext,
      loan: { groupId: number; loanId: number; fundId: number; amountSatang: number; paidOn: string; reference: string },
    ) {
      const waiting = await repository.awaitingLoan(trx, loan.groupId);
      for (const w of waiting) {
        const p = (await repository.findParticipation(trx, w.id))!;
        const stage = (await stagesOf(p.programme_code, trx)).find((s) => s.code === w.next_code)!;
        if (advanceReasons(p.stage_position, stage, { loanDisbursed: true }).length) continue;
        await move(trx, ctx, p, stage, 'advance', {
          automatic: true,
          evidence: { loanId: loan.loanId, fundId: loan.fundId, amountSatang: loan.amountSatang, paidOn: loan.paidOn, reference: loan.reference },
          slot: p.slot_subdistrict_code !== null ? p.subdistrict_code : null,
        });
      }
      return waiting.length;
    },
  };

  async function completersIn(groupId: number, curriculumCode: string) {
    const members = (await registry.currentMembers({ groupIds: [groupId] })).get(groupId) ?? [];
    return (await training.completersOf(curriculumCode, members)).size;
  }

  return service;
}
