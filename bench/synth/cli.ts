/**
 * `npm run synth -- --people N [--seed S] [--start I] [--out file.csv]
 *                  [--encoding utf8|utf8-bom|windows-874] [--header th|en|keys] [--groups-out groups.csv]`
 * `npm run synth -- --people N --database [postgres://…|./data]`
 *
 * Writes N synthetic people as an import CSV to the file (or stdout), streaming: rows are made and
 * encoded a chunk at a time and the stream's backpressure is respected, so memory stays flat at
 * any N. `--groups-out` also writes their occupation groups as a group import file (one row per
 * member). `--database` writes people, consents, groups and memberships straight into a database
 * instead (`bench/synth/fill.ts`): a PostgreSQL URL, or a PGlite folder such as the server's own
 * `./data` (stop the server first: PGlite has one user). The database is migrated and given its
 * reference data first, so this works on a fresh clone. Prints the count and rate to stderr.
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { createServices } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { openDatabase } from '../../src/server/db/engine';
import { migrate } from '../../src/server/db/migrator';
import { loadReferenceData } from '../../src/server/reference-data';
import { fillDatabase } from './fill';
import { generateGroups, groupsCsvChunks, Residents } from './groups';
import { generatePeople, peopleCsvChunks, type CsvHeader, type SynthPerson } from './people';
import { encodeWindows874 } from './windows-874';

const USAGE =
  'usage: npm run synth -- --people N [--seed S] [--start I] [--out file.csv] [--encoding utf8|utf8-bom|windows-874] [--header th|en|keys] [--groups-out groups.csv]\n' +
  '       npm run synth -- --people N [--seed S] [--start I] --database postgres://…|./data';
const ENCODINGS = ['utf8', 'utf8-bom', 'windows-874'] as const;
const HEADERS = ['th', 'en', 'keys'] as const;
type Encoding = (typeof ENCODINGS)[number];

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function wholeNumber(name: string, text: string | undefined, fallback?: number): number {
  if (text === undefined && fallback !== undefined) return fallback;
  const n = Number(text);
  if (text === undefined || !/^\d+$/.test(text) || !Number.isSafeInteger(n)) fail(`--${name} must be a whole number ≥ 0`);
  return n;
}

function oneOf<T extends string>(name: string, text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) fail(`--${name} must be one of ${allowed.join(', ')}`);
  return text as T;
}

function readOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        people: { type: 'string' },
        seed: { type: 'string' },
        start: { type: 'string' },
        out: { type: 'string' },
        encoding: { type: 'string', default: 'utf8' },
        header: { type: 'string', default: 'th' },
        'groups-out': { type: 'string' },
        database: { type: 'string' },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.people === undefined) fail('--people is required');
  return {
    people: wholeNumber('people', values.people),
    seed: wholeNumber('seed', values.seed, 1),
    start: wholeNumber('start', values.start, 0),
    out: values.out,
    encoding: oneOf<Encoding>('encoding', values.encoding, ENCODINGS),
    header: oneOf<CsvHeader>('header', values.header, HEADERS),
    groupsOut: values['groups-out'],
    database: values.database,
  };
}

/** Text chunks as bytes in the chosen encoding. */
function* encoded(chunks: Iterable<string>, encoding: Encoding): Generator<Buffer> {
  for (const chunk of chunks) yield encoding === 'windows-874' ? encodeWindows874(chunk) : Buffer.from(chunk, 'utf8');
}

/** The CSV as encoded byte chunks, made lazily: the pipeline pulls the next only when the output can take it. */
function* csvBytes(options: ReturnType<typeof readOptions>, residents: Residents | null): Generator<Buffer> {
  let index = options.start;
  const people = (function* (): Generator<SynthPerson> {
    for (const p of generatePeople(options.people, { seed: options.seed, start: options.start })) {
      residents?.add(index++, p.subdistrict_code);
      yield p;
    }
  })();
  const chunks = peopleCsvChunks(people, { header: options.header, bom: options.encoding === 'utf8-bom' });
  yield* encoded(chunks, options.encoding);
}

/** Straight into a database: the server's own (a PGlite folder) or a PostgreSQL URL. */
async function fill(options: ReturnType<typeof readOptions>) {
  const target = options.database!;
  const database = await openDatabase(/^postgres(ql)?:\/\//.test(target) ? { databaseUrl: target, dataDir: null } : { dataDir: target });
  try {
    await migrate(database);
    await loadReferenceData(database, createServices(database, loadConfig({ LOG_LEVEL: 'silent' })));
    const summary = await fillDatabase(database, {
      people: options.people,
      seed: options.seed,
      start: options.start,
      onProgress: (done, total) => process.stderr.write(`\rsynth: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} people`),
    });
    process.stderr.write(
      `\nsynth: ${summary.people.toLocaleString('en')} people, ${summary.consents.toLocaleString('en')} consents, ${summary.groups.toLocaleString('en')} groups,` +
        ` ${summary.memberships.toLocaleString('en')} memberships in ${summary.seconds} s (${Math.round(summary.people / summary.seconds).toLocaleString('en')} people/s) → ${database.engine}\n`,
    );
  } finally {
    await database.close();
  }
}

async function main() {
  const options = readOptions();
  if (options.database !== undefined) {
    if (options.out || options.groupsOut) fail('--database writes into a database; leave out --out and --groups-out');
    return fill(options);
  }
  const started = performance.now();
  const residents = options.groupsOut ? new Residents(options.start) : null;
  try {
    await pipeline(Readable.from(csvBytes(options, residents)), options.out ? createWriteStream(options.out) : process.stdout);
    if (residents && options.groupsOut) {
      const documentOf = (person: number) => [...generatePeople(1, { seed: options.seed, start: person })][0]!.id_number;
      const chunks = groupsCsvChunks(generateGroups(residents, { seed: options.seed }), documentOf);
      await pipeline(Readable.from(encoded(chunks, options.encoding)), createWriteStream(options.groupsOut));
    }
  } catch (error) {
    // A reader that stops early (`| head`) is not a failure of ours.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return;
    throw error;
  }
  const seconds = (performance.now() - started) / 1000;
  const rate = Math.round(options.people / seconds);
  process.stderr.write(
    `synth: ${options.people.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${rate.toLocaleString('en')} rows/s)` +
      ` → ${options.out ?? 'stdout'}, ${options.encoding}, ${options.header} header\n`,
  );
}

await main();
