/**
 * `npm run bench:monitoring -- --people N [--runs R] [--engine postgresql|pglite]`
 *
 * Monitoring at N people with their training, placements and loans (issue 20): a fifth of the
 * people completed a course (4 sessions per province, ending over the last two fiscal years), one
 * in twenty was placed (a vacancy per province, started over the last 500 days), and one loan per
 * 100 people (its schedule paid but for one in seven a month late, as bench/funding.ts). The
 * rollups are then rebuilt from those records (`monitoring.rebuild({ apply: true })`, timed; then
 * the comparison alone, timed). Measured R times each (p50, p95), through the service as the
 * page's requests call it: the national overview, one province's drill-down (Khon Kaen: its
 * overview and the placements' breakdown by district and target group), beside the bare read of
 * the rollup cells the overview sums (the limit). Its own database (`archeep_bench_monitoring_N_s<seed>`),
 * reused when filled; `--drop` removes it at the end.
 */
import { sql } from 'kysely';
import { refreshArrears } from '../src/server/modules/funding/funding.repository';
import { fiscalYearOf } from '../src/shared/fiscal-year';
import { benchActor, benchArgs, benchDatabase, fail, n, percentile, progress, report, round, runWhenMain, timed } from './lib/harness';

export async function main(argv: string[]): Promise<string> {
  const { args, own } = benchArgs({ runs: { type: 'string', default: '50' } }, argv);
  const runs = Number(own.runs);
  if (!Number.isSafeInteger(runs) || runs < 1) fail('--runs must be a whole number ≥ 1');
  if (args.people < 1000) fail('--people must be at least 1,000');
  const bench = await benchDatabase(
    { ...args, databaseName: args.databaseName ?? (args.engine === 'postgresql' ? `archeep_bench_monitoring_${args.people}_s${args.seed}` : null) },
    { purpose: 'read', fill: args.people },
  );
  const db = bench.database.db;
  const peopleFill = bench.fillSeconds;
  const ctx = { actor: { ...(await benchActor(bench, 'bench.executive')), mustChangePassword: false }, requestId: 'bench:monitoring' };
  const officer = await benchActor(bench, 'bench.officer');

  const filled = (await sql<{ t: string | null }>`select to_regclass('bench_monitoring_fill')::text as t`.execute(db)).rows[0]!.t;
  const fillStart = performance.now();
  if (!filled) {
    progress(`Monitoring: training, placements and loans for ${n(args.people)} people…`);
    const today = new Date().toISOString().slice(0, 10);
    const provinces = (await db.selectFrom('province').select('code').orderBy('code').execute()).map((p) => p.code);
    for (const provinceCode of provinces)
      for (let k = 0; k < 4; k++)
        await bench.services.training.createSession(
          { actor: officer, requestId: 'bench:monitoring' },
          {
            curriculumCode: 'DSD-ETDA-DIGI18',
            unitCode: 'DWF-HQ',
            provinceCode,
            online: true,
            applicationsCloseOn: today,
            capacityMin: 1,
            capacityMax: 5000,
            trainers: [],
            days: [{ day: today, hours: 18 }],
          },
        );
    // Held in a sub-district of the province (for the districts), ending 0–700 days ago.
    await sql`update training_session s set online = false, status = 'completed',
        subdistrict_code = (select min(code) from subdistrict d where d.province_code = s.province_code and right(d.code, 2) <> '00'),
        applications_close_on = current_date - (s.id * 37 % 700)::int, starts_on = current_date - (s.id * 37 % 700)::int, ends_on = current_date - (s.id * 37 % 700)::int`.execute(
      db,
    );
    await sql`insert into enrolment (session_id, person_id, status, source, enrolled_at, attended_minutes, evaluated_at, outcome_reasons)
      select (array_agg(s.id order by s.id))[1 + p.id % 4], p.id, 'completed', 'officer', now(), 1080, now(), '[]'::jsonb
        from person p join training_session s on s.province_code = p.province_code
       where p.id % 5 = 0 group by p.id`.execute(db);
    const employer = await db
      .insertInto('employer')
      .values({
        tax_id: '0105500000002',
        name_th: 'บริษัท ทดสอบติดตามผล จำกัด',
        name_en: null,
        tsic_code: '47911',
        size: 'large',
        address: null,
        subdistrict_code: '400101',
        district_code: '4001',
        province_code: '40',
        contact_name: 'bench',
        contact_phone: '0430000000',
        contact_email: null,
        home_work_registration_no: null,
        status: 'verified',
        status_reason: null,
        verified_by: null,
        verified_unit_code: null,
        verified_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`insert into vacancy (code, employer_id, kind, occupation_code, title_th, subdistrict_code, district_code, province_code,
        wage_satang, wage_unit, openings, placed_count, opens_on, closes_on, status, source)
      select 'BENCH-MON-' || s.province_code, ${employer.id}, 'employment', '5244', 'ตำแหน่งทดสอบ', s.code, s.district_code, s.province_code,
             1200000, 'month', 10000, 0, current_date - 700, current_date + 60, 'published', 'import'
        from (select distinct on (province_code) code, district_code, province_code from subdistrict where right(code, 2) <> '00' order by province_code, code) s`.execute(
      db,
    );
    await sql`insert into placement (vacancy_id, person_id, kind, started_on, wage_satang, wage_unit, province_code, fiscal_year, recorded_by)
      select v.id, p.id, 'employee', d, 1200000, 'month', p.province_code,
             extract(year from d)::int + 543 + (extract(month from d) >= 10)::int, ${officer.userId}
        from person p join vacancy v on v.code = 'BENCH-MON-' || p.province_code
        cross join lateral (select current_date - (p.id * 13 % 500)::int as d) x
       where p.id % 20 = 1`.execute(db);
    // Loans, one per 100 people, as bench/funding.ts writes them (without payments and ledger: PAR30 reads the arrears).
    const loans = Math.floor(args.people / 100);
    const fund = await db
      .insertInto('fund')
      .values({
        code: 'BENCH-MON-FUND',
        name_th: 'กองทุนทดสอบติดตามผล',
        name_en: 'Monitoring benchmark fund',
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
    await sql`insert into occupation_group (name, type, occupation, subdistrict_code, district_code, province_code, source, search_text)
      select 'bench-mon-' || i, 'independent-occupation', 'other', s.code, s.district_code, s.province_code, 'officer', 'bench-mon-' || i
        from generate_series(0, ${loans - 1}) i
        join (select code, district_code, province_code, (row_number() over (order by code) - 1)::int as k from subdistrict) s
          on s.k = (i * 7) % (select count(*) from subdistrict)`.execute(db);
    await sql`insert into loan_application (fund_id, group_id, province_code, amount, term_months, purpose, business_plan, status, loan_state, created_by, submitted_at)
      select ${fund.id}, g.id, g.province_code, 15000000, 24, 'bench', '{"costs":[],"expectedMonthlySalesSatang":0,"repaymentSource":"bench"}',
             'approved', 'owed', ${officer.userId}, now() - interval '24 months'
        from occupation_group g where g.name like 'bench-mon-%'`.execute(db);
    await sql`insert into loan (application_id, fund_id, group_id, province_code, principal, term_months, rate_bp, fee_satang, grace_months,
                              due_day, remainder_rule, status, disbursed, first_disbursed_on, schedule_version, approved_at)
      select a.id, a.fund_id, a.group_id, a.province_code, a.amount, 24, 0, 0, 0, 5, 'last', 'active', a.amount,
             (current_date - (a.id % 600)::int), 1, now() - interval '23 months'
        from loan_application a where a.fund_id = ${fund.id}`.execute(db);
    await sql`insert into loan_tranche (loan_id, amount, paid_on, reference, actor_user_id)
      select id, principal, first_disbursed_on, 'BENCH-' || id, ${officer.userId} from loan where fund_id = ${fund.id}`.execute(db);
    await sql`insert into loan_instalment (loan_id, schedule_version, number, due_on, principal, interest, fee)
      select l.id, 1, k, (l.first_disbursed_on + (k || ' months')::interval)::date, 625000, 0, 0
        from loan l cross join generate_series(1, 24) k where l.fund_id = ${fund.id}`.execute(db);
    await sql`update loan_instalment i set paid_principal = i.principal from loan l
      where l.id = i.loan_id and l.fund_id = ${fund.id} and i.due_on <= current_date - case when l.id % 7 = 0 then 35 else 0 end`.execute(db);
    await refreshArrears(db, { fundId: fund.id });
    await sql`create table bench_monitoring_fill (at timestamptz not null default now())`.execute(db);
    await sql`insert into bench_monitoring_fill default values`.execute(db);
    if (bench.url) await sql`vacuum (analyze)`.execute(db);
  }
  const fillSeconds = round((performance.now() - fillStart) / 1000);
  const counts = (
    await sql<{ completions: string; placements: string; loans: string }>`select
      (select count(*) from enrolment where status = 'completed')::text as completions,
      (select count(*) from placement)::text as placements, (select count(*) from loan)::text as loans`.execute(db)
  ).rows[0]!;

  progress('Rebuilding the rollups from the records…');
  const applied = await timed(() => bench.services.monitoring.rebuild({ apply: true }));
  const compared = await timed(() => bench.services.monitoring.rebuild());
  if (!compared.value.agrees) fail(`The rebuild disagrees with the rollups it just wrote: ${compared.value.differences.length} cells`);
  const cells = Number((await sql<{ n: string }>`select count(*)::text as n from monitoring_rollup`.execute(db)).rows[0]!.n);
  const fiscalYear = fiscalYearOf(new Date());

  async function measure(label: string, work: () => Promise<unknown>) {
    const times: number[] = [];
    await work(); // warm-up
    for (let i = 0; i < runs; i++) times.push((await timed(work)).ms);
    times.sort((a, b) => a - b);
    progress(`${label}: p50 ${round(percentile(times, 0.5))} ms p95 ${round(percentile(times, 0.95))} ms`);
    return { p50Ms: round(percentile(times, 0.5)), p95Ms: round(percentile(times, 0.95)) };
  }
  const national = await measure('national overview', () => bench.services.monitoring.overview(ctx, { fiscalYear }));
  const province = await measure('Khon Kaen drill-down (overview + districts and target groups)', () =>
    Promise.all([
      bench.services.monitoring.overview(ctx, { fiscalYear, province: '40' }),
      bench.services.monitoring.breakdown(ctx, { indicator: 'employment.placed', fiscalYear, province: '40' }),
    ]),
  );
  const bare = await measure('bare: the overview’s rollup cells', () =>
    sql`select indicator, fiscal_year, month, province_code, value from monitoring_rollup
        where fiscal_year in (${fiscalYear}, ${fiscalYear - 1}) and district_code = '*' and target_group = '*'`.execute(db),
  );
  const placed = (await bench.services.monitoring.overview(ctx, { fiscalYear })).indicators.find((i) => i.code === 'employment.placed')!.actual;
  await bench.close();
  if (!placed) fail('No placement counted in the current fiscal year: the figures would mean nothing');

  return report(
    args,
    'monitoring',
    {
      runs,
      peopleFillSeconds: peopleFill,
      fillSeconds,
      completions: Number(counts.completions),
      placements: Number(counts.placements),
      loans: Number(counts.loans),
      cells,
      rebuildApplySeconds: round(applied.ms / 1000),
      rebuildCompareSeconds: round(compared.ms / 1000),
      national,
      province,
      bare,
    },
    `monitoring ${args.engine} ${n(args.people)} people (${n(Number(counts.completions))} completions, ${n(Number(counts.placements))} placements, ${n(Number(counts.loans))} loans, ${n(cells)} cells):` +
      ` national overview p95 ${national.p95Ms} ms · Khon Kaen drill-down p95 ${province.p95Ms} ms · bare cells p95 ${bare.p95Ms} ms · rebuild ${round(compared.ms / 1000)} s (applied ${round(applied.ms / 1000)} s)`,
  );
}

runWhenMain(import.meta.url, main);
