import { sql } from 'kysely';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { POLICY_ENGINE } from '../helpers/database';
import { EXPECTATIONS } from './expectations';
import { operationsOf, requestFor, type Operation } from './matrix';
import { buildWorld, IDENTITIES, type Identity, type World } from './world';

/**
 * Every operation of the OpenAPI document, called as someone allowed to use it (the matrix's
 * table says who), with one part of a request it accepts spoiled at a time: NUL bytes, lone
 * surrogates, 1 MB strings, wrong types, unknown fields, numbers past any column, impossible dates,
 * in each path parameter, query parameter and body field. No answer may be a server error, and
 * nothing may be written: every table reads the same after the run as before.
 */

const MB = 'a'.repeat(1_000_000);
const NUL = 'x\u0000y';
const SURROGATE = 'x\ud800y';

type Mutation = { what: string; apply: (request: InjectOptions) => InjectOptions; field?: string; edge?: boolean };

/** The caller for an operation: the first identity the table lets in for its own record. */
function callerFor(op: Operation): Identity {
  const row = EXPECTATIONS[op.key];
  const allowed = IDENTITIES.findIndex((_who, i) => {
    const cell = row?.[i];
    const own = typeof cell === 'number' ? cell : Number(String(cell).split('/')[0]);
    return own >= 200 && own < 300;
  });
  return allowed >= 0 ? IDENTITIES[allowed]! : 'officer';
}

/** Every path to a value in a JSON body, with the value. */
function leaves(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return path.length ? [{ path, value }] : [];
}
const objects = (value: unknown, path: (string | number)[] = []): (string | number)[][] =>
  Array.isArray(value)
    ? value.flatMap((item, i) => objects(item, [...path, i]))
    : value && typeof value === 'object'
      ? [path, ...Object.entries(value).flatMap(([k, v]) => objects(v, [...path, k]))]
      : [];
const fieldName = (path: (string | number)[]) => ['body', ...path].map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');

function setAt(body: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  if (path.length) at[path[path.length - 1]!] = value;
  return path.length ? copy : value;
}

function mutations(op: Operation, base: InjectOptions): Mutation[] {
  const out: Mutation[] = [];
  const url = new URL(String(base.url), 'http://x');
  const withUrl = (path: string, search: URLSearchParams | string) => (r: InjectOptions) => ({ ...r, url: `${path}${search ? `?${search}` : ''}` });
  // Path parameters: each segment the template marks, spoiled.
  const templateParts = op.path.split('/');
  const actualParts = url.pathname.split('/');
  for (const [i, part] of templateParts.entries()) {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (!name) continue;
    for (const [what, value, edge] of [
      ['NUL', '%00', true],
      ['NUL inside', 'a%00b', true],
      ['lone surrogate', '%ED%A0%80', false],
      ['1 MB', MB.slice(0, 20_000), false],
      ['wrong type', 'not-a-number', false],
      ['overflow', '99999999999999999999999', false],
      ['negative', '-1', false],
      ['impossible date', '2023-02-30', false],
    ] as const) {
      const parts = [...actualParts];
      parts[i] = value;
      out.push({ what: `path {${name}} ${what}`, apply: withUrl(parts.join('/'), url.searchParams), field: `params.${name}`, edge });
    }
  }
  // Query parameters that the call gives.
  for (const [name] of url.searchParams) {
    for (const [what, value, edge] of [
      ['NUL', NUL, true],
      // URLSearchParams writes a lone surrogate as U+FFFD, as a browser would: it never arrives.
      ['lone surrogate', SURROGATE, false],
      ['1 MB', MB.slice(0, 100_000), false],
      ['overflow', '99999999999999999999999', false],
      ['impossible date', '2023-02-30', false],
    ] as const) {
      const search = new URLSearchParams(url.searchParams);
      search.set(name, value);
      out.push({ what: `query ${name} ${what}`, apply: withUrl(url.pathname, search), field: `querystring.${name}`, edge });
    }
  }
  // The JSON body: each value spoiled, unknown fields, and a body of the wrong shape.
  const contentType = (base.headers as Record<string, string> | undefined)?.['content-type'];
  if (contentType === 'application/json') {
    const body = JSON.parse(String(base.payload));
    const withBody = (next: unknown) => (r: InjectOptions) => ({ ...r, payload: JSON.stringify(next) });
    for (const leaf of leaves(body)) {
      const field = fieldName(leaf.path);
      const spoiled: [string, unknown, boolean][] = [
        ['NUL', NUL, true],
        ['lone surrogate', SURROGATE, true],
        ['1 MB', MB, false],
        ['wrong type', typeof leaf.value === 'string' ? 12345 : typeof leaf.value === 'number' ? 'abc' : typeof leaf.value === 'boolean' ? 'yes' : 7, false],
        ['overflow', 9.3e18, false],
        ['huge', 1e308, false],
      ];
      if (typeof leaf.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(leaf.value))
        spoiled.push(['impossible date', '2023-02-30', false], ['year 1', '0001-01-01', false]);
      for (const [what, value, edge] of spoiled) out.push({ what: `${field} ${what}`, apply: withBody(setAt(body, leaf.path, value)), field, edge });
    }
    for (const path of objects(body)) {
      out.push({ what: `${fieldName(path)} unknown field`, apply: withBody(setAt(body, [...path, 'unexpected'], 1)) });
      out.push({ what: `${fieldName(path)} NUL in a key`, apply: withBody(setAt(body, [...path, 'a\u0000b'], 1)), edge: true });
    }
    out.push(
      { what: 'body is an array', apply: withBody([]) },
      { what: 'body is a string', apply: withBody('text') },
      { what: 'body is null', apply: withBody(null) },
    );
  }
  return out;
}

