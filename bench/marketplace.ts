/**
 * `npm run bench:marketplace -- [--listings 100000] [--queries Q] [--engine postgresql|pglite] [--people 0] [--keep]`
 *
 * The public catalogue at the issue's size (issue 19): L approved listings (100,000 by default) of
 * a thousand synthetic groups spread over the provinces, written straight into the tables with
 * set-based SQL, their search text made as the listing service makes it. Then:
 *
 * - catalogue search (`GET /api/marketplace/catalogue`) through HTTP with no one signed in, one
 *   request after another, cycling through a mix of queries (selective, common, part of a Thai
 *   word across two words, one and two letters, a province alone and with a word), Q of each
 *   after warm-ups; beside it the repository's SQL for the same page (the query and its capped
 *   count, no HTTP, no photos, marks or shops): the limit;
 * - a product page's HTML (`GET /shop/products/{id}`, 200 different products with a photo each),
 *   each rendered once first (timed), then under load from autocannon in its own process for
 *   `--seconds` (8 connections, keep-alive), beside a file of the same bytes served by the same
 *   server through @fastify/static: the limit. `--seconds 0` skips the load (the smoke run).
 *
 * What it wrote is removed at the end (`--keep` leaves it, and a later run with the same
 * `--listings` reuses it).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import sharp from 'sharp';
import { buildApp } from '../src/server/app';
import * as repository from '../src/server/modules/marketplace/marketplace.repository';
import { catalogueSearch } from '../src/server/modules/marketplace/marketplace.rules';
import { benchArgs, benchDatabase, fail, n, percentile, progress, report, round, runLoad, runWhenMain, timed } from './lib/harness';

const PREFIX = 'bench-marketplace-';
const PER_GROUP = 100;
/** Product words: each starts 1 title in 20. */
const NOUNS = [
  'ผ้าไหม',
  'ผ้าฝ้าย',
  'ข้าวหอมมะลิ',
  'น้ำพริกเผา',
  'ปลาร้าบอง',
  'สบู่สมุนไพร',
  'ตะกร้าสาน',
  'กระเป๋าผ้า',
  'ชาใบหม่อน',
  'กล้วยตาก',
  'ทุเรียนทอด',
  'น้ำผึ้งป่า',
  'ยาหม่อง',
  'เสื่อกก',
  'หมอนขิด',
  'ครกหิน',
  'เครื่องปั้นดินเผา',
  'ไม้กวาดดอกหญ้า',
  'ขนมทองม้วน',
  'กาแฟคั่ว',
];
/** What follows the noun: 1 title in 15 each. */
const QUALIFIERS = [
  'มัดหมี่',
  'ย้อมคราม',
  'สีธรรมชาติ',
  'อบแห้ง',
  'ออร์แกนิก',
  'สูตรโบราณ',
  'พรีเมียม',
  'บ้านนาคา',
  'ตราแม่บุญ',
  'จากดอยสูง',
  'ริมโขง',
  'ภูพาน',
  'อีสาน',
  'ปักษ์ใต้',
  'ล้านนา',
];
/** One description in five each: 'ทอมือ' is in a fifth of the catalogue. */
const DESCRIPTIONS = [
  'ทอมือโดยกลุ่มแม่บ้าน ย้อมสีจากธรรมชาติ ลวดลายดั้งเดิมของชุมชน',
  'ผลิตจากวัตถุดิบในท้องถิ่น ไม่ใส่สารกันเสีย บรรจุถุงซิปล็อก',
  'งานฝีมือจากภูมิปัญญาชาวบ้าน ทนทาน ใช้ได้ทุกวัน เหมาะเป็นของฝาก',
  'ปลูกแบบอินทรีย์ ผ่านการคัดเกรดทุกล็อต ส่งตรงจากแหล่งผลิต',
  'สูตรดั้งเดิมของหมู่บ้าน หอม อร่อย เก็บได้นาน สะอาด ปลอดภัย',
];
const CATEGORIES = ['food', 'drink', 'cloth', 'crafts', 'herbal', 'service', 'other'];
const sqlArray = (words: string[]) => sql.raw(`array[${words.map((w) => `'${w}'`).join(', ')}]::text[]`);

