/**
 * `npm run bench:certificates -- --people N [--engine postgresql|pglite] [--completed K] [--pdfs P] [--rounds R]`
 *
 * Bulk certificates: a finished session with K people who completed it (written straight into the
 * database), then the officer's "issue every certificate" job run to the end (batches of 25: each
 * batch's credentials signed as Open Badges (Ed25519, eddsa-rdfc-2022) on the signing pool's worker
 * threads outside any transaction, then written with their status places, timeline and audit events
 * in a short transaction, the next batch signed while one is written). Beside it, as the limit, the
 * same job with signing replaced by a no-op (`bench/lib/unsigned-pool.ts`), in the same process
 * on the same database: R rounds (default 2) alternate the two, so that what else the machine does
 * falls on both. Then P of the signed certificates rendered as PDF (Thai font subset, QR code) as
 * the holder downloads them, and the same P checked as the public verification page checks them
 * (signature and status list). Every completed person must end with exactly one certificate in
 * every run, and every check must say valid. Each run's session, enrolments and certificates are
 * removed again afterwards.
 */
import { sql } from 'kysely';
import { createServices, type Services } from '../src/server/app';
import { benchActor, benchArgs, progress, runWhenMain, benchDatabase, fail, n, report, round, timed } from './lib/harness';
import { createUnsignedPool } from './lib/unsigned-pool';

