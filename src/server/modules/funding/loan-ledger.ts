import type { Insertable, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { recordAudits } from '../../platform/audit/audit.service';
import type { ActorContext } from '../../platform/context';
import { Problem, problems } from '../../platform/problem';
import { toState } from './funding.access';
import * as repository from './funding.repository';
import { allocatePayment, buildSchedule, totalOwed, type Allocation, type InstalmentState } from './funding.rules';

type Ctx = ActorContext;
type Trx = Transaction<DB>;
export type RepaymentInput = { amountSatang: number; paidOn: string; reference: string | null; source: 'officer' | 'import' };

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
  async function applyRepayment(trx: Trx, ctx: Ctx, loan: repository.LoanRow, input: RepaymentInput) {
    const [outcome] = await applyRepayments(trx, ctx, [{ loan, input }]);
    if (outcome instanceof Problem) throw outcome;
    return outcome as repository.PaymentRow;
  }

  /**
   * Repayments in the caller's transaction, their loans locked by the caller: each allocated in
   * order over its loan's schedule as the ones before it left it (a statement may pay one loan
   * twice), then all written in a few statements: the instalments, the payments, their ledger
   * entries, the funds' totals, the loans settled, their arrears columns and one audit event per
   * payment. A repayment that breaks a rule (an overpayment, a loan not active) is answered with
   * its Problem in its place and nothing of it is written; the others are. With `write: false`
   * nothing is written at all (an import's dry run), and the answers are the same.
   */
  async function applyRepayments(
    trx: Trx,
    ctx: Ctx,
    items: readonly { loan: repository.LoanRow; input: RepaymentInput }[],
    options: { write: boolean } = { write: true },
  ): Promise<(repository.PaymentRow | Problem | { dryRun: true })[]> {
    const loans = new Map(items.map((i) => [i.loan.id, { ...i.loan }]));
    const schedules = new Map<number, InstalmentState[]>();
    // Paid instalments take nothing of a payment: only those still owing are read.
    for (const row of await repository.owingInstalments(
      trx,
      [...loans.values()].map((l) => ({ loanId: l.id, version: l.schedule_version })),
    )) {
      const list = schedules.get(row.loan_id) ?? [];
      list.push(toState(row));
      schedules.set(row.loan_id, list);
    }
    const accepted: { index: number; loan: repository.LoanRow; input: RepaymentInput; parts: Allocation[]; settles: boolean }[] = [];
    const outcomes: (repository.PaymentRow | Problem | { dryRun: true })[] = items.map(({ loan: given, input }, index) => {
      const loan = loans.get(given.id)!;
      if (loan.status !== 'active')
        return problems.conflict({
          en: `Loan ${loan.id} is ${loan.status}: only an active loan takes repayments.`,
          th: `สัญญาเงินกู้ ${loan.id} อยู่ในสถานะ ${loan.status} จึงรับชำระไม่ได้`,
        });
      const schedule = schedules.get(loan.id) ?? [];
      const owed = totalOwed(schedule);
      const { parts, leftover } = allocatePayment(schedule, input.amountSatang, input.paidOn);
      if (leftover > 0)
        return problems.unprocessable(
          {
            en: `Loan ${loan.id} owes ${owed} satang in all; ${input.amountSatang} satang is more.`,
            th: `สัญญาเงินกู้ ${loan.id} มียอดค้างทั้งสิ้น ${owed} สตางค์ ยอดชำระ ${input.amountSatang} สตางค์เกินยอดค้าง`,
          },
          [{ field: 'body.amountSatang', code: 'overpayment', message: `At most ${owed} satang.`, messageTh: `ไม่เกิน ${owed} สตางค์` }],
        );
      // What this payment leaves is what the next one for the same loan is allocated against.
      for (const p of parts) {
        const i = schedule.find((x) => x.number === p.number)!;
        i.paidPrincipal += p.principal;
        i.paidInterest += p.interest;
        i.paidFee += p.fee;
      }
      const settles = owed === input.amountSatang;
      if (settles) loan.status = 'repaid';
      accepted.push({ index, loan: given, input, parts, settles });
      return { dryRun: true };
    });
    if (!options.write || !accepted.length) return outcomes;

    await repository.payInstalments(
      trx,
      accepted.flatMap((a) => a.parts.map((p) => ({ loanId: a.loan.id, version: a.loan.schedule_version, ...p }))),
    );
    const payments = await repository.insertPayments(
      trx,
      accepted.map((a) => ({
        loan_id: a.loan.id,
        kind: 'repayment',
        amount: a.input.amountSatang,
        paid_on: a.input.paidOn,
        reference: a.input.reference,
        source: a.input.source,
        allocation: JSON.stringify(a.parts),
        schedule_version: a.loan.schedule_version,
        reverses_id: null,
        reason: null,
        actor_user_id: ctx.actor.userId,
      })),
    );
    const entries: Insertable<DB['fund_entry']>[] = [];
    const totals = new Map<number, { repaid: number; income: number }>();
    accepted.forEach((a, k) => {
      const payment = payments[k]!;
      if (payment.loan_id !== a.loan.id || payment.amount !== a.input.amountSatang)
        throw new Error('payments came back out of the order they were inserted in');
      outcomes[a.index] = payment;
      const principal = a.parts.reduce((s, p) => s + p.principal, 0);
      const income = a.parts.reduce((s, p) => s + p.interest + p.fee, 0);
      const base = {
        fund_id: a.loan.fund_id,
        loan_id: a.loan.id,
        payment_id: payment.id,
        reverses_id: null,
        memo: null,
        booked_on: a.input.paidOn,
        actor_user_id: ctx.actor.userId,
      };
      if (principal) entries.push({ ...base, kind: 'repayment', debit: 'cash', credit: 'loans', amount: principal });
      if (income) entries.push({ ...base, kind: 'income', debit: 'cash', credit: 'income', amount: income });
      const t = totals.get(a.loan.fund_id) ?? { repaid: 0, income: 0 };
      t.repaid += principal;
      t.income += income;
      totals.set(a.loan.fund_id, t);
    });
    await repository.insertEntries(trx, entries);
    for (const [fundId, t] of [...totals].sort(([a], [b]) => a - b)) await repository.moveTotals(trx, fundId, t);
    // The loans' arrears columns from the schedules as allocated here (every instalment still
    // owing was read, so those not read owe nothing).
    await repository.setArrears(
      trx,
      [...new Set(accepted.map((a) => a.loan.id))].map((id) => {
        const owing = (schedules.get(id) ?? []).filter((i) => totalOwed([i]) > 0);
        return {
          id,
          outstanding: owing.reduce((s, i) => s + i.principal - i.paidPrincipal, 0),
          oldestUnpaidDue: owing.reduce<string | null>((oldest, i) => (oldest === null || i.dueOn < oldest ? i.dueOn : oldest), null),
          settled: loans.get(id)!.status === 'repaid',
        };
      }),
    );
    await repository.settleLoans(
      trx,
      accepted.filter((a) => a.settles).map((a) => a.loan),
    );
    await recordAudits(
      trx,
      ctx,
      accepted.map((a) => ({
        action: 'loan.repayment',
        entityType: 'loan',
        entityId: String(a.loan.id),
        provinceCode: a.loan.province_code,
        after: {
          paymentId: (outcomes[a.index] as repository.PaymentRow).id,
          amountSatang: a.input.amountSatang,
          paidOn: a.input.paidOn,
          source: a.input.source,
          allocation: a.parts,
        },
      })),
    );
    return outcomes;
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

  return { entry, applyRepayment, applyRepayments, writeSchedule };
}

export type LoanLedger = ReturnType<typeof createLoanLedger>;