/** The mix of searches: a name for the report and the query string. */
function searches(listings: number) {
  const selective = (k: number) => `ลาย${(k * 7919) % Math.min(9973, listings)}`;
  return [
    { kind: 'selective (about 10 hits)', make: (k: number) => `q=${encodeURIComponent(selective(k))}` },
    { kind: 'common word (1 in 5)', make: (k: number) => `q=${encodeURIComponent(['ทอมือ', 'ธรรมชาติ', 'ท้องถิ่น', 'ภูมิปัญญา', 'อินทรีย์'][k % 5]!)}` },
    { kind: 'common word (1 in 20)', make: (k: number) => `q=${encodeURIComponent(NOUNS[k % NOUNS.length]!)}` },
    { kind: 'part of a Thai word, across two', make: (k: number) => `q=${encodeURIComponent(['ไหมมัด', 'หม่อนออร์', 'ตากอบ', 'กกริม'][k % 4]!)}` },
    { kind: 'two letters', make: (k: number) => `q=${encodeURIComponent(['ผ้', 'กร', 'ขน', 'ชา', 'zz'][k % 5]!)}` },
    { kind: 'one letter', make: (k: number) => `q=${encodeURIComponent(['ก', 'น', 'ผ', 'x'][k % 4]!)}` },
    { kind: 'province', make: (k: number) => `province=${['10', '40', '50', '83'][k % 4]}` },
    { kind: 'province and a common word', make: (k: number) => `province=${['10', '40', '50', '83'][k % 4]}&q=${encodeURIComponent('ทอมือ')}` },
  ];
}

