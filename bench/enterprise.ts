/**
 * `npm run bench:enterprise -- [--groups G] [--people N] [--engine postgresql|pglite] [--queries Q]`
 *
 * The One Tambon One Group dashboard at national size: G occupation groups (100,000 by default)
 * spread over every sub-district (7,436), each taking part at a stage from 1 to 8, then the
 * programme funnel and the late list for the 31 March deadline through HTTP as an executive
 * (nationwide), one after another, Q times each after 20 warm-ups (fewer when Q is smaller); beside them the bare aggregate
 * queries the routes run (the repository's, without HTTP, scope or names). The groups and their
 * participation are removed at the end, so the reused registry stays as filled.
 */
import { sql } from 'kysely';
import * as repository from '../src/server/modules/enterprise/enterprise.repository';
import { benchArgs, progress, runWhenMain, benchDatabase, fail, n, percentile, report, round, startServer, timed } from './lib/harness';

export async function main(argv: string[]): Promise<string> {
  const { args, own } = benchArgs({ groups: { type: 'string', default: '100000' }, queries: { type: 'string', default: '200' } }, argv);
  const groups = Number(own.groups);
  const queries = Number(own.queries);
  if (!Number.isSafeInteger(groups) || groups < 8) fail('--groups must be a whole number ≥ 8 (one per stage)');
  if (!Number.isSafeInteger(queries) || queries < 1) fail('--queries must be a whole number ≥ 1');
  // Warm-ups before the timed queries: 20, or as many as the timed ones when fewer (the smoke run).
  const warmUps = Math.min(20, queries);
  const bench = await benchDatabase(args, { purpose: 'read', fill: args.people });
  const db = bench.database.db;
  const PREFIX = 'bench-enterprise-';

  async function cleanUp() {
    await sql`delete from participation_step where participation_id in (select p.id from participation p join occupation_group g on g.id = p.group_id where g.name like ${PREFIX + '%'})`.execute(
      db,
    );
    await sql`delete from participation where group_id in (select id from occupation_group where name like ${PREFIX + '%'})`.execute(db);
    await sql`delete from occupation_group where name like ${PREFIX + '%'}`.execute(db);
  }
  await cleanUp();
  progress(`Enterprise: ${n(groups)} groups over every sub-district…`);
  const fillStart = performance.now();
  await sql`insert into occupation_group (name, type, occupation, subdistrict_code, district_code, province_code, source, search_text)
    select ${PREFIX} || i, 'other', 'other', s.code, s.district_code, s.province_code, 'officer', ${PREFIX} || i
    from generate_series(0, ${groups - 1}) i
    join (select code, district_code, province_code, (row_number() over (order by code) - 1)::int as k from subdistrict) s
      on s.k = i % (select count(*) from subdistrict)`.execute(db);
  // Stage 1..8 spread evenly (i mod 8), so the counts are known: the funnel at stage k holds the groups at k or beyond.
  await sql`insert into participation (programme_code, group_id, province_code, subdistrict_code, unit_code, stage_code, stage_position)
    select 'OTOG', g.id, g.province_code, g.subdistrict_code, 'DSD-PSDO-' || g.province_code, st.code, st.position
    from (select id, province_code, subdistrict_code, (row_number() over (order by id) - 1)::int as i from occupation_group where name like ${PREFIX + '%'}) g
    join programme_stage st on st.programme_code = 'OTOG' and st.position = 1 + g.i % 8`.execute(db);
  // The steady state (as the harness measures the people's fill): autovacuum has been by, so the
  // funnel's count can read the index alone.
  await sql`vacuum (analyze) participation`.execute(db);
  const fillSeconds = round((performance.now() - fillStart) / 1000);
  const subdistricts = Number(
    (await sql<{ n: number }>`select count(distinct subdistrict_code)::int as n from participation where programme_code = 'OTOG'`.execute(db)).rows[0]!.n,
  );

  const { app, base, cookie } = await startServer(bench, 'bench.executive');
  async function measure(url: string, check: (body: never) => void) {
    const times: number[] = [];
    for (let i = 0; i < queries + warmUps; i++) {
      const { ms, value } = await timed(async () => {
        const r = await fetch(`${base}${url}`, { headers: { cookie } });
        if (!r.ok) throw new Error(`${url}: ${r.status} ${await r.text()}`);
        return (await r.json()) as never;
      });
      if (i === 0) check(value);
      if (i >= warmUps) times.push(ms);
    }
    return times.sort((a, b) => a - b);
  }
  async function measureBare(work: () => Promise<unknown>) {
    const times: number[] = [];
    for (let i = 0; i < queries + warmUps; i++) {
      const { ms } = await timed(work);
      if (i >= warmUps) times.push(ms);
    }
    return times.sort((a, b) => a - b);
  }

  // The answers are checked against what was written: every group reached stage 1; stage k holds the groups at k..8.
  const expectedAt = (k: number) => Array.from({ length: groups }, (_, i) => 1 + (i % 8)).filter((p) => p >= k).length;
  let funnelAnswer: number[] = [];
  let lateAnswer = 0;
  const funnel = await measure('/api/enterprise/programmes/OTOG/funnel', (body: { stages: { reached: number }[] }) => {
    funnelAnswer = body.stages.map((s) => s.reached);
  });
  const late = await measure('/api/enterprise/programmes/OTOG/late?stage=trained&limit=100', (body: { deadlines: { total: number }[] }) => {
    lateAnswer = body.deadlines[0]!.total;
  });
  await app.close();
  const bareFunnel = await measureBare(() => repository.stagePositions(db, 'OTOG', null));
  const bareLate = await measureBare(() =>
    Promise.all([repository.lateByProvince(db, 'OTOG', 3, null), repository.lateParticipations(db, 'OTOG', 3, null, 100, 0)]),
  );
  await cleanUp();
  await bench.close();

  const expectedFunnel = Array.from({ length: 8 }, (_, k) => expectedAt(k + 1));
  if (JSON.stringify(funnelAnswer) !== JSON.stringify(expectedFunnel)) throw new Error(`Funnel ${funnelAnswer} is not ${expectedFunnel}`);
  if (lateAnswer !== groups - expectedAt(3)) throw new Error(`Late list ${lateAnswer} is not ${groups - expectedAt(3)}`);

  const stats = (t: number[]) => ({ p50: round(percentile(t, 0.5)), p95: round(percentile(t, 0.95)), max: round(t.at(-1)!) });
  const result = {
    groups,
    subdistricts,
    queries,
    fillSeconds,
    funnel: { api: stats(funnel), bare: stats(bareFunnel), answer: funnelAnswer },
    late: { api: stats(late), bare: stats(bareLate), total: lateAnswer },
  };
  return report(
    args,
    'enterprise',
    result,
    `enterprise ${args.engine} ${n(groups)} groups in ${n(subdistricts)} sub-districts: funnel p95 ${result.funnel.api.p95} ms (bare ${result.funnel.bare.p95} ms), late list p95 ${result.late.api.p95} ms (bare ${result.late.bare.p95} ms)`,
  );
}

runWhenMain(import.meta.url, main);
