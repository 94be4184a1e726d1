import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, createServices, type Services } from '../../src/server/app';
import { openPostgres, type Database } from '../../src/server/db/engine';
import { recordAudit } from '../../src/server/platform/audit/audit.service';
import { createTestApp, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/database';

/**
 * Two app instances on one database, each with its sealer, as two server processes behind a load
 * balancer would run. On PostgreSQL the second has its own connection pool; PGlite has one
 * connection, so there the two share it.
 */
describe.each(ENGINES)('audit sealing by two app instances on %s', (engine) => {
  let a: TestApp;
  let b: { app: FastifyInstance; database: Database; services: Services };

  beforeAll(async () => {
    // Background passes idle: the tests drive both sealers themselves, at the same time.
    const idle = { services: { audit: { sealIntervalMs: 3_600_000, batchSize: 25 } } };
    a = await createTestApp(engine, {}, idle);
    const database = a.databaseUrl ? await openPostgres(a.databaseUrl) : a.database;
    const services = createServices(database, a.config, { audit: idle.services.audit });
    b = { app: await buildApp({ database, config: a.config, services }), database, services };
    await b.app.ready();
  });
  afterAll(async () => {
    await b?.app.close();
    if (b && b.database !== a.database) await b.database.close();
    await a?.dispose();
  });

  const write = (database: Database, label: string) =>
    database.db
      .transaction()
      .execute((trx) => recordAudit(trx, { actor: null, requestId: label }, { action: 'test.write', entityType: 'test', entityId: label }));

  const sealed = async () => {
    const rows = await a.database.db.selectFrom('audit_seal').select(['position', 'event_id']).orderBy('position').execute();
    const events = await a.database.db.selectFrom('audit_event').select('id').execute();
    return { rows, events: events.length };
  };

  it('seals every event exactly once while both write and both seal at once', async () => {
    let writing = true;
    const writers = Promise.all(
      ([a.database, b.database] as Database[]).flatMap((database, w) =>
        Array.from({ length: 4 }, async (_, k) => {
          for (let i = 0; i < 30; i++) await write(database, `w${w}-${k}-${i}`);
        }),
      ),
    ).finally(() => (writing = false));
    const sealers = [a.services, b.services].map(async (services) => {
      while (writing) await services.audit.sealNow();
    });
    await Promise.all([writers, ...sealers]);
    await Promise.all([a.services.audit.sealNow(), b.services.audit.sealNow()]);

    const { rows, events } = await sealed();
    expect(rows).toHaveLength(events);
    expect(new Set(rows.map((r) => r.event_id)).size).toBe(events);
    expect(rows.map((r) => r.position)).toEqual(rows.map((_, k) => k + 1));
    expect(await a.services.audit.verify()).toMatchObject({ ok: true, unsealed: 0, events });
  });

  if (engine === 'postgresql') {
    it('leaves an event committed during a pass to the next pass: neither lost nor sealed twice', async () => {
      await write(a.database, 'before-pass');
      // Hold the seal table so that a's pass stops after it has read the queue, before it appends.
      const holder = new pg.Client({ connectionString: a.databaseUrl! });
      await holder.connect();
      try {
        await holder.query('begin');
        await holder.query('lock table audit_seal in share mode');
        const pass = a.services.audit.sealNow();
        for (;;) {
          const { rows } = await holder.query(`select count(*)::int as n from pg_locks where relation = 'audit_seal'::regclass and not granted`);
          if (rows[0].n > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        // a's pass is under way: b commits an event now.
        await write(b.database, 'during-pass');
        await holder.query('commit');
        await pass;
      } finally {
        await holder.end();
      }
      const during = await a.database.db.selectFrom('audit_event').select('id').where('request_id', '=', 'during-pass').executeTakeFirstOrThrow();
      const before = await a.database.db.selectFrom('audit_event').select('id').where('request_id', '=', 'before-pass').executeTakeFirstOrThrow();
      const sealOf = (id: number) => a.database.db.selectFrom('audit_seal').select('position').where('event_id', '=', id).execute();
      expect(await sealOf(before.id)).toHaveLength(1);
      // Not in the pass that was reading when it committed, still waiting in the queue…
      expect(await sealOf(during.id)).toHaveLength(0);
      expect(await a.database.db.selectFrom('audit_unsealed').select('event_id').where('event_id', '=', during.id).execute()).toHaveLength(1);
      // …and sealed once by the next pass, whichever instance runs it.
      await b.services.audit.sealNow();
      const [seal] = await sealOf(during.id);
      expect(seal!.position).toBe((await sealOf(before.id))[0]!.position + 1);
      expect(await a.services.audit.verify()).toMatchObject({ ok: true, unsealed: 0 });
    });
  }
});
