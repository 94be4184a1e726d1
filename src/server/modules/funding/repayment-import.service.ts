import type { ActorContext } from '../../platform/context';
import { FileProblem } from '../../platform/files/decode';
import { cellReader, mapHeader, parseLooseDate, type ImportColumn, type RowError } from '../../platform/files/rows';
import { readTable } from '../../platform/files/table';
import { Problem, problems } from '../../platform/problem';
import { bahtToSatang } from '../../../shared/money';
import { type FundingAccess } from './funding.access';
import { fundingPolicy } from './funding.policy';
import * as repository from './funding.repository';
import { bangkokDay } from './funding.rules';

import { createLoanLedger } from './loan-ledger';

type Ctx = ActorContext;

const IMPORT_MAX_ROWS = 20_000;
/** Rows written per transaction: a few statements each, whatever its size (the funding benchmark). */
const IMPORT_BATCH = 1_000;
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

/** Repayments imported from a bank's statement file. */
export function createRepaymentImportService(access: FundingAccess) {
  const { db, requireFund, guard } = access;
  const { applyRepayments } = createLoanLedger();
  const scopeHolds = (ctx: Ctx, provinceCode: string) => {
    const scope = fundingPolicy.officeScope(ctx.actor);
    return scope.kind === 'all' || (scope.kind === 'provinces' && scope.codes.has(provinceCode));
  };

  return {
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
      // The statement's loans and the references already imported for them, read once.
      const loanIdOf = (text: string | null | undefined) => (text && /^\d{1,12}$/.test(text.trim()) ? Number(text.trim()) : null);
      const loanColumn = mapping.loanId;
      const loansById = new Map(
        (
          await repository.findLoans(
            db,
            [...new Set(table.rows.map((r) => loanIdOf(loanColumn === undefined ? undefined : r.cells[loanColumn])))].filter((id): id is number => id !== null),
          )
        ).map((l) => [l.id, l]),
      );
      const seen = new Map<string, number>();
      for (const record of table.rows) {
        const before = errors.length;
        const cell = cellReader(record.cells, record.line, mapping, errors, label);
        const loanText = cell.required('loanId');
        const loanId = loanIdOf(loanText);
        const loan = loanId === null ? undefined : loansById.get(loanId);
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
          seen.set(key, record.line);
        }
        if (errors.length === before && loan) ready.push({ line: record.line, loanId: loan.id, paidOn: paidOn!, amount, reference: reference! });
      }
      const alreadyImported = (r: { line: number; reference: string }) =>
        errors.push({
          line: r.line,
          column: 'reference',
          value: r.reference,
          code: 'imported',
          en: `${label('reference').en}: this reference was already imported for the loan.`,
          th: `${label('reference').th}: เลขอ้างอิงนี้นำเข้าสำหรับสัญญานี้แล้ว`,
        });
      const imported = await repository.importedReferences(
        db,
        ready.map((r) => ({ loanId: r.loanId, reference: r.reference })),
      );
      const toWrite = ready.filter((r) => {
        if (!imported.has(`${r.loanId}:${r.reference}`)) return true;
        alreadyImported(r);
        return false;
      });

      // A batch of rows is one transaction, its loans locked in id order: a row that breaks a
      // rule when allocated (an overpayment) is reported for its line and the others go in. Every
      // row of a loan is in the same batch, in the file's order, so two batches share no loan and
      // run side by side on two connections (they meet only at the fund's totals, last).
      const byLoan = new Map<number, typeof toWrite>();
      for (const r of toWrite) {
        const rows = byLoan.get(r.loanId) ?? [];
        rows.push(r);
        byLoan.set(r.loanId, rows);
      }
      const batches: (typeof toWrite)[] = [];
      for (const rows of byLoan.values()) {
        const last = batches.at(-1);
        if (last && last.length + rows.length <= IMPORT_BATCH) last.push(...rows);
        else batches.push([...rows]);
      }
      let recorded = 0;
      let next = 0;
      const worker = async () => {
        for (let batch = batches[next++]; batch; batch = batches[next++]) await writeBatch(batch);
      };
      const writeBatch = (batch: typeof toWrite) =>
        db.transaction().execute(async (trx) => {
          const locked = new Map((await repository.lockLoans(trx, [...new Set(batch.map((r) => r.loanId))])).map((l) => [l.id, l]));
          // A concurrent import of the same statement committed first: its rows are not written twice.
          const nowImported = await repository.importedReferences(
            trx,
            batch.map((r) => ({ loanId: r.loanId, reference: r.reference })),
          );
          const rows = batch.filter((r) => {
            if (!nowImported.has(`${r.loanId}:${r.reference}`)) return true;
            alreadyImported(r);
            return false;
          });
          const outcomes = await applyRepayments(
            trx,
            ctx,
            rows.map((r) => ({
              loan: locked.get(r.loanId)!,
              input: { amountSatang: r.amount, paidOn: r.paidOn, reference: r.reference, source: 'import' as const },
            })),
            { write: !input.dryRun },
          );
          outcomes.forEach((o, k) => {
            if (o instanceof Problem) errors.push({ line: rows[k]!.line, column: 'amountBaht', value: null, code: o.slug, en: o.detail, th: o.detailTh });
            else if (!input.dryRun) recorded++;
          });
        });
      // Both workers finish before the answer (or the first failure) goes back.
      const failed = (await Promise.allSettled([worker(), worker()])).find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
      return {
        rows: table.rows.length,
        recorded,
        dryRun: input.dryRun,
        errors: errors.sort((a, b) => a.line - b.line).map((e) => ({ line: e.line, column: e.column, value: e.value, code: e.code, th: e.th, en: e.en })),
      };
    },
  };
}
