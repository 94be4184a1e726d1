/**
 * What every benchmark shares: its arguments, a database of N synthetic people on either engine,
 * the bench users, the server, a load generator in its own process, and the result file with its
 * one summary line.
 *
 * Read benchmarks (lookup, search) reuse a PostgreSQL database already filled with the same
 * people (`archeep_bench_<N>_s<seed>`, checked against the schema version) unless `--fresh`; the
 * import benchmark always starts from an empty registry.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp, createServices, type Services } from '../../src/server/app';
import { loadConfig, type Config } from '../../src/server/config';
import { openPGlite, openPostgres, type Database } from '../../src/server/db/engine';
import { migrate, readMigrations, schemaVersion } from '../../src/server/db/migrator';
import { hashPassword } from '../../src/server/platform/auth/passwords';
import { loadReferenceData } from '../../src/server/reference-data';
import { fillDatabase } from '../synth/fill';
import { generatePeople, type SynthPerson } from '../synth/people';

export type Engine = 'postgresql' | 'pglite';

export interface BenchArgs {
  people: number;
  engine: Engine;
  seconds: number;
  seed: number;
  /** PostgreSQL server to create bench databases on (its own database is only used to create them). */
  url: string;
  /** Database name instead of the default one (tests use their own). */
  databaseName: string | null;
  fresh: boolean;
  /** Drop the database afterwards (smoke runs). */
  drop: boolean;
  /** Where result JSON goes. */
  results: string;
  /**
   * PGlite: open this data folder instead of an in-memory database, e.g. a copy of a migrated one
   * holding the reference data (the smoke runs start from the test suite's template).
   */
  dataDir: string | null;
  /** PostgreSQL: create the database from this template instead of template0 (the smoke runs). */
  template: string | null;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const BENCH_PASSWORD = 'bench password 1234';

/** A benchmark's refusal of its options or a wrong answer: the command ends with exit code 2 and the message. */
export class BenchFailure extends Error {}

export function fail(message: string): never {
  throw new BenchFailure(message);
}

/** Where benchmarks say what they are doing: stderr, or what `setProgress` gave (the smoke test keeps it for a failure). */
let progressSink: (message: string) => void = (message) => void process.stderr.write(`${message}\n`);
export const progress = (message: string) => progressSink(message);
export function setProgress(sink: (message: string) => void) {
  const before = progressSink;
  progressSink = sink;
  return () => void (progressSink = before);
}

/**
 * Each benchmark is a `main(argv)` answering its summary line, so that the smoke test runs them all
 * in its own process (one start-up for all of them). Run as a command (`tsx bench/<name>.ts …`),
 * this calls it with the command line, prints the line, and ends with 2 on a `fail` and 1 on any
 * other error.
 */
