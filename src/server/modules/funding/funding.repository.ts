import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../../db/executor';
import type { DB } from '../../db/schema';
import '../../db/schema.funding';

/** The funding module's SQL, on its own tables only. Money is satang. */
export type FundRow = Selectable<DB['fund']>;
export type ApplicationRow = Selectable<DB['loan_application']>;
export type LoanRow = Selectable<DB['loan']>;
export type InstalmentRow = Selectable<DB['loan_instalment']>;
export type PaymentRow = Selectable<DB['loan_payment']>;
export type EntryRow = Selectable<DB['fund_entry']>;

// ------------------------------------------------------------------ holidays
export const holidays = (db: Executor) => db.selectFrom('fund_holiday').selectAll().orderBy('day').execute();
export const holidayDays = async (db: Executor) => new Set((await db.selectFrom('fund_holiday').select('day').execute()).map((r) => r.day));
export const upsertShippedHoliday = (db: Executor, h: { day: string; name_th: string; name_en: string }) =>
  db
    .insertInto('fund_holiday')
    .values({ ...h, shipped: true })
    .onConflict((oc) => oc.column('day').doUpdateSet({ name_th: h.name_th, name_en: h.name_en }).where('fund_holiday.edited', '=', false))
    .execute();
export const putHoliday = (db: Executor, h: { day: string; name_th: string; name_en: string }) =>
  db
    .insertInto('fund_holiday')
    .values({ ...h, edited: true })
    .onConflict((oc) => oc.column('day').doUpdateSet({ name_th: h.name_th, name_en: h.name_en, edited: true, updated_at: new Date() }))
    .returningAll()
    .executeTakeFirstOrThrow();
export const deleteHoliday = (db: Executor, day: string) => db.deleteFrom('fund_holiday').where('day', '=', day).executeTakeFirst();

// ------------------------------------------------------------------ funds
export const insertFund = (db: Executor, row: Insertable<DB['fund']>) => db.insertInto('fund').values(row).returningAll().executeTakeFirstOrThrow();
export const findFund = (db: Executor, id: number) => db.selectFrom('fund').selectAll().where('id', '=', id).executeTakeFirst();
export const findFundByCode = (db: Executor, code: string) => db.selectFrom('fund').selectAll().where('code', '=', code).executeTakeFirst();
export const listFunds = (db: Executor, provinces: string[] | null) =>
  db
    .selectFrom('fund')
    .selectAll()
    .$if(provinces !== null, (q) => q.where(sql<boolean>`province_codes && ${sql.val(provinces)}::text[]`))
    .orderBy('id')
    .execute();

type Totals = Partial<Record<'capital' | 'committed' | 'disbursed' | 'repaid' | 'written_off' | 'income', number>>;

/** Adds to the fund's running totals (negative to take away); the table's checks refuse a negative cash. */
export const moveTotals = (db: Executor, fundId: number, d: Totals) =>
  db
    .updateTable('fund')
    .set((eb) => ({
      capital: eb('capital', '+', d.capital ?? 0),
      committed: eb('committed', '+', d.committed ?? 0),
      disbursed: eb('disbursed', '+', d.disbursed ?? 0),
      repaid: eb('repaid', '+', d.repaid ?? 0),
      written_off: eb('written_off', '+', d.written_off ?? 0),
      income: eb('income', '+', d.income ?? 0),
      updated_at: new Date(),
    }))
    .where('id', '=', fundId)
    .execute();

/**
 * Commits `amount` only if the fund holds it: one conditional update, which takes the fund row's
 * lock; a concurrent approval waits for it and re-reads the row (PostgreSQL re-checks the
 * condition on the newest version), so commitments never exceed what is available. Returns the
 * fund after the commitment, or nothing when it was refused.
 */
export const commitIfAvailable = (db: Executor, fundId: number, amount: number) =>
  db
    .updateTable('fund')
    .set((eb) => ({ committed: eb('committed', '+', amount), updated_at: new Date() }))
    .where('id', '=', fundId)
    .where(sql<boolean>`capital - committed - disbursed + repaid + income >= ${amount}`)
    .returningAll()
    .executeTakeFirst();

export const insertEntry = (db: Executor, row: Insertable<DB['fund_entry']>) =>
  db.insertInto('fund_entry').values(row).returningAll().executeTakeFirstOrThrow();
export const entriesOfPayment = (db: Executor, paymentId: number) =>
  db.selectFrom('fund_entry').selectAll().where('payment_id', '=', paymentId).orderBy('id').execute();
