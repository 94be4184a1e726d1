import { recordAudit } from '../../platform/audit/audit.service';
import { provincesOf } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/context';
import { problems, type FieldError } from '../../platform/problem';
import { bangkokDay, eligibilityChecks, type Check, type EligibilityFacts } from './funding.rules';
import type { FundingAccess } from './funding.access';
import { fundingPolicy } from './funding.policy';
import { fundRules, presentApplication } from './funding.present';
import { filesOf } from './application-files.repository';
import { presentFile } from './application-files.service';
import * as repository from './funding.repository';

type Ctx = ActorContext;

export interface BusinessPlan {
  costs: { item: string; amountSatang: number }[];
  expectedMonthlySalesSatang: number;
  repaymentSource: string;
}
export interface ApplicationInput {
  groupId: number;
  amountSatang: number;
  termMonths: number;
  purpose: string;
  businessPlan: BusinessPlan;
  cosignerPersonIds: number[];
  documents: { name: string; reference: string }[];
}

const failed = (checks: Check[], field: string): FieldError[] =>
  checks.filter((c) => !c.passed).map((c) => ({ field, code: c.code, message: c.en, messageTh: c.th }));

/** Applications and their path through four eyes: maker recommends, checker verifies, approver decides. */
export function createApplicationsService(access: FundingAccess) {
  const { db, registry, training, enterprise, requireFund, requireApplication, requireGroup, guard, guardRecord, guardApplicant, arrearsOf } = access;

  /** The facts eligibility needs, read from the registry, training, enterprise and this module. */
  async function factsFor(fund: repository.FundRow, groupId: number, amount: number, termMonths: number, now: Date): Promise<EligibilityFacts> {
    const group = await requireGroup(groupId);
    const members = (await registry.currentMemberRoles([groupId])).get(groupId) ?? [];
    let trainedMembers: number | null = null;
    if (fund.required_curriculum_code)
      trainedMembers = (
        await training.completersOf(
          fund.required_curriculum_code,
          members.map((m) => m.personId),
        )
      ).size;
    let stage: EligibilityFacts['stage'] = null;
    if (fund.required_programme_code && fund.required_stage_code) {
      const path = (await enterprise.participationsOfGroup(groupId)).find((p) => p.programmeCode === fund.required_programme_code);
      const required = path?.stages.find((s) => s.code === fund.required_stage_code);
      stage = {
        reached: path && path.status === 'active' ? path.stagePosition : null,
        required: required?.position ?? Number.MAX_SAFE_INTEGER,
        nameTh: required?.nameTh ?? fund.required_stage_code,
        nameEn: required?.nameEn ?? fund.required_stage_code,
      };
    }
    const groupLoans = await repository.loansOfGroup(db, groupId);
    const active = groupLoans.filter((l) => l.status === 'active');
    const arrears = await arrearsOf(
      active.map((l) => l.id),
      bangkokDay(now),
    );
    const open = groupLoans.filter((l) => l.fund_id === fund.id && (l.status === 'active' || l.status === 'committed')).length;
    return {
      groupActive: group.status === 'active',
      groupType: group.type,
      groupProvince: group.provinceCode,
      trainedMembers,
      stage,
      loansInArrears: [...arrears.values()].filter((a) => a.dpd > 0).length,
      openLoansOrApplications: open + (await repository.openApplicationsOf(db, groupId, fund.id)).length,
      amount,
      termMonths,
      now,
    };
  }

  /** Co-signers must be the group's current leader or committee members. */
  async function checkCosigners(groupId: number, personIds: readonly number[]) {
    const members = (await registry.currentMemberRoles([groupId])).get(groupId) ?? [];
    const errors: FieldError[] = personIds
      .map((id, i) => ({ id, i }))
      .filter(({ id }) => !members.some((m) => m.personId === id && (m.role === 'committee' || m.role === 'leader')))
      .map(({ id, i }) => ({
        field: `body.cosignerPersonIds[${i}]`,
        code: 'not-committee',
        message: `Person ${id} is not on the group’s committee: co-signers are its leader or committee members.`,
        messageTh: `บุคคลรหัส ${id} ไม่ใช่กรรมการของกลุ่ม ผู้ค้ำประกันต้องเป็นประธานหรือกรรมการกลุ่ม`,
      }));
    if (errors.length) throw problems.unprocessable({ en: 'A co-signer is not on the group’s committee.', th: 'ผู้ค้ำประกันบางคนไม่ใช่กรรมการกลุ่ม' }, errors);
  }

  const describe = async (a: repository.ApplicationRow) => {
    const [group, steps, cosigners, loan, uploaded] = await Promise.all([
      registry.groupPlaces([a.group_id]),
      repository.stepsOf(db, a.id),
      repository.cosignersOf(db, [a.id]),
      repository.loanOfApplication(db, a.id),
      filesOf(db, a.id),
    ]);
    const actorNames = await access.identity.displayNames(steps.map((s) => s.actor_user_id));
    return {
      ...presentApplication(a, { groupName: group.get(a.group_id)?.name ?? String(a.group_id), steps, cosigners, loanId: loan?.id ?? null, actorNames }),
      files: uploaded.map(presentFile),
    };
  };

  /**
   * Refuses a person who already acted on this application in another capacity, or who is a
   * member of the group (when their account is linked to a registered person): maker, checker
   * and approver are three different people, none of them in the group.
   */
  async function fourEyes(ctx: Ctx, a: repository.ApplicationRow, role: 'checker' | 'approver') {
    const steps = await repository.stepsOf(db, a.id);
    const since = steps.findLastIndex((s) => s.step === 'submit' || s.step === 'resubmit');
    const round = steps.slice(since + 1);
    const others = round.filter((s) => (role === 'checker' ? s.step === 'recommend' : s.step === 'recommend' || s.step === 'verify'));
    if (others.some((s) => s.actor_user_id === ctx.actor.userId))
      throw problems.forbidden({
        en: `Four eyes: you already ${others.find((s) => s.actor_user_id === ctx.actor.userId)!.step === 'recommend' ? 'recommended' : 'verified'} this application; the ${role} must be another person.`,
        th: `หลักสี่ตา: คุณได้${others.find((s) => s.actor_user_id === ctx.actor.userId)!.step === 'recommend' ? 'เสนอ' : 'ตรวจสอบ'}คำขอนี้แล้ว ผู้${role === 'checker' ? 'ตรวจสอบ' : 'อนุมัติ'}ต้องเป็นบุคคลอื่น`,
      });
    if (await access.memberOf(ctx, a.group_id))
      throw problems.forbidden({
        en: 'You are a member of the applying group: a member never recommends, verifies or approves its loan.',
        th: 'คุณเป็นสมาชิกของกลุ่มผู้ขอกู้ จึงเสนอ ตรวจสอบ หรืออนุมัติเงินกู้ของกลุ่มไม่ได้',
      });
  }

  const requireStatus = (a: repository.ApplicationRow, statuses: string[], what: { en: string; th: string }) => {
    if (!statuses.includes(a.status))
      throw problems.conflict({
        en: `The application is ${a.status}; only an application that is ${statuses.join(' or ')} can be ${what.en}.`,
        th: `คำขออยู่ในสถานะ ${a.status} จึง${what.th}ไม่ได้ (ต้องอยู่ในสถานะ ${statuses.join(' หรือ ')})`,
      });
  };

  /** One step of the path in one transaction with its audit event; the row is locked and its status checked again. */
  async function step(
    ctx: Ctx,
    id: number,
    from: string[],
    to: string,
    kind: string,
    what: { en: string; th: string },
    detail: { note?: string | null; minutesRef?: string | null } = {},
  ) {
    await db.transaction().execute(async (trx) => {
      const a = (await repository.lockApplication(trx, id))!;
      requireStatus(a, from, what);
      await repository.updateApplication(trx, id, { status: to });
      await repository.insertStep(trx, {
        application_id: id,
        step: kind,
        actor_user_id: ctx.actor.userId,
        note: detail.note ?? null,
        minutes_ref: detail.minutesRef ?? null,
      });
      await recordAudit(trx, ctx, {
        action: `loan-application.${kind}`,
        entityType: 'loan_application',
        entityId: String(id),
        provinceCode: a.province_code,
        before: { status: a.status },
        after: { status: to, note: detail.note ?? null, minutesRef: detail.minutesRef ?? null },
      });
    });
    return describe(await requireApplication(id));
  }

  const service = {
    /** The eligibility of a group for a fund, every rule with its reason; changes nothing. */
    async eligibility(ctx: Ctx, fundId: number, input: { groupId: number; amountSatang: number; termMonths: number }) {
      const fund = await requireFund(fundId);
      const group = await requireGroup(input.groupId);
      await guardApplicant(ctx, input.groupId, group.provinceCode, { en: 'check eligibility', th: 'ตรวจสอบคุณสมบัติ' });
      const checks = eligibilityChecks(fundRules(fund), await factsFor(fund, input.groupId, input.amountSatang, input.termMonths, new Date()));
      return { eligible: checks.every((c) => c.passed), checks };
    },

    /** A group's application: eligibility checked first, every failing rule answered as a reason. */
    async apply(ctx: Ctx, fundId: number, input: ApplicationInput, now = new Date()) {
      const fund = await requireFund(fundId);
      const group = await requireGroup(input.groupId);
      await guardApplicant(ctx, input.groupId, group.provinceCode, { en: 'apply for a loan', th: 'ยื่นคำขอกู้' });
      await checkCosigners(input.groupId, input.cosignerPersonIds);
      const checks = eligibilityChecks(fundRules(fund), await factsFor(fund, input.groupId, input.amountSatang, input.termMonths, now));
      if (checks.some((c) => !c.passed))
        throw problems.unprocessable(
          { en: `The group cannot apply to ${fund.name_en} now: see each reason.`, th: `กลุ่มยังยื่นคำขอกู้จาก${fund.name_th}ไม่ได้ ดูเหตุผลแต่ละข้อ` },
          failed(checks, 'body'),
        );
      const created = await db.transaction().execute(async (trx) => {
        const a = await repository.insertApplication(trx, {
          fund_id: fund.id,
          group_id: input.groupId,
          province_code: group.provinceCode,
          amount: input.amountSatang,
          term_months: input.termMonths,
          purpose: input.purpose,
          business_plan: JSON.stringify(input.businessPlan),
          documents: JSON.stringify(input.documents),
          applicant_person_id: ctx.actor.personId,
          loan_state: null,
          created_by: ctx.actor.userId,
          eligibility: JSON.stringify(checks),
        });
        await repository.setCosigners(trx, a.id, input.cosignerPersonIds);
        await repository.insertStep(trx, { application_id: a.id, step: 'submit', actor_user_id: ctx.actor.userId, note: null, minutes_ref: null });
        await registry.addTimelineEvent(trx, {
          groupId: input.groupId,
          module: 'funding',
          kind: 'loan-applied',
          summaryTh: `ยื่นคำขอกู้ ${fund.name_th}`,
          summaryEn: `Applied for a loan from ${fund.name_en}`,
          data: { applicationId: a.id, amountSatang: input.amountSatang },
          actorUserId: ctx.actor.userId,
        });
        await recordAudit(trx, ctx, {
          action: 'loan-application.submit',
          entityType: 'loan_application',
          entityId: String(a.id),
          provinceCode: group.provinceCode,
          after: { fundId: fund.id, groupId: input.groupId, amountSatang: input.amountSatang, termMonths: input.termMonths },
        });
        return a;
      });
      return describe(created);
    },

    async getApplication(ctx: Ctx, id: number) {
      const a = await requireApplication(id);
      await guardRecord(ctx, a, { en: 'read this application', th: 'ดูคำขอกู้นี้' });
      return describe(a);
    },

    async listApplications(ctx: Ctx, fundId: number, query: { status?: string; limit: number; offset: number }) {
      const fund = await requireFund(fundId);
      await access.guardRead(ctx, fund.province_codes, { en: 'read this fund’s applications', th: 'ดูคำขอกู้ของกองทุนนี้' });
      const rows = await repository.listApplications(db, { fundId, provinces: provincesOf(fundingPolicy.readScope(ctx.actor)), ...query });
      return Promise.all(rows.map(describe));
    },

    /** The applicant corrects a returned application; it goes back to the maker as a new round. */
    async correct(ctx: Ctx, id: number, input: Omit<ApplicationInput, 'groupId'>) {
      const a0 = await requireApplication(id);
      await guardApplicant(ctx, a0.group_id, a0.province_code, { en: 'correct this application', th: 'แก้ไขคำขอกู้นี้' });
      requireStatus(a0, ['returned'], { en: 'corrected', th: 'แก้ไข' });
      const fund = await requireFund(a0.fund_id);
      await checkCosigners(a0.group_id, input.cosignerPersonIds);
      const checks = eligibilityChecks(fundRules(fund), {
        ...(await factsFor(fund, a0.group_id, input.amountSatang, input.termMonths, new Date())),
        // This application is the open one; the deadline was met when it was first submitted.
        openLoansOrApplications: 0,
        now: new Date(a0.submitted_at),
      });
      if (checks.some((c) => !c.passed))
        throw problems.unprocessable({ en: 'The corrected application fails a rule.', th: 'คำขอที่แก้ไขยังไม่ผ่านเงื่อนไข' }, failed(checks, 'body'));
      await db.transaction().execute(async (trx) => {
        const a = (await repository.lockApplication(trx, id))!;
        requireStatus(a, ['returned'], { en: 'corrected', th: 'แก้ไข' });
        await repository.updateApplication(trx, id, {
          status: 'submitted',
          amount: input.amountSatang,
          term_months: input.termMonths,
          purpose: input.purpose,
          business_plan: JSON.stringify(input.businessPlan),
          documents: JSON.stringify(input.documents),
          eligibility: JSON.stringify(checks),
        });
        await repository.setCosigners(trx, id, input.cosignerPersonIds);
        await repository.insertStep(trx, { application_id: id, step: 'resubmit', actor_user_id: ctx.actor.userId, note: null, minutes_ref: null });
        await recordAudit(trx, ctx, {
          action: 'loan-application.resubmit',
          entityType: 'loan_application',
          entityId: String(id),
          provinceCode: a.province_code,
          before: { amountSatang: a.amount, termMonths: a.term_months, purpose: a.purpose },
          after: { amountSatang: input.amountSatang, termMonths: input.termMonths, purpose: input.purpose },
        });
      });
      return describe(await requireApplication(id));
    },

    /** The maker prepares and recommends. */
    async recommend(ctx: Ctx, id: number, input: { note: string }) {
      const a = await requireApplication(id);
      await guard(fundingPolicy.makerScope(ctx.actor), [a.province_code], { en: 'recommend this application', th: 'เสนอคำขอกู้นี้' });
      await fourEyes(ctx, a, 'checker');
      return step(ctx, id, ['submitted'], 'recommended', 'recommend', { en: 'recommended', th: 'เสนอ' }, { note: input.note });
    },

    /** The checker verifies: never the maker. */
    async verify(ctx: Ctx, id: number, input: { note: string }) {
      const a = await requireApplication(id);
      await guard(fundingPolicy.checkerScope(ctx.actor), [a.province_code], { en: 'verify this application', th: 'ตรวจสอบคำขอกู้นี้' });
      await fourEyes(ctx, a, 'checker');
      return step(ctx, id, ['recommended'], 'verified', 'verify', { en: 'verified', th: 'ตรวจสอบ' }, { note: input.note });
    },

    /** The checker or the approver returns an application for correction; its history stays. */
    async returnForCorrection(ctx: Ctx, id: number, input: { reason: string }) {
      const a = await requireApplication(id);
      const scope = a.status === 'verified' ? fundingPolicy.approverScope(ctx.actor) : fundingPolicy.checkerScope(ctx.actor);
      await guard(scope, [a.province_code], { en: 'return this application', th: 'ส่งคืนคำขอกู้นี้' });
      return step(ctx, id, ['submitted', 'recommended', 'verified'], 'returned', 'return', { en: 'returned', th: 'ส่งคืน' }, { note: input.reason });
    },

    /**
     * The committee's decision, recorded by the approver with the minutes' reference. Approval
     * commits the amount against the fund in the same transaction, by one conditional update
     * that takes the fund row's lock (`commitIfAvailable`): however many approvals run at once,
     * commitments never exceed what the fund holds; a refusal says what was available.
     */
    async decide(ctx: Ctx, id: number, input: { decision: 'approve' | 'reject'; minutesRef: string; note?: string | null }) {
      const a0 = await requireApplication(id);
      await guard(fundingPolicy.approverScope(ctx.actor), [a0.province_code], { en: 'decide on this application', th: 'พิจารณาอนุมัติคำขอกู้นี้' });
      await fourEyes(ctx, a0, 'approver');
      if (input.decision === 'reject')
        return step(ctx, id, ['verified'], 'rejected', 'reject', { en: 'rejected', th: 'ไม่อนุมัติ' }, { note: input.note ?? null, minutesRef: input.minutesRef });
      await db.transaction().execute(async (trx) => {
        const a = (await repository.lockApplication(trx, id))!;
        requireStatus(a, ['verified'], { en: 'approved', th: 'อนุมัติ' });
        const fund = await repository.commitIfAvailable(trx, a.fund_id, a.amount);
        if (!fund) {
          const f = (await repository.findFund(trx, a.fund_id))!;
          const available = f.capital - f.committed - f.disbursed + f.repaid + f.income;
          throw problems.conflict(
            {
              en: `The fund cannot commit ${a.amount} satang: ${available} satang is available (capital ${f.capital}, committed ${f.committed}, outstanding ${f.disbursed - f.repaid - f.written_off}).`,
              th: `กองทุนมีเงินไม่พอสำหรับวงเงิน ${a.amount} สตางค์ คงเหลือให้กู้ได้ ${available} สตางค์ (ทุน ${f.capital} ผูกพันแล้ว ${f.committed} ให้กู้ค้างรับ ${f.disbursed - f.repaid - f.written_off})`,
            },
            [{ field: 'body.decision', code: 'insufficient-funds', message: `Available: ${available} satang.`, messageTh: `คงเหลือ ${available} สตางค์` }],
          );
        }
        const loan = await repository.insertLoan(trx, {
          application_id: a.id,
          fund_id: a.fund_id,
          group_id: a.group_id,
          province_code: a.province_code,
          principal: a.amount,
          term_months: a.term_months,
          rate_bp: fund.rate_bp,
          fee_satang: fund.fee_satang,
          grace_months: fund.grace_months,
          due_day: fund.due_day,
          remainder_rule: fund.remainder_rule,
          bank_name: null,
          account_number: null,
          promptpay_id: null,
          first_disbursed_on: null,
        });
        await repository.insertEntry(trx, {
          fund_id: a.fund_id,
          loan_id: loan.id,
          kind: 'commitment',
          debit: 'committed',
          credit: 'cash',
          amount: a.amount,
          payment_id: null,
          reverses_id: null,
          memo: `application ${a.id}; minutes ${input.minutesRef}`,
          booked_on: bangkokDay(new Date()),
          actor_user_id: ctx.actor.userId,
        });
        await repository.updateApplication(trx, id, { status: 'approved' });
        await repository.setLoanState(trx, id, 'owed');
        await repository.insertStep(trx, {
          application_id: id,
          step: 'approve',
          actor_user_id: ctx.actor.userId,
          note: input.note ?? null,
          minutes_ref: input.minutesRef,
        });
        await recordAudit(trx, ctx, {
          action: 'loan-application.approve',
          entityType: 'loan_application',
          entityId: String(id),
          provinceCode: a.province_code,
          before: { status: a.status },
          after: { status: 'approved', loanId: loan.id, committedSatang: a.amount, minutesRef: input.minutesRef },
        });
      });
      return describe(await requireApplication(id));
    },
  };
  return service;
}
