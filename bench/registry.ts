/**
 * `npm run bench:registry -- --people 1000000 [--engine postgresql|pglite] [--seconds 10]`
 *
 * Measures, on a fresh database of N synthetic people:
 * - import: the registry import (upload, then the commit job with full validation) in rows/s,
 *   beside PostgreSQL's own COPY of the same file into a bare table of text columns (the limit);
 * - lookup: authenticated GET /api/people?q=<national ID> under load (autocannon, loopback),
 *   beside a bare Fastify route doing the same lookup through `pg` (the limit);
 * - search: Thai and English name searches, top 20, through HTTP, p50 and p95.
 * Prints one summary line and writes JSON to bench/results/.
 */
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { buildApp, createServices } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openPGlite, openPostgres, type Database } from '../src/server/db/engine';
import { migrate } from '../src/server/db/migrator';
import { hashPassword } from '../src/server/platform/auth/passwords';
import { loadReferenceData } from '../src/server/reference-data';
import { duplicateCandidates } from '../src/server/modules/registry/registry.repository';
import { generatePeople, peopleCsv, type SynthPerson } from './synth/people';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    engine: { type: 'string', default: 'postgresql' },
    seconds: { type: 'string', default: '10' },
    url: { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const N = Number(values.people);
const engine = values.engine as 'postgresql' | 'pglite';
const seconds = Number(values.seconds);
const DB_NAME = 'archeep_bench';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function freshDatabase(): Promise<{ database: Database; url: string | null }> {
  if (engine === 'pglite') return { database: await openPGlite(null), url: null };
  const admin = new pg.Client(values.url);
  await admin.connect();
  await admin.query(`drop database if exists ${DB_NAME} with (force)`);
  await admin.query(`create database ${DB_NAME} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`);
  await admin.end();
  const url = new URL(values.url);
  url.pathname = `/${DB_NAME}`;
  return { database: await openPostgres(url.toString()), url: url.toString() };
}

console.error(`Generating ${N.toLocaleString()} people…`);
const people: SynthPerson[] = [...generatePeople(N, { seed: 42 })];
const csv = Buffer.from(peopleCsv(people, { header: 'th' }));
const columnCount = csv.subarray(0, csv.indexOf(10)).toString().split(',').length;
const { database, url } = await freshDatabase();
await migrate(database);
const config = loadConfig({ LOG_LEVEL: 'silent' });
const services = createServices(database, config);
await loadReferenceData(database, services);

// An officer at a headquarters unit imports (nationwide); an executive reads.
const passwordHash = await hashPassword('bench password 1234');
const users = await database.db
  .insertInto('app_user')
  .values([
    { username: 'bench.officer', display_name: 'Bench officer', password_hash: passwordHash, must_change_password: false },
    { username: 'bench.executive', display_name: 'Bench executive', password_hash: passwordHash, must_change_password: false },
  ])
  .returning('id')
  .execute();
await database.db.insertInto('role_assignment').values([{ user_id: users[0]!.id, role: 'officer', unit_code: 'DWF-HQ' }, { user_id: users[1]!.id, role: 'executive', unit_code: null }]).execute();
const officer = (await services.identity.loadActor(users[0]!.id))!;
const ctx = { actor: officer, requestId: 'bench' };

// ------------------------------------------------------------------ import
services.jobs.start();
console.error('Importing…');
let t = performance.now();
const uploaded = await services.imports.upload(ctx, { kind: 'people', fileName: 'bench.csv', bytes: csv });
const uploadMs = performance.now() - t;
t = performance.now();
await services.imports.commit(ctx, uploaded.id);
await services.jobs.drain();
const commitMs = performance.now() - t;
const imported = await services.imports.get(ctx, uploaded.id);
if (imported.result?.inserted !== N) throw new Error(`Expected ${N} inserted, got ${JSON.stringify(imported.result)}`);
// Measure the steady state, not autovacuum catching up with a million new rows.
await sql`vacuum (analyze) person`.execute(database.db);

let copyMs: number | null = null;
if (url) {
  const client = new pg.Client(url);
  await client.connect();
  await client.query(`create unlogged table if not exists bench_copy (${Array.from({ length: columnCount }, (_, i) => `c${i} text`).join(', ')})`);
  await client.query('truncate bench_copy');
  t = performance.now();
  await pipeline(Readable.from([csv]), client.query(copyFrom(`copy bench_copy from stdin with (format csv, header true)`)));
  copyMs = performance.now() - t;
  await client.query('drop table bench_copy');
  await client.end();
}

// ------------------------------------------------------------------ lookup and search over HTTP
const app = await buildApp({ database, config, services });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const signIn = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench.executive', password: 'bench password 1234' }) });
const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;

// 1,000 different people, asked for in turn; the load runs in a worker thread so the server's
// own thread is not shared with the load generator.
const ids = Array.from({ length: 1000 }, (_, i) => people[(i * 104_729) % people.length]!.id_number);
const load = (target: string, path: (id: string) => string, headers: Record<string, string>, connections = 8) =>
  autocannon({
    url: target,
    connections,
    workers: 1,
    duration: seconds,
    headers,
    requests: ids.map((id) => ({ method: 'GET' as const, path: path(id) })),
  });
console.error('Lookup under load…');
const lookup = await load(base, (id) => `/api/people?q=${id}&limit=1`, { cookie });
// One officer at a time: the latency a person at a counter sees, without queueing behind others.
const lookupOne = await load(base, (id) => `/api/people?q=${id}&limit=1`, { cookie }, 1);

let bare: autocannon.Result | null = null;
if (url) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const bareApp = Fastify();
  bareApp.get<{ Params: { id: string } }>('/person/:id', async (request) => (await pool.query('select * from person where doc_number = $1', [request.params.id])).rows[0] ?? null);
  await bareApp.listen({ port: 0, host: '127.0.0.1' });
  bare = await load(`http://127.0.0.1:${(bareApp.server.address() as AddressInfo).port}`, (id) => `/person/${id}`, {});
  await bareApp.close();
  await pool.end();
}

