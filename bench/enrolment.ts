/**
 * `npm run bench:enrolment -- --people N [--engine postgresql|pglite] [--sessions S] [--connections C] [--seats 100–500] [--rounds R] [--compare true|false]`
 *
 * Enrolment under load: S sessions of 500 seats (or --seats; the smoke test takes the smallest,
 * 100) open at once, and 600 different people (a fifth more than the seats) apply to each (an
 * officer's POST /api/training/sessions/:id/applications), S × 600 applications from a load
 * generator in its own process on C connections, interleaved across the sessions as people in
 * many provinces would apply. Afterwards every session must hold exactly 500 enrolled and 100
 * waitlisted, nobody twice: the figures mean nothing if the invariant broke under the load.
 * The sessions and their enrolments are removed again, so the registry is left as filled.
 *
 * Side by side (`--compare`, on by default on PostgreSQL): the same run with `recordAudit`
 * recording nothing, in a second process (`bench/lib/unaudited.ts`), as the limit the audited
 * rate is measured against; R rounds alternate the two, so that what else the machine does falls
 * on both. While each run is under load, `pg_stat_activity` is sampled every 0.25 s (where the
 * backends wait), and in the audited runs the seal's lag (the oldest committed event not yet
 * sealed), then how long the sealer takes to catch up once the load stops.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import {
  benchActor,
  benchArgs,
  progress,
  runWhenMain,
  benchDatabase,
  fail,
  n,
  report,
  round,
  runLoad,
  startServer,
  type BenchDatabase,
  type LoadResult,
} from './lib/harness';

export async function main(argv: string[]): Promise<string> {
  const HERE = path.dirname(fileURLToPath(import.meta.url));
  const { args, own } = benchArgs(
    {
      sessions: { type: 'string', default: '10' },
      connections: { type: 'string', default: '16' },
      seats: { type: 'string', default: '500' },
      rounds: { type: 'string', default: '2' },
      compare: { type: 'string' },
      variant: { type: 'string', default: 'audited' },
    },
    argv,
  );
  const sessions = Number(own.sessions);
  const connections = Number(own.connections);
  const SEATS = Number(own.seats);
  if (!Number.isSafeInteger(SEATS) || SEATS < 100 || SEATS > 500 || SEATS % 5 !== 0) fail('--seats must be 100–500, a multiple of 5 (a session’s capacity)');
  const APPLICANTS = SEATS + SEATS / 5;
  const rounds = Number(own.rounds);
  const variant = own.variant as 'audited' | 'unaudited';
  const compare = (own.compare ?? String(args.engine === 'postgresql')) === 'true' && variant === 'audited';
  if (!Number.isSafeInteger(sessions) || sessions < 1 || sessions > 100) fail('--sessions must be 1–100');
  if (!Number.isSafeInteger(rounds) || rounds < 1 || rounds > 10) fail('--rounds must be 1–10');
  if (variant !== 'audited' && variant !== 'unaudited') fail('--variant must be audited or unaudited');
  if (variant === 'unaudited' && !(globalThis as { archeepUnaudited?: boolean }).archeepUnaudited)
    fail('--variant unaudited runs under --import ./bench/lib/unaudited.ts (bench/enrolment.ts starts it so itself)');
  if (compare && args.engine !== 'postgresql') fail('--compare runs on PostgreSQL, whose database a second process can open');
  if (args.people < sessions * APPLICANTS) fail(`--people must be at least ${sessions * APPLICANTS} (${APPLICANTS} applicants per session)`);

  interface RunResult {
    variant: 'audited' | 'unaudited';
    applicationsPerSecond: number;
    load: LoadResult;
    /** pg_stat_activity of this database's other backends during the load, counted by wait. */
    waits: Record<string, number> | null;
    /** Audited runs: the seal's lag sampled during the load, and the catch-up once it stopped. */
    seal: { samples: number; maxLagSeconds: number; p50LagSeconds: number; maxUnsealed: number; catchUpMs: number; events: number } | null;
    /** CPU seconds of this process (server and sealer) over the load. */
    serverCpuSeconds: number;
    /** PostgreSQL: CPU seconds of this database's backends over the load (from /proc). */
    databaseCpuSeconds: number | null;
  }

  /** CPU seconds so far of each backend of the database (Linux /proc; utime + stime at 100 ticks/s). */
  async function backendCpu(client: pg.Client): Promise<Map<number, number>> {
    const { rows } = await client.query<{ pid: number }>(
      `select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`,
    );
    const cpu = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
      } catch {
        // not on this machine, or gone
      }
    }
    return cpu;
  }

  /** Samples every 0.25 s while `work` runs: pg_stat_activity and, when asked, the seal's queue. */
  async function sampled<T>(bench: BenchDatabase, withSeal: boolean, work: () => Promise<T>) {
    const waits: Record<string, number> = {};
    const lags: number[] = [];
    let maxUnsealed = 0;
    const client = bench.url ? new pg.Client({ connectionString: bench.url }) : null;
    await client?.connect();
    const cpuBefore = client ? await backendCpu(client) : null;
    let on = true;
    const sampler = (async () => {
      while (on) {
        if (client) {
          const { rows } = await client.query<{ wait: string }>(
            `select case when state = 'active' then coalesce(wait_event_type || ':' || wait_event, 'running') else 'idle: ' || coalesce(wait_event, state, 'no state') end as wait
               from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
          );
          // A backend caught starting or ending has no state: counted as idle.
          for (const r of rows) if (r.wait && !r.wait.startsWith('idle')) waits[r.wait] = (waits[r.wait] ?? 0) + 1;
        }
        if (withSeal) {
          const query = sql<{
            n: number;
            lag: number | null;
          }>`select count(*)::int as n, extract(epoch from now() - min(e.occurred_at))::float8 as lag from audit_unsealed u join audit_event e on e.id = u.event_id`;
          // PostgreSQL: on the sampler's own connection; PGlite: through its one connection.
          const row = client
            ? (await client.query<{ n: number; lag: number | null }>(query.compile(bench.database.db).sql)).rows[0]
            : (await query.execute(bench.database.db)).rows[0];
          lags.push(Math.max(0, row!.lag ?? 0));
          maxUnsealed = Math.max(maxUnsealed, row!.n);
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    try {
      const value = await work();
      on = false;
      await sampler;
      let databaseCpuSeconds: number | null = null;
      if (client && cpuBefore) {
        databaseCpuSeconds = 0;
        for (const [pid, seconds] of await backendCpu(client)) databaseCpuSeconds += seconds - (cpuBefore.get(pid) ?? 0);
      }
      return { value, waits: client ? waits : null, lags, maxUnsealed, databaseCpuSeconds };
    } finally {
      on = false;
      await sampler;
      await client?.end();
    }
  }

  async function runOnce(bench: BenchDatabase): Promise<RunResult> {
    const ctx = { actor: await benchActor(bench, 'bench.officer'), requestId: `bench:enrolment:${variant}` };
    const { app, base, cookie } = await startServer(bench, 'bench.officer');
    const db = bench.database.db;
    // ETDA Digital Citizen Plus: open to everyone, so no applicant is refused on eligibility.
    const today = new Date().toISOString().slice(0, 10);
    const created: number[] = [];
    try {
      for (let i = 0; i < sessions; i++) {
        const session = await bench.services.training.createSession(ctx, {
          curriculumCode: 'ETDA-EDC-PLUS',
          unitCode: 'DWF-HQ',
          provinceCode: '40',
          online: true,
          applicationsCloseOn: today,
          capacityMin: 100,
          capacityMax: SEATS,
          trainers: [],
          days: [{ day: today, hours: 6 }],
        });
        await bench.services.training.changeStatus(ctx, session.id, { status: 'open' });
        created.push(session.id);
      }
      // Applicants spread over the whole registry, none in two sessions.
      const stride = Math.max(1, Math.floor(args.people / (sessions * APPLICANTS)));
      const { rows } = await sql<{
        id: number;
      }>`select id from person where id % ${stride} = 0 and status = 'active' order by id limit ${sessions * APPLICANTS}`.execute(db);
      if (rows.length < sessions * APPLICANTS) fail(`Only ${rows.length} applicants found`);
      const requests = rows.map((r, k) => ({
        method: 'POST' as const,
        // Interleaved: consecutive requests go to different sessions.
        path: `/api/training/sessions/${created[k % sessions]}/applications`,
        body: JSON.stringify({ personId: Number(r.id) }),
        headers: { 'content-type': 'application/json' },
      }));

      // Everything the set-up audited is sealed first: the lag measured is the load's.
      if (variant === 'audited') await bench.services.audit.sealNow();
      const eventsBefore = Number(
        (
          await db
            .selectFrom('audit_event')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      progress(`Enrolment (${variant}): ${n(requests.length)} applications to ${sessions} sessions on ${connections} connections…`);
      const cpu = process.cpuUsage();
      const run = await sampled(bench, variant === 'audited', () => runLoad({ url: base, paths: [], requests, headers: { cookie }, connections, seconds: 0 }));
      const used = process.cpuUsage(cpu);
      const load = run.value;

      let seal: RunResult['seal'] = null;
      if (variant === 'audited') {
        // Catch-up: from the end of the load until the background sealer has sealed every event.
        const started = performance.now();
        for (;;) {
          const waiting = await db
            .selectFrom('audit_unsealed')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow();
          if (Number(waiting.n) === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        const lags = [...run.lags].sort((a, b) => a - b);
        const events =
          Number(
            (
              await db
                .selectFrom('audit_event')
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ) - eventsBefore;
        seal = {
          samples: lags.length,
          maxLagSeconds: round(lags.at(-1) ?? 0, 2),
          p50LagSeconds: round(lags[Math.floor(lags.length / 2)] ?? 0, 2),
          maxUnsealed: run.maxUnsealed,
          catchUpMs: Math.round(performance.now() - started),
          events,
        };
      }

      const counts = await db
        .selectFrom('enrolment')
        .select(['session_id', 'status', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('person_id').distinct().as('people')])
        .where('session_id', 'in', created)
        .groupBy(['session_id', 'status'])
        .execute();
      for (const id of created) {
        const of = (status: string) => Number(counts.find((c) => c.session_id === id && c.status === status)?.n ?? 0);
        if (of('enrolled') !== SEATS || of('waitlisted') !== APPLICANTS - SEATS)
          fail(`Session ${id}: ${of('enrolled')} enrolled and ${of('waitlisted')} waitlisted, not ${SEATS} and ${APPLICANTS - SEATS}`);
      }
      if (load.errors) fail(`${load.errors} applications failed under load`);
      return {
        variant,
        applicationsPerSecond: round(load.requests / load.seconds),
        load,
        waits: run.waits,
        seal,
        serverCpuSeconds: round((used.user + used.system) / 1e6, 2),
        databaseCpuSeconds: run.databaseCpuSeconds === null ? null : round(run.databaseCpuSeconds, 2),
      };
    } finally {
      await app.close();
      // Leave the registry as it was filled, for the other benchmarks that reuse it.
      if (created.length) {
        await db.transaction().execute(async (trx) => {
          await trx
            .deleteFrom('registry_event')
            .where('module', '=', 'training')
            .where(sql<boolean>`(data->>'sessionId')::int8 = any(${sql.val(created)})`)
            .execute();
          await trx
            .deleteFrom('attendance')
            .where('enrolment_id', 'in', trx.selectFrom('enrolment').select('id').where('session_id', 'in', created))
            .execute();
          await trx.deleteFrom('enrolment').where('session_id', 'in', created).execute();
          await trx.deleteFrom('session_day').where('session_id', 'in', created).execute();
          await trx.deleteFrom('training_session').where('id', 'in', created).execute();
        });
      }
    }
  }

  /** The unaudited run in its own process, on the same database (filled by this one). */
  async function unauditedRun(databaseName: string): Promise<RunResult> {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        path.join(HERE, 'lib/unaudited.ts'),
        path.join(HERE, 'enrolment.ts'),
        ...['--variant', 'unaudited', '--engine', args.engine, '--people', String(args.people), '--seed', String(args.seed), '--url', args.url],
        ...[
          '--database-name',
          databaseName,
          '--sessions',
          String(sessions),
          '--seats',
          String(SEATS),
          '--connections',
          String(connections),
          '--results',
          args.results,
        ],
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => progress(String(chunk).trimEnd()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (code !== 0) throw new Error(`The unaudited run failed (exit ${code})`);
    return JSON.parse(out) as RunResult;
  }

  const bench = await benchDatabase(args, { purpose: 'read', fill: args.people });
  try {
    if (variant === 'unaudited') {
      return JSON.stringify(await runOnce(bench));
    } else {
      const databaseName = bench.url ? new URL(bench.url).pathname.slice(1) : '';
      const runs: RunResult[] = [];
      for (let r = 0; r < (compare ? rounds : 1); r++) {
        runs.push(await runOnce(bench));
        if (compare) runs.push(await unauditedRun(databaseName));
      }
      const audited = runs.filter((r) => r.variant === 'audited');
      const unaudited = runs.filter((r) => r.variant === 'unaudited');
      const mean = (xs: RunResult[]) => xs.reduce((s, r) => s + r.applicationsPerSecond, 0) / xs.length;
      const ratio = unaudited.length ? round(mean(audited) / mean(unaudited), 2) : null;
      const first = audited[0]!;
      const seal = first.seal!;
      const sealMax = Math.max(...audited.map((r) => r.seal!.maxLagSeconds));
      return report(
        args,
        'enrolment',
        {
          sessions,
          seats: SEATS,
          applicantsPerSession: APPLICANTS,
          connections,
          applicationsPerSecond: round(mean(audited)),
          unauditedApplicationsPerSecond: unaudited.length ? round(mean(unaudited)) : null,
          ratioToUnaudited: ratio,
          load: first.load,
          seal,
          runs,
          fillSeconds: bench.fillSeconds,
        },
        `enrolment ${args.engine} ${n(args.people)} people: ${n(mean(audited))} applications/s p50 ${first.load.p50Ms} ms p99 ${first.load.p99Ms} ms (${n(sessions * APPLICANTS)} to ${sessions} × ${SEATS} seats, ${connections} connections; every session ${SEATS} enrolled + ${APPLICANTS - SEATS} waitlisted)` +
          (unaudited.length
            ? `; without audit ${n(mean(unaudited))}/s, ratio ${ratio} (runs: ${runs.map((r) => `${r.variant === 'audited' ? 'A' : 'U'} ${n(r.applicationsPerSecond)}`).join(', ')})`
            : '') +
          `; seal lag max ${sealMax} s, caught up ${seal.catchUpMs} ms after the load`,
      );
    }
  } finally {
    await bench.close();
  }
}

runWhenMain(import.meta.url, main);
