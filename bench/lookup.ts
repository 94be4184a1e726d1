/**
 * `npm run bench:lookup -- --people N [--engine postgresql|pglite] [--seconds S] [--connections C]`
 *
 * An executive's authenticated GET /api/people?q=<identity document>&limit=1 under load, 1,000
 * different people in turn, from a load generator in its own process; then the same with one
 * connection (what one officer at a counter sees); then a bare Fastify route doing the same
 * lookup (`select * from person where doc_number = $1` through `pg`, or through the PGlite
 * connection), the limit the API is compared with.
 */
import Fastify from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import type { AddressInfo } from 'node:net';
import { benchArgs, progress, runWhenMain, benchDatabase, n, report, round, runLoad, samplePeople, startServer } from './lib/harness';

export async function main(argv: string[]): Promise<string> {
  const { args, own } = benchArgs({ connections: { type: 'string', default: '8' } }, argv);
  const connections = Number(own.connections);
  const bench = await benchDatabase(args, { purpose: 'read', fill: args.people });
  const { app, base, cookie } = await startServer(bench, 'bench.executive');

  const people = samplePeople(args, args.people, 1000);
  const path = (doc: string) => `/api/people?q=${encodeURIComponent(doc)}&limit=1`;

  // The figures mean nothing unless each lookup finds its person.
  for (const p of people.slice(0, 25)) {
    const page = (await (await fetch(base + path(p.id_number), { headers: { cookie } })).json()) as { items: { firstNameTh: string }[] };
    if (page.items.length !== 1 || page.items[0]!.firstNameTh !== p.first_name_th)
      throw new Error(`Lookup of ${p.id_number} found ${JSON.stringify(page.items)}`);
  }

  progress(`Lookup: ${connections} connections, ${args.seconds} s…`);
  const api = await runLoad({ url: base, paths: people.map((p) => path(p.id_number)), headers: { cookie }, connections, seconds: args.seconds });
  const one = await runLoad({ url: base, paths: people.map((p) => path(p.id_number)), headers: { cookie }, connections: 1, seconds: args.seconds });
  await app.close();

  const pool = bench.url ? new pg.Pool({ connectionString: bench.url, max: 10 }) : null;
  // As in the engine: an idle connection ended by the server (the smoke run drops its database) is not a crash.
  pool?.on('error', () => {});
  const bareApp = Fastify();
  bareApp.get<{ Querystring: { q: string } }>('/person', async (request) =>
    pool
      ? ((await pool.query('select * from person where doc_number = $1', [request.query.q])).rows[0] ?? null)
      : ((await sql`select * from person where doc_number = ${request.query.q}`.execute(bench.database.db)).rows[0] ?? null),
  );
  await bareApp.listen({ port: 0, host: '127.0.0.1' });
  const bareBase = `http://127.0.0.1:${(bareApp.server.address() as AddressInfo).port}`;
  const probe = (await (await fetch(`${bareBase}/person?q=${encodeURIComponent(people[0]!.id_number)}`)).json()) as { first_name_th?: string } | null;
  if (probe?.first_name_th !== people[0]!.first_name_th) throw new Error('The bare route does not find the person');
  progress('Bare route…');
  const bare = await runLoad({ url: bareBase, paths: people.map((p) => `/person?q=${encodeURIComponent(p.id_number)}`), connections, seconds: args.seconds });
  await bareApp.close();
  await pool?.end();
  await bench.close();

  if (api.errors || one.errors || bare.errors)
    throw new Error(`Lookups failed under load: API ${api.errors}, one connection ${one.errors}, bare ${bare.errors}`);
  const ratio = round(api.requestsPerSecond / bare.requestsPerSecond, 2);
  return report(
    args,
    'lookup',
    { connections, seconds: args.seconds, fillSeconds: bench.fillSeconds, api, oneConnection: one, bare, ratioToBare: ratio },
    `lookup ${args.engine} ${n(args.people)} people: ${n(api.requestsPerSecond)} req/s p50 ${api.p50Ms} ms p99 ${api.p99Ms} ms (${connections} connections; 1 connection p99 ${one.p99Ms} ms)` +
      ` · bare route ${n(bare.requestsPerSecond)} req/s p99 ${bare.p99Ms} ms · ratio ${ratio}`,
  );
}

runWhenMain(import.meta.url, main);