export const ledger = (db: Executor, fundId: number, limit: number, offset: number) =>
  db.selectFrom('fund_entry').selectAll().where('fund_id', '=', fundId).orderBy('id', 'desc').limit(limit).offset(offset).execute();

/** Each account's balance (debits − credits) per fund, from the ledger alone. */
export const accountBalances = (db: Executor) =>
  sql<{ fund_id: number; account: string; balance: number }>`
    select fund_id, account, sum(amount)::int8 as balance from (
      select fund_id, debit as account, amount from fund_entry
      union all
      select fund_id, credit as account, -amount from fund_entry
    ) lines group by fund_id, account`
    .execute(db)
    .then((r) => r.rows);
/** Each loan's receivable (the `loans` account) from the ledger alone. */
export const loanReceivables = (db: Executor) =>
  sql<{ loan_id: number; balance: number }>`
    select loan_id, sum(case when debit = 'loans' then amount when credit = 'loans' then -amount else 0 end)::int8 as balance
    from fund_entry where loan_id is not null group by loan_id`
    .execute(db)
    .then((r) => r.rows);

// ------------------------------------------------------------------ applications
export const insertApplication = (db: Executor, row: Insertable<DB['loan_application']>) =>
  db.insertInto('loan_application').values(row).returningAll().executeTakeFirstOrThrow();
