/**
 * A few thousand rows through each benchmark, on each engine, so the harness never rots: the
 * large runs are `npm run bench` and `npm run bench:curve`, outside CI. Figures here are only
 * checked for being there and sane, never against goals (timing is not a test).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/helpers/database';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PEOPLE = 3_000;
const results = mkdtempSync(path.join(os.tmpdir(), 'archeep-bench-'));
afterAll(() => rmSync(results, { recursive: true, force: true }));

async function bench(name: string, engine: string, extra: string[] = []) {
  const args = [
    '--import',
    'tsx',
    path.join(HERE, `${name}.ts`),
    '--engine',
    engine,
    '--people',
    String(PEOPLE),
    '--seconds',
    '1',
    '--results',
    results,
    ...extra,
  ];
  if (engine === 'postgresql')
    args.push('--url', process.env.TEST_DATABASE_URL!, '--database-name', `archeep_smoke_${name}_${process.pid}`, '--fresh', '--drop');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code, stderr).toBe(0);
  return { line: stdout.trim(), json: JSON.parse(readFileSync(path.join(results, `${name}-${engine}-${PEOPLE}.json`), 'utf8')) };
}

describe.each(ENGINES)('benchmarks, smoke run on %s', (engine) => {
  it('imports a file with full validation, beside COPY on PostgreSQL', async () => {
    const { line, json } = await bench('import', engine, ['--file', '2000']);
    expect(line).toMatch(new RegExp(`^import ${engine} 2,000 rows into 1,000: [\\d,]+ rows/s`));
    expect(json).toMatchObject({ benchmark: 'import', engine, people: PEOPLE, existingPeople: 1000, file: { rows: 2000 } });
    expect(json.rowsPerSecond).toBeGreaterThan(0);
    if (engine === 'postgresql') expect(json.ratioToCopy).toBeGreaterThan(0);
  });

  it('looks people up by document under load, beside the bare route', async () => {
    const { line, json } = await bench('lookup', engine);
    expect(line).toMatch(new RegExp(`^lookup ${engine} 3,000 people: [\\d,]+ req/s`));
    for (const run of [json.api, json.oneConnection, json.bare]) {
      expect(run.requests).toBeGreaterThan(0);
      expect(run.errors).toBe(0);
    }
    expect(json.ratioToBare).toBeGreaterThan(0);
  });

  it('searches names and reviews duplicates', async () => {
    const { line, json } = await bench('search', engine);
    expect(line).toMatch(new RegExp(`^search ${engine} 3,000 people: name search top 20 p50 [\\d.]+ ms p95 [\\d.]+ ms \\(300 queries\\)`));
    expect(json.search.p95Ms).toBeGreaterThanOrEqual(json.search.p50Ms);
    expect(json.duplicates.nationwideMs).toBeGreaterThanOrEqual(0);
  });

  it('applies 600 people to each 500-seat session under load; every session ends 500 + 100', async () => {
    const { line, json } = await bench('enrolment', engine, ['--sessions', '2', '--rounds', '1']);
    expect(line).toMatch(new RegExp(`^enrolment ${engine} 3,000 people: [\\d,]+ applications/s .*every session 500 enrolled \\+ 100 waitlisted`));
    expect(json.load).toMatchObject({ requests: 1200, errors: 0 });
    if (engine === 'postgresql') expect(json.runs.map((r: { variant: string }) => r.variant)).toEqual(['audited', 'unaudited']);
    // On PostgreSQL it runs twice (audited, then unaudited in a second process).
  }, 180_000);

  it('issues a session’s certificates as a job, signed, renders them as PDF and verifies them', async () => {
    const { line, json } = await bench('certificates', engine, ['--completed', '60', '--pdfs', '5']);
    expect(line).toMatch(
      new RegExp(`^certificates ${engine} 3,000 people: issued and signed [\\d,]+/s \\(60 as one job\\) · PDF [\\d,.]+/s .* · verified [\\d,.]+/s`),
    );
    expect(json.issuedPerSecond).toBeGreaterThan(0);
    expect(json.averagePdfBytes).toBeGreaterThan(5000);
    expect(json).toMatchObject({ signed: true, verified: 5 });
    expect(json.verifiedPerSecond).toBeGreaterThan(0);
  });
});

describe('benchmarks, smoke run of the signing core', () => {
  it('signs and verifies Open Badges, each report agreeing with its revocation bit', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'vc.ts'), '--count', '20', '--results', results], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    expect(await new Promise<number | null>((resolve) => child.on('close', resolve)), stderr).toBe(0);
    expect(stdout.trim()).toMatch(/^vc: signed [\d,.]+\/s · verified [\d,.]+\/s \(20 credentials, eddsa-rdfc-2022/);
  });
});