/** Every table's row count and a digest of its content (the audit sealer's own tables aside). */
async function snapshot(t: TestApp) {
  const tables = (
    await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(t.database.db)
  ).rows
    .map((r) => r.name)
    // The sealer moves events from the queue into the chain and signs checkpoints on its own
    // clock; the events themselves (audit_event) are compared.
    // clock; the events themselves (audit_event) are compared. A session's last use is the
    // session's own bookkeeping, touched by every request.
    .filter((name) => !['audit_unsealed', 'audit_seal', 'audit_checkpoint', 'user_session'].includes(name));
  const out: Record<string, string> = {};
  for (const name of tables) {
    // Revealing a full document number with a reason is audited, as it must be: a spoiled reason is
    // still a reason, and the record of that read is not a change.
    const reads = name === 'audit_event' ? sql`where t.action <> 'person.reveal_document'` : sql``;
    const row = (
      await sql<{
        n: string;
        digest: string | null;
      }>`select count(*)::text as n, md5(string_agg(t::text, '|' order by t::text)) as digest from ${sql.table(name)} t ${reads}`.execute(t.database.db)
    ).rows[0]!;
    out[name] = `${row.n} ${row.digest}`;
  }
  return out;
}

describe.each(POLICY_ENGINE)('bad input on %s', (engine) => {
  let t: TestApp;
  let w: World;
  let ops: Operation[];
  const results: { op: string; what: string; status: number; field?: string; edge?: boolean; body: string }[] = [];
  let before: Record<string, string>;
  let after: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildWorld(t, 600_000 + Math.floor(Math.random() * 1000) * 100);
    ops = operationsOf(t).filter((op) => op.key !== 'POST /api/auth/sign-out');
    // The first reveal of the person's number makes their audit key; made before the snapshot.
    await t.app.inject({
      ...requestFor(
        ops.find((o) => o.key === 'GET /api/people/{id}/identity')!,
        w,
        'officer',
        'own',
      ),
    });
    before = await snapshot(t);
    for (const op of ops) {
      const base = requestFor(op, w, callerFor(op), 'own');
      for (const m of mutations(op, base)) {
        // An address per request: rate limits (employer registration: 10 a minute) are not what is tested here.
        const response = await t.app.inject({
          ...m.apply(base),
          remoteAddress: `10.${(results.length >> 16) & 255}.${(results.length >> 8) & 255}.${results.length & 255}`,
        });
        results.push({ op: op.key, what: m.what, status: response.statusCode, field: m.field, edge: m.edge, body: response.body.slice(0, 300) });
      }
    }
    after = await snapshot(t);
  });
  afterAll(() => t?.dispose());

  it('never answers with a server error', () => {
    const failures = results.filter((r) => r.status >= 500).map((r) => `${r.op} — ${r.what}: ${r.status} ${r.body}`);
    console.info(`bad input on ${engine}: ${ops.length} operations, ${results.length} requests, ${failures.length} server errors`);
    expect(failures).toEqual([]);
  });

  it('refuses NUL bytes and lone surrogates with a 400 naming the field', () => {
    const wrong = results
      .filter((r) => r.edge)
      .filter((r) => {
        if (r.status !== 400) return true;
        const problem = JSON.parse(r.body.length < 300 ? r.body : '{}') as { errors?: { field: string }[] };
        return r.field !== undefined && problem.errors !== undefined && !problem.errors.some((e) => e.field.startsWith(r.field!.replace(/\[\d+\].*$/, '')));
      })
      .map((r) => `${r.op} — ${r.what}: ${r.status} ${r.body}`);
    expect(wrong).toEqual([]);
  });

  // A search term may be any text, and POST /api/verify checks any JSON document it is given
  // (writing nothing): those may answer 200. No change may be accepted.
  it('refuses every spoiled change (4xx)', () => {
    const accepted = results
      .filter((r) => r.status < 400 && !r.op.startsWith('GET ') && r.op !== 'POST /api/verify')
      .map((r) => `${r.op} — ${r.what}: ${r.status} ${r.body.slice(0, 120)}`);
    expect(accepted).toEqual([]);
  });

  it('writes nothing', () => {
    const changed = Object.keys(before).filter((name) => before[name] !== after[name]);
    expect(changed).toEqual([]);
  });
});