export async function main(argv: string[]): Promise<string> {
  const { args, own } = benchArgs(
    {
      listings: { type: 'string', default: '100000' },
      queries: { type: 'string', default: '50' },
      pages: { type: 'string', default: '200' },
      keep: { type: 'boolean', default: false },
    },
    argv,
  );
  const listings = Number(own.listings);
  const queries = Number(own.queries);
  const pages = Number(own.pages);
  if (!Number.isSafeInteger(listings) || listings < PER_GROUP || listings % PER_GROUP !== 0) fail(`--listings must be a whole multiple of ${PER_GROUP}`);
  if (!Number.isSafeInteger(queries) || queries < 1) fail('--queries must be a whole number ≥ 1');
  if (!Number.isSafeInteger(pages) || pages < 1 || pages > listings) fail('--pages must be a whole number between 1 and --listings');
  const bench = await benchDatabase(args, { purpose: 'read', fill: args.people });
  const db = bench.database.db;

  async function cleanUp() {
    const groups = sql`(select id from occupation_group where name like ${PREFIX + '%'})`;
    await sql`delete from listing_photo_size where photo_id in (select p.id from listing_photo p join listing l on l.id = p.listing_id where l.group_id in ${groups})`.execute(
      db,
    );
    await sql`delete from listing_photo where listing_id in (select id from listing where group_id in ${groups})`.execute(db);
    await sql`delete from listing where group_id in ${groups}`.execute(db);
    await sql`delete from product where group_id in ${groups}`.execute(db);
    await sql`delete from occupation_group where name like ${PREFIX + '%'}`.execute(db);
  }
  const written = Number(
    (
      await sql<{
        n: string;
      }>`select count(*)::text as n from listing l join occupation_group g on g.id = l.group_id where g.name like ${PREFIX + '%'}`.execute(db)
    ).rows[0]!.n,
  );
  const fillStart = performance.now();
  if (written !== listings) {
    await cleanUp();
    progress(`Marketplace: ${n(listings)} approved listings…`);
    const groups = listings / PER_GROUP;
    await sql`insert into occupation_group (name, type, occupation, subdistrict_code, district_code, province_code, source, search_text)
    select ${PREFIX} || i, 'community-enterprise', 'other', s.code, s.district_code, s.province_code, 'officer', ${PREFIX} || i
    from generate_series(0, ${groups - 1}) i
    join (select code, district_code, province_code, (row_number() over (order by code) - 1)::int as k from subdistrict) s
      on s.k = (i * 7) % (select count(*) from subdistrict)`.execute(db);
    // Listing i (group i ÷ 100, its product i mod 100): the i-th noun and qualifier, a pattern
    // number ('ลาย' 0–9972: about ten listings each), one of five descriptions; approved i minutes
    // ago. Written 10,000 at a time: in one statement, 100,000 rows of Thai text broke in-memory PGlite.
    for (let first = 0; first < groups; first += 100) {
      const chunk = sql`(select id, group_id_of.gi from occupation_group g, lateral (select substr(g.name, ${PREFIX.length + 1})::int as gi) group_id_of
        where g.name like ${PREFIX + '%'} and group_id_of.gi >= ${first} and group_id_of.gi < ${first + 100})`;
      await sql`insert into product (group_id, province_code, name, category, unit_price_satang)
      select g.id, g.province_code, ${PREFIX} || (c.gi * ${PER_GROUP} + k), (${sqlArray(CATEGORIES)})[k % ${CATEGORIES.length} + 1], 5000 + k * 100
      from ${chunk} c join occupation_group g on g.id = c.id cross join generate_series(0, ${PER_GROUP - 1}) k`.execute(db);
      await sql`insert into listing (product_id, group_id, province_code, status, title_th, title_en, description_th, price_satang, category,
                                   search_text, proposed_at, decided_at, approved_at, updated_at)
      select x.id, x.group_id, x.province_code, 'approved', x.title_th, x.title_en, x.description_th, x.unit_price_satang, x.category,
             lower(x.title_th || ' ' || x.title_en || ' ' || x.description_th || ' ' || x.group_name),
             now() - (x.i || ' minutes')::interval, now() - (x.i || ' minutes')::interval, now() - (x.i || ' minutes')::interval, now()
      from (
        select p.id, p.group_id, p.province_code, p.unit_price_satang, p.category, g.name as group_name, i,
               (${sqlArray(NOUNS)})[i % ${NOUNS.length} + 1] || (${sqlArray(QUALIFIERS)})[(i / ${NOUNS.length}) % ${QUALIFIERS.length} + 1] || ' ลาย' || (i % 9973) as title_th,
               'Community product ' || i as title_en,
               (${sqlArray(DESCRIPTIONS)})[(i / 7) % ${DESCRIPTIONS.length} + 1] as description_th
        from ${chunk} c join occupation_group g on g.id = c.id join product p on p.group_id = g.id,
             lateral (select substr(p.name, ${PREFIX.length + 1})::int as i) n
      ) x`.execute(db);
    }
    // A photo (three widths, as uploads are stored) on the products whose pages are loaded.
    const jpeg = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#b03a2e' } })
      .jpeg({ quality: 60 })
      .toBuffer();
    await sql`insert into listing_photo (id, listing_id, position, original_width, original_height)
    select gen_random_uuid(), l.id, 0, 1200, 900 from listing l join occupation_group g on g.id = l.group_id
    where g.name like ${PREFIX + '%'} order by l.id limit ${pages}`.execute(db);
    await sql`insert into listing_photo_size (photo_id, width, height, content_type, data)
    select p.id, w, w * 3 / 4, 'image/jpeg', ${jpeg} from listing_photo p join listing l on l.id = p.listing_id
    join occupation_group g on g.id = l.group_id cross join unnest(array[320, 640, 1200]) w where g.name like ${PREFIX + '%'}`.execute(db);
    if (bench.database.engine === 'postgresql') await sql`vacuum (analyze) listing, listing_photo, listing_photo_size, product, occupation_group`.execute(db);
    else await sql`analyze listing`.execute(db);
  }
  const fillSeconds = round((performance.now() - fillStart) / 1000);
  const listed = Number(
    (
      await sql<{
        n: string;
      }>`select count(*)::text as n from listing l join occupation_group g on g.id = l.group_id where g.name like ${PREFIX + '%'}`.execute(db)
    ).rows[0]?.n,
  );
  if (listed !== listings) throw new Error(`The fill wrote ${listed} listings, not ${listings}`);
  progress(`  ${written === listings ? 'reused' : `filled in ${fillSeconds} s`}: ${n(listings)} listings`);

  const app = await buildApp({ database: bench.database, config: bench.config, services: bench.services, webRoot: null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    // ------------------------------------------------------------ search
    const mix = searches(listings);
    const get = async (url: string) => {
      const r = await fetch(`${base}${url}`);
      if (!r.ok) throw new Error(`${url}: ${r.status} ${await r.text()}`);
      return (await r.json()) as { total: number; totalIsCapped: boolean; items: { id: number }[] };
    };
    const bare = (query: string) => {
      const p = new URLSearchParams(query);
      return repository.catalogue(db, {
        search: catalogueSearch(p.get('q') ?? ''),
        province: p.get('province'),
        category: null,
        mark: null,
        limit: 24,
        offset: 0,
      });
    };
    // The API and the bare SQL find the same page, and what they find matches, or the comparison means nothing.
    for (const m of mix) {
      const query = m.make(1);
      const [api, sqlPage] = await Promise.all([get(`/api/marketplace/catalogue?${query}`), bare(query)]);
      if (JSON.stringify(api.items.map((i) => i.id)) !== JSON.stringify(sqlPage.rows.map((r) => r.id)))
        throw new Error(`${m.kind} (${decodeURIComponent(query)}): the API and the SQL found different pages`);
      progress(`  ${m.kind} (${decodeURIComponent(query)}): ${api.totalIsCapped ? 'more than ' : ''}${n(api.total)} found`);
      // A catalogue that answers nothing agrees with itself: a common word is in every 35 listings.
      if (m.kind.startsWith('common') && api.total === 0) throw new Error(`${m.kind} (${decodeURIComponent(query)}) found nothing`);
    }
    const warmUps = Math.min(10, queries);
    const apiTimes: number[] = [];
    const bareTimes: number[] = [];
    const perKind: Record<string, { api: number[]; bare: number[] }> = {};
    for (let k = 0; k < queries + warmUps; k++) {
      for (const m of mix) {
        const query = m.make(k);
        const api = await timed(() => get(`/api/marketplace/catalogue?${query}`));
        const sqlOnly = await timed(() => bare(query));
        if (k < warmUps) continue;
        (perKind[m.kind] ??= { api: [], bare: [] }).api.push(api.ms);
        perKind[m.kind]!.bare.push(sqlOnly.ms);
        apiTimes.push(api.ms);
        bareTimes.push(sqlOnly.ms);
      }
    }
    const stats = (t: number[]) => {
      const s = [...t].sort((a, b) => a - b);
      return { p50: round(percentile(s, 0.5)), p95: round(percentile(s, 0.95)), max: round(s.at(-1)!) };
    };
    const kinds = Object.fromEntries(Object.entries(perKind).map(([kind, t]) => [kind, { api: stats(t.api), bare: stats(t.bare) }]));
    for (const [kind, s] of Object.entries(kinds)) progress(`  ${kind}: p50 ${s.api.p50} ms, p95 ${s.api.p95} ms (SQL p95 ${s.bare.p95} ms)`);
    const search = { api: stats(apiTimes), bare: stats(bareTimes), runs: apiTimes.length };

    // ------------------------------------------------------------ product page
    const ids = (
      await sql<{ id: number }>`select l.id from listing l join occupation_group g on g.id = l.group_id
      where g.name like ${PREFIX + '%'} and exists (select 1 from listing_photo p where p.listing_id = l.id) order by l.id limit ${pages}`.execute(db)
    ).rows.map((r) => Number(r.id));
    const sample = await fetch(`${base}/shop/products/${ids[0]}`);
    const html = await sample.text();
    if (!sample.ok || !html.includes('og:image'))
      throw new Error(`The product page of ${ids[0]} (${ids.length} with photos): ${sample.status} ${html.slice(0, 400)}`);
    // Each page once before the load, as its first visitor: the load measures pages served again
    // (page-cache.ts), the steady state of a shared link; the first rendering is timed here.
    const firstRenders: number[] = [];
    for (const id of ids) firstRenders.push((await timed(() => fetch(`${base}/shop/products/${id}`).then((r) => r.text()))).ms);
    const firstRender = stats(firstRenders);
    progress(`  product page, first rendering: p50 ${firstRender.p50} ms, p95 ${firstRender.p95} ms`);
    // --seconds 0 (the smoke run): no load, the pages' first renderings only.
    const none = { requestsPerSecond: 0, p50Ms: 0, p99Ms: 0, requests: 0, errors: 0, seconds: 0 };
    const page = args.seconds ? await runLoad({ url: base, paths: ids.map((id) => `/shop/products/${id}`), connections: 8, seconds: args.seconds }) : none;
    progress(`  product page: ${n(page.requestsPerSecond)} req/s, p99 ${page.p99Ms} ms, ${page.errors} errors`);
    await app.close();

    // The limit: a file of the page's size served by the same server (@fastify/static).
    let file = none;
    if (args.seconds) {
      const webRoot = mkdtempSync(path.join(os.tmpdir(), 'archeep-bench-web-'));
      writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Archeep</title>');
      writeFileSync(path.join(webRoot, 'page.html'), html);
      const withStatic = await buildApp({ database: bench.database, config: bench.config, services: bench.services, webRoot });
      await withStatic.listen({ port: 0, host: '127.0.0.1' });
      const staticBase = `http://127.0.0.1:${(withStatic.server.address() as AddressInfo).port}`;
      file = await runLoad({ url: staticBase, paths: ['/page.html'], connections: 8, seconds: args.seconds });
      progress(`  static file: ${n(file.requestsPerSecond)} req/s, p99 ${file.p99Ms} ms, ${file.errors} errors`);
      await withStatic.close();
      rmSync(webRoot, { recursive: true, force: true });
    }
    if (page.errors || file.errors) throw new Error(`Load errors: page ${page.errors}, static ${file.errors}`);

    if (!own.keep) await cleanUp();
    await bench.close();
    const result = {
      listings,
      queries,
      fillSeconds,
      search: { ...search, kinds },
      productPage: { ...page, firstRender, bytes: Buffer.byteLength(html), pages: ids.length },
      staticFile: file,
      ratioToStatic: file.requestsPerSecond ? round(page.requestsPerSecond / file.requestsPerSecond, 2) : null,
    };
    return report(
      args,
      'marketplace',
      result,
      `marketplace ${args.engine} ${n(listings)} listings: catalogue search p95 ${search.api.p95} ms (SQL ${search.bare.p95} ms, ${search.runs} searches of ${mix.length} kinds), ` +
        `product page ${n(page.requestsPerSecond)} req/s (static file ${n(file.requestsPerSecond)} req/s, ratio ${result.ratioToStatic})`,
    );
  } finally {
    if (app.server.listening) await app.close();
  }
}

runWhenMain(import.meta.url, main);
