/**
 * The smallest sizes that still take each benchmark through all of its path, on each engine, so
 * the harness never rots: the large runs are `npm run bench` and `npm run bench:curve`, outside
 * CI. Figures here are only checked for being there and sane, never against goals (timing is not
 * a test); answers (imported rows, seats taken, duplicates found, certificates verified) are
 * checked exactly. Each run starts from a copy of the test suite's migrated template instead of
 * migrating and loading reference data again.
 *
 * The benchmarks run in this process, through the `main(argv)` their commands call with the
 * command line (`runWhenMain`, bench/lib/harness.ts), with the same arguments: a process per
 * benchmark paid Node's start-up, tsx and the import of the whole server eight times, most of this
 * file's time. What must be a process of its own still is one: the load generator, and the
 * enrolment's unaudited run (a module hook), which also runs its command's own entry.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ENGINES, pgliteDataDir } from '../test/helpers/database';
import { createPostgresTemplate } from '../test/helpers/postgres-template';
import { main as certificates } from './certificates';
import { main as employment } from './employment';
import { main as enrolment } from './enrolment';
import { main as enterprise } from './enterprise';
import { main as funding } from './funding';
import { main as importBenchmark } from './import';
import { setProgress } from './lib/harness';
import { main as lookup } from './lookup';
import { main as marketplace } from './marketplace';
import { main as search } from './search';
import { main as vc } from './vc';

const BENCHMARKS = { import: importBenchmark, employment, lookup, search, enterprise, funding, marketplace, enrolment, certificates, vc };

/** Enough for every benchmark's smallest run (the enrolment's 120 applicants, the search's 60 people). */
const PEOPLE = 200;
const results = mkdtempSync(path.join(os.tmpdir(), 'archeep-bench-'));
afterAll(() => rmSync(results, { recursive: true, force: true }));

/** Runs a benchmark with these arguments; what it says on the way is kept for the failure's message. */
async function run(name: keyof typeof BENCHMARKS, args: string[]): Promise<string> {
  const said: string[] = [];
  const restore = setProgress((message) => said.push(message));
  try {
    return await BENCHMARKS[name](args);
  } catch (error) {
    throw new Error(`${name} failed: ${error instanceof Error ? error.message : String(error)}\n${said.join('\n')}`, { cause: error });
  } finally {
    restore();
  }
}