console.error('Name search…');
const queries: string[] = [];
for (let i = 0; i < 300; i++) {
  const p = people[(i * 7919) % people.length]!;
  const kind = i % 5;
  queries.push(kind === 0 ? p.first_name_th : kind === 1 ? p.first_name_th.slice(0, 3) : kind === 2 ? `${p.first_name_th} ${p.last_name_th.slice(0, 3)}` : kind === 3 ? p.last_name_th.slice(0, 4) : p.first_name_en || p.last_name_th.slice(2, 6));
}
const searchTimes: number[] = [];
for (const [i, q] of queries.entries()) {
  const started = performance.now();
  const response = await fetch(`${base}/api/people?q=${encodeURIComponent(q)}&limit=20`, { headers: { cookie } });
  await response.json();
  if (i >= 20) searchTimes.push(performance.now() - started); // the first ones warm the caches
}
searchTimes.sort((a, b) => a - b);

console.error('Duplicate review…');
const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  await work();
  return Math.round(performance.now() - started);
};
const duplicates = {
  nationwideMs: await timed(() => duplicateCandidates(database.db, null, 50)),
  khonKaenMs: await timed(() => duplicateCandidates(database.db, ['40'], 50)),
  onePersonMs: await timed(() => duplicateCandidates(database.db, null, 50, 1234)),
};

await app.close();
await services.jobs.stop();
await database.close();

const result = {
  benchmark: 'registry',
  engine,
  people: N,
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  at: new Date().toISOString(),
  import: {
    uploadMs: Math.round(uploadMs),
    commitMs: Math.round(commitMs),
    rowsPerSecond: Math.round(N / (commitMs / 1000)),
    rowsPerSecondWithUpload: Math.round(N / ((commitMs + uploadMs) / 1000)),
    copyRowsPerSecond: copyMs ? Math.round(N / (copyMs / 1000)) : null,
    ratioToCopy: copyMs ? round(copyMs / commitMs, 3) : null,
  },
  lookup: {
    requestsPerSecond: Math.round(lookup.requests.average),
    p50Ms: lookup.latency.p50,
    p99Ms: lookup.latency.p99,
    errors: lookup.errors + lookup.non2xx,
    oneConnection: { requestsPerSecond: Math.round(lookupOne.requests.average), p50Ms: lookupOne.latency.p50, p99Ms: lookupOne.latency.p99 },
    bare: bare ? { requestsPerSecond: Math.round(bare.requests.average), p50Ms: bare.latency.p50, p99Ms: bare.latency.p99 } : null,
    ratioToBare: bare ? round(lookup.requests.average / bare.requests.average, 2) : null,
  },
  duplicates,
  search: { queries: searchTimes.length, p50Ms: round(percentile(searchTimes, 0.5)), p95Ms: round(percentile(searchTimes, 0.95)), maxMs: round(searchTimes[searchTimes.length - 1]!) },
};
writeFileSync(new URL(`./results/registry-${engine}-${N}.json`, import.meta.url), JSON.stringify(result, null, 2) + '\n');
console.log(
  `registry ${engine} ${N.toLocaleString()} people: import ${result.import.rowsPerSecond.toLocaleString()} rows/s` +
    (copyMs ? ` (COPY ${result.import.copyRowsPerSecond!.toLocaleString()} rows/s, ratio ${result.import.ratioToCopy})` : '') +
    ` · lookup ${result.lookup.requestsPerSecond.toLocaleString()} req/s p50 ${result.lookup.p50Ms} ms p99 ${result.lookup.p99Ms} ms (8 connections;` +
    ` 1 connection: p99 ${result.lookup.oneConnection.p99Ms} ms)` +
    (bare ? ` (bare ${result.lookup.bare!.requestsPerSecond.toLocaleString()} req/s, ratio ${result.lookup.ratioToBare})` : '') +
    ` · name search p50 ${result.search.p50Ms} ms p95 ${result.search.p95Ms} ms` +
    ` · duplicates nationwide ${duplicates.nationwideMs} ms, Khon Kaen ${duplicates.khonKaenMs} ms, one person ${duplicates.onePersonMs} ms`,
);