export function runWhenMain(moduleUrl: string, main: (argv: string[]) => Promise<string>): void {
  const script = process.argv[1];
  if (!script || pathToFileURL(realpathSync(path.resolve(script))).href !== moduleUrl) return;
  main(process.argv.slice(2)).then(
    (line) => void process.stdout.write(`${line}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof BenchFailure ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(error instanceof BenchFailure ? 2 : 1);
    },
  );
}

/** The common options, plus the benchmark's own. */
export function benchArgs<T extends Record<string, { type: 'string' | 'boolean'; default?: string | boolean }>>(own: T, argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        people: { type: 'string', default: '100000' },
        engine: { type: 'string', default: 'postgresql' },
        seconds: { type: 'string', default: '10' },
        seed: { type: 'string', default: '42' },
        url: { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
        'database-name': { type: 'string' },
        fresh: { type: 'boolean', default: false },
        drop: { type: 'boolean', default: false },
        results: { type: 'string', default: process.env.BENCH_RESULTS_DIR ?? path.join(HERE, '..', 'results') },
        'data-dir': { type: 'string' },
        template: { type: 'string' },
        ...own,
      },
    });
  } catch (error) {
    fail((error as Error).message);
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  const whole = (name: string) => {
    const n = Number(v[name]);
    if (!Number.isSafeInteger(n) || n < 0) fail(`--${name} must be a whole number ≥ 0`);
    return n;
  };
  if (v.engine !== 'postgresql' && v.engine !== 'pglite') fail('--engine must be postgresql or pglite');
  const args: BenchArgs = {
    people: whole('people'),
    engine: v.engine,
    seconds: whole('seconds'),
    seed: whole('seed'),
    url: String(v.url),
    databaseName: (v['database-name'] as string | undefined) ?? null,
    fresh: Boolean(v.fresh),
    drop: Boolean(v.drop),
    results: String(v.results),
    dataDir: (v['data-dir'] as string | undefined) ?? null,
    template: (v.template as string | undefined) ?? null,
  };
  if (args.template !== null && !/^[a-z_][a-z0-9_]*$/.test(args.template)) fail(`Not a plain database name: ${args.template}`);
  return { args, own: v as { [K in keyof T]: T[K]['type'] extends 'boolean' ? boolean : string | undefined } };
}

export interface BenchDatabase {
  database: Database;
  /** The PostgreSQL URL of the bench database; null on PGlite. */
  url: string | null;
  config: Config;
  services: Services;
  /** Seconds spent filling it in this run (0 when reused). */
  fillSeconds: number;
  close(): Promise<void>;
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function adminQuery(url: string, statements: string[]) {
  const admin = new pg.Client(url);
  await admin.connect();
  try {
    for (const s of statements) await admin.query(s);
  } finally {
    await admin.end();
  }
}

async function databaseExists(url: string, name: string) {
  const admin = new pg.Client(url);
  await admin.connect();
  try {
    return (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  } finally {
    await admin.end();
  }
}

/**
 * A migrated database with reference data and the bench users; `fill` people written directly
 * (bench/synth/fill.ts). `purpose` names the PostgreSQL database; a 'read' database holding the
 * same fill is reused.
 */
export async function benchDatabase(args: BenchArgs, options: { purpose: 'read' | 'import'; fill: number }): Promise<BenchDatabase> {
  // The audit trail's checkpoints go to a scratch folder, not beside the project's own data.
  const config = loadConfig({ LOG_LEVEL: 'silent', AUDIT_CHECKPOINT_DIR: path.join(os.tmpdir(), `archeep-bench-audit-${args.engine}-s${args.seed}`) });
  let database: Database | undefined;
  let url: string | null = null;
  let reuse = false;
  if (args.engine === 'pglite') {
    database = await openPGlite(args.dataDir);
  } else {
    const name = args.databaseName ?? (options.purpose === 'read' ? `archeep_bench_${options.fill}_s${args.seed}` : 'archeep_bench_import');
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) fail(`Not a plain database name: ${name}`);
    url = withDatabase(args.url, name);
    if (options.purpose === 'read' && !args.fresh && (await databaseExists(args.url, name))) {
      database = await openPostgres(url);
      reuse = await isFilled(database, options.fill, args.seed);
      if (!reuse) await database.close();
    }
    if (!reuse) {
      await adminQuery(args.url, [
        `drop database if exists ${name} with (force)`,
        args.template
          ? `create database ${name} template ${args.template}`
          : `create database ${name} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`,
      ]);
      database = await openPostgres(url);
    }
  }
  if (!database) throw new Error('unreachable: every engine opens a database');
  // A template is migrated already: this then finds nothing to do, as does the reference data.
  if (!reuse) await migrate(database);
  const services = createServices(database, config);
  let fillSeconds = 0;
  if (!reuse) {
    await loadReferenceData(database, services);
    await ensureUsers(database);
    if (options.fill > 0) {
      progress(`Filling ${options.fill.toLocaleString('en')} people (${args.engine})…`);
      fillSeconds = (await fillDatabase(database, { people: options.fill, seed: args.seed })).seconds;
    }
    await sql`create table bench_fill (people int8 not null, seed int8 not null, schema_version int not null)`.execute(database.db);
    await sql`insert into bench_fill values (${options.fill}, ${args.seed}, ${await schemaVersion(database)})`.execute(database.db);
    // Measure the steady state, not autovacuum catching up with the new rows.
    if (database.engine === 'postgresql') await sql`vacuum (analyze)`.execute(database.db);
  }
  const dbName = url ? new URL(url).pathname.slice(1) : null;
  return {
    database,
    url,
    config,
    services,
    fillSeconds,
    async close() {
      await services.jobs.stop();
      await services.signingPool.close();
      await database.close();
      if (args.drop && dbName) await adminQuery(args.url, [`drop database if exists ${dbName} with (force)`]);
    },
  };
}

async function isFilled(database: Database, people: number, seed: number) {
  try {
    const { rows } = await sql<{ people: number; seed: number; schema_version: number }>`select people, seed, schema_version from bench_fill`.execute(
      database.db,
    );
    // Filled at the schema this code migrates to: a database from before a new migration is refilled.
    const latest = Math.max(...readMigrations().map((m) => m.version));
    return (
      rows.length === 1 &&
      Number(rows[0]!.people) === people &&
      Number(rows[0]!.seed) === seed &&
      rows[0]!.schema_version === latest &&
      (await schemaVersion(database)) === latest
    );
  } catch {
    return false; // no bench_fill table: not a finished fill
  }
}

/** An officer of a headquarters unit (nationwide) who imports, and an executive who reads. */
async function ensureUsers(database: Database) {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const users = await database.db
    .insertInto('app_user')
    .values([
      { username: 'bench.officer', display_name: 'Bench officer', password_hash: passwordHash, must_change_password: false },
      { username: 'bench.executive', display_name: 'Bench executive', password_hash: passwordHash, must_change_password: false },
    ])
    .returning('id')
    .execute();
  await database.db
    .insertInto('role_assignment')
    .values([
      { user_id: users[0]!.id, role: 'officer', unit_code: 'DWF-HQ' },
      { user_id: users[1]!.id, role: 'executive', unit_code: null },
    ])
    .execute();
}

export async function benchActor(bench: BenchDatabase, username: 'bench.officer' | 'bench.executive') {
  const user = await bench.database.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return (await bench.services.identity.loadActor(user.id))!;
}

/** The real server on a loopback port, and a signed-in session cookie. */
export async function startServer(
  bench: BenchDatabase,
  username: 'bench.officer' | 'bench.executive',
): Promise<{ app: FastifyInstance; base: string; cookie: string }> {
  const app = await buildApp({ database: bench.database, config: bench.config, services: bench.services });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!response.ok || !cookie) throw new Error(`Bench sign-in failed: ${response.status} ${await response.text()}`);
  return { app, base, cookie };
}

/** People of the fill by index, spread over it (the same people for the same N and seed). */
export function samplePeople(args: BenchArgs, fill: number, count: number, stride = 104_729): SynthPerson[] {
  return Array.from({ length: Math.min(count, fill) }, (_, k) => [...generatePeople(1, { seed: args.seed, start: (k * stride) % fill })][0]!);
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  /** How long the run took. */
  seconds: number;
}

/**
 * HTTP load from a separate process (autocannon, loopback, bounded by `seconds`): a load
 * generator in the server's own process takes CPU the server would otherwise have.
 */
export interface LoadOptions {
  url: string;
  paths: string[];
  /** Requests sent once each, instead of GETs of `paths` for `seconds`. */
  requests?: { method: 'POST' | 'PUT' | 'GET'; path: string; body?: string; headers?: Record<string, string> }[];
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'load.ts')], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end(JSON.stringify(options));
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => progress(String(chunk).trimEnd()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`The load generator failed (exit ${code})`);
  return JSON.parse(out) as LoadResult;
}

export const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
export const timed = async <T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
};

export function machine() {
  return { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
}

/** Writes `<results>/<name>-<engine>-<N>.json` and answers the summary line (`runWhenMain` prints it). */
export function report(args: BenchArgs, name: string, result: Record<string, unknown>, summary: string): string {
  mkdirSync(args.results, { recursive: true });
  const file = path.join(args.results, `${name}-${args.engine}-${args.people}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      { benchmark: name, engine: args.engine, people: args.people, seed: args.seed, at: new Date().toISOString(), machine: machine(), ...result },
      null,
      2,
    ) + '\n',
  );
  return summary;
}

export const n = (x: number) => Math.round(x).toLocaleString('en');
