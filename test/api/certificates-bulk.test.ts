/**
 * The bulk certificates job with signing on the signing pool, outside the transactions that write:
 * every completed person ends with exactly one certificate whose signature verifies, also when the
 * process doing the job dies half-way with the next batch already signed.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner } from '../../src/server/platform/jobs/jobs';
import { createTrainingService } from '../../src/server/modules/training/training.service';
import { createTestApp, type StaffAccount, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';
import { buildPeople, dayFromToday, sessionBody } from '../helpers/training';

describe.each(ENGINES)('bulk certificates, signed outside the transaction, on %s', (engine) => {
  let t: TestApp;
  let officer: StaffAccount;
  let serial = 820_000 + Math.floor(Math.random() * 1000) * 100;
  const call = (method: 'GET' | 'POST', url: string) => t.app.inject({ method, url, headers: { cookie: officer.cookie } });

  beforeAll(async () => {
    t = await createTestApp(engine);
    officer = await t.createStaff({ roles: [{ role: 'officer', unitCode: 'DSD-PSDO-40' }] });
  });
  afterAll(() => t?.dispose());

  /** A finished session with `count` people who completed it (a factory: seats and attendance are tested elsewhere). */
  async function finishedSession(count: number) {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/training/sessions',
      headers: { cookie: officer.cookie },
      payload: sessionBody({ applicationsCloseOn: dayFromToday(-2), days: [{ day: dayFromToday(-2), hours: 6 }] }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const sessionId = created.json().id as number;
    const people = await buildPeople(t.database.db, count, { firstSerial: serial });
    serial += count;
    await t.database.db
      .insertInto('enrolment')
      .values(
        people.map((p) => ({
          session_id: sessionId,
          person_id: p.id,
          status: 'completed',
          source: 'officer',
          enrolled_at: new Date(),
          attended_minutes: 360,
          evaluated_at: new Date(),
          outcome_reasons: '[]',
        })),
      )
      .execute();
    await sql`update training_session set status = 'completed', enrolled_count = ${count} where id = ${sessionId}`.execute(t.database.db);
    return { sessionId, people };
  }

  /** The session's certificates, each checked as the public verification page checks it. */
  async function certificatesOf(sessionId: number) {
    const rows = await t.database.db
      .selectFrom('credential as c')
      .innerJoin('enrolment as e', (join) => join.on('c.source_type', '=', 'enrolment').onRef('c.source_id', '=', sql<string>`e.id::text`))
      .select(['c.code', 'c.person_id', 'c.status_list_id', 'c.status_index'])
      .where('e.session_id', '=', sessionId)
      .execute();
    const checks = [];
    for (const r of rows) checks.push(await t.services.credentials.verify(r.code));
    return { rows, checks };
  }

  const auditedIssues = async (codes: string[]) =>
    (await t.database.db.selectFrom('audit_event').select('entity_id').where('action', '=', 'credential.issue').where('entity_id', 'in', codes).execute()).map(
      (a) => a.entity_id,
    );

  it('issues a session’s certificates as a job; each is signed, verifies and is audited once', async () => {
    const { sessionId, people } = await finishedSession(26);
    const job = await call('POST', `/api/training/sessions/${sessionId}/certificates`);
    expect(job.statusCode, job.body).toBe(202);
    await t.services.jobs.drain();
    const finished = (await call('GET', `/api/training/sessions/${sessionId}/certificates/${job.json().id}`)).json();
    expect(finished).toMatchObject({ status: 'succeeded', done: 26, total: 26, result: { issued: 26, total: 26 } });

    const { rows, checks } = await certificatesOf(sessionId);
    expect(rows.map((r) => r.person_id).sort()).toEqual(people.map((p) => p.id).sort());
    for (const check of checks) expect(check).toMatchObject({ status: 'valid', checks: { signature: 'valid', status: 'active' } });
    // Status places are never shared.
    expect(new Set(rows.map((r) => `${r.status_list_id}:${r.status_index}`)).size).toBe(26);
    const audited = await auditedIssues(rows.map((r) => r.code));
    expect(audited.sort()).toEqual(rows.map((r) => r.code).sort());
    // The holder's downloadable document is the signed one.
    const document = (await call('GET', `/api/credentials/${rows[0]!.code}/credential.json`)).json();
    expect(document.proof).toMatchObject([{ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' }]);
  });

  it('resumes a job whose process died with the next batch signed: one verified certificate per person, none twice', async () => {
    const { sessionId, people } = await finishedSession(14);
    // A second process whose job dies after writing its first batch of four, while the second
    // batch has been signed (its status places taken) but not written.
    const dying = createJobRunner(t.database.db, { pollMs: 20, staleAfterMs: 200 });
    const deps = { db: t.database.db, geo: t.services.geo, org: t.services.org, registry: t.services.registry, credentials: t.services.credentials };
    createTrainingService({ ...deps, jobs: dying, certificates: { batchSize: 4, crashAfterBatches: 1 } });
    await t.services.jobs.stop();
    dying.start();
    const job = await call('POST', `/api/training/sessions/${sessionId}/certificates`);
    expect(job.statusCode, job.body).toBe(202);
    await dying.drain();
    await dying.stop();
    const cut = await certificatesOf(sessionId);
    expect(cut.rows).toHaveLength(4);
    expect((await t.database.db.selectFrom('job').select('status').where('id', '=', job.json().id).executeTakeFirstOrThrow()).status).toBe('running');

    // Restarted: a runner takes the job up once its heartbeat is stale, and issues only what is missing.
    const restarted = createJobRunner(t.database.db, { pollMs: 20, staleAfterMs: 200 });
    createTrainingService({ ...deps, jobs: restarted, certificates: { batchSize: 4 } });
    await new Promise((resolve) => setTimeout(resolve, 400));
    restarted.start();
    await restarted.drain();
    await restarted.stop();
    t.services.jobs.start();

    const finished = (await call('GET', `/api/training/sessions/${sessionId}/certificates/${job.json().id}`)).json();
    expect(finished).toMatchObject({ status: 'succeeded', done: 14, total: 14, result: { issued: 10, total: 14 } });
    const { rows, checks } = await certificatesOf(sessionId);
    expect(rows.map((r) => r.person_id).sort()).toEqual(people.map((p) => p.id).sort());
    for (const check of checks) expect(check).toMatchObject({ status: 'valid', checks: { signature: 'valid', status: 'active' } });
    expect((await auditedIssues(rows.map((r) => r.code))).sort()).toEqual(rows.map((r) => r.code).sort());
    const timeline = await t.database.db
      .selectFrom('registry_event')
      .select('person_id')
      .where('kind', '=', 'certificate-issued')
      .where(
        'person_id',
        'in',
        people.map((p) => p.id),
      )
      .execute();
    expect(timeline).toHaveLength(14);
  });

  it('puts a job stopped with its server back in the queue, and the next start finishes it', async () => {
    const { sessionId, people } = await finishedSession(12);
    const stopping = createJobRunner(t.database.db, { pollMs: 20 });
    const deps = { db: t.database.db, geo: t.services.geo, org: t.services.org, registry: t.services.registry, credentials: t.services.credentials };
    createTrainingService({ ...deps, jobs: stopping, certificates: { batchSize: 3 } });
    await t.services.jobs.stop();
    const job = await call('POST', `/api/training/sessions/${sessionId}/certificates`);
    stopping.start();
    // Stop as soon as the first batch is written: the job stops at its next safe point.
    for (let i = 0; i < 400; i++) {
      const row = await t.database.db.selectFrom('job').select('progress_done').where('id', '=', job.json().id).executeTakeFirstOrThrow();
      if (Number(row.progress_done) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await stopping.stop();
    const stopped = await t.database.db.selectFrom('job').select(['status', 'attempts']).where('id', '=', job.json().id).executeTakeFirstOrThrow();
    // Either queued again part-way, or it had already finished: never failed.
    expect(['queued', 'succeeded']).toContain(stopped.status);
    t.services.jobs.start();
    await t.services.jobs.drain();
    const finished = (await call('GET', `/api/training/sessions/${sessionId}/certificates/${job.json().id}`)).json();
    expect(finished).toMatchObject({ status: 'succeeded', done: 12, total: 12 });
    const { rows, checks } = await certificatesOf(sessionId);
    expect(rows.map((r) => r.person_id).sort()).toEqual(people.map((p) => p.id).sort());
    for (const check of checks) expect(check.checks?.signature).toBe('valid');
  });
});
