import { recordAudit } from '../../platform/audit/audit.service';
import type { ActorContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import { toState, type FundingAccess } from './funding.access';
import { fundingPolicy } from './funding.policy';
import { presentDecision } from './funding.present';
import * as repository from './funding.repository';
import { bangkokDay, totalOwed } from './funding.rules';

import { createLoanLedger } from './loan-ledger';

type Ctx = ActorContext;

/** Restructuring and write-off: asked for by the fund's office, decided by the committee's approver. */
export function createLoanDecisionsService(access: FundingAccess) {
  const { db, requireLoan, guard } = access;
  const { entry, writeSchedule } = createLoanLedger();
  const office = (ctx: Ctx, provinceCode: string, what: { en: string; th: string }) => guard(fundingPolicy.officeScope(ctx.actor), [provinceCode], what);

  return {
    /** The office asks for a restructuring (a new schedule for what is owed) or a write-off; the approver decides. */
    async requestDecision(
      ctx: Ctx,
      loanId: number,
      input: { kind: 'restructure' | 'write-off'; reason: string; termMonths?: number; dueDay?: number; graceMonths?: number },
    ) {
      const loan0 = await requireLoan(loanId);
      await office(ctx, loan0.province_code, { en: 'ask for a decision on this loan', th: 'ขออนุมัติเรื่องสัญญาเงินกู้นี้' });
      if (input.kind === 'restructure' && !input.termMonths)
        throw problems.validation([
          {
            field: 'body.termMonths',
            code: 'required',
            message: 'A restructuring names the new term in months.',
            messageTh: 'การปรับโครงสร้างหนี้ต้องระบุระยะเวลาผ่อนใหม่ (เดือน)',
          },
        ]);
      const d = await db.transaction().execute(async (trx) => {
        const loan = (await repository.lockLoan(trx, loanId))!;
        if (loan.status !== 'active')
          throw problems.conflict({
            en: `Loan ${loanId} is ${loan.status}; only an active loan is restructured or written off.`,
            th: `สัญญาเงินกู้ ${loanId} อยู่ในสถานะ ${loan.status}`,
          });
        if (await repository.openDecision(trx, loanId))
          throw problems.conflict({ en: 'A decision on this loan is already waiting.', th: 'มีคำขออนุมัติของสัญญานี้รออยู่แล้ว' });
        const proposal =
          input.kind === 'restructure' ? { termMonths: input.termMonths, dueDay: input.dueDay ?? loan.due_day, graceMonths: input.graceMonths ?? 0 } : {};
        const row = await repository.insertDecision(trx, {
          loan_id: loanId,
          kind: input.kind,
          proposal: JSON.stringify(proposal),
          reason: input.reason,
          requested_by: ctx.actor.userId,
          decided_by: null,
          minutes_ref: null,
          decided_at: null,
        });
        await recordAudit(trx, ctx, {
          action: `loan.${input.kind}-requested`,
          entityType: 'loan',
          entityId: String(loanId),
          provinceCode: loan.province_code,
          after: { decisionId: row.id, proposal, reason: input.reason },
        });
        return row;
      });
      return presentDecision(d);
    },

    /** The approver decides a restructuring or write-off (never the one who asked); the history stays. */
    async decideOnLoan(ctx: Ctx, decisionId: number, input: { decision: 'approve' | 'reject'; minutesRef: string }) {
      const d0 = await repository.findDecision(db, decisionId);
      if (!d0) throw problems.notFound({ en: `No loan decision has id ${decisionId}.`, th: `ไม่พบคำขออนุมัติรหัส ${decisionId}` });
      const loan0 = await requireLoan(d0.loan_id);
      await guard(fundingPolicy.approverScope(ctx.actor), [loan0.province_code], { en: 'decide on this loan', th: 'อนุมัติเรื่องสัญญาเงินกู้นี้' });
      if (d0.requested_by === ctx.actor.userId)
        throw problems.forbidden({ en: 'Four eyes: you asked for this decision; another person decides it.', th: 'หลักสี่ตา: คุณเป็นผู้ขอ ผู้อนุมัติต้องเป็นบุคคลอื่น' });
      await db.transaction().execute(async (trx) => {
        const loan = (await repository.lockLoan(trx, d0.loan_id))!;
        const d = (await repository.lockDecision(trx, decisionId))!;
        if (d.status !== 'requested') throw problems.conflict({ en: `The decision is already ${d.status}.`, th: `คำขอนี้ได้รับการพิจารณาแล้ว (${d.status})` });
        const status = input.decision === 'approve' ? 'approved' : 'rejected';
        await repository.closeDecision(trx, decisionId, { status, decided_by: ctx.actor.userId, minutes_ref: input.minutesRef });
        if (status === 'approved') {
          if (loan.status !== 'active')
            throw problems.conflict({ en: `Loan ${loan.id} is ${loan.status}.`, th: `สัญญาเงินกู้ ${loan.id} อยู่ในสถานะ ${loan.status}` });
          const schedule = (await repository.scheduleOf(trx, loan.id, loan.schedule_version)).map(toState);
          const principal = schedule.reduce((s, i) => s + i.principal - i.paidPrincipal, 0);
          const otherOwed = totalOwed(schedule) - principal;
          if (d.kind === 'write-off') {
            if (principal)
              await entry(trx, ctx, loan, {
                kind: 'write-off',
                debit: 'write_off',
                credit: 'loans',
                amount: principal,
                bookedOn: bangkokDay(new Date()),
                memo: input.minutesRef,
              });
            const undisbursed = loan.principal - loan.disbursed;
            if (undisbursed)
              await entry(trx, ctx, loan, {
                kind: 'release',
                debit: 'cash',
                credit: 'committed',
                amount: undisbursed,
                bookedOn: bangkokDay(new Date()),
                memo: input.minutesRef,
              });
            await repository.moveTotals(trx, loan.fund_id, { written_off: principal, committed: -undisbursed });
            await repository.updateLoan(trx, loan.id, { status: 'written-off' });
            await repository.setLoanState(trx, loan.application_id, 'settled');
          } else {
            const p = d.proposal as { termMonths: number; dueDay: number; graceMonths: number };
            const version = await writeSchedule(trx, loan, {
              principal,
              from: bangkokDay(new Date()),
              termMonths: p.termMonths,
              graceMonths: p.graceMonths,
              dueDay: p.dueDay,
              extraFee: otherOwed,
            });
            await repository.updateLoan(trx, loan.id, { schedule_version: version, term_months: p.termMonths, due_day: p.dueDay });
            await repository.refreshArrears(trx, { loanId: loan.id });
          }
        }
        await recordAudit(trx, ctx, {
          action: `loan.${d.kind}-${status}`,
          entityType: 'loan',
          entityId: String(loan.id),
          provinceCode: loan.province_code,
          after: { decisionId, minutesRef: input.minutesRef },
        });
      });
      return presentDecision((await repository.findDecision(db, decisionId))!);
    },
  };
}