async function bench(name: Exclude<keyof typeof BENCHMARKS, 'vc'>, engine: string, extra: string[] = []) {
  const args = ['--engine', engine, '--people', String(PEOPLE), '--seconds', '1', '--results', results, ...extra];
  const dataDir = engine === 'pglite' ? pgliteDataDir() : null;
  if (dataDir) args.push('--data-dir', dataDir);
  if (engine === 'postgresql') {
    const url = process.env.TEST_DATABASE_URL!;
    const template = await createPostgresTemplate(url, inject('testRun'));
    args.push('--url', url, '--template', template, '--database-name', `archeep_smoke_${name}_${process.pid}`, '--fresh', '--drop');
  }
  try {
    const line = await run(name, args);
    return { line, json: JSON.parse(readFileSync(path.join(results, `${name}-${engine}-${PEOPLE}.json`), 'utf8')) };
  } finally {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Each benchmark runs once, on the engine it is for: PostgreSQL when the suite has one (CI), else
 * PGlite. Running every benchmark on both took a third of CI's test time on two cores; the
 * engines' own behaviour is what the API tests check on both.
 */
const SMOKE_ENGINES = ENGINES.includes('postgresql') ? (['postgresql'] as const) : (['pglite'] as const);

describe.each(SMOKE_ENGINES)('benchmarks, smoke run on %s', (engine) => {
  it('imports a file with full validation, beside COPY on PostgreSQL', async () => {
    // One batch of the import (5,000 rows) holds the whole file at any size this small.
    const { line, json } = await bench('import', engine, ['--file', '100']);
    expect(line).toMatch(new RegExp(`^import ${engine} 100 rows into 100: [\\d,]+ rows/s`));
    expect(json).toMatchObject({ benchmark: 'import', engine, people: PEOPLE, existingPeople: 100, file: { rows: 100 } });
    expect(json.rowsPerSecond).toBeGreaterThan(0);
    if (engine === 'postgresql') expect(json.ratioToCopy).toBeGreaterThan(0);
  });

  it('matches a vacancy to job seekers and a person to vacancies, beside the bare pool queries', async () => {
    const { line, json } = await bench('employment', engine, ['--vacancies', '300', '--runs', '3']);
    expect(line).toMatch(new RegExp(`^employment ${engine} 200 people, 300 vacancies: vacancy→candidates p95 [\\d.]+ ms`));
    expect(json.candidates.rows).toBeGreaterThan(0);
    expect(json.forPerson.rows).toBeGreaterThan(0);
    expect(json.bareVacancies.rows).toBeGreaterThan(0);
  });

  it('reads the fund dashboard and PAR by province and imports a statement, beside bare SQL', async () => {
    const { line, json } = await bench('funding', engine, ['--loans', '50', '--rows', '5', '--queries', '2']);
    expect(line).toMatch(new RegExp(`^funding ${engine} 50 loans \\([\\d,]+ payments\\): dashboard p95 [\\d.]+ ms`));
    expect(json).toMatchObject({ loans: 50, instalments: 1200, import: { rows: 5 } });
    expect(json.payments).toBeGreaterThan(0);
    expect(json.import.rowsPerSecond).toBeGreaterThan(0);
    expect(json.import.bareRowsPerSecond).toBeGreaterThan(0);
  });

  it('searches the public catalogue beside the bare SQL and renders product pages', async () => {
    // 100 listings, each kind of search once (the API and the SQL must find the same pages), two
    // pages rendered; no load (`--seconds 0`): the load generator is the lookup's, run above.
    const { line, json } = await bench('marketplace', engine, ['--listings', '100', '--queries', '1', '--pages', '2', '--seconds', '0']);
    expect(line).toMatch(new RegExp(`^marketplace ${engine} 100 listings: catalogue search p95 [\\d.]+ ms \\(SQL [\\d.]+ ms, 8 searches of 8 kinds\\)`));
    expect(json.search.bare.p95).toBeGreaterThan(0);
    expect(json.productPage).toMatchObject({ pages: 2, requests: 0 });
    expect(json.productPage.firstRender.p95).toBeGreaterThan(0);
  });

  it('looks people up by document under load, beside the bare route', async () => {
    const { line, json } = await bench('lookup', engine);
    expect(line).toMatch(new RegExp(`^lookup ${engine} 200 people: [\\d,]+ req/s`));
    for (const run of [json.api, json.oneConnection, json.bare]) {
      expect(run.requests).toBeGreaterThan(0);
      expect(run.errors).toBe(0);
    }
    expect(json.ratioToBare).toBeGreaterThan(0);
  });

  it('searches names and reviews duplicates', async () => {
    // Forty timed queries, eight of each kind, after the twenty that warm the caches.
    const { line, json } = await bench('search', engine, ['--queries', '40']);
    expect(line).toMatch(new RegExp(`^search ${engine} 200 people: name search top 20 p50 [\\d.]+ ms p95 [\\d.]+ ms \\(40 queries\\)`));
    expect(json.search.p95Ms).toBeGreaterThanOrEqual(json.search.p50Ms);
    expect(json.duplicates.nationwideMs).toBeGreaterThanOrEqual(0);
    // The review's answer: the people registered twice on purpose, and no one else.
    type Pair = [number, number];
    const { planted, found } = json.duplicates as {
      planted: { pair: Pair; provinceCode: string }[];
      found: { nationwide: Pair[]; khonKaen: Pair[]; onePerson: { personId: number; pairs: Pair[] } };
    };
    const sorted = (pairs: Pair[]) => [...pairs].sort((a, b) => a[0] - b[0]);
    expect(planted.length).toBeGreaterThanOrEqual(3);
    expect(planted.some((p) => p.provinceCode === '40')).toBe(true);
    expect(sorted(found.nationwide)).toEqual(sorted(planted.map((p) => p.pair)));
    expect(sorted(found.khonKaen)).toEqual(sorted(planted.filter((p) => p.provinceCode === '40').map((p) => p.pair)));
    expect(found.onePerson.pairs).toEqual(planted.filter((p) => p.pair.includes(found.onePerson.personId)).map((p) => p.pair));
    expect(found.onePerson.pairs).toHaveLength(1);
  });

  it('draws the One Tambon One Group funnel and late list for groups over the sub-districts, beside the bare queries', async () => {
    // 16 groups: two at each of the eight stages; the funnel and the late list are checked exactly.
    const { line, json } = await bench('enterprise', engine, ['--groups', '16', '--queries', '2']);
    expect(line).toMatch(new RegExp(`^enterprise ${engine} 16 groups in 16 sub-districts: funnel p95 [\\d.]+ ms`));
    expect(json.funnel.answer).toEqual([16, 14, 12, 10, 8, 6, 4, 2]);
    expect(json.late.total).toBe(4);
    expect(json.funnel.bare.p95).toBeGreaterThan(0);
  });

  it('applies 120 people to a 100-seat session under load; the session ends 100 + 20', async () => {
    // The smallest session there is; the invariant and the path are those of 500 seats. On
    // PostgreSQL it runs twice (audited, then unaudited in a second process).
    const { line, json } = await bench('enrolment', engine, ['--sessions', '1', '--seats', '100', '--rounds', '1']);
    expect(line).toMatch(new RegExp(`^enrolment ${engine} 200 people: [\\d,]+ applications/s .*every session 100 enrolled \\+ 20 waitlisted`));
    expect(json.load).toMatchObject({ requests: 120, errors: 0 });
    expect(json).toMatchObject({ sessions: 1, seats: 100, applicantsPerSession: 120 });
    if (engine === 'postgresql') expect(json.runs.map((r: { variant: string }) => r.variant)).toEqual(['audited', 'unaudited']);
  });

  it('issues a session’s certificates as a job, signed and unsigned, renders them as PDF and verifies them', async () => {
    // 30: more than one of the job's batches of 25; one round (a signed run, then an unsigned one).
    const { line, json } = await bench('certificates', engine, ['--completed', '30', '--pdfs', '2', '--rounds', '1']);
    expect(line).toMatch(
      new RegExp(
        `^certificates ${engine} 200 people: issued and signed [\\d,]+/s \\(30 as one job, \\d+ signing threads\\) · unsigned [\\d,]+/s, ratio [\\d.]+ \\(runs: S [\\d,]+, U [\\d,]+\\) · PDF [\\d,.]+/s .* · verified [\\d,.]+/s`,
      ),
    );
    expect(json.runs.map((r: { variant: string }) => r.variant)).toEqual(['signed', 'unsigned']);
    expect(json.issuedPerSecond).toBeGreaterThan(0);
    expect(json.unsignedPerSecond).toBeGreaterThan(0);
    expect(json.ratioToUnsigned).toBeGreaterThan(0);
    expect(json.signingThreads).toBeGreaterThanOrEqual(1);
    expect(json.averagePdfBytes).toBeGreaterThan(5000);
    expect(json).toMatchObject({ signed: true, verified: 2 });
    expect(json.verifiedPerSecond).toBeGreaterThan(0);
  });
});

describe('benchmarks, smoke run of the signing core', () => {
  it('signs and verifies Open Badges, each report agreeing with its revocation bit', async () => {
    // Ten: the tenth is the first the benchmark revokes.
    const line = await run('vc', ['--count', '10', '--results', results]);
    expect(line).toMatch(/^vc: signed [\d,.]+\/s · verified [\d,.]+\/s \(10 credentials, eddsa-rdfc-2022/);
  });
});
