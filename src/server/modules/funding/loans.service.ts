import { recordAudit } from '../../platform/audit/audit.service';
import type { ActorContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import { satangToBaht } from '../../../shared/money';
import { type FundingAccess } from './funding.access';
import { fundingPolicy } from './funding.policy';
import { provincesOf, scopeIncludes } from '../../platform/auth/actor';
import * as collections from './collections.repository';
import { presentContact, presentDecision, presentFund, presentInstalment, presentPayment, presentReminder } from './funding.present';
import { factDifference } from '../../platform/facts';
import { fundingTallies } from './facts.repository';
import * as repository from './funding.repository';
import { bangkokDay, daysBetween, totalOwed, type Allocation } from './funding.rules';
import { renderReceipt } from './receipt.pdf';

import { createLoanLedger } from './loan-ledger';

type Ctx = ActorContext;

/** Loans: reading, disbursement and the schedule, repayments recorded by the office, reversals, receipts. */
export function createLoansService(access: FundingAccess) {
  const { db, registry, enterprise, requireLoan, requireFund, guard, guardRecord, arrearsOf } = access;
  const { entry, applyRepayment, writeSchedule } = createLoanLedger();
  const office = (ctx: Ctx, provinceCode: string, what: { en: string; th: string }) => guard(fundingPolicy.officeScope(ctx.actor), [provinceCode], what);

  const describe = async (loan: repository.LoanRow, ctx: Ctx) => {
    // Collection notes are the office's: the group's members see their reminders, not the notes.
    const staff = scopeIncludes(fundingPolicy.readScope(ctx.actor), loan.province_code);
    const [schedule, payments, tranches, decisions, groups, reminders, contacts] = await Promise.all([
      repository.scheduleOf(db, loan.id, loan.schedule_version),
      repository.paymentsOf(db, loan.id),
      repository.tranchesOf(db, loan.id),
      repository.decisionsOf(db, loan.id),
      registry.groupPlaces([loan.group_id]),
      collections.remindersOf(db, loan.id),
      staff ? collections.contactsOf(db, loan.id) : [],
    ]);
    const a = (await arrearsOf([loan.id], bangkokDay(new Date()))).get(loan.id)!;
    const reversedBy = new Map(payments.filter((p) => p.reverses_id !== null).map((p) => [p.reverses_id!, p.id]));
    return {
      id: loan.id,
      applicationId: loan.application_id,
      fundId: loan.fund_id,
      groupId: loan.group_id,
      groupName: groups.get(loan.group_id)?.name ?? String(loan.group_id),
      provinceCode: loan.province_code,
      status: loan.status as 'committed' | 'active' | 'repaid' | 'written-off',
      principalSatang: loan.principal,
      disbursedSatang: loan.disbursed,
      outstandingSatang: loan.status === 'written-off' ? 0 : a.outstanding,
      owedSatang: loan.status === 'written-off' ? 0 : totalOwed(a.schedule),
      daysPastDue: loan.status === 'active' ? a.dpd : 0,
      nextDueOn: loan.status === 'active' ? a.nextDue : null,
      termMonths: loan.term_months,
      rateBp: loan.rate_bp,
      dueDay: loan.due_day,
      remainderRule: loan.remainder_rule as 'last' | 'first',
      bankName: loan.bank_name,
      accountNumber: loan.account_number,
      promptPayId: loan.promptpay_id,
      scheduleVersion: loan.schedule_version,
      schedule: schedule.map(presentInstalment),
      tranches: tranches.map((t) => ({ id: t.id, amountSatang: t.amount, paidOn: t.paid_on, reference: t.reference })),
      payments: payments.map((p) => presentPayment(p, reversedBy.get(p.id) ?? null)),
      decisions: decisions.map(presentDecision),
      reminders: reminders.map(presentReminder),
      contacts: contacts.map(presentContact),
    };
  };

  const service = {
    async getLoan(ctx: Ctx, id: number) {
      const loan = await requireLoan(id);
      await guardRecord(ctx, loan, { en: 'read this loan', th: 'ดูสัญญาเงินกู้นี้' });
      return describe(loan, ctx);
    },

    /**
     * A citizen's own view (a group leader on her phone): the groups she belongs to (with their
     * committee, whom a leader names as co-signers), the funds lending in their provinces, and
     * the groups' loans with their schedules. Staff without a person record get empty lists.
     */
    async mine(ctx: Ctx) {
      const personId = ctx.actor.personId;
      if (personId === null) return { groups: [], funds: [], loans: [] };
      const groupIds = [...(await registry.currentMembers({ personIds: [personId] })).keys()];
      const [places, roles] = await Promise.all([registry.groupPlaces(groupIds), registry.currentMemberRoles(groupIds)]);
      const committeeIds = groupIds.flatMap((g) => (roles.get(g) ?? []).filter((m) => m.role === 'leader' || m.role === 'committee').map((m) => m.personId));
      const people = await registry.facts(committeeIds);
      const groups = groupIds
        .filter((g) => places.has(g))
        .map((g) => {
          const role = roles.get(g)?.find((m) => m.personId === personId)?.role ?? 'member';
          return {
            groupId: g,
            groupName: places.get(g)!.name,
            provinceCode: places.get(g)!.provinceCode,
            role,
            // Only a leader applies, so only a leader is shown whom she may name as co-signers.
            committee:
              role === 'leader'
                ? (roles.get(g) ?? [])
                    .filter((m) => m.role === 'leader' || m.role === 'committee')
                    .map((m) => ({ personId: m.personId, role: m.role, nameTh: people.get(m.personId)?.nameTh ?? String(m.personId) }))
                : [],
          };
        });
      const provinces = [...new Set(groups.map((g) => g.provinceCode))];
      const funds = provinces.length ? (await repository.listFunds(db, provinces)).map(presentFund) : [];
      const loans = (await Promise.all(groupIds.map((g) => repository.loansOfGroup(db, g)))).flat();
      return { groups, funds, loans: await Promise.all(loans.map((l) => describe(l, ctx))) };
    },

    /** A group's loans (its page; the group's members see their own). */
    /** The fund's loans in the reader's area, latest first, with days past due today. */
    async fundLoans(ctx: Ctx, fundId: number, query: { status?: 'committed' | 'active' | 'repaid' | 'written-off'; limit: number; offset: number }) {
      const fund = await requireFund(fundId);
      await access.guardRead(ctx, fund.province_codes, { en: 'read this fund’s loans', th: 'ดูสัญญาเงินกู้ของกองทุนนี้' });
      const rows = await repository.loansOfFund(db, { fundId, provinces: provincesOf(fundingPolicy.readScope(ctx.actor)), ...query });
      const groups = await registry.groupPlaces(rows.map((r) => r.group_id));
      const today = bangkokDay(new Date());
      return rows.map((r) => ({
        id: r.id,
        applicationId: r.application_id,
        groupId: r.group_id,
        groupName: groups.get(r.group_id)?.name ?? String(r.group_id),
        provinceCode: r.province_code,
        status: r.status as 'committed' | 'active' | 'repaid' | 'written-off',
        principalSatang: r.principal,
        disbursedSatang: r.disbursed,
        outstandingSatang: r.status === 'active' ? r.outstanding_principal : 0,
        daysPastDue: r.status === 'active' && r.oldest_unpaid_due !== null && r.oldest_unpaid_due < today ? daysBetween(r.oldest_unpaid_due, today) : 0,
      }));
    },

    async groupLoans(ctx: Ctx, groupId: number) {
      const group = await access.requireGroup(groupId);
      await guardRecord(ctx, { group_id: groupId, province_code: group.provinceCode }, { en: 'read this group’s loans', th: 'ดูเงินกู้ของกลุ่มนี้' });
      return Promise.all((await repository.loansOfGroup(db, groupId)).map((l) => describe(l, ctx)));
    },

    /**
     * A tranche paid into the group's account. The commitment becomes a loan receivable; the
     * schedule is (re)generated for what has been disbursed, from the first tranche's date, as
     * long as nothing has been repaid yet.
     */
    async disburse(
      ctx: Ctx,
      id: number,
      input: { amountSatang: number; paidOn: string; reference: string; bankName: string; accountNumber: string; promptPayId: string | null },
    ) {
      const loan0 = await requireLoan(id);
      await office(ctx, loan0.province_code, { en: 'disburse this loan', th: 'เบิกจ่ายเงินกู้นี้' });
      await db.transaction().execute(async (trx) => {
        const loan = (await repository.lockLoan(trx, id))!;
        if (loan.status !== 'committed' && loan.status !== 'active')
          throw problems.conflict({
            en: `Loan ${id} is ${loan.status}; nothing more is disbursed.`,
            th: `สัญญาเงินกู้ ${id} อยู่ในสถานะ ${loan.status} จึงเบิกจ่ายเพิ่มไม่ได้`,
          });
        const left = loan.principal - loan.disbursed;
        if (input.amountSatang > left)
          throw problems.unprocessable({ en: `Only ${left} satang of loan ${id} remain to disburse.`, th: `สัญญาเงินกู้ ${id} เหลือวงเงินเบิกจ่ายได้ ${left} สตางค์` }, [
            { field: 'body.amountSatang', code: 'over-principal', message: `At most ${left} satang.`, messageTh: `ไม่เกิน ${left} สตางค์` },
          ]);
        if ((await repository.paymentsOf(trx, id)).length)
          throw problems.conflict({
            en: 'The loan has repayments: a further tranche needs a restructuring.',
            th: 'สัญญานี้มีการชำระคืนแล้ว การเบิกงวดเพิ่มต้องปรับโครงสร้างหนี้',
          });
        const first = loan.first_disbursed_on ?? input.paidOn;
        const updated = { ...loan, disbursed: loan.disbursed + input.amountSatang };
        const version = await writeSchedule(trx, loan, {
          principal: updated.disbursed,
          from: first,
          termMonths: loan.term_months,
          graceMonths: loan.grace_months,
          dueDay: loan.due_day,
          extraFee: loan.fee_satang,
        });
        // Monitoring's loans disbursed and satang paid out are told in this transaction.
        const before = await fundingTallies(trx, [id]);
        await repository.updateLoan(trx, id, {
          status: 'active',
          disbursed: updated.disbursed,
          first_disbursed_on: first,
          bank_name: input.bankName,
          account_number: input.accountNumber,
          promptpay_id: input.promptPayId,
          schedule_version: version,
        });
        await repository.refreshArrears(trx, { loanId: id });
        await repository.insertTranche(trx, {
          loan_id: id,
          amount: input.amountSatang,
          paid_on: input.paidOn,
          reference: input.reference,
          actor_user_id: ctx.actor.userId,
        });
        await access.facts(trx, factDifference(before, await fundingTallies(trx, [id])));
        await entry(trx, ctx, loan, {
          kind: 'disbursement',
          debit: 'loans',
          credit: 'committed',
          amount: input.amountSatang,
          bookedOn: input.paidOn,
          memo: input.reference,
        });
        await repository.moveTotals(trx, loan.fund_id, { committed: -input.amountSatang, disbursed: input.amountSatang });
        await registry.addTimelineEvent(trx, {
          groupId: loan.group_id,
          module: 'funding',
          kind: 'loan-disbursed',
          summaryTh: `ได้รับเงินกู้ ${satangToBaht(input.amountSatang)} บาท`,
          summaryEn: `Received a loan of ${satangToBaht(input.amountSatang)} baht`,
          data: { loanId: id, amountSatang: input.amountSatang },
          actorUserId: ctx.actor.userId,
        });
        // The group's programme path (One Tambon One Group's "funded") records the loan in this transaction.
        await enterprise.onLoanDisbursed(trx, ctx, {
          groupId: loan.group_id,
          loanId: id,
          fundId: loan.fund_id,
          amountSatang: input.amountSatang,
          paidOn: input.paidOn,
          reference: input.reference,
        });
        await recordAudit(trx, ctx, {
          action: 'loan.disburse',
          entityType: 'loan',
          entityId: String(id),
          provinceCode: loan.province_code,
          before: { disbursedSatang: loan.disbursed, status: loan.status },
          after: { disbursedSatang: updated.disbursed, status: 'active', reference: input.reference, scheduleVersion: version },
        });
      });
      return describe(await requireLoan(id), ctx);
    },

    /** A repayment recorded by the fund's office. */
    async repay(ctx: Ctx, id: number, input: { amountSatang: number; paidOn: string; reference: string | null }) {
      const loan0 = await requireLoan(id);
      await office(ctx, loan0.province_code, { en: 'record a repayment of this loan', th: 'บันทึกการชำระคืนเงินกู้นี้' });
      const payment = await db
        .transaction()
        .execute(async (trx) => applyRepayment(trx, ctx, (await repository.lockLoan(trx, id))!, { ...input, source: 'officer' }));
      return presentPayment(payment, null);
    },

    /**
     * Reverses a repayment with a reason: the allocation is taken back from the same instalments,
     * every ledger entry of the payment gets its mirror, the totals and the loan's status return
     * to what they were. Nothing is deleted.
     */
    async reverse(ctx: Ctx, paymentId: number, input: { reason: string }) {
      const p0 = await repository.findPayment(db, paymentId);
      if (!p0) throw problems.notFound({ en: `No payment has id ${paymentId}.`, th: `ไม่พบรายการชำระเงินรหัส ${paymentId}` });
      const loan0 = await requireLoan(p0.loan_id);
      await office(ctx, loan0.province_code, { en: 'reverse this payment', th: 'กลับรายการชำระเงินนี้' });
      const reversal = await db.transaction().execute(async (trx) => {
        const loan = (await repository.lockLoan(trx, p0.loan_id))!;
        if (p0.kind !== 'repayment') throw problems.conflict({ en: 'A reversal is not itself reversed.', th: 'รายการกลับรายการไม่สามารถกลับรายการซ้ำได้' });
        if (await repository.reversalOf(trx, paymentId))
          throw problems.conflict({ en: `Payment ${paymentId} is already reversed.`, th: `รายการชำระเงิน ${paymentId} ถูกกลับรายการแล้ว` });
        if (p0.schedule_version !== loan.schedule_version || loan.status === 'written-off')
          throw problems.conflict({
            en: 'The loan was restructured or written off after this payment; reverse it through a new decision.',
            th: 'สัญญานี้ถูกปรับโครงสร้างหนี้หรือตัดหนี้สูญหลังรายการนี้ จึงกลับรายการไม่ได้',
          });
        const parts = p0.allocation as Allocation[];
        for (const p of parts)
          await repository.payInstalment(trx, loan.id, loan.schedule_version, p.number, { principal: -p.principal, interest: -p.interest, fee: -p.fee });
        await repository.refreshArrears(trx, { loanId: loan.id });
        const r = await repository.insertPayment(trx, {
          loan_id: loan.id,
          kind: 'reversal',
          amount: -p0.amount,
          paid_on: bangkokDay(new Date()),
          reference: p0.reference,
          source: 'officer',
          allocation: JSON.stringify(parts.map((p) => ({ number: p.number, fee: -p.fee, interest: -p.interest, principal: -p.principal }))),
          schedule_version: loan.schedule_version,
          reverses_id: p0.id,
          reason: input.reason,
          actor_user_id: ctx.actor.userId,
        });
        for (const e of await repository.entriesOfPayment(trx, p0.id))
          await entry(trx, ctx, loan, {
            kind: 'reversal',
            debit: e.credit,
            credit: e.debit,
            amount: e.amount,
            bookedOn: bangkokDay(new Date()),
            paymentId: r.id,
            reverses: e.id,
            memo: input.reason,
          });
        const principal = parts.reduce((s, p) => s + p.principal, 0);
        const income = parts.reduce((s, p) => s + p.interest + p.fee, 0);
        await repository.moveTotals(trx, loan.fund_id, { repaid: -principal, income: -income });
        if (loan.status === 'repaid') {
          await repository.updateLoan(trx, loan.id, { status: 'active' });
          await repository.setLoanState(trx, loan.application_id, 'owed');
        }
        await recordAudit(trx, ctx, {
          action: 'loan.reversal',
          entityType: 'loan',
          entityId: String(loan.id),
          provinceCode: loan.province_code,
          before: { paymentId: p0.id, amountSatang: p0.amount, status: loan.status },
          after: { reversalId: r.id, reason: input.reason },
        });
        return r;
      });
      return presentPayment(reversal, null);
    },

    /** The receipt of a repayment, as a PDF in Thai. */
    async receipt(ctx: Ctx, paymentId: number) {
      const p = await repository.findPayment(db, paymentId);
      if (!p || p.kind !== 'repayment') throw problems.notFound({ en: `No repayment has id ${paymentId}.`, th: `ไม่พบรายการชำระเงินรหัส ${paymentId}` });
      const loan = await requireLoan(p.loan_id);
      await guardRecord(ctx, loan, { en: 'read this receipt', th: 'ดูใบเสร็จนี้' });
      const [fund, groups, reversed, a] = await Promise.all([
        requireFund(loan.fund_id),
        registry.groupPlaces([loan.group_id]),
        repository.reversalOf(db, p.id),
        arrearsOf([loan.id], bangkokDay(new Date())),
      ]);
      const bytes = await renderReceipt({
        paymentId: p.id,
        fundName: fund.name_th,
        groupName: groups.get(loan.group_id)?.name ?? String(loan.group_id),
        loanId: loan.id,
        paidOn: p.paid_on,
        amountSatang: p.amount,
        reference: p.reference,
        allocation: p.allocation as Allocation[],
        outstandingSatang: a.get(loan.id)!.outstanding,
        reversed: Boolean(reversed),
      });
      return { fileName: `receipt-${p.id}.pdf`, bytes };
    },
  };
  return service;
}
