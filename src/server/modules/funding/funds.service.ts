import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { fingerprint, loadReferenceSet } from '../../db/reference-data';
import { recordAudit } from '../../platform/audit/audit.service';
import { provincesOf, scopeCovers } from '../../platform/auth/actor';
import type { ActorContext } from '../../platform/context';
import { writeXlsx } from '../../platform/files/xlsx';
import { problems, type FieldError } from '../../platform/problem';
import { satangToBaht } from '../../../shared/money';
import { SHIPPED_HOLIDAYS } from './data/holidays';
import type { FundingAccess } from './funding.access';
import { fundingPolicy } from './funding.policy';
import { positionOf, presentEntry, presentFund } from './funding.present';
import * as repository from './funding.repository';
import { renderFundingReport } from './report.pdf';
import { bangkokDay, BUCKETS, fiscalYearOf, portfolioAtRisk, type Bucket } from './funding.rules';

type Ctx = ActorContext;

/** The shipped holiday calendar, loaded once per fingerprint; rows an administrator edited are kept. */
export async function loadFundingReferenceData(db: Kysely<DB>): Promise<boolean> {
  return loadReferenceSet(db, 'funding', fingerprint(SHIPPED_HOLIDAYS), async (trx) => {
    for (const h of SHIPPED_HOLIDAYS) await repository.upsertShippedHoliday(trx, { day: h.day, name_th: h.nameTh, name_en: h.nameEn });
  });
}

export interface FundInput {
  code: string;
  nameTh: string;
  nameEn: string;
  ownerUnitCode: string;
  provinceCodes: string[];
  capitalSatang: number;
  rules: {
    minAmountSatang: number;
    maxAmountSatang: number;
    minTermMonths: number;
    maxTermMonths: number;
    rateBp: number;
    feeSatang: number;
    graceMonths: number;
    dueDay: number;
    remainderRule: 'last' | 'first';
    eligibleGroupTypes: string[];
    requiredCurriculumCode: string | null;
    requiredTrainedMembers: number;
    requiredProgrammeCode: string | null;
    requiredStageCode: string | null;
    opensOn: string | null;
    deadline: string;
    oneOpenLoan: boolean;
  };
}

