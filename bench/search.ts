/**
 * `npm run bench:search -- --people N [--engine postgresql|pglite] [--queries Q]`
 *
 * Name search as people type it, top 20, through HTTP one after another: 300 queries (or Q) made from
 * real people of the fill (whole Thai first names, 3-letter prefixes, a first name with the start
 * of the surname, surname prefixes, English first names or a part from inside a surname); the
 * first 20 warm the caches. Beside it, the duplicate review (same district and birth date, alike
 * names) for the whole country, for Khon Kaen and for one person; and its answer once people are
 * registered twice on purpose (reported, for the smoke test to check that it finds those and no
 * others).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/server/db/schema';
import { personSearchText } from '../src/server/modules/registry/import/people-rows';
import { duplicateCandidates } from '../src/server/modules/registry/registry.repository';
import { benchArgs, progress, runWhenMain, benchDatabase, fail, n, percentile, report, round, samplePeople, startServer, timed } from './lib/harness';

export async function main(argv: string[]): Promise<string> {
  type Pair = [number, number];
  class RolledBack extends Error {
    constructor(readonly value: unknown) {
      super('rolled back on purpose');
    }
  }

  const { args, own } = benchArgs({ queries: { type: 'string', default: '300' } }, argv);
  const timedQueries = Number(own.queries);
  if (!Number.isSafeInteger(timedQueries) || timedQueries < 5) fail('--queries must be a whole number ≥ 5 (one of each kind)');
  const bench = await benchDatabase(args, { purpose: 'read', fill: args.people });
  const { app, base, cookie } = await startServer(bench, 'bench.executive');

  const queries = samplePeople(args, args.people, timedQueries + 20, 7919).map((p, i) => {
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
  progress(`Name search: ${queries.length} queries…`);
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

  progress('Duplicate review…');
  const db = bench.database.db;
  const duplicates = {
    nationwideMs: Math.round((await timed(() => duplicateCandidates(db, null, 50))).ms),
    khonKaenMs: Math.round((await timed(() => duplicateCandidates(db, ['40'], 50))).ms),
    onePersonMs: Math.round((await timed(() => duplicateCandidates(db, null, 50, 1234))).ms),
  };
  const answer = await plantedDuplicatesAnswer(db);
  await bench.close();

  const search = { queries: times.length, p50Ms: round(percentile(times, 0.5)), p95Ms: round(percentile(times, 0.95)), maxMs: round(times[times.length - 1]!) };
  return report(
    args,
    'search',
    { fillSeconds: bench.fillSeconds, search, duplicates: { ...duplicates, ...answer } },
    `search ${args.engine} ${n(args.people)} people: name search top 20 p50 ${search.p50Ms} ms p95 ${search.p95Ms} ms (${search.queries} queries)` +
      ` · duplicate review: country ${n(duplicates.nationwideMs)} ms, Khon Kaen ${n(duplicates.khonKaenMs)} ms, one person ${duplicates.onePersonMs} ms`,
  );

  /**
   * Registers some people of the fill a second time, as an office might: those a fifth, two fifths
   * and three fifths of the way through, and the first in Khon Kaen where there is one; every other
   * one as an exact copy under another document, the rest with the surname one letter longer (the
   * "alike names" branch). Then asks the review for the country, for Khon Kaen and for one copy.
   * All in a transaction rolled back afterwards, so a reused registry stays as filled.
   */
  async function plantedDuplicatesAnswer(db: Kysely<DB>) {
    const pick = sql<{ id: number }>`
      select id from (select id, province_code, row_number() over (order by id) as k, count(*) over () as total from person where status = 'active') x
       where k in (total / 5, 2 * total / 5, 3 * total / 5)
          or id = (select min(id) from person where status = 'active' and province_code = '40')
       order by id`;
    try {
      await db.transaction().execute(async (trx) => {
        const sources = (await pick.execute(trx)).rows.map((r) => Number(r.id));
        const planted: { pair: Pair; provinceCode: string }[] = [];
        for (const [k, sourceId] of sources.entries()) {
          const { id: _id, ...source } = await trx.selectFrom('person').selectAll().where('id', '=', sourceId).executeTakeFirstOrThrow();
          const lastNameTh = k % 2 === 0 ? source.last_name_th : `${source.last_name_th}ย`;
          const copy = await trx
            .insertInto('person')
            .values({
              ...source,
              doc_type: 'other',
              doc_number: `BENCH-DUPLICATE-${k}`,
              last_name_th: lastNameTh,
              search_text: personSearchText({
                firstNameTh: source.first_name_th,
                lastNameTh,
                firstNameEn: source.first_name_en,
                lastNameEn: source.last_name_en,
              }),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          planted.push({ pair: [sourceId, Number(copy.id)], provinceCode: source.province_code });
        }
        const pairs = (rows: { a_id: number; b_id: number }[]): Pair[] => rows.map((r) => [Number(r.a_id), Number(r.b_id)]);
        const onePersonId = planted[0]!.pair[1];
        throw new RolledBack({
          planted,
          found: {
            nationwide: pairs(await duplicateCandidates(trx, null, 50)),
            khonKaen: pairs(await duplicateCandidates(trx, ['40'], 50)),
            onePerson: { personId: onePersonId, pairs: pairs(await duplicateCandidates(trx, null, 50, onePersonId)) },
          },
        });
      });
    } catch (error) {
      if (error instanceof RolledBack) return error.value as { planted: { pair: Pair; provinceCode: string }[]; found: Record<string, unknown> };
      throw error;
    }
    throw new Error('unreachable: the transaction always rolls back');
  }
}

runWhenMain(import.meta.url, main);
