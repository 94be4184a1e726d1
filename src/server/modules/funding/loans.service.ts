import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit.service';
import type { ActorContext } from '../../platform/context';
import { FileProblem } from '../../platform/files/decode';
import { cellReader, mapHeader, parseLooseDate, type ImportColumn, type RowError } from '../../platform/files/rows';
import { readTable } from '../../platform/files/table';
import { Problem, problems } from '../../platform/problem';
import { bahtToSatang, satangToBaht } from '../../../shared/money';
import { toState, type FundingAccess } from './funding.access';
import { fundingPolicy } from './funding.policy';
import { presentDecision, presentInstalment, presentPayment } from './funding.present';
import * as repository from './funding.repository';
import { allocatePayment, bangkokDay, buildSchedule, totalOwed, type Allocation } from './funding.rules';
import { renderReceipt } from './receipt.pdf';

type Ctx = ActorContext;
type Trx = Transaction<DB>;

const IMPORT_MAX_ROWS = 20_000;
type ImportKey = 'loanId' | 'paidOn' | 'amountBaht' | 'reference';
/** The bank statement's columns, matched by key, Thai or English label or an alias. */
export const REPAYMENT_COLUMNS: readonly ImportColumn<ImportKey>[] = [
  { key: 'loanId', th: 'เลขที่สัญญา', en: 'Loan number', required: true, hintTh: 'เลขที่สัญญาเงินกู้', hintEn: 'The loan’s id', aliases: ['สัญญา', 'loan', 'loan id'] },
  { key: 'paidOn', th: 'วันที่ชำระ', en: 'Paid on', required: true, hintTh: 'ปปปป-ดด-วว', hintEn: 'YYYY-MM-DD', aliases: ['วันที่', 'date', 'วันที่รายการ'] },
  {
    key: 'amountBaht',
    th: 'จำนวนเงิน',
    en: 'Amount',
    required: true,
    hintTh: 'บาท เช่น 6,250.00',
    hintEn: 'Baht, e.g. 6,250.00',
    aliases: ['ยอดเงิน', 'amount (thb)', 'เงินเข้า'],
  },
  {
    key: 'reference',
    th: 'เลขอ้างอิง',
    en: 'Reference',
    required: true,
    hintTh: 'เลขที่รายการของธนาคาร',
    hintEn: 'The bank’s transaction reference',
    aliases: ['อ้างอิง', 'ref'],
  },
];