function inChunks<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Funds, their ledger and position, the holiday calendar, the collection queue, reports and the reconciliation. */
export function createFundsService(access: FundingAccess) {
  const { db, org, registry, requireFund, guardRead } = access;

  /** The portfolio's sums per province and ageing bucket, in the actor's read scope (or of one fund). */
  const portfolioSums = (ctx: Ctx, fundId?: number) =>
    repository.portfolioByProvince(db, { fundId, provinces: provincesOf(fundingPolicy.readScope(ctx.actor)), asOf: bangkokDay(new Date()) });
  /** PAR of bucket sums: each bucket's sum stands at the bucket's first day past due, which decides PAR30 and PAR90 alike. */
  const FIRST_DAY: Record<Bucket, number> = { current: 0, '1-30': 1, '31-60': 31, '61-90': 61, 'over-90': 91 };
  const parOfSums = (sums: readonly { bucket: Bucket; outstanding: number }[]) =>
    portfolioAtRisk(sums.map((s) => ({ outstanding: s.outstanding, dpd: FIRST_DAY[s.bucket] })));

  /** Active loans with today's days past due and principal outstanding, in the actor's read scope (or of one fund). */
  const portfolio = (ctx: Ctx, fundId?: number) =>
    repository.activePortfolio(db, { fundId, provinces: provincesOf(fundingPolicy.readScope(ctx.actor)), asOf: bangkokDay(new Date()) });

  const service = {
    // ------------------------------------------------------------ holidays
    async listHolidays() {
      return (await repository.holidays(db)).map((h) => ({ day: h.day, nameTh: h.name_th, nameEn: h.name_en, shipped: h.shipped, edited: h.edited }));
    },
    /** Adds or renames a holiday (an administrator). Schedules made before keep their dates; new ones use it. */
    async putHoliday(ctx: Ctx, day: string, input: { nameTh: string; nameEn: string }) {
      if (!fundingPolicy.editsHolidays(ctx.actor))
        throw problems.forbidden({ en: 'Only administrators edit the holiday calendar.', th: 'เฉพาะผู้ดูแลระบบเท่านั้นที่แก้ไขปฏิทินวันหยุดได้' });
      const row = await db.transaction().execute(async (trx) => {
        const h = await repository.putHoliday(trx, { day, name_th: input.nameTh, name_en: input.nameEn });
        await recordAudit(trx, ctx, { action: 'fund-holiday.put', entityType: 'fund_holiday', entityId: day, after: input });
        return h;
      });
      return { day: row.day, nameTh: row.name_th, nameEn: row.name_en, shipped: row.shipped, edited: row.edited };
    },
    async deleteHoliday(ctx: Ctx, day: string) {
      if (!fundingPolicy.editsHolidays(ctx.actor))
        throw problems.forbidden({ en: 'Only administrators edit the holiday calendar.', th: 'เฉพาะผู้ดูแลระบบเท่านั้นที่แก้ไขปฏิทินวันหยุดได้' });
      await db.transaction().execute(async (trx) => {
        const r = await repository.deleteHoliday(trx, day);
        if (!r.numDeletedRows) throw problems.notFound({ en: `${day} is not in the holiday calendar.`, th: `วันที่ ${day} ไม่อยู่ในปฏิทินวันหยุด` });
        await recordAudit(trx, ctx, { action: 'fund-holiday.delete', entityType: 'fund_holiday', entityId: day });
      });
    },

    // ------------------------------------------------------------ funds
    async listFunds(ctx: Ctx) {
      const scope = fundingPolicy.readScope(ctx.actor);
      if (scope.kind === 'none') throw await access.geo.outOfScope({ en: 'reading funds', th: 'ดูข้อมูลกองทุน' }, [], scope);
      return (await repository.listFunds(db, provincesOf(scope))).map(presentFund);
    },

    /** Opens a fund with its capital (the committee's approver, for provinces all in their area). */
    async createFund(ctx: Ctx, input: FundInput) {
      const scope = fundingPolicy.approverScope(ctx.actor);
      if (!scopeCovers(scope, input.provinceCodes)) throw await access.geo.outOfScope({ en: 'open a fund', th: 'เปิดกองทุน' }, input.provinceCodes, scope);
      const r = input.rules;
      const errors = [
        r.maxAmountSatang < r.minAmountSatang && {
          field: 'body.rules.maxAmountSatang',
          code: 'range',
          message: 'The largest amount is below the smallest.',
          messageTh: 'วงเงินสูงสุดน้อยกว่าวงเงินต่ำสุด',
        },
        r.maxTermMonths < r.minTermMonths && {
          field: 'body.rules.maxTermMonths',
          code: 'range',
          message: 'The longest term is below the shortest.',
          messageTh: 'ระยะเวลาสูงสุดน้อยกว่าระยะเวลาต่ำสุด',
        },
        r.opensOn &&
          r.opensOn > r.deadline && {
            field: 'body.rules.deadline',
            code: 'range',
            message: 'The deadline is before the window opens.',
            messageTh: 'วันปิดรับคำขออยู่ก่อนวันเปิดรับ',
          },
        Boolean(r.requiredProgrammeCode) !== Boolean(r.requiredStageCode) && {
          field: 'body.rules.requiredStageCode',
          code: 'pair',
          message: 'A required stage names both its programme and its stage.',
          messageTh: 'ต้องระบุทั้งโครงการและขั้นที่ต้องผ่าน',
        },
        !(await org.unitAreas([input.ownerUnitCode])).has(input.ownerUnitCode) && {
          field: 'body.ownerUnitCode',
          code: 'unknown',
          message: `No unit has code ${input.ownerUnitCode}.`,
          messageTh: `ไม่พบหน่วยงานรหัส ${input.ownerUnitCode}`,
        },
      ].filter((e): e is FieldError => typeof e === 'object' && e !== null);
      if (errors.length) throw problems.validation(errors);
      if (await repository.findFundByCode(db, input.code))
        throw problems.conflict({ en: `A fund with code ${input.code} exists.`, th: `มีกองทุนรหัส ${input.code} แล้ว` });
      const fund = await db.transaction().execute(async (trx) => {
        const f = await repository.insertFund(trx, {
          code: input.code,
          name_th: input.nameTh,
          name_en: input.nameEn,
          owner_unit_code: input.ownerUnitCode,
          province_codes: input.provinceCodes,
          min_amount: r.minAmountSatang,
          max_amount: r.maxAmountSatang,
          min_term: r.minTermMonths,
          max_term: r.maxTermMonths,
          rate_bp: r.rateBp,
          fee_satang: r.feeSatang,
          grace_months: r.graceMonths,
          due_day: r.dueDay,
          remainder_rule: r.remainderRule,
          eligible_group_types: r.eligibleGroupTypes,
          required_curriculum_code: r.requiredCurriculumCode,
          required_trained_members: r.requiredTrainedMembers,
          required_programme_code: r.requiredProgrammeCode,
          required_stage_code: r.requiredStageCode,
          opens_on: r.opensOn,
          deadline: r.deadline,
          one_open_loan: r.oneOpenLoan,
        });
        await addCapital(trx, ctx, f.id, input.capitalSatang, 'initial capital');
        await recordAudit(trx, ctx, { action: 'fund.create', entityType: 'fund', entityId: String(f.id), after: { ...input } });
        return f;
      });
      return presentFund((await repository.findFund(db, fund.id))!);
    },

    async getFund(ctx: Ctx, id: number) {
      const fund = await requireFund(id);
      await guardRead(ctx, fund.province_codes, { en: 'read this fund', th: 'ดูกองทุนนี้' });
      return { ...presentFund(fund), par: parOfSums(await portfolioSums(ctx, id)) };
    },

    /** More capital for a fund (an approver of all its provinces). */
    async addCapital(ctx: Ctx, id: number, input: { amountSatang: number; memo: string }) {
      const fund = await requireFund(id);
      const scope = fundingPolicy.approverScope(ctx.actor);
      if (!scopeCovers(scope, fund.province_codes))
        throw await access.geo.outOfScope({ en: 'add capital to this fund', th: 'เพิ่มทุนให้กองทุนนี้' }, fund.province_codes, scope);
      await db.transaction().execute(async (trx) => {
        await addCapital(trx, ctx, id, input.amountSatang, input.memo);
        await recordAudit(trx, ctx, { action: 'fund.capital', entityType: 'fund', entityId: String(id), after: input });
      });
      return presentFund((await repository.findFund(db, id))!);
    },

    async ledger(ctx: Ctx, id: number, query: { limit: number; offset: number }) {
      const fund = await requireFund(id);
      await guardRead(ctx, fund.province_codes, { en: 'read this fund’s ledger', th: 'ดูบัญชีแยกประเภทของกองทุนนี้' });
      return (await repository.ledger(db, id, query.limit, query.offset)).map(presentEntry);
    },

    // ------------------------------------------------------------ arrears and reports
    /** Ageing and PAR per province (office) in the reader's area. */
    async ageing(ctx: Ctx) {
      const scope = fundingPolicy.readScope(ctx.actor);
      if (scope.kind === 'none') throw await access.geo.outOfScope({ en: 'reading the ageing report', th: 'ดูรายงานอายุหนี้' }, [], scope);
      const byProvince = new Map<string, { bucket: Bucket; loans: number; outstanding: number }[]>();
      for (const s of await portfolioSums(ctx)) {
        const list = byProvince.get(s.provinceCode) ?? [];
        list.push(s);
        byProvince.set(s.provinceCode, list);
      }
      return [...byProvince.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([provinceCode, sums]) => {
          const buckets = Object.fromEntries(BUCKETS.map((b) => [b, { loans: 0, outstandingSatang: 0 }])) as Record<
            Bucket,
            { loans: number; outstandingSatang: number }
          >;
          for (const s of sums) buckets[s.bucket] = { loans: s.loans, outstandingSatang: s.outstanding };
          return { provinceCode, buckets, ...parOfSums(sums) };
        });
    },

    /**
     * PAR by the borrowing group's type, or by training cohort: whether any current member of the
     * group completed a session of `curriculumCode` (did groups trained in Social Commerce repay
     * better?). Of the funds in the reader's area, or of one fund.
     */
    async parBySegment(ctx: Ctx, query: { by: 'group-type' | 'course'; curriculumCode?: string; fundId?: number }) {
      const scope = fundingPolicy.readScope(ctx.actor);
      if (scope.kind === 'none') throw await access.geo.outOfScope({ en: 'reading PAR', th: 'ดูสัดส่วนหนี้เสี่ยง (PAR)' }, [], scope);
      if (query.by === 'course' && !query.curriculumCode)
        throw problems.validation([
          {
            field: 'querystring.curriculumCode',
            code: 'required',
            message: 'Name the course (curriculum code) of the cohort.',
            messageTh: 'ระบุรหัสหลักสูตรของรุ่นที่ต้องการเปรียบเทียบ',
          },
        ]);
      const loans = await portfolio(ctx, query.fundId);
      const groupIds = [...new Set(loans.map((l) => l.group_id))];
      const keyOf = new Map<number, string>();
      for (const ids of inChunks(groupIds, 5_000)) {
        if (query.by === 'group-type') {
          for (const [id, g] of await registry.groupPlaces(ids)) keyOf.set(id, g.type);
          continue;
        }
        const members = await registry.currentMembers({ groupIds: ids });
        const people = [...new Set([...members.values()].flat())];
        const trained = new Set<number>();
        for (const some of inChunks(people, 10_000))
          for (const personId of (await access.training.completersOf(query.curriculumCode!, some)).keys()) trained.add(personId);
        for (const id of ids) keyOf.set(id, (members.get(id) ?? []).some((p) => trained.has(p)) ? 'completed' : 'not-completed');
      }
      const bySegment = new Map<string, { outstanding: number; dpd: number }[]>();
      for (const l of loans) {
        const key = keyOf.get(l.group_id) ?? 'unknown';
        const list = bySegment.get(key) ?? [];
        list.push(l);
        bySegment.set(key, list);
      }
      return [...bySegment.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([segment, list]) => ({ segment, loans: list.length, ...portfolioAtRisk(list) }));
    },

    /** Disbursements and repayments (principal, after reversals) per Thai fiscal year and month, of the funds in the reader's area. */
    async flows(ctx: Ctx, query: { fiscalYear?: number }) {
      const funds = await service.listFunds(ctx);
      const rows = await repository.flowsByMonth(
        db,
        funds.map((f) => f.id),
      );
      const months = new Map<string, { month: string; fiscalYear: number; disbursedSatang: number; repaidSatang: number }>();
      for (const r of rows) {
        const m = months.get(r.month) ?? { month: r.month, fiscalYear: fiscalYearOf(`${r.month}-01`), disbursedSatang: 0, repaidSatang: 0 };
        if (r.kind === 'disbursement') m.disbursedSatang += r.amount;
        else m.repaidSatang += r.amount;
        months.set(r.month, m);
      }
      return [...months.values()].filter((m) => query.fiscalYear === undefined || m.fiscalYear === query.fiscalYear);
    },

    /** The fund position, flows and ageing as one XLSX workbook. */
    async exportXlsx(ctx: Ctx) {
      const [funds, flows, ageing] = await Promise.all([service.listFunds(ctx), service.flows(ctx, {}), service.ageing(ctx)]);
      return writeXlsx([
        {
          name: 'ฐานะกองทุน',
          header: ['รหัส', 'ชื่อกองทุน', 'ทุน (บาท)', 'ผูกพัน (บาท)', 'ค้างรับ (บาท)', 'รับคืน (บาท)', 'หนี้สูญ (บาท)', 'ให้กู้ได้ (บาท)'],
          rows: funds.map((f) => [
            f.code,
            f.nameTh,
            ...[f.position.capital, f.position.committed, f.position.outstanding, f.position.repaid, f.position.writtenOff, f.position.available].map(
              satangToBaht,
            ),
          ]),
        },
        {
          name: 'เบิกจ่ายและรับชำระ',
          header: ['ปีงบประมาณ', 'เดือน', 'เบิกจ่าย (บาท)', 'รับชำระเงินต้น (บาท)'],
          rows: flows.map((m) => [m.fiscalYear, m.month, satangToBaht(m.disbursedSatang), satangToBaht(m.repaidSatang)]),
        },
        {
          name: 'อายุหนี้',
          header: ['จังหวัด', ...BUCKETS.map((b) => `${b} (บาท)`), 'PAR30 (%)', 'PAR90 (%)'],
          rows: ageing.map((a) => [
            a.provinceCode,
            ...BUCKETS.map((b) => satangToBaht(a.buckets[b].outstandingSatang)),
            satangToBaht(a.par30Bp),
            satangToBaht(a.par90Bp),
          ]),
        },
      ]);
    },

    /** The same figures as a PDF in Thai, with B.E. dates and province names. */
    async exportPdf(ctx: Ctx) {
      const [funds, flows, ageing] = await Promise.all([service.listFunds(ctx), service.flows(ctx, {}), service.ageing(ctx)]);
      const names = new Map((await access.geo.provincesByCode(ageing.map((a) => a.provinceCode))).map((p) => [p.code, p.nameTh]));
      return renderFundingReport({
        generatedAt: new Date(),
        funds,
        flows,
        ageing: ageing.map((a) => ({ ...a, provinceNameTh: names.get(a.provinceCode) ?? a.provinceCode })),
      });
    },

    /** Does the ledger reconcile with the funds' totals and the loans? (also `npm run funding:verify`) */
    async reconcile(ctx: Ctx) {
      const scope = fundingPolicy.readScope(ctx.actor);
      if (scope.kind !== 'all')
        throw problems.forbidden({
          en: 'The reconciliation covers every fund: nationwide readers run it.',
          th: 'การกระทบยอดครอบคลุมทุกกองทุน เฉพาะผู้มีสิทธิ์ทั่วประเทศเท่านั้น',
        });
      return verifyLedger(db);
    },
  };

  async function addCapital(
    trx: Parameters<Parameters<ReturnType<typeof db.transaction>['execute']>[0]>[0],
    ctx: Ctx,
    fundId: number,
    amount: number,
    memo: string,
  ) {
    if (amount <= 0) return;
    await repository.insertEntry(trx, {
      fund_id: fundId,
      loan_id: null,
      kind: 'capital',
      debit: 'cash',
      credit: 'capital',
      amount,
      payment_id: null,
      reverses_id: null,
      memo,
      booked_on: bangkokDay(new Date()),
      actor_user_id: ctx.actor.userId,
    });
    await repository.moveTotals(trx, fundId, { capital: amount });
  }

  return service;
}

