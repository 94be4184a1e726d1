/**
 * `npm run bench` — the set at a size that finishes within 15 minutes on a 2-core machine:
 * the signing core (credentials signed and verified per second), then import, lookup, search,
 * enrolment under load (on PostgreSQL beside the same transactions unaudited, with the audit
 * seal's lag) and bulk certificates (signed, rendered, verified) at 1,000,000 people on
 * PostgreSQL and at 100,000 on PGlite.
 *
 * `npm run bench:curve [-- --sizes 100000,1000000,5000000]` — the scaling curve on PostgreSQL:
 * at each size, the import of the last million people (all of them below a million) into a
 * registry holding the rest, lookups and name search; then a table of how cost grows.
 *
 * Each benchmark runs in its own process, one after another; each prints its summary line and
 * writes its JSON to bench/results/. `--curve --table` prints the curve's table from results already
 * there. Extra options (`--url`, `--seconds`, `--results`) pass through.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const { values, tokens } = parseArgs({
  options: {
    curve: { type: 'boolean', default: false },
    table: { type: 'boolean', default: false },
    sizes: { type: 'string', default: '100000,1000000,5000000' },
    results: { type: 'string' },
  },
  strict: false,
  tokens: true,
});
// Options this script does not know go to every benchmark.
const passThrough = (tokens ?? []).flatMap((t) =>
  t.kind === 'option' && !['curve', 'table', 'sizes'].includes(t.name) ? [t.rawName, ...(t.value !== undefined ? [t.value] : [])] : [],
);
const results = (values.results as string | undefined) ?? process.env.BENCH_RESULTS_DIR ?? path.join(HERE, 'results');

function run(name: 'import' | 'lookup' | 'search' | 'enrolment' | 'certificates' | 'vc' | 'employment' | 'funding', args: string[]) {
  const started = performance.now();
  // The signing core has no database, people or load: of the pass-through options only --results applies.
  const extra = name === 'vc' ? ['--results', results] : passThrough;
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(HERE, `${name}.ts`), ...args, ...extra], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (child.status !== 0) throw new Error(`bench/${name}.ts ${args.join(' ')} failed (exit ${child.status})`);
  process.stderr.write(`  (${name} took ${Math.round((performance.now() - started) / 1000)} s)\n`);
}

const started = performance.now();
if (!values.curve) {
  // Signing and verifying alone, without a database: the ceiling the certificates benchmark shares.
  run('vc', ['--count', '1000']);
  for (const [engine, people, seconds] of [
    ['postgresql', 1_000_000, 15],
    ['pglite', 100_000, 10],
  ] as const) {
    run('import', ['--engine', engine, '--people', String(people)]);
    run('lookup', ['--engine', engine, '--people', String(people), '--seconds', String(seconds)]);
    run('search', ['--engine', engine, '--people', String(people)]);
    run('enrolment', ['--engine', engine, '--people', String(people), ...(engine === 'pglite' ? ['--sessions', '3'] : [])]);
    run('certificates', ['--engine', engine, '--people', String(people), ...(engine === 'pglite' ? ['--completed', '500', '--pdfs', '100'] : [])]);
    // Matching: one vacancy against every person as a job seeker, one person against 100,000 vacancies (10,000 on PGlite).
    run('employment', ['--engine', engine, '--people', String(people), '--vacancies', String(engine === 'pglite' ? 10_000 : 100_000)]);
    // The revolving fund: 10,000 loans with their history (1,000 on PGlite), its own database without people.
    run('funding', [
      '--engine',
      engine,
      '--people',
      '0',
      ...(engine === 'pglite' ? ['--loans', '1000', '--rows', '200'] : ['--loans', '10000', '--rows', '2000']),
    ]);
  }
} else {
  const sizes = String(values.sizes).split(',').map(Number);
  // `--table` only prints the table of results already in bench/results/.
  for (const size of values.table ? [] : sizes) {
    run('import', ['--people', String(size), '--file', String(Math.min(size, 1_000_000))]);
    run('lookup', ['--people', String(size), '--seconds', '15']);
    run('search', ['--people', String(size)]);
  }
  const read = (name: string, size: number) => JSON.parse(readFileSync(path.join(results, `${name}-postgresql-${size}.json`), 'utf8'));
  const rows = sizes.map((size) => {
    const [i, l, s] = [read('import', size), read('lookup', size), read('search', size)];
    return `| ${size.toLocaleString('en')} | ${i.file.rows.toLocaleString('en')} into ${i.existingPeople.toLocaleString('en')}: ${i.rowsPerSecond.toLocaleString('en')} rows/s (${i.ratioToCopy} of COPY) | ${Math.round(size / i.rowsPerSecond)} s | ${l.api.requestsPerSecond.toLocaleString('en')} req/s, p99 ${l.api.p99Ms} ms (${l.ratioToBare} of bare) | ${l.oneConnection.p99Ms} ms | ${s.search.p50Ms} / ${s.search.p95Ms} ms | ${s.duplicates.nationwideMs.toLocaleString('en')} ms |`;
  });
  process.stdout.write(
    '\n| people | import (rate, ratio to COPY) | time to import them all at that rate | lookup, 8 connections (ratio to bare route) | lookup p99, 1 connection | search p50 / p95 | duplicate review, country |\n|---|---|---|---|---|---|---|\n' +
      rows.join('\n') +
      '\n',
  );
}
process.stderr.write(`All done in ${Math.round((performance.now() - started) / 1000)} s\n`);
