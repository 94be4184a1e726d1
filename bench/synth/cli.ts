/**
 * `npm run synth -- --people N [--seed S] [--start I] [--out file.csv]
 *                  [--encoding utf8|utf8-bom|windows-874] [--header th|en|keys]`
 *
 * Writes N synthetic people as an import CSV to the file (or stdout), streaming: rows are made and
 * encoded a chunk at a time and the stream's backpressure is respected, so memory stays flat at
 * any N. Prints the row count and rate to stderr.
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { generatePeople, peopleCsvChunks, type CsvHeader } from './people';
import { encodeWindows874 } from './windows-874';

const USAGE = 'usage: npm run synth -- --people N [--seed S] [--start I] [--out file.csv] [--encoding utf8|utf8-bom|windows-874] [--header th|en|keys]';
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
  };
}

/** The CSV as encoded byte chunks, made lazily: the pipeline pulls the next only when the output can take it. */
function* csvBytes(options: ReturnType<typeof readOptions>): Generator<Buffer> {
  const people = generatePeople(options.people, { seed: options.seed, start: options.start });
  const chunks = peopleCsvChunks(people, { header: options.header, bom: options.encoding === 'utf8-bom' });
  for (const chunk of chunks) yield options.encoding === 'windows-874' ? encodeWindows874(chunk) : Buffer.from(chunk, 'utf8');
}

async function main() {
  const options = readOptions();
  const started = performance.now();
  try {
    await pipeline(Readable.from(csvBytes(options)), options.out ? createWriteStream(options.out) : process.stdout);
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