export async function main(argv: string[]): Promise<string> {
  const { args, own } = benchArgs(
    {
      completed: { type: 'string', default: '2000' },
      pdfs: { type: 'string', default: '200' },
      rounds: { type: 'string', default: '2' },
    },
    argv,
  );
  const completed = Number(own.completed);
  const pdfs = Number(own.pdfs);
  const rounds = Number(own.rounds);
  if (!Number.isSafeInteger(completed) || completed < 1) fail('--completed must be a whole number ≥ 1');
  if (!Number.isSafeInteger(pdfs) || pdfs < 1 || pdfs > completed) fail('--pdfs must be 1–completed');
  if (!Number.isSafeInteger(rounds) || rounds < 1 || rounds > 10) fail('--rounds must be 1–10');
  if (args.people < completed) fail('--people must be at least --completed');

  const bench = await benchDatabase(args, { purpose: 'read', fill: args.people });
  const ctx = { actor: await benchActor(bench, 'bench.officer'), requestId: 'bench:certificates' };
  const db = bench.database.db;
  const signed = bench.services;
  const unsignedPool = createUnsignedPool();
  const unsigned = createServices(bench.database, bench.config, { signingPool: unsignedPool });
  const today = new Date().toISOString().slice(0, 10);
  const sessions: number[] = [];

  /** A finished session with `completed` people who completed it (a factory: seats, attendance and evaluation are measured elsewhere). */
  async function finishedSession() {
    const session = await signed.training.createSession(ctx, {
      curriculumCode: 'DSD-ETDA-DIGI18',
      unitCode: 'DWF-HQ',
      provinceCode: '40',
      online: true,
      applicationsCloseOn: today,
      capacityMin: 1,
      capacityMax: Math.max(completed, 500),
      trainers: [],
      days: [{ day: today, hours: 18 }],
    });
    sessions.push(session.id);
    const stride = Math.max(1, Math.floor(args.people / completed));
    await sql`
      insert into enrolment (session_id, person_id, status, source, enrolled_at, attended_minutes, evaluated_at, outcome_reasons)
      select ${session.id}, id, 'completed', 'officer', now(), 1080, now(), '[]'::jsonb
        from (select id from person where id % ${stride} = 0 and status = 'active' order by id limit ${completed}) p`.execute(db);
    await sql`update training_session set status = 'completed', enrolled_count = ${completed} where id = ${session.id}`.execute(db);
    return session.id;
  }

  const codesOf = (sessionId: number) =>
    db
      .selectFrom('credential as c')
      .innerJoin('enrolment as e', (join) => join.on('c.source_type', '=', 'enrolment').onRef('c.source_id', '=', sql<string>`e.id::text`))
      .select(['c.code', 'c.document'])
      .where('e.session_id', '=', sessionId)
      .execute();

  /** One run of the job, with the services of its variant; every completed person ends with one certificate. */
  async function issueRun(variant: 'signed' | 'unsigned', services: Services) {
    const sessionId = await finishedSession();
    services.jobs.start();
    progress(`Certificates: issuing ${n(completed)} as a job, ${variant}…`);
    const issue = await timed(async () => {
      const job = await services.training.issueCertificates(ctx, sessionId);
      await services.jobs.drain();
      return services.training.certificateJob(ctx, sessionId, job.id);
    });
    await services.jobs.stop();
    const job = issue.value;
    if (job.status !== 'succeeded' || job.done !== completed)
      fail(`The ${variant} job ended ${job.status} with ${job.done} of ${completed}: ${job.error ?? ''}`);
    const codes = await codesOf(sessionId);
    if (codes.length !== completed || new Set(codes.map((c) => c.code)).size !== completed) fail(`${codes.length} certificates for ${completed} people`);
    const proofs = codes.filter((c) => (c.document as { proof?: unknown } | null)?.proof).length;
    if (proofs !== (variant === 'signed' ? completed : 0)) fail(`${proofs} of ${completed} ${variant} certificates carry a proof`);
    return { variant, sessionId, ms: issue.ms, perSecond: round(completed / (issue.ms / 1000)), codes: codes.map((c) => c.code) };
  }

  /** Removes a run's session, enrolments, certificates and their timeline events (audit events stay: the trail is append-only). */
  async function removeSession(sessionId: number) {
    await db.transaction().execute(async (trx) => {
      const enrolments = trx
        .selectFrom('enrolment')
        .select(sql<string>`id::text`.as('id'))
        .where('session_id', '=', sessionId);
      await trx
        .deleteFrom('registry_event')
        .where('module', '=', 'credentials')
        .where(sql<boolean>`data->>'code' in (select code from credential where source_type = 'enrolment' and source_id in (${enrolments}))`)
        .execute();
      await trx.deleteFrom('credential').where('source_type', '=', 'enrolment').where('source_id', 'in', enrolments).execute();
      await trx.deleteFrom('enrolment').where('session_id', '=', sessionId).execute();
      await trx.deleteFrom('session_day').where('session_id', '=', sessionId).execute();
      await trx.deleteFrom('training_session').where('id', '=', sessionId).execute();
    });
    sessions.splice(sessions.indexOf(sessionId), 1);
  }

  try {
    const runs: Awaited<ReturnType<typeof issueRun>>[] = [];
    let kept: Awaited<ReturnType<typeof issueRun>> | null = null;
    for (let r = 0; r < rounds; r++) {
      const s = await issueRun('signed', signed);
      runs.push(s);
      // The last signed run's certificates are rendered and verified below.
      if (kept) await removeSession(kept.sessionId);
      kept = s;
      const u = await issueRun('unsigned', unsigned);
      runs.push(u);
      await removeSession(u.sessionId);
    }
    const codes = kept!.codes;

    progress(`Certificates: rendering ${n(pdfs)} PDFs…`);
    let bytes = 0;
    const render = await timed(async () => {
      for (const code of codes.slice(0, pdfs)) {
        const pdf = await signed.credentials.pdf(ctx, code);
        if (pdf.bytes.subarray(0, 5).toString() !== '%PDF-') fail(`Certificate ${code} did not render as a PDF`);
        bytes += pdf.bytes.length;
      }
    });
    // The public check, as the verification page makes it: the row, its signed Open Badge's
    // signature against the issuer's published key, and the issuer's signed status list.
    progress(`Certificates: verifying ${n(pdfs)} signed credentials…`);
    const verify = await timed(async () => {
      for (const code of codes.slice(0, pdfs)) {
        const checked = await signed.credentials.verify(code);
        if (checked.status !== 'valid' || checked.checks?.signature !== 'valid') fail(`Certificate ${code} did not verify: ${JSON.stringify(checked.checks)}`);
      }
    });
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const issuedPerSecond = round(mean(runs.filter((r) => r.variant === 'signed').map((r) => r.perSecond)));
    const unsignedPerSecond = round(mean(runs.filter((r) => r.variant === 'unsigned').map((r) => r.perSecond)));
    const ratio = round(issuedPerSecond / unsignedPerSecond, 2);
    const pdfsPerSecond = round(pdfs / (render.ms / 1000));
    const verifiedPerSecond = round(pdfs / (verify.ms / 1000));
    const threads = signed.signingPool.threads;
    return report(
      args,
      'certificates',
      {
        completed,
        rounds,
        signingThreads: threads,
        runs: runs.map((r) => ({ variant: r.variant, issueMs: Math.round(r.ms), perSecond: r.perSecond })),
        issuedPerSecond,
        unsignedPerSecond,
        ratioToUnsigned: ratio,
        signed: true,
        pdfs,
        renderMs: Math.round(render.ms),
        pdfsPerSecond,
        averagePdfBytes: Math.round(bytes / pdfs),
        verified: pdfs,
        verifyMs: Math.round(verify.ms),
        verifiedPerSecond,
        fillSeconds: bench.fillSeconds,
      },
      `certificates ${args.engine} ${n(args.people)} people: issued and signed ${n(issuedPerSecond)}/s (${n(completed)} as one job, ${threads} signing threads) · unsigned ${n(unsignedPerSecond)}/s, ratio ${ratio} (runs: ${runs.map((r) => `${r.variant === 'signed' ? 'S' : 'U'} ${n(r.perSecond)}`).join(', ')}) · PDF ${n(pdfsPerSecond)}/s (${n(pdfs)} rendered, ${n(bytes / pdfs / 1024)} KB each) · verified ${n(verifiedPerSecond)}/s (signature and status list)`,
    );
  } finally {
    for (const sessionId of [...sessions]) await removeSession(sessionId);
    await unsigned.jobs.stop();
    await unsignedPool.close();
    await bench.close();
  }
}

runWhenMain(import.meta.url, main);