/**
 * The reconciliation: each fund's running totals against the sums of its ledger, the ledger's
 * own balance (debits equal credits), each loan's receivable in the ledger against the principal
 * its schedule still owes, and each fund's commitment against its loans not yet disbursed.
 */
export async function verifyLedger(db: Kysely<DB>) {
  const problemsFound: { fundId: number | null; loanId: number | null; what: string; expected: number; found: number }[] = [];
  const balances = await repository.accountBalances(db);
  const funds = await repository.listFunds(db, null);
  const total = new Map<number, number>();
  for (const b of balances) total.set(b.fund_id, (total.get(b.fund_id) ?? 0) + Number(b.balance));
  for (const f of funds) {
    const of = (account: string) => Number(balances.find((b) => b.fund_id === f.id && b.account === account)?.balance ?? 0);
    const p = positionOf(f);
    const expect = (what: string, expected: number, found: number) =>
      expected !== found && problemsFound.push({ fundId: f.id, loanId: null, what, expected, found });
    expect('cash = available', p.available, of('cash'));
    expect('committed', f.committed, of('committed'));
    expect('loans = outstanding', p.outstanding, of('loans'));
    expect('capital', f.capital, -of('capital'));
    expect('income', f.income, -of('income'));
    expect('write-off', f.written_off, of('write_off'));
    expect('debits = credits', 0, total.get(f.id) ?? 0);
    const loans = await repository.loans(db, { fundId: f.id, provinces: null, statuses: ['committed', 'active'] });
    expect(
      'committed = loans not yet disbursed',
      loans.reduce((s, l) => s + l.principal - l.disbursed, 0),
      f.committed,
    );
  }
  const receivables = new Map((await repository.loanReceivables(db)).map((r) => [r.loan_id, Number(r.balance)]));
  const allLoans = await repository.loans(db, { provinces: null, statuses: ['committed', 'active', 'repaid', 'written-off'] });
  const schedules = new Map<number, repository.InstalmentRow[]>();
  for (const i of await repository.currentSchedules(
    db,
    allLoans.map((l) => l.id),
  )) {
    const list = schedules.get(i.loan_id) ?? [];
    list.push(i);
    schedules.set(i.loan_id, list);
  }
  for (const l of allLoans) {
    const schedule = schedules.get(l.id) ?? [];
    const principalOwed = schedule.reduce((s, i) => s + i.principal - i.paid_principal, 0);
    const owed = l.status === 'written-off' ? 0 : principalOwed;
    const found = receivables.get(l.id) ?? 0;
    if (owed !== found) problemsFound.push({ fundId: l.fund_id, loanId: l.id, what: 'loan receivable = schedule principal owed', expected: owed, found });
    // The loan's own arrears columns (what the dashboard and PAR read) agree with its schedule.
    if (l.outstanding_principal !== principalOwed)
      problemsFound.push({
        fundId: l.fund_id,
        loanId: l.id,
        what: 'loan outstanding column = schedule principal owed',
        expected: principalOwed,
        found: l.outstanding_principal,
      });
    const oldest = schedule.find((i) => i.paid_principal + i.paid_interest + i.paid_fee < i.principal + i.interest + i.fee)?.due_on ?? null;
    if (l.oldest_unpaid_due !== oldest)
      problemsFound.push({
        fundId: l.fund_id,
        loanId: l.id,
        what: `loan oldest unpaid due column (${l.oldest_unpaid_due ?? 'none'}) = schedule's (${oldest ?? 'none'})`,
        expected: 0,
        found: 1,
      });
  }
  return { ok: problemsFound.length === 0, funds: funds.length, loans: allLoans.length, problems: problemsFound };
}
