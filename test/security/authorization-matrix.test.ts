import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { POLICY_ENGINE } from '../helpers/database';
import { EXPECTATIONS, type Cell } from './expectations';
import { formatRow, operationsOf, requestFor, runOrder, variantsOf, type Operation } from './matrix';
import { buildWorld, IDENTITIES, type Identity, type Variant, type World } from './world';

const expected = (cell: Cell | undefined, v: Variant): number | undefined => {
  if (cell === undefined) return undefined;
  if (typeof cell === 'number') return cell;
  const [own, same, other] = cell.split('/').map(Number);
  return { own, same, other }[v];
};

describe.each(POLICY_ENGINE)('the authorisation matrix on %s', (engine) => {
  let t: TestApp;
  let w: World;
  let ops: Operation[];
  const observed = new Map<string, Record<Identity, Partial<Record<Variant, number>>>>();
  let requests = 0;
  const spent = new Map<string, number>();
  let worldMs = 0;
  let cellsMs = 0;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const begun = performance.now();
    w = await buildWorld(t, 700_000 + Math.floor(Math.random() * 1000) * 100);
    worldMs = performance.now() - begun;
    ops = operationsOf(t);
    // One pass over every cell, in the table's run order; the tests below judge what was seen.
    for (const op of runOrder(ops)) {
      const started = performance.now();
      const row = Object.fromEntries(IDENTITIES.map((who) => [who, {}])) as Record<Identity, Partial<Record<Variant, number>>>;
      for (const who of IDENTITIES) {
        for (const v of variantsOf(op)) {
          // An address per identity: rate limits (sign-in, employer registration) count per address.
          const response = await t.app.inject({ ...requestFor(op, w, who, v), remoteAddress: `198.51.100.${IDENTITIES.indexOf(who) + 1}` });
          requests++;
          row[who][v] = response.statusCode;
        }
      }
      observed.set(op.key, row);
      spent.set(op.key, performance.now() - started);
    }
    cellsMs = performance.now() - begun - worldMs;
  });
  afterAll(() => t?.dispose());

  it('has a declared answer for every operation of the OpenAPI document, and no row for one it lacks', () => {
    const keys = new Set(ops.map((o) => o.key));
    const missing = ops.filter((o) => !EXPECTATIONS[o.key]).map((o) => formatRow(o.key, observed.get(o.key)!));
    const stale = Object.keys(EXPECTATIONS).filter((k) => !keys.has(k));
    expect(missing, `operations without a row in test/security/expectations.ts; observed:\n${missing.join('\n')}`).toEqual([]);
    expect(stale, 'rows for operations the API does not have').toEqual([]);
    expect(ops.length).toBeGreaterThan(100);
    const slowest = [...spent].sort((a, b) => b[1] - a[1]).slice(0, 5);
    console.info(
      `authorisation matrix on ${engine}: ${ops.length} operations × ${IDENTITIES.length} identities, ${requests} requests (world ${Math.round(worldMs)} ms, cells ${Math.round(cellsMs)} ms); slowest: ` +
        slowest.map(([k, ms]) => `${k} ${Math.round(ms)} ms`).join(', '),
    );
  });

  it('answers every cell as the table declares, and never with a server error', () => {
    const wrong: string[] = [];
    for (const op of ops) {
      const row = EXPECTATIONS[op.key];
      const seen = observed.get(op.key)!;
      let differs = false;
      for (const [i, who] of IDENTITIES.entries()) {
        for (const v of variantsOf(op)) {
          const got = seen[who][v]!;
          if (got >= 500 || (row && got !== expected(row[i], v))) differs = true;
        }
      }
      if (differs) wrong.push(`expected ${JSON.stringify(row)}\n${formatRow(op.key, seen)}`);
    }
    expect(wrong, `cells that differ (observed rows):\n${wrong.join('\n')}`).toEqual([]);
  });
});
