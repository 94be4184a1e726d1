/**
 * `npm run bench:enrolment -- --people N [--engine postgresql|pglite] [--sessions S] [--connections C] [--seats 100–500]`
 *
 * Enrolment under load: S sessions of 500 seats (or --seats; the smoke test takes the smallest,
 * 100) open at once, and 600 different people (a fifth more than the seats) apply to each (an
 * officer's POST /api/training/sessions/:id/applications), S × 600 applications from a load
 * generator in its own process on C connections, interleaved across the sessions as people in
 * many provinces would apply. Afterwards every session must hold exactly 500 enrolled and 100
 * waitlisted, nobody twice: the figures mean nothing if the invariant broke under the load.
 * The sessions and their enrolments are removed again, so the registry is left as filled.
 */
import { sql } from 'kysely';
import { benchActor, benchArgs, benchDatabase, fail, n, report, round, runLoad, startServer } from './lib/harness';

const { args, own } = benchArgs({
  sessions: { type: 'string', default: '10' },
  connections: { type: 'string', default: '16' },
  seats: { type: 'string', default: '500' },
});
const sessions = Number(own.sessions);
const connections = Number(own.connections);
const SEATS = Number(own.seats);
if (!Number.isSafeInteger(SEATS) || SEATS < 100 || SEATS > 500 || SEATS % 5 !== 0) fail('--seats must be 100–500, a multiple of 5 (a session’s capacity)');
const APPLICANTS = SEATS + SEATS / 5;
if (!Number.isSafeInteger(sessions) || sessions < 1 || sessions > 100) fail('--sessions must be 1–100');
if (args.people < sessions * APPLICANTS) fail(`--people must be at least ${sessions * APPLICANTS} (${APPLICANTS} applicants per session)`);

const bench = await benchDatabase(args, { purpose: 'read', fill: args.people });
const ctx = { actor: await benchActor(bench, 'bench.officer'), requestId: 'bench:enrolment' };
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

  process.stderr.write(`Enrolment: ${n(requests.length)} applications to ${sessions} sessions on ${connections} connections…\n`);
  const load = await runLoad({ url: base, paths: [], requests, headers: { cookie }, connections, seconds: 0 });

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
  const perSecond = load.requests / load.seconds;
  report(
    args,
    'enrolment',
    { sessions, seats: SEATS, applicantsPerSession: APPLICANTS, connections, applicationsPerSecond: round(perSecond), load, fillSeconds: bench.fillSeconds },
    `enrolment ${args.engine} ${n(args.people)} people: ${n(perSecond)} applications/s p50 ${load.p50Ms} ms p99 ${load.p99Ms} ms (${n(requests.length)} to ${sessions} × ${SEATS} seats, ${connections} connections; every session ${SEATS} enrolled + ${APPLICANTS - SEATS} waitlisted)`,
  );
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
  await bench.close();
}
