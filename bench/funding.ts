/**
 * `npm run bench:funding -- [--loans L] [--queries Q] [--rows R] [--engine postgresql|pglite] [--people 0]`
 *
 * The revolving fund at the size (issue 18): one fund lending in every province, L loans
 * (10,000 by default) of 150,000 baht over 24 months, each disbursed 22–23 months ago with a
 * repayment per instalment due since (so ~22 payments and their ledger entries per loan), one in
 * seven a month late, one in ten two months late, one in twenty-five four months late. Then:
 *
 * - the fund dashboard (`GET /api/funding/funds/{id}`: position and PAR30/PAR90) and PAR by
 *   province (`GET /api/funding/reports/ageing`) through HTTP as an executive, Q times each after
 *   warm-ups, beside one bare SQL aggregate that gives the same answer;
 * - a bank statement of R rows (one instalment of R loans) imported through HTTP as a
 *   nationwide fund maker, dry run then for real, beside the bare writes of the same payments
 *   (payment row, instalment, ledger entry, fund totals; one transaction per row, as the import).
 *
 * What it wrote is removed at the end, so a reused database stays as filled.
 */
import { sql } from 'kysely';
import { refreshArrears } from '../src/server/modules/funding/funding.repository';
import { benchArgs, benchDatabase, fail, n, percentile, progress, report, round, runWhenMain, startServer, timed } from './lib/harness';

