import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit.service';
import type { ActorContext } from '../../platform/context';
import { problems } from '../../platform/problem';
import { toState } from './funding.access';
import * as repository from './funding.repository';
import { allocatePayment, buildSchedule, totalOwed } from './funding.rules';

type Ctx = ActorContext;
type Trx = Transaction<DB>;

/** What the loan use cases share: the ledger entry of a loan, a repayment written in a transaction, a new schedule version. */
export function createLoanLedger() {
  const entry = (
    trx: Trx,
    ctx: Ctx,
    loan: repository.LoanRow,
    e: { kind: string; debit: string; credit: string; amount: number; bookedOn: string; paymentId?: number; reverses?: number; memo?: string },
  ) =>
    repository.insertEntry(trx, {
      fund_id: loan.fund_id,
      loan_id: loan.id,
      kind: e.kind,
      debit: e.debit,
      credit: e.credit,
      amount: e.amount,
      payment_id: e.paymentId ?? null,
      reverses_id: e.reverses ?? null,
      memo: e.memo ?? null,
      booked_on: e.bookedOn,
      actor_user_id: ctx.actor.userId,
    });

  /** Writes a repayment in the caller's transaction (the loan row locked): allocation, instalments, ledger, totals. */
  async function applyRepayment(
    trx: Trx,
    ctx: Ctx,
    loan: repository.LoanRow,
    input: { amountSatang: number; paidOn: string; reference: string | null; source: 'officer' | 'import' },
  ) {
    if (loan.status !== 'active')
      throw problems.conflict({
        en: `Loan ${loan.id} is ${loan.status}: only an active loan takes repayments.`,
        th: `สัญญาเงินกู้ ${loan.id} อยู่ในสถานะ ${loan.status} จึงรับชำระไม่ได้`,
      });
    const schedule = (await repository.scheduleOf(trx, loan.id, loan.schedule_version)).map(toState);
    const owed = totalOwed(schedule);
    const { parts, leftover } = allocatePayment(schedule, input.amountSatang, input.paidOn);
    if (leftover > 0)
      throw problems.unprocessable(
        {
          en: `Loan ${loan.id} owes ${owed} satang in all; ${input.amountSatang} satang is more.`,
          th: `สัญญาเงินกู้ ${loan.id} มียอดค้างทั้งสิ้น ${owed} สตางค์ ยอดชำระ ${input.amountSatang} สตางค์เกินยอดค้าง`,
        },
        [{ field: 'body.amountSatang', code: 'overpayment', message: `At most ${owed} satang.`, messageTh: `ไม่เกิน ${owed} สตางค์` }],
      );
    for (const p of parts) await repository.payInstalment(trx, loan.id, loan.schedule_version, p.number, p);
    await repository.refreshArrears(trx, { loanId: loan.id });
    const payment = await repository.insertPayment(trx, {
      loan_id: loan.id,
      kind: 'repayment',
      amount: input.amountSatang,
      paid_on: input.paidOn,
      reference: input.reference,
      source: input.source,
      allocation: JSON.stringify(parts),
      schedule_version: loan.schedule_version,
      reverses_id: null,
      reason: null,
      actor_user_id: ctx.actor.userId,
    });
    const principal = parts.reduce((s, p) => s + p.principal, 0);
    const income = parts.reduce((s, p) => s + p.interest + p.fee, 0);
    if (principal)
      await entry(trx, ctx, loan, { kind: 'repayment', debit: 'cash', credit: 'loans', amount: principal, bookedOn: input.paidOn, paymentId: payment.id });
    if (income) await entry(trx, ctx, loan, { kind: 'income', debit: 'cash', credit: 'income', amount: income, bookedOn: input.paidOn, paymentId: payment.id });
    await repository.moveTotals(trx, loan.fund_id, { repaid: principal, income });
    if (owed === input.amountSatang) {
      await repository.updateLoan(trx, loan.id, { status: 'repaid' });
      await repository.setLoanState(trx, loan.application_id, 'settled');
    }
    await recordAudit(trx, ctx, {
      action: 'loan.repayment',
      entityType: 'loan',
      entityId: String(loan.id),
      provinceCode: loan.province_code,
      after: { paymentId: payment.id, amountSatang: input.amountSatang, paidOn: input.paidOn, source: input.source, allocation: parts },
    });
    return payment;
  }

  /** A schedule for `principal` from `from`, as the loan's next version. */
  async function writeSchedule(
    trx: Trx,
    loan: repository.LoanRow,
    terms: { principal: number; from: string; termMonths: number; graceMonths: number; dueDay: number; extraFee?: number },
  ) {
    const holidays = await repository.holidayDays(trx);
    const rows = buildSchedule(
      {
        principal: terms.principal,
        termMonths: terms.termMonths,
        graceMonths: terms.graceMonths,
        dueDay: terms.dueDay,
        remainder: loan.remainder_rule as 'last' | 'first',
        rateBp: loan.rate_bp,
        feeSatang: terms.extraFee ?? 0,
        disbursedOn: terms.from,
      },
      holidays,
    );
    const version = loan.schedule_version + 1;
    await repository.replaceSchedule(
      trx,
      loan.id,
      version,
      rows.map((r) => ({
        loan_id: loan.id,
        schedule_version: version,
        number: r.number,
        due_on: r.dueOn,
        principal: r.principal,
        interest: r.interest,
        fee: r.fee,
      })),
    );
    return version;
  }

  return { entry, applyRepayment, writeSchedule };
}

export type LoanLedger = ReturnType<typeof createLoanLedger>;
