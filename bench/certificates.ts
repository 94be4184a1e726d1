/**
 * `npm run bench:certificates -- --people N [--engine postgresql|pglite] [--completed K] [--pdfs P]`
 *
 * Bulk certificates: a finished session with K people who completed it (written straight into the
 * database), then the officer's "issue every certificate" job run to the end (batches of 25, each
 * committed with its progress, a credential signed as an Open Badge (Ed25519, eddsa-rdfc-2022) with
 * its place in the agency's status list, a timeline event and an audit event per person); then P of
 * those certificates rendered as PDF (Thai font subset, QR code) as the holder downloads them, and
 * the same P checked as the public verification page checks them (signature and status list).
 * Every completed person must end with exactly one certificate, and every check must say valid.
 * The session, its enrolments and certificates are removed again afterwards.
 */
import { sql } from 'kysely';
import { benchActor, benchArgs, benchDatabase, fail, n, report, round, timed } from './lib/harness';

const { args, own } = benchArgs({ completed: { type: 'string', default: '2000' }, pdfs: { type: 'string', default: '200' } });
const completed = Number(own.completed);
const pdfs = Number(own.pdfs);
if (!Number.isSafeInteger(completed) || completed < 1) fail('--completed must be a whole number ≥ 1');
if (!Number.isSafeInteger(pdfs) || pdfs < 1 || pdfs > completed) fail('--pdfs must be 1–completed');
if (args.people < completed) fail('--people must be at least --completed');

const bench = await benchDatabase(args, { purpose: 'read', fill: args.people });
const ctx = { actor: await benchActor(bench, 'bench.officer'), requestId: 'bench:certificates' };
const db = bench.database.db;
const { training, credentials, jobs } = bench.services;
const today = new Date().toISOString().slice(0, 10);
let sessionId: number | null = null;
try {
  const session = await training.createSession(ctx, {
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
  sessionId = session.id;
  // People who completed it, as a factory: the seats, attendance and evaluation are measured elsewhere.
  const stride = Math.max(1, Math.floor(args.people / completed));
  await sql`
    insert into enrolment (session_id, person_id, status, source, enrolled_at, attended_minutes, evaluated_at, outcome_reasons)
    select ${sessionId}, id, 'completed', 'officer', now(), 1080, now(), '[]'::jsonb
      from (select id from person where id % ${stride} = 0 and status = 'active' order by id limit ${completed}) p`.execute(db);
  await sql`update training_session set status = 'completed', enrolled_count = ${completed} where id = ${sessionId}`.execute(db);

  jobs.start();
  process.stderr.write(`Certificates: issuing ${n(completed)} as a job…\n`);
  const issue = await timed(async () => {
    const job = await training.issueCertificates(ctx, sessionId!);
    await jobs.drain();
    return training.certificateJob(ctx, sessionId!, job.id);
  });
  const job = issue.value;
  if (job.status !== 'succeeded' || job.done !== completed) fail(`The job ended ${job.status} with ${job.done} of ${completed}: ${job.error ?? ''}`);
  const codes = await db
    .selectFrom('credential as c')
    .innerJoin('enrolment as e', (join) => join.on('c.source_type', '=', 'enrolment').onRef('c.source_id', '=', sql<string>`e.id::text`))
    .select('c.code')
    .where('e.session_id', '=', sessionId)
    .execute();
  if (codes.length !== completed || new Set(codes.map((c) => c.code)).size !== completed) fail(`${codes.length} certificates for ${completed} people`);

  process.stderr.write(`Certificates: rendering ${n(pdfs)} PDFs…\n`);
  let bytes = 0;
  const render = await timed(async () => {
    for (const { code } of codes.slice(0, pdfs)) {
      const pdf = await credentials.pdf(ctx, code);
      if (pdf.bytes.subarray(0, 5).toString() !== '%PDF-') fail(`Certificate ${code} did not render as a PDF`);
      bytes += pdf.bytes.length;
    }
  });
  // The public check, as the verification page makes it: the row, its signed Open Badge's
  // signature against the issuer's published key, and the issuer's signed status list.
  process.stderr.write(`Certificates: verifying ${n(pdfs)} signed credentials…\n`);
  const verify = await timed(async () => {
    for (const { code } of codes.slice(0, pdfs)) {
      const checked = await credentials.verify(code);
      if (checked.status !== 'valid' || checked.checks?.signature !== 'valid') fail(`Certificate ${code} did not verify: ${JSON.stringify(checked.checks)}`);
    }
  });
  const issuedPerSecond = round(completed / (issue.ms / 1000));
  const pdfsPerSecond = round(pdfs / (render.ms / 1000));
  const verifiedPerSecond = round(pdfs / (verify.ms / 1000));
  report(
    args,
    'certificates',
    {
      completed,
      issueMs: Math.round(issue.ms),
      issuedPerSecond,
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
    `certificates ${args.engine} ${n(args.people)} people: issued and signed ${n(issuedPerSecond)}/s (${n(completed)} as one job) · PDF ${n(pdfsPerSecond)}/s (${n(pdfs)} rendered, ${n(bytes / pdfs / 1024)} KB each) · verified ${n(verifiedPerSecond)}/s (signature and status list)`,
  );
} finally {
  if (sessionId !== null) {
    await db.transaction().execute(async (trx) => {
      const enrolments = trx
        .selectFrom('enrolment')
        .select(sql<string>`id::text`.as('id'))
        .where('session_id', '=', sessionId!);
      await trx
        .deleteFrom('registry_event')
        .where('module', '=', 'credentials')
        .where(sql<boolean>`data->>'code' in (select code from credential where source_type = 'enrolment' and source_id in (${enrolments}))`)
        .execute();
      await trx.deleteFrom('credential').where('source_type', '=', 'enrolment').where('source_id', 'in', enrolments).execute();
      await trx.deleteFrom('enrolment').where('session_id', '=', sessionId!).execute();
      await trx.deleteFrom('session_day').where('session_id', '=', sessionId!).execute();
      await trx.deleteFrom('training_session').where('id', '=', sessionId!).execute();
    });
  }
  await bench.close();
}
