/**
 * `npm run bench:import -- --people N [--file F] [--engine postgresql|pglite]`
 *
 * The registry import of a file of F synthetic people (default N) with full validation: uploaded,
 * then committed by the import job, as an officer of a headquarters unit. With F < N the
 * registry already holds the other N − F people (written directly), so the figure is the rate of
 * importing into a registry of that size. Beside it, on PostgreSQL, `COPY` of the same file into
 * an unlogged table of text columns: the limit, as a ratio.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { generatePeople, peopleCsvChunks } from './synth/people';
import { benchActor, benchArgs, progress, runWhenMain, fail, benchDatabase, n, report, round, timed } from './lib/harness';

export async function main(argv: string[]): Promise<string> {
  const { args, own } = benchArgs({ file: { type: 'string' } }, argv);
  const rows = own.file === undefined ? args.people : Number(own.file);
  if (!Number.isSafeInteger(rows) || rows < 1 || rows > args.people) fail('--file must be a whole number between 1 and --people');
  const existing = args.people - rows;
  const bench = await benchDatabase(args, { purpose: 'import', fill: existing });
  const officer = await benchActor(bench, 'bench.officer');
  const ctx = { actor: officer, requestId: 'bench' };

  progress(`Making a file of ${n(rows)} people…`);
  const csv = Buffer.from([...peopleCsvChunks(generatePeople(rows, { seed: args.seed, start: existing }), { header: 'th' })].join(''));

  progress('Importing…');
  const { imports, jobs } = bench.services;
  jobs.start();
  const upload = await timed(() => imports.upload(ctx, { kind: 'people', fileName: 'bench.csv', bytes: csv }));
  const commit = await timed(async () => {
    await imports.commit(ctx, upload.value.id);
    await jobs.drain();
  });
  const imported = await imports.get(ctx, upload.value.id);
  if (imported.result?.inserted !== rows) throw new Error(`Expected ${rows} people inserted, got ${JSON.stringify(imported.result)}`);

  let copyMs: number | null = null;
  if (bench.url) {
    const columns = csv.subarray(0, csv.indexOf(10)).toString().split(',').length;
    const client = new pg.Client(bench.url);
    await client.connect();
    await client.query(`create unlogged table bench_copy (${Array.from({ length: columns }, (_, i) => `c${i} text`).join(', ')})`);
    copyMs = (await timed(() => pipeline(Readable.from([csv]), client.query(copyFrom('copy bench_copy from stdin with (format csv, header true)'))))).ms;
    await client.query('drop table bench_copy');
    await client.end();
  }
  await bench.close();

  const result = {
    file: { rows, bytes: csv.length },
    existingPeople: existing,
    uploadMs: Math.round(upload.ms),
    commitMs: Math.round(commit.ms),
    rowsPerSecond: Math.round(rows / (commit.ms / 1000)),
    rowsPerSecondWithUpload: Math.round(rows / ((commit.ms + upload.ms) / 1000)),
    copyRowsPerSecond: copyMs ? Math.round(rows / (copyMs / 1000)) : null,
    ratioToCopy: copyMs ? round(copyMs / commit.ms, 3) : null,
  };
  return report(
    args,
    'import',
    result,
    `import ${args.engine} ${n(rows)} rows into ${n(existing)}: ${n(result.rowsPerSecond)} rows/s (${n(result.rowsPerSecondWithUpload)} with the upload)` +
      (copyMs ? ` · COPY ${n(result.copyRowsPerSecond!)} rows/s · ratio ${result.ratioToCopy}` : ' · no COPY limit on PGlite'),
  );
}

runWhenMain(import.meta.url, main);
