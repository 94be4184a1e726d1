/**
 * `npm run bench:search -- --people N [--engine postgresql|pglite]`
 *
 * Name search as people type it, top 20, through HTTP one after another: 300 queries made from
 * real people of the fill (whole Thai first names, 3-letter prefixes, a first name with the start
 * of the surname, surname prefixes, English first names or a part from inside a surname); the
 * first 20 warm the caches. Beside it, the duplicate review (same district and birth date, alike
 * names) for the whole country, for Khon Kaen and for one person.
 */
import { duplicateCandidates } from '../src/server/modules/registry/registry.repository';
import { benchArgs, benchDatabase, n, percentile, report, round, samplePeople, startServer, timed } from './lib/harness';

const { args } = benchArgs();
const bench = await benchDatabase(args, { purpose: 'read', fill: args.people });
const { app, base, cookie } = await startServer(bench, 'bench.executive');

const queries = samplePeople(args, args.people, 320, 7919).map((p, i) => {
  const kind = i % 5;
  return kind === 0
    ? p.first_name_th
    : kind === 1
      ? p.first_name_th.slice(0, 3)
      : kind === 2
        ? `${p.first_name_th} ${p.last_name_th.slice(0, 3)}`
        : kind === 3
          ? p.last_name_th.slice(0, 4)
          : p.first_name_en || p.last_name_th.slice(2, 6);
});
process.stderr.write(`Name search: ${queries.length} queries…\n`);
const times: number[] = [];
let empty = 0;
for (const [i, q] of queries.entries()) {
  const { ms, value } = await timed(
    async () => (await (await fetch(`${base}/api/people?q=${encodeURIComponent(q)}&limit=20`, { headers: { cookie } })).json()) as { items?: unknown[] },
  );
  if (!Array.isArray(value.items)) throw new Error(`Search for "${q}" failed: ${JSON.stringify(value)}`);
  if (value.items.length === 0) empty++;
  if (i >= 20) times.push(ms);
}
// Every query comes from a real person, so an empty page is a wrong answer, not a fast one.
if (empty > 0) throw new Error(`${empty} searches found no one`);
times.sort((a, b) => a - b);
await app.close();

process.stderr.write('Duplicate review…\n');
const db = bench.database.db;
const duplicates = {
  nationwideMs: Math.round((await timed(() => duplicateCandidates(db, null, 50))).ms),
  khonKaenMs: Math.round((await timed(() => duplicateCandidates(db, ['40'], 50))).ms),
  onePersonMs: Math.round((await timed(() => duplicateCandidates(db, null, 50, 1234))).ms),
};
await bench.close();

const search = { queries: times.length, p50Ms: round(percentile(times, 0.5)), p95Ms: round(percentile(times, 0.95)), maxMs: round(times[times.length - 1]!) };
report(
  args,
  'search',
  { fillSeconds: bench.fillSeconds, search, duplicates },
  `search ${args.engine} ${n(args.people)} people: name search top 20 p50 ${search.p50Ms} ms p95 ${search.p95Ms} ms (${search.queries} queries)` +
    ` · duplicate review: country ${n(duplicates.nationwideMs)} ms, Khon Kaen ${n(duplicates.khonKaenMs)} ms, one person ${duplicates.onePersonMs} ms`,
);