export async function main(argv: string[]): Promise<string> {
  const { args, own } = benchArgs(
    {
      loans: { type: 'string', default: '10000' },
      queries: { type: 'string', default: '100' },
      rows: { type: 'string', default: '5000' },
    },
    argv,
  );
  const loans = Number(own.loans);
  const queries = Number(own.queries);
  const rows = Number(own.rows);
  if (!Number.isSafeInteger(loans) || loans < 50) fail('--loans must be a whole number ≥ 50');
  if (!Number.isSafeInteger(queries) || queries < 1) fail('--queries must be a whole number ≥ 1');
  if (!Number.isSafeInteger(rows) || rows < 1 || rows > loans) fail('--rows must be a whole number between 1 and --loans');
  const warmUps = Math.min(10, queries);
  const bench = await benchDatabase(args, { purpose: 'read', fill: args.people });
  const db = bench.database.db;
  const CODE = 'BENCH-FUND';
  const PREFIX = 'bench-funding-';
  const PRINCIPAL = 15_000_000; // 150,000 baht
  const INSTALMENT = PRINCIPAL / 24; // 625,000 satang: 24 equal instalments, no remainder

  async function cleanUp() {
    const fund = await db.selectFrom('fund').select('id').where('code', '=', CODE).executeTakeFirst();
    if (fund) {
      const f = fund.id;
      // Only this benchmark's rows go, all of them, so the foreign-key triggers are skipped: each
      // deleted payment would otherwise scan fund_entry (no index on payment_id) — hours at 200,000.
      await sql`set session_replication_role = replica`.execute(db);
      await sql`delete from fund_entry where fund_id = ${f}`.execute(db);
      await sql`delete from loan_payment where loan_id in (select id from loan where fund_id = ${f})`.execute(db);
      await sql`delete from loan_instalment where loan_id in (select id from loan where fund_id = ${f})`.execute(db);
      await sql`delete from loan_tranche where loan_id in (select id from loan where fund_id = ${f})`.execute(db);
      await sql`delete from loan where fund_id = ${f}`.execute(db);
      await sql`delete from loan_step where application_id in (select id from loan_application where fund_id = ${f})`.execute(db);
      await sql`delete from loan_application where fund_id = ${f}`.execute(db);
      await sql`delete from fund where id = ${f}`.execute(db);
      await sql`set session_replication_role = default`.execute(db);
    }
    await sql`delete from occupation_group where name like ${PREFIX + '%'}`.execute(db);
    await sql`delete from role_assignment where role = 'fund_maker' and user_id = (select id from app_user where username = 'bench.officer')`.execute(db);
  }
  await cleanUp();

  progress(`Funding: ${n(loans)} loans with their schedules, payments and ledger…`);
  const fillStart = performance.now();
  const officer = await db.selectFrom('app_user').select('id').where('username', '=', 'bench.officer').executeTakeFirstOrThrow();
  // The bench officer (DWF-HQ, nationwide) imports as a fund maker while the benchmark runs.
  await db
    .insertInto('role_assignment')
    .values({ user_id: officer.id, role: 'fund_maker', unit_code: 'DWF-HQ' })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const provinces = (await db.selectFrom('province').select('code').orderBy('code').execute()).map((p) => p.code);
  const capital = loans * PRINCIPAL * 2;
  const fund = await db
    .insertInto('fund')
    .values({
      code: CODE,
      name_th: 'กองทุนทดสอบสมรรถนะ',
      name_en: 'Benchmark fund',
      owner_unit_code: 'DOE-PEO-40',
      province_codes: provinces,
      min_amount: 5_000_000,
      max_amount: 30_000_000,
      min_term: 1,
      max_term: 24,
      rate_bp: 0,
      fee_satang: 0,
      grace_months: 0,
      due_day: 5,
      remainder_rule: 'last',
      eligible_group_types: [],
      required_trained_members: 0,
      one_open_loan: true,
      deadline: '2099-03-31',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const fundId = fund.id;
  await sql`insert into occupation_group (name, type, occupation, subdistrict_code, district_code, province_code, source, search_text)
  select ${PREFIX} || i, 'independent-occupation', 'other', s.code, s.district_code, s.province_code, 'officer', ${PREFIX} || i
  from generate_series(0, ${loans - 1}) i
  join (select code, district_code, province_code, (row_number() over (order by code) - 1)::int as k from subdistrict) s
    on s.k = (i * 7) % (select count(*) from subdistrict)`.execute(db);
  await sql`insert into loan_application (fund_id, group_id, province_code, amount, term_months, purpose, business_plan, status, loan_state, created_by, submitted_at)
  select ${fundId}, g.id, g.province_code, ${PRINCIPAL}, 24, 'bench', '{"costs":[],"expectedMonthlySalesSatang":0,"repaymentSource":"bench"}',
         'approved', 'owed', ${officer.id}, now() - interval '24 months'
  from occupation_group g where g.name like ${PREFIX + '%'}`.execute(db);
  // Loan i: disbursed 22 months and (i mod 28) days ago; instalment k due that day k months on.
  await sql`insert into loan (application_id, fund_id, group_id, province_code, principal, term_months, rate_bp, fee_satang, grace_months,
                            due_day, remainder_rule, status, disbursed, first_disbursed_on, schedule_version, approved_at)
  select a.id, a.fund_id, a.group_id, a.province_code, a.amount, 24, 0, 0, 0, 5, 'last', 'active', a.amount,
         (current_date - interval '22 months' - ((a.id % 28) || ' days')::interval)::date, 1, now() - interval '23 months'
  from loan_application a where a.fund_id = ${fundId}`.execute(db);
  await sql`insert into loan_instalment (loan_id, schedule_version, number, due_on, principal, interest, fee)
  select l.id, 1, k, (l.first_disbursed_on + (k || ' months')::interval)::date, ${INSTALMENT}, 0, 0
  from loan l cross join generate_series(1, 24) k where l.fund_id = ${fundId}`.execute(db);
  // Paid: every instalment already due, except the last 1 (one in 7), 2 (one in 10) or 4 (one in 25) of them.
  await sql`update loan_instalment i set paid_principal = i.principal
  from loan l
  where l.id = i.loan_id and l.fund_id = ${fundId} and i.due_on <= current_date
    and i.number <= (select count(*) from loan_instalment j where j.loan_id = l.id and j.due_on <= current_date)
                    - case when l.id % 25 = 0 then 4 when l.id % 10 = 0 then 2 when l.id % 7 = 0 then 1 else 0 end`.execute(db);
  await sql`insert into loan_payment (loan_id, kind, amount, paid_on, reference, source, allocation, schedule_version, actor_user_id, created_at)
  select i.loan_id, 'repayment', i.paid_principal, i.due_on, 'HIST-' || i.loan_id || '-' || i.number, 'officer',
         jsonb_build_array(jsonb_build_object('number', i.number, 'fee', 0, 'interest', 0, 'principal', i.paid_principal)), 1, ${officer.id}, i.due_on
  from loan_instalment i join loan l on l.id = i.loan_id where l.fund_id = ${fundId} and i.paid_principal > 0`.execute(db);
  // The ledger: capital, then per loan its commitment and disbursement, then each repayment.
  await sql`insert into fund_entry (fund_id, kind, debit, credit, amount, memo, booked_on)
  values (${fundId}, 'capital', 'cash', 'capital', ${capital}, 'bench', current_date - interval '25 months')`.execute(db);
  await sql`insert into fund_entry (fund_id, loan_id, kind, debit, credit, amount, booked_on)
  select ${fundId}, l.id, e.kind, e.debit, e.credit, l.principal, l.first_disbursed_on
  from loan l cross join (values ('commitment', 'committed', 'cash'), ('disbursement', 'loans', 'committed')) e(kind, debit, credit)
  where l.fund_id = ${fundId}`.execute(db);
  await sql`insert into fund_entry (fund_id, loan_id, kind, debit, credit, amount, payment_id, booked_on)
  select ${fundId}, p.loan_id, 'repayment', 'cash', 'loans', p.amount, p.id, p.paid_on
  from loan_payment p join loan l on l.id = p.loan_id where l.fund_id = ${fundId}`.execute(db);
  await sql`update fund set capital = ${capital}, disbursed = (select sum(principal) from loan where fund_id = ${fundId}),
    repaid = (select coalesce(sum(amount), 0) from loan_payment p join loan l on l.id = p.loan_id where l.fund_id = ${fundId})
  where id = ${fundId}`.execute(db);
  // The loans' arrears columns, as every schedule write through the API keeps them.
  await refreshArrears(db, { fundId });
  if (bench.database.engine === 'postgresql')
    await sql`vacuum (analyze) loan, loan_instalment, loan_payment, fund_entry, loan_application, occupation_group`.execute(db);
  const fillSeconds = round((performance.now() - fillStart) / 1000);
  const counts = (
    await sql<{ instalments: number; payments: number; entries: number }>`select
    (select count(*) from loan_instalment i join loan l on l.id = i.loan_id where l.fund_id = ${fundId})::int as instalments,
    (select count(*) from loan_payment p join loan l on l.id = p.loan_id where l.fund_id = ${fundId})::int as payments,
    (select count(*) from fund_entry where fund_id = ${fundId})::int as entries`.execute(db)
  ).rows[0]!;

  // Days past due count Bangkok days, as the API does: from 17:00 UTC the server's current_date is a day behind.
  const BANGKOK_TODAY = sql`(now() at time zone 'Asia/Bangkok')::date`;
  /** The bare answer: outstanding and PAR30/PAR90 per province from the instalments, in one query. */
  const bareAgeing = () =>
    sql<{ province_code: string; outstanding: string; par30: string; par90: string }>`
    with state as (
      select l.province_code, sum(i.principal - i.paid_principal) as outstanding,
             coalesce(${BANGKOK_TODAY} - min(i.due_on) filter (where i.due_on < ${BANGKOK_TODAY} and i.paid_principal + i.paid_interest + i.paid_fee < i.principal + i.interest + i.fee), 0) as dpd
      from loan l join loan_instalment i on i.loan_id = l.id and i.schedule_version = l.schedule_version
      where l.fund_id = ${fundId} and l.status = 'active'
      group by l.id, l.province_code)
    select province_code, sum(outstanding) as outstanding, sum(outstanding) filter (where dpd > 30) as par30, sum(outstanding) filter (where dpd > 90) as par90
    from state group by province_code order by province_code`.execute(db);
  const bareDashboard = () =>
    Promise.all([
      db.selectFrom('fund').selectAll().where('id', '=', fundId).executeTakeFirstOrThrow(),
      sql`select sum(outstanding) as outstanding, sum(outstanding) filter (where dpd > 30) as par30, sum(outstanding) filter (where dpd > 90) as par90 from (
      select sum(i.principal - i.paid_principal) as outstanding,
             coalesce(${BANGKOK_TODAY} - min(i.due_on) filter (where i.due_on < ${BANGKOK_TODAY} and i.paid_principal + i.paid_interest + i.paid_fee < i.principal + i.interest + i.fee), 0) as dpd
      from loan l join loan_instalment i on i.loan_id = l.id and i.schedule_version = l.schedule_version
      where l.fund_id = ${fundId} and l.status = 'active' group by l.id) s`.execute(db),
    ]);

  /** The same answer from the loans' arrears columns (0019), as the API reads it. */
  const bareAgeingColumns = () =>
    sql`select province_code, sum(outstanding_principal) as outstanding,
             sum(outstanding_principal) filter (where ${BANGKOK_TODAY} - oldest_unpaid_due > 30) as par30,
             sum(outstanding_principal) filter (where ${BANGKOK_TODAY} - oldest_unpaid_due > 90) as par90
      from loan where fund_id = ${fundId} and status = 'active' group by province_code order by province_code`.execute(db);

  const executive = await startServer(bench, 'bench.executive');
  async function measure(work: () => Promise<unknown>) {
    const times: number[] = [];
    for (let i = 0; i < queries + warmUps; i++) {
      const { ms } = await timed(work);
      if (i >= warmUps) times.push(ms);
    }
    return times.sort((a, b) => a - b);
  }
  const get = async (url: string) => {
    const r = await fetch(`${executive.base}${url}`, { headers: { cookie: executive.cookie } });
    if (!r.ok) throw new Error(`${url}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<never>;
  };
  const dashboardAnswer = (await get(`/api/funding/funds/${fundId}`)) as { par: { outstanding: number; par30Satang: number; par90Satang: number } };
  const ageingAnswer = (await get('/api/funding/reports/ageing')) as { provinceCode: string; par30Satang: number }[];
  const bareAnswer = (await bareAgeing()).rows;
  // The API and the bare query agree (PAR30 by province), or the comparison means nothing.
  for (const b of bareAnswer) {
    const api = ageingAnswer.find((a) => a.provinceCode === b.province_code);
    if (!api || api.par30Satang !== Number(b.par30 ?? 0)) throw new Error(`PAR30 of ${b.province_code}: API ${api?.par30Satang}, SQL ${b.par30}`);
  }
  const said = (what: string, t: number[]) =>
    progress(`  ${what}: p50 ${round(percentile(t, 0.5))} ms, p95 ${round(percentile(t, 0.95))} ms (${t.length} runs)`);
  progress(`  filled in ${fillSeconds} s: ${n(counts.instalments)} instalments, ${n(counts.payments)} payments, ${n(counts.entries)} ledger entries`);
  const dashboard = await measure(() => get(`/api/funding/funds/${fundId}`));
  said('dashboard through HTTP', dashboard);
  const ageing = await measure(() => get('/api/funding/reports/ageing'));
  said('PAR by province through HTTP', ageing);
  const dashboardBare = await measure(bareDashboard);
  said('dashboard, bare SQL', dashboardBare);
  const ageingBare = await measure(bareAgeing);
  said('PAR by province, bare SQL over the instalments', ageingBare);
  const ageingColumns = await measure(bareAgeingColumns);
  said('PAR by province, bare SQL over the loans’ arrears columns', ageingColumns);
  await executive.app.close();

  // A statement of `rows` lines: one instalment of `rows` loans (on-time loans first), paid today.
  const today = (await sql<{ d: string }>`select to_char(${BANGKOK_TODAY}, 'YYYY-MM-DD') as d`.execute(db)).rows[0]!.d;
  const payers = (await db.selectFrom('loan').select('id').where('fund_id', '=', fundId).orderBy('id').execute()).map((l) => l.id);
  const statementOf = (ids: number[], tag: string) =>
    'เลขที่สัญญา,วันที่ชำระ,จำนวนเงิน,เลขอ้างอิง\n' + ids.map((id) => `${id},${today},"6,250.00",${tag}-${id}`).join('\n') + '\n';
  const importIds = payers.slice(0, rows);
  const maker = await startServer(bench, 'bench.officer');
  const post = async (dryRun: boolean, body: string) => {
    const r = await fetch(`${maker.base}/api/funding/funds/${fundId}/repayment-imports?dryRun=${dryRun}&fileName=statement.csv`, {
      method: 'POST',
      headers: { cookie: maker.cookie, 'content-type': 'text/csv' },
      body,
    });
    if (!r.ok) throw new Error(`import: ${r.status} ${await r.text()}`);
    return (await r.json()) as { rows: number; recorded: number; errors: unknown[] };
  };
  const statement = statementOf(importIds, 'BANK');
  const dry = await timed(() => post(true, statement));
  progress(`  import dry run: ${rows} rows in ${round(dry.ms / 1000)} s`);
  const real = await timed(() => post(false, statement));
  progress(`  import: ${rows} rows in ${round(real.ms / 1000)} s`);
  await maker.app.close();
  if (dry.value.errors.length || real.value.recorded !== rows)
    throw new Error(`Import: ${real.value.recorded} of ${rows} recorded, ${JSON.stringify(real.value.errors.slice(0, 3))}`);

  // The bare limit: the same writes for the same loans' next instalment, set-based in batches of
  // 1,000 rows as the import writes them (lock, instalments, payments, ledger, fund), no audit.
  const bareImport = await timed(async () => {
    for (let start = 0; start < importIds.length; start += 1_000) {
      const ids = importIds.slice(start, start + 1_000);
      await db.transaction().execute(async (trx) => {
        await sql`select id from loan where id in (${sql.join(ids)}) order by id for update`.execute(trx);
        await sql`with next as (
            select distinct on (loan_id) loan_id, number from loan_instalment
            where loan_id in (${sql.join(ids)}) and schedule_version = 1 and paid_principal < principal order by loan_id, number),
          paid as (
            update loan_instalment i set paid_principal = i.paid_principal + ${INSTALMENT}
            from next where i.loan_id = next.loan_id and i.schedule_version = 1 and i.number = next.number returning i.loan_id, i.number),
          payment as (
            insert into loan_payment (loan_id, kind, amount, paid_on, reference, source, allocation, schedule_version, actor_user_id)
            select loan_id, 'repayment', ${INSTALMENT}, ${today}::date, 'BARE-' || loan_id, 'import',
                   jsonb_build_array(jsonb_build_object('number', number, 'fee', 0, 'interest', 0, 'principal', ${INSTALMENT}::int8)), 1, ${officer.id}
            from paid returning id, loan_id)
          insert into fund_entry (fund_id, loan_id, kind, debit, credit, amount, payment_id, booked_on)
          select ${fundId}, loan_id, 'repayment', 'cash', 'loans', ${INSTALMENT}, id, ${today}::date from payment`.execute(trx);
        await sql`update fund set repaid = repaid + ${INSTALMENT * ids.length} where id = ${fundId}`.execute(trx);
      });
    }
  });
  await cleanUp();
  await bench.close();

  const stats = (t: number[]) => ({ p50: round(percentile(t, 0.5)), p95: round(percentile(t, 0.95)), max: round(t.at(-1)!) });
  const perSecond = (ms: number) => Math.round(rows / (ms / 1000));
  const result = {
    loans,
    instalments: counts.instalments,
    payments: counts.payments,
    ledgerEntries: counts.entries,
    provinces: ageingAnswer.length,
    queries,
    fillSeconds,
    dashboard: { api: stats(dashboard), bare: stats(dashboardBare), par: dashboardAnswer.par },
    ageing: { api: stats(ageing), bare: stats(ageingBare), bareColumns: stats(ageingColumns) },
    import: {
      rows,
      dryRunSeconds: round(dry.ms / 1000, 2),
      dryRunRowsPerSecond: perSecond(dry.ms),
      seconds: round(real.ms / 1000, 2),
      rowsPerSecond: perSecond(real.ms),
      bareSeconds: round(bareImport.ms / 1000, 2),
      bareRowsPerSecond: perSecond(bareImport.ms),
    },
  };
  return report(
    args,
    'funding',
    result,
    `funding ${args.engine} ${n(loans)} loans (${n(counts.payments)} payments): dashboard p95 ${result.dashboard.api.p95} ms (bare ${result.dashboard.bare.p95} ms), ` +
      `PAR by province p95 ${result.ageing.api.p95} ms (bare ${result.ageing.bare.p95} ms, over the loan columns ${result.ageing.bareColumns.p95} ms), import ${n(result.import.rowsPerSecond)} rows/s ` +
      `(dry run ${n(result.import.dryRunRowsPerSecond)} rows/s, bare ${n(result.import.bareRowsPerSecond)} rows/s)`,
  );
}

runWhenMain(import.meta.url, main);
