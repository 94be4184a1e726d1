import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openPGlite, openPostgres, type Database, type EngineKind } from '../../src/server/db/engine';
import { whenNotBusy } from './pg-admin';
import { createPostgresTemplate, urlFor } from './postgres-template';
import { copyPGliteTemplate } from './pglite-template';

/** The engines the database suite runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const ENGINES: EngineKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite'];
/**
 * For the suites whose answers do not depend on the engine, only on the API's policies and
 * schemas (the authorisation matrix, bad input on every route, the HTTP edge, sign-in timing): PostgreSQL when
 * the suite has one (CI), else PGlite. Each ran on both and together took a fifth of CI's time on
 * two cores; what the engines do differently is what the API tests check, on both.
 */
export const POLICY_ENGINE: EngineKind[] = process.env.TEST_DATABASE_URL ? ['postgresql'] : ['pglite'];
/**
 * The server behind the browser journeys: PostgreSQL when the run has one (CI), else PGlite. The
 * server runs in the test's own process, and PGlite's WebAssembly there cost the navigation
 * journey 63 s of CPU against 36 s on PostgreSQL (same 17 tests, quiet machine) in a run that is
 * CPU-bound. The foundation journey still drives both engines through the browser, and every api
 * test runs on both.
 */
export const JOURNEY_ENGINE: EngineKind = process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite';

export interface TestDatabase {
  database: Database;
  /** PostgreSQL: the database's URL, for a second process's connection to it; null on PGlite. */
  url: string | null;
  /** Drops the database (PostgreSQL), or closes it and removes its folder (PGlite). */
  dispose(): Promise<void>;
}

/**
 * A fresh folder holding a copy of the PGlite template (migrated, with the reference data), for a
 * database of one's own; removed when the test run ends if not before.
 */
export function pgliteDataDir(): string {
  const template = inject('pgliteTemplate');
  if (!template) throw new Error('No PGlite template: the set-up makes one for the api and journeys projects only (vitest.config.ts)');
  return copyPGliteTemplate(template, inject('pgliteScratch'));
}

/** A fresh, migrated database with the reference data, on the given engine. */
export async function createTestDatabase(engine: EngineKind): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const dataDir = pgliteDataDir();
    const database = await openPGlite(dataDir);
    return {
      database,
      url: null,
      async dispose() {
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const template = await createPostgresTemplate(adminUrl, inject('testRun'));
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const name = `archeep_test_${randomBytes(6).toString('hex')}`;
  await whenNotBusy(admin, `create database ${name} template ${template}`);
  await admin.end();
  const database = await openPostgres(urlFor(adminUrl, name));
  return {
    database,
    url: urlFor(adminUrl, name),
    async dispose() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await whenNotBusy(cleanup, `drop database if exists ${name}`);
      await cleanup.end();
    },
  };
}
