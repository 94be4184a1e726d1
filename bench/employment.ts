/**
 * `npm run bench:employment -- --people N [--vacancies V] [--engine postgresql|pglite] [--runs R]`
 *
 * Matching, both ways, through the employment service as the officer's page calls it: one vacancy
 * (Mueang Khon Kaen, needing the TPQI e-commerce qualification) against every person of an N-people
 * registry opted in as a job seeker, and one job seeker against V published vacancies spread over
 * the provinces. Each is timed R times (p50, p95), beside the bare query of its pool (the job
 * seekers of the vacancy's province, the vacancies open to the person) — the limit it is compared with.
 * The job seekers' matching read model is filled by employment's own rebuild (the refresh every
 * change runs), so the ranking reads what the system would have written.
 */
import { sql } from 'kysely';
import { benchActor, benchArgs, progress, runWhenMain, benchDatabase, n, percentile, report, round, timed } from './lib/harness';
import { MATCH_POOL } from '../src/server/modules/employment/matching.service';

export async function main(argv: string[]): Promise<string> {
  const { args, own } = benchArgs({ vacancies: { type: 'string', default: '100000' }, runs: { type: 'string', default: '30' } }, argv);
  const vacancies = Number(own.vacancies);
  const runs = Number(own.runs);
  const bench = await benchDatabase(args, { purpose: 'read', fill: args.people });
  const db = bench.database.db;
  const ctx = { actor: { ...(await benchActor(bench, 'bench.executive')), mustChangePassword: false }, requestId: 'bench' };

  // Everyone in the registry looks for work; one employer posts V vacancies over every sub-district.
  const fillStarted = performance.now();
  const seekers = Number((await sql<{ n: string }>`select count(*)::text as n from job_seeker`.execute(db)).rows[0]!.n);
  if (seekers < args.people) {
    // No anti-join: planned on an empty job_seeker it probed the growing table for every person
    // (a 1,000,000-person fill ran for minutes); the current-seeker index turns duplicates away.
    await sql`insert into job_seeker (person_id, province_code, district_code, desired_occupations)
      select p.id, p.province_code, p.district_code, array['5244'] from person p where p.status = 'active'
      on conflict (person_id) where withdrawn_at is null do nothing`.execute(db);
  }
  // The matching read model, built as the system builds it: employment's own refresh, reading the
  // registry, credentials and training through their services, a batch of people per transaction.
  const matchRows = Number((await sql<{ n: string }>`select count(*)::text as n from seeker_match`.execute(db)).rows[0]!.n);
  const refreshStarted = performance.now();
  if (matchRows < args.people) await bench.services.employment.rebuildMatching();
  const refreshSeconds = round((performance.now() - refreshStarted) / 1000);
  let employer = await db.selectFrom('employer').select('id').where('tax_id', '=', '0105500000001').executeTakeFirst();
  if (!employer) {
    employer = await db
      .insertInto('employer')
      .values({
        tax_id: '0105500000001',
        name_th: 'บริษัท ทดสอบสมรรถนะ จำกัด',
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
  }
  const have = Number((await sql<{ n: string }>`select count(*)::text as n from vacancy where employer_id = ${employer.id}`.execute(db)).rows[0]!.n);
  if (have < vacancies) {
    await sql`with s as (select code, district_code, province_code, row_number() over (order by code) as rn, count(*) over () as total from subdistrict)
      insert into vacancy (code, employer_id, kind, occupation_code, title_th, required_standard_code, subdistrict_code, district_code, province_code,
        wage_satang, wage_unit, openings, opens_on, closes_on, status, source)
      select 'BENCH-' || g, ${employer.id}, 'employment', (array['5244','9321','5322','7318'])[1 + g % 4], 'ตำแหน่งทดสอบ ' || g,
        case when g % 3 = 0 then 'TPQI-ECW' end, s.code, s.district_code, s.province_code, 1200000, 'month', 5,
        current_date - 10, current_date + 60, 'published', 'import'
      from generate_series(${have + 1}::int, ${vacancies}::int) g join s on s.rn = 1 + (g % s.total)`.execute(db);
  }
  // The steady state, as the harness measures the people's fill: autovacuum has been by, so the
  // pool's index walks need not visit the heap for rows every transaction already sees.
  if (bench.url) await sql`vacuum (analyze) job_seeker, seeker_match, vacancy`.execute(db);
  const fillSeconds = round((performance.now() - fillStarted) / 1000);

  // The vacancy matched: in the district with the most job seekers (Mueang Khon Kaen when it has
  // them), needing TPQI-ECW; the person: a job seeker of that province.
  const busiest = await sql<{ province_code: string; district_code: string }>`select province_code, district_code from job_seeker
    where withdrawn_at is null and district_code is not null group by 1, 2 order by (district_code = '4001') desc, count(*) desc limit 1`.execute(db);
  const area = busiest.rows[0];
  if (!area) throw new Error('No job seeker: fill some people');
  const place = await db.selectFrom('subdistrict').select('code').where('district_code', '=', area.district_code).orderBy('code').executeTakeFirstOrThrow();
  const target = await db
    .insertInto('vacancy')
    .values({
      code: `BENCH-T-${Date.now()}`,
      employer_id: employer.id,
      kind: 'employment',
      occupation_code: '5244',
      title_th: 'ผู้ช่วยขายของออนไลน์',
      title_en: null,
      description: null,
      required_standard_code: 'TPQI-ECW',
      education: null,
      subdistrict_code: place.code,
      district_code: area.district_code,
      province_code: area.province_code,
      wage_satang: 1_200_000,
      wage_unit: 'month',
      openings: 1,
      opens_on: sql<string>`current_date`,
      closes_on: sql<string>`current_date + 30`,
      quantity: null,
      materials_supplied: null,
      delivery_on: null,
      status: 'published',
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const person = await db
    .selectFrom('job_seeker')
    .select('person_id')
    .where('province_code', '=', area.province_code)
    .where('withdrawn_at', 'is', null)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!person) throw new Error('No job seeker in that province');

  async function measure(label: string, work: () => Promise<number>) {
    const times: number[] = [];
    const size = await work(); // warm-up
    for (let i = 0; i < runs; i++) times.push((await timed(work)).ms);
    times.sort((a, b) => a - b);
    progress(`${label}: p50 ${round(percentile(times, 0.5))} ms p95 ${round(percentile(times, 0.95))} ms (${size} rows)`);
    return { p50Ms: round(percentile(times, 0.5)), p95Ms: round(percentile(times, 0.95)), rows: size };
  }

  const candidates = await measure('candidates for a vacancy', async () => (await bench.services.employment.candidates(ctx, target.id, { limit: 20 })).length);
  const bareSeekers = await measure(
    'bare: job seekers of the province',
    async () =>
      (
        await sql`select * from job_seeker where withdrawn_at is null and province_code = ${area.province_code} order by (district_code is not distinct from ${area.district_code}) desc, id limit ${MATCH_POOL}`.execute(
          db,
        )
      ).rows.length,
  );
  // The pool as the ranking reads it: the score's columns of the read model's rows, no score, no sort of the rows.
  const bareModel = await measure(
    'bare: the pool from the read model',
    async () =>
      (
        await sql`select * from (
          (select person_id, true as near, standards, course_units, desired_occupations, priority_groups, min_wage_satang from seeker_match
            where active and province_code = ${area.province_code} and district_code = ${area.district_code} order by person_id limit ${MATCH_POOL})
          union all
          (select person_id, false, standards, course_units, desired_occupations, priority_groups, min_wage_satang from seeker_match
            where active and province_code = ${area.province_code} and district_code is distinct from ${area.district_code} order by person_id limit ${MATCH_POOL})
        ) pool limit ${MATCH_POOL}`.execute(db)
      ).rows.length,
  );
  const forPerson = await measure(
    'vacancies for a person',
    async () => (await bench.services.employment.vacanciesFor(ctx, Number(person.person_id), 20)).length,
  );
  const bareVacancies = await measure(
    'bare: open vacancies of the province',
    async () =>
      (
        await sql`select * from vacancy where status = 'published' and closes_on >= current_date and opens_on <= current_date and (province_code = ${area.province_code} or remote or kind = 'home-based') order by id limit ${MATCH_POOL}`.execute(
          db,
        )
      ).rows.length,
  );
  await db.deleteFrom('vacancy').where('id', '=', target.id).execute();
  await bench.close();

  if (candidates.rows === 0 || forPerson.rows === 0) throw new Error('Matching found nothing: the figures would mean nothing');
  return report(
    args,
    'employment',
    { vacancies, runs, fillSeconds, refreshSeconds, pool: MATCH_POOL, candidates, bareSeekers, bareModel, forPerson, bareVacancies },
    `employment ${args.engine} ${n(args.people)} people, ${n(vacancies)} vacancies: vacancy→candidates p95 ${candidates.p95Ms} ms (bare pool ${bareSeekers.p95Ms} ms, ${n(bareSeekers.rows)} seekers; from the read model ${bareModel.p95Ms} ms)` +
      ` · person→vacancies p95 ${forPerson.p95Ms} ms (bare pool ${bareVacancies.p95Ms} ms, ${n(bareVacancies.rows)} vacancies)`,
  );
}

runWhenMain(import.meta.url, main);