export const findApplication = (db: Executor, id: number) => db.selectFrom('loan_application').selectAll().where('id', '=', id).executeTakeFirst();
export const lockApplication = (db: Executor, id: number) => db.selectFrom('loan_application').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
export const updateApplication = (db: Executor, id: number, set: Partial<Insertable<DB['loan_application']>>) =>
  db
    .updateTable('loan_application')
    .set((eb) => ({ ...set, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
export const listApplications = (db: Executor, f: { fundId: number; provinces: string[] | null; status?: string; limit: number; offset: number }) =>
  db
    .selectFrom('loan_application')
    .selectAll()
    .where('fund_id', '=', f.fundId)
    .$if(f.provinces !== null, (q) => q.where('province_code', 'in', f.provinces!.length ? f.provinces! : ['']))
    .$if(f.status !== undefined, (q) => q.where('status', '=', f.status!))
    .orderBy('id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
/** Applications of a group still in the path (not approved, rejected or withdrawn). */
export const openApplicationsOf = (db: Executor, groupId: number, fundId: number) =>
  db
    .selectFrom('loan_application')
    .select('id')
    .where('group_id', '=', groupId)
    .where('fund_id', '=', fundId)
    .where('status', 'in', ['submitted', 'recommended', 'verified', 'returned'])
    .execute();
export const setCosigners = async (db: Executor, applicationId: number, personIds: readonly number[]) => {
  await db.deleteFrom('loan_cosigner').where('application_id', '=', applicationId).execute();
  if (personIds.length)
    await db
      .insertInto('loan_cosigner')
      .values(personIds.map((person_id) => ({ application_id: applicationId, person_id, loan_state: null })))
      .execute();
};
export const cosignersOf = (db: Executor, applicationIds: readonly number[]) =>
  applicationIds.length
    ? db
        .selectFrom('loan_cosigner')
        .selectAll()
        .where('application_id', 'in', [...applicationIds])
        .execute()
    : Promise.resolve([]);
export const setLoanState = async (db: Executor, applicationId: number, state: 'owed' | 'settled') => {
  await db.updateTable('loan_application').set({ loan_state: state }).where('id', '=', applicationId).execute();
  await db.updateTable('loan_cosigner').set({ loan_state: state }).where('application_id', '=', applicationId).execute();
};
export const insertStep = (db: Executor, row: Insertable<DB['loan_step']>) => db.insertInto('loan_step').values(row).execute();
export const stepsOf = (db: Executor, applicationId: number) =>
  db.selectFrom('loan_step').selectAll().where('application_id', '=', applicationId).orderBy('id').execute();

// ------------------------------------------------------------------ loans
export const insertLoan = (db: Executor, row: Insertable<DB['loan']>) => db.insertInto('loan').values(row).returningAll().executeTakeFirstOrThrow();
export const findLoan = (db: Executor, id: number) => db.selectFrom('loan').selectAll().where('id', '=', id).executeTakeFirst();
export const loanOfApplication = (db: Executor, applicationId: number) =>
  db.selectFrom('loan').selectAll().where('application_id', '=', applicationId).executeTakeFirst();
export const lockLoan = (db: Executor, id: number) => db.selectFrom('loan').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
export const updateLoan = (db: Executor, id: number, set: Partial<Insertable<DB['loan']>>) =>
  db
    .updateTable('loan')
    .set({ ...set, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
/** A fund's loans in the reader's provinces, latest first, a page at a time (read from the loans' own columns). */
export const loansOfFund = (db: Executor, f: { fundId: number; provinces: string[] | null; status?: string; limit: number; offset: number }) =>
  db
    .selectFrom('loan')
    .select(['id', 'application_id', 'group_id', 'province_code', 'status', 'principal', 'disbursed', 'outstanding_principal', 'oldest_unpaid_due'])
    .where('fund_id', '=', f.fundId)
    .$if(f.provinces !== null, (q) => q.where('province_code', 'in', f.provinces!.length ? f.provinces! : ['']))
    .$if(f.status !== undefined, (q) => q.where('status', '=', f.status!))
    .orderBy('id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
export const loansOfGroup = (db: Executor, groupId: number) => db.selectFrom('loan').selectAll().where('group_id', '=', groupId).orderBy('id').execute();
export const loans = (db: Executor, f: { fundId?: number; provinces: string[] | null; statuses: string[] }) =>
  db
    .selectFrom('loan')
    .selectAll()
    .$if(f.fundId !== undefined, (q) => q.where('fund_id', '=', f.fundId!))
    .$if(f.provinces !== null, (q) => q.where('province_code', 'in', f.provinces!.length ? f.provinces! : ['']))
    .where('status', 'in', f.statuses)
    .orderBy('id')
    .execute();
/**
 * Brings the loans' arrears columns (0019) up to their current schedules: the principal owed and
 * the oldest instalment not fully paid. Called in the transaction of a single schedule write (a
 * batch of repayments sets them itself: `setArrears`), or for a whole fund after a bulk fill (the benchmark).
 */
export const refreshArrears = (db: Executor, which: { loanId: number } | { fundId: number }) => {
  const filter = 'loanId' in which ? sql`l2.id = ${which.loanId}` : sql`l2.fund_id = ${which.fundId}`;
  return sql`update loan l
    set outstanding_principal = coalesce(s.outstanding, 0), oldest_unpaid_due = s.oldest
    from (
      select l2.id as loan_id,
             sum(i.principal - i.paid_principal) as outstanding,
             min(i.due_on) filter (where i.paid_principal + i.paid_interest + i.paid_fee < i.principal + i.interest + i.fee) as oldest
      from loan l2
      left join loan_instalment i on i.loan_id = l2.id and i.schedule_version = l2.schedule_version
      where ${filter}
      group by l2.id
    ) s
    where l.id = s.loan_id`.execute(db);
};

/**
 * Active loans with their arrears as of `asOf` (a Bangkok day), from the loans' own columns:
 * one row per loan, no instalment read. The portfolio of the dashboard, ageing and collections.
 */
export const activePortfolio = (db: Executor, f: { fundId?: number; provinces: string[] | null; asOf: string }) =>
  db
    .selectFrom('loan')
    .select(['id', 'fund_id', 'group_id', 'province_code', 'outstanding_principal as outstanding', 'oldest_unpaid_due'])
    .select(sql<number>`case when oldest_unpaid_due < ${f.asOf}::date then ${f.asOf}::date - oldest_unpaid_due else 0 end`.as('dpd'))
    .$if(f.fundId !== undefined, (q) => q.where('fund_id', '=', f.fundId!))
    .$if(f.provinces !== null, (q) => q.where('province_code', 'in', f.provinces!.length ? f.provinces! : ['']))
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();

/**
 * The portfolio's sums per province, without a row per loan: loans and principal outstanding in
 * each ageing bucket (by days past due as of `asOf`: 0, 1–30, 31–60, 61–90, over 90).
 */
export const portfolioByProvince = async (db: Executor, f: { fundId?: number; provinces: string[] | null; asOf: string }) => {
  const dpd = sql`case when oldest_unpaid_due < ${f.asOf}::date then ${f.asOf}::date - oldest_unpaid_due else 0 end`;
  const rows = await db
    .selectFrom('loan')
    .select('province_code')
    .select(
      sql<string>`case when ${dpd} = 0 then 'current' when ${dpd} <= 30 then '1-30' when ${dpd} <= 60 then '31-60' when ${dpd} <= 90 then '61-90' else 'over-90' end`.as(
        'bucket',
      ),
    )
    .select((eb) => [eb.fn.countAll<number>().as('loans'), sql<number>`sum(outstanding_principal)::int8`.as('outstanding')])
    .$if(f.fundId !== undefined, (q) => q.where('fund_id', '=', f.fundId!))
    .$if(f.provinces !== null, (q) => q.where('province_code', 'in', f.provinces!.length ? f.provinces! : ['']))
    .where('status', '=', 'active')
    .groupBy(['province_code', 'bucket'])
    .execute();
  return rows.map((r) => ({
    provinceCode: r.province_code,
    bucket: r.bucket as 'current' | '1-30' | '31-60' | '61-90' | 'over-90',
    loans: Number(r.loans),
    outstanding: Number(r.outstanding),
  }));
};

/** What each late loan owes on instalments due before `asOf` (the collection queue). */
export const overdueOf = async (db: Executor, loanIds: readonly number[], asOf: string) =>
  new Map(
    loanIds.length
      ? (
          await db
            .selectFrom('loan_instalment as i')
            .innerJoin('loan as l', (j) => j.onRef('l.id', '=', 'i.loan_id').onRef('l.schedule_version', '=', 'i.schedule_version'))
            .select('i.loan_id')
            .select(sql<number>`sum(i.principal + i.interest + i.fee - i.paid_principal - i.paid_interest - i.paid_fee)`.as('overdue'))
            .where('i.loan_id', 'in', [...loanIds])
            .where('i.due_on', '<', asOf)
            .groupBy('i.loan_id')
            .execute()
        ).map((r) => [r.loan_id, Number(r.overdue)] as const)
      : [],
  );

export const insertTranche = (db: Executor, row: Insertable<DB['loan_tranche']>) => db.insertInto('loan_tranche').values(row).execute();
export const tranchesOf = (db: Executor, loanId: number) => db.selectFrom('loan_tranche').selectAll().where('loan_id', '=', loanId).orderBy('id').execute();

export const replaceSchedule = async (db: Executor, loanId: number, version: number, rows: Insertable<DB['loan_instalment']>[]) => {
  await db.deleteFrom('loan_instalment').where('loan_id', '=', loanId).where('schedule_version', '=', version).execute();
  if (rows.length) await db.insertInto('loan_instalment').values(rows).execute();
};
export const scheduleOf = (db: Executor, loanId: number, version: number) =>
  db.selectFrom('loan_instalment').selectAll().where('loan_id', '=', loanId).where('schedule_version', '=', version).orderBy('number').execute();
/** The current schedules of many loans at once (arrears, reports). */
export const currentSchedules = (db: Executor, loanIds: readonly number[]) =>
  loanIds.length
    ? db
        .selectFrom('loan_instalment as i')
        .innerJoin('loan as l', (j) => j.onRef('l.id', '=', 'i.loan_id').onRef('l.schedule_version', '=', 'i.schedule_version'))
        .selectAll('i')
        .where('i.loan_id', 'in', [...loanIds])
        .orderBy('i.loan_id')
        .orderBy('i.number')
        .execute()
    : Promise.resolve([]);
/**
 * The instalments still owing on these schedules (loan and version, as the caller holds them
 * locked), by the primary key: one index probe per loan however large the table. The lateral
 * subquery's `offset 0` keeps it a probe per loan: joined plainly, PostgreSQL merged 1,000 loans
 * with a sequential scan of all 240,000 instalments (130 ms against 6 ms, the funding benchmark).
 */
export const owingInstalments = (db: Executor, schedules: readonly { loanId: number; version: number }[]) =>
  schedules.length
    ? sql<InstalmentRow>`select i.* from unnest(${schedules.map((s) => s.loanId)}::int8[], ${schedules.map((s) => s.version)}::int2[]) v(loan_id, version)
        cross join lateral (
          select * from loan_instalment i
          where i.loan_id = v.loan_id and i.schedule_version = v.version
            and i.paid_principal + i.paid_interest + i.paid_fee < i.principal + i.interest + i.fee
          offset 0) i
        order by i.loan_id, i.number`
        .execute(db)
        .then((r) => r.rows)
    : Promise.resolve([]);
export const payInstalment = (db: Executor, loanId: number, version: number, number: number, d: { principal: number; interest: number; fee: number }) =>
  db
    .updateTable('loan_instalment')
    .set((eb) => ({
      paid_principal: eb('paid_principal', '+', d.principal),
      paid_interest: eb('paid_interest', '+', d.interest),
      paid_fee: eb('paid_fee', '+', d.fee),
    }))
    .where('loan_id', '=', loanId)
    .where('schedule_version', '=', version)
    .where('number', '=', number)
    .execute();

export const insertPayment = (db: Executor, row: Insertable<DB['loan_payment']>) =>
  db.insertInto('loan_payment').values(row).returningAll().executeTakeFirstOrThrow();
/**
 * Many payments in one statement, their columns as arrays (a statement's 1,000 rows are a few
 * parameters, not 11,000); the rows come back in the order given.
 */
export const insertPayments = async (db: Executor, rows: readonly Insertable<DB['loan_payment']>[]) => {
  if (!rows.length) return [];
  const column = <K extends keyof Insertable<DB['loan_payment']>>(k: K) => rows.map((r) => r[k] ?? null);
  const { rows: inserted } = await sql<PaymentRow>`insert into loan_payment
      (loan_id, kind, amount, paid_on, reference, source, allocation, schedule_version, reverses_id, reason, actor_user_id)
    select * from unnest(${column('loan_id')}::int8[], ${column('kind')}::text[], ${column('amount')}::int8[], ${column('paid_on')}::date[],
      ${column('reference')}::text[], ${column('source')}::text[], ${column('allocation')}::jsonb[], ${column('schedule_version')}::int2[],
      ${column('reverses_id')}::int8[], ${column('reason')}::text[], ${column('actor_user_id')}::uuid[])
    returning *`.execute(db);
  return inserted;
};
/** Many ledger entries in one statement, their columns as arrays. */
export const insertEntries = async (db: Executor, rows: readonly Insertable<DB['fund_entry']>[]) => {
  if (!rows.length) return;
  const column = <K extends keyof Insertable<DB['fund_entry']>>(k: K) => rows.map((r) => r[k] ?? null);
  await sql`insert into fund_entry (fund_id, loan_id, kind, debit, credit, amount, payment_id, reverses_id, memo, booked_on, actor_user_id)
    select * from unnest(${column('fund_id')}::int8[], ${column('loan_id')}::int8[], ${column('kind')}::text[], ${column('debit')}::text[],
      ${column('credit')}::text[], ${column('amount')}::int8[], ${column('payment_id')}::int8[], ${column('reverses_id')}::int8[],
      ${column('memo')}::text[], ${column('booked_on')}::date[], ${column('actor_user_id')}::uuid[])`.execute(db);
};
/** Adds paid amounts to many instalments of the loans' current schedules in one statement. */
export const payInstalments = async (
  db: Executor,
  parts: readonly { loanId: number; version: number; number: number; principal: number; interest: number; fee: number }[],
) => {
  if (!parts.length) return;
  const values = sql.join(
    parts.map((p) => sql`(${p.loanId}::int8, ${p.version}::int2, ${p.number}::int2, ${p.principal}::int8, ${p.interest}::int8, ${p.fee}::int8)`),
  );
  await sql`update loan_instalment i
    set paid_principal = i.paid_principal + v.principal, paid_interest = i.paid_interest + v.interest, paid_fee = i.paid_fee + v.fee
    from (values ${values}) v(loan_id, schedule_version, number, principal, interest, fee)
    where i.loan_id = v.loan_id and i.schedule_version = v.schedule_version and i.number = v.number`.execute(db);
};
/** Locks loans in id order (so two batches never wait on each other in a circle). */
export const lockLoans = (db: Executor, ids: readonly number[]) =>
  ids.length
    ? db
        .selectFrom('loan')
        .selectAll()
        .where('id', 'in', [...ids])
        .orderBy('id')
        .forUpdate()
        .execute()
    : Promise.resolve([]);
export const findLoans = (db: Executor, ids: readonly number[]) =>
  ids.length
    ? db
        .selectFrom('loan')
        .selectAll()
        .where('id', 'in', [...ids])
        .execute()
    : Promise.resolve([]);
/**
 * Many loans' arrears columns set to what their schedules now say (computed by the caller from
 * the instalments it just wrote), the settled ones marked repaid, in one statement.
 */
export const setArrears = async (db: Executor, loans: readonly { id: number; outstanding: number; oldestUnpaidDue: string | null; settled: boolean }[]) => {
  if (!loans.length) return;
  const values = sql.join(loans.map((l) => sql`(${l.id}::int8, ${l.outstanding}::int8, ${l.oldestUnpaidDue}::date, ${l.settled}::boolean)`));
  await sql`update loan l
    set outstanding_principal = v.outstanding, oldest_unpaid_due = v.oldest, updated_at = now(),
        status = case when v.settled then 'repaid' else l.status end
    from (values ${values}) v(id, outstanding, oldest, settled)
    where l.id = v.id`.execute(db);
};
/** Loans settled in full (the loan itself marked by `setArrears`): their application and co-signers' debts settled. */
export const settleLoans = async (db: Executor, loans: readonly { id: number; application_id: number }[]) => {
  if (!loans.length) return;
  const applications = loans.map((l) => l.application_id);
  await db.updateTable('loan_application').set({ loan_state: 'settled' }).where('id', 'in', applications).execute();
  await db.updateTable('loan_cosigner').set({ loan_state: 'settled' }).where('application_id', 'in', applications).execute();
};
/** Of these loans, the bank references already imported, as `loanId:reference`. */
export const importedReferences = async (db: Executor, pairs: readonly { loanId: number; reference: string }[]) => {
  if (!pairs.length) return new Set<string>();
  const rows = await db
    .selectFrom('loan_payment')
    .select(['loan_id', 'reference'])
    .where('loan_id', 'in', [...new Set(pairs.map((p) => p.loanId))])
    .where('reference', 'in', [...new Set(pairs.map((p) => p.reference))])
    .where('kind', '=', 'repayment')
    .where('source', '=', 'import')
    .execute();
  return new Set(rows.map((r) => `${r.loan_id}:${r.reference}`));
};
export const findPayment = (db: Executor, id: number) => db.selectFrom('loan_payment').selectAll().where('id', '=', id).executeTakeFirst();
export const paymentsOf = (db: Executor, loanId: number) => db.selectFrom('loan_payment').selectAll().where('loan_id', '=', loanId).orderBy('id').execute();
export const reversalOf = (db: Executor, paymentId: number) =>
  db.selectFrom('loan_payment').select('id').where('reverses_id', '=', paymentId).executeTakeFirst();
export const paymentByReference = (db: Executor, loanId: number, reference: string) =>
  db
    .selectFrom('loan_payment')
    .select('id')
    .where('loan_id', '=', loanId)
    .where('reference', '=', reference)
    .where('kind', '=', 'repayment')
    .where('source', '=', 'import')
    .executeTakeFirst();

export const insertDecision = (db: Executor, row: Insertable<DB['loan_decision']>) =>
  db.insertInto('loan_decision').values(row).returningAll().executeTakeFirstOrThrow();
export const lockDecision = (db: Executor, id: number) => db.selectFrom('loan_decision').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
export const findDecision = (db: Executor, id: number) => db.selectFrom('loan_decision').selectAll().where('id', '=', id).executeTakeFirst();
export const decisionsOf = (db: Executor, loanId: number) => db.selectFrom('loan_decision').selectAll().where('loan_id', '=', loanId).orderBy('id').execute();
export const openDecision = (db: Executor, loanId: number) =>
  db.selectFrom('loan_decision').select('id').where('loan_id', '=', loanId).where('status', '=', 'requested').executeTakeFirst();
export const closeDecision = (db: Executor, id: number, set: { status: string; decided_by: string; minutes_ref: string | null }) =>
  db
    .updateTable('loan_decision')
    .set({ ...set, decided_at: new Date() })
    .where('id', '=', id)
    .execute();

// ------------------------------------------------------------------ reports
/** Disbursements and repayments (principal, after reversals) per month, of the funds given. */
export const flowsByMonth = (db: Executor, fundIds: readonly number[]) =>
  fundIds.length
    ? sql<{ month: string; kind: string; amount: number }>`
        select to_char(booked_on, 'YYYY-MM') as month,
               case when kind = 'reversal' then 'repayment' else kind end as kind,
               sum(case when kind = 'reversal' then -amount else amount end)::int8 as amount
        from fund_entry
        where fund_id in (${sql.join(fundIds)})
          and (kind in ('disbursement', 'repayment') or (kind = 'reversal' and credit = 'cash' and debit = 'loans'))
        group by 1, 2 order by 1, 2`
        .execute(db)
        .then((r) => r.rows)
    : Promise.resolve([]);