/** Loans: disbursement and the schedule, repayments (recorded or imported), reversals, restructuring and write-off. */
export function createLoansService(access: FundingAccess) {
  const { db, registry, requireLoan, requireFund, guard, guardRecord, arrearsOf } = access;
  const office = (ctx: Ctx, provinceCode: string, what: { en: string; th: string }) => guard(fundingPolicy.officeScope(ctx.actor), [provinceCode], what);

  const describe = async (loan: repository.LoanRow) => {
    const [schedule, payments, tranches, decisions, groups] = await Promise.all([
      repository.scheduleOf(db, loan.id, loan.schedule_version),
      repository.paymentsOf(db, loan.id),
      repository.tranchesOf(db, loan.id),
      repository.decisionsOf(db, loan.id),
      registry.groupPlaces([loan.group_id]),
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
    };
  };

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

  const service = {
    async getLoan(ctx: Ctx, id: number) {
      const loan = await requireLoan(id);
      await guardRecord(ctx, loan, { en: 'read this loan', th: 'ดูสัญญาเงินกู้นี้' });
      return describe(loan);
    },

    /** A group's loans (its page; the group's members see their own). */
    async groupLoans(ctx: Ctx, groupId: number) {
      const group = await access.requireGroup(groupId);
      await guardRecord(ctx, { group_id: groupId, province_code: group.provinceCode }, { en: 'read this group’s loans', th: 'ดูเงินกู้ของกลุ่มนี้' });
      return Promise.all((await repository.loansOfGroup(db, groupId)).map(describe));
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
        await repository.updateLoan(trx, id, {
          status: 'active',
          disbursed: updated.disbursed,
          first_disbursed_on: first,
          bank_name: input.bankName,
          account_number: input.accountNumber,
          promptpay_id: input.promptPayId,
          schedule_version: version,
        });
        await repository.insertTranche(trx, {
          loan_id: id,
          amount: input.amountSatang,
          paid_on: input.paidOn,
          reference: input.reference,
          actor_user_id: ctx.actor.userId,
        });
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
        await recordAudit(trx, ctx, {
          action: 'loan.disburse',
          entityType: 'loan',
          entityId: String(id),
          provinceCode: loan.province_code,
          before: { disbursedSatang: loan.disbursed, status: loan.status },
          after: { disbursedSatang: updated.disbursed, status: 'active', reference: input.reference, scheduleVersion: version },
        });
      });
      return describe(await requireLoan(id));
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

    /**
     * Repayments from a bank statement (CSV or XLSX through the platform's table reader): every
     * row is checked and its problems listed by line and column; with `dryRun` nothing is
     * written, otherwise each good row is recorded as a repayment (a reference already imported
     * for the loan is reported, never recorded twice).
     */
    async importRepayments(ctx: Ctx, fundId: number, input: { fileName: string; bytes: Buffer; dryRun: boolean }) {
      const fund = await requireFund(fundId);
      const scope = fundingPolicy.officeScope(ctx.actor);
      await guard(scope, fund.province_codes, { en: 'import repayments into this fund', th: 'นำเข้าการชำระคืนของกองทุนนี้' });
      let table: Awaited<ReturnType<typeof readTable>>;
      try {
        table = await readTable(input.bytes, { maxRows: IMPORT_MAX_ROWS });
      } catch (error) {
        if (error instanceof FileProblem) throw problems.malformed({ en: `${input.fileName}: ${error.en}`, th: `${input.fileName}: ${error.th}` });
        throw error;
      }
      const { mapping, missing } = mapHeader(table.header, REPAYMENT_COLUMNS);
      if (missing.length)
        throw problems.validation(
          missing.map((key) => {
            const c = REPAYMENT_COLUMNS.find((x) => x.key === key)!;
            return { field: `file.${key}`, code: 'missing-column', message: `The file has no column “${c.en}”.`, messageTh: `ไฟล์ไม่มีคอลัมน์ “${c.th}”` };
          }),
        );
      const errors: RowError[] = [];
      const ready: { line: number; loanId: number; paidOn: string; amount: number; reference: string }[] = [];
      const label = (k: ImportKey) => REPAYMENT_COLUMNS.find((c) => c.key === k)!;
      const seen = new Map<string, number>();
      for (const record of table.rows) {
        const before = errors.length;
        const cell = cellReader(record.cells, record.line, mapping, errors, label);
        const loanText = cell.required('loanId');
        const loanId = Number(loanText);
        const loan = loanText && /^\d{1,12}$/.test(loanText) ? await repository.findLoan(db, loanId) : undefined;
        if (loanText && (!loan || loan.fund_id !== fundId))
          cell.fail('loanId', 'unknown-loan', `no loan of ${fund.code} has this number.`, `ไม่พบสัญญาเงินกู้เลขนี้ในกองทุน ${fund.code}`);
        else if (loan && loan.status !== 'active') cell.fail('loanId', 'not-active', `the loan is ${loan.status}.`, `สัญญาอยู่ในสถานะ ${loan.status}`);
        else if (loan && !scopeHolds(ctx, loan.province_code))
          cell.fail('loanId', 'out-of-scope', 'the loan is outside your area.', 'สัญญาอยู่นอกพื้นที่รับผิดชอบของคุณ');
        const paidOn = parseLooseDate(cell.required('paidOn') ?? '');
        if (!paidOn) cell.fail('paidOn', 'date', 'a date as YYYY-MM-DD.', 'วันที่ในรูปแบบ ปปปป-ดด-วว');
        else if (paidOn > bangkokDay(new Date())) cell.fail('paidOn', 'future', 'the date is in the future.', 'วันที่อยู่ในอนาคต');
        let amount = 0;
        const amountText = cell.required('amountBaht');
        try {
          amount = amountText ? bahtToSatang(amountText) : 0;
          if (amountText && amount <= 0) cell.fail('amountBaht', 'amount', 'a positive amount of baht.', 'จำนวนเงินต้องมากกว่าศูนย์');
        } catch {
          cell.fail('amountBaht', 'amount', 'an amount of baht with at most 2 decimals, e.g. 6,250.00.', 'จำนวนเงินบาท ทศนิยมไม่เกิน 2 ตำแหน่ง เช่น 6,250.00');
        }
        const reference = cell.required('reference');
        if (loan && reference) {
          const key = `${loan.id}:${reference}`;
          if (seen.has(key)) cell.fail('reference', 'repeated', `repeats line ${seen.get(key)}.`, `ซ้ำกับบรรทัดที่ ${seen.get(key)}`);
          else if (await repository.paymentByReference(db, loan.id, reference))
            cell.fail('reference', 'imported', 'this reference was already imported for the loan.', 'เลขอ้างอิงนี้นำเข้าสำหรับสัญญานี้แล้ว');
          seen.set(key, record.line);
        }
        if (errors.length === before && loan) ready.push({ line: record.line, loanId: loan.id, paidOn: paidOn!, amount, reference: reference! });
      }
      let recorded = 0;
      // Each row is its own transaction: an overpayment found when it is written is reported
      // for its line and the other rows still go in.
      for (const r of ready) {
        const run = async (trx: Trx) =>
          applyRepayment(trx, ctx, (await repository.lockLoan(trx, r.loanId))!, {
            amountSatang: r.amount,
            paidOn: r.paidOn,
            reference: r.reference,
            source: 'import',
          });
        try {
          if (input.dryRun) {
            await db
              .transaction()
              .execute(async (trx) => {
                await run(trx);
                throw new DryRun();
              })
              .catch((e: unknown) => {
                if (!(e instanceof DryRun)) throw e;
              });
          } else {
            await db.transaction().execute(run);
            recorded++;
          }
        } catch (error) {
          if (!(error instanceof Problem)) throw error;
          const p = error;
          errors.push({ line: r.line, column: 'amountBaht', value: null, code: p.slug, en: p.detail, th: p.detailTh });
        }
      }
      return {
        rows: table.rows.length,
        recorded,
        dryRun: input.dryRun,
        errors: errors.sort((a, b) => a.line - b.line).map((e) => ({ line: e.line, column: e.column, value: e.value, code: e.code, th: e.th, en: e.en })),
      };
    },

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

  const scopeHolds = (ctx: Ctx, provinceCode: string) => {
    const scope = fundingPolicy.officeScope(ctx.actor);
    return scope.kind === 'all' || (scope.kind === 'provinces' && scope.codes.has(provinceCode));
  };
  return service;
}

/** Rolls back a dry run's transaction after its checks ran. */
class DryRun extends Error {}
