import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createServices } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { openPGlite, openPostgres, type Database, type EngineKind } from '../../src/server/db/engine';
import { migrate } from '../../src/server/db/migrator';
import { loadReferenceData } from '../../src/server/reference-data';
import { whenNotBusy } from './pg-admin';

/** The engines the database suite runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const ENGINES: EngineKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite'];

export interface TestDatabase {
  database: Database;
  /** PostgreSQL: the database's URL, for a second process's connection to it; null on PGlite. */
  url: string | null;
  /** Drops the database (PostgreSQL) or closes it (PGlite). */
  dispose(): Promise<void>;
}

const TEMPLATE_LOCK = 7_240_100;

function adminUrl(): string {
  return process.env.TEST_DATABASE_URL!;
}

function urlFor(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

/** Migrated and loaded once per schema, then copied per test file: a copy takes milliseconds. */
async function ensureTemplate(admin: pg.Client): Promise<string> {
  const name = `archeep_template_${inject('testRun')}`;
  await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      // UTF-8 with a UTF-8 ctype: under ctype C, pg_trgm drops Thai letters.
      await admin.query(`create database ${name} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`);
      const database = await openPostgres(urlFor(name));
      try {
        await migrate(database);
        await loadReferenceData(database, createServices(database, loadConfig({})));
      } finally {
        await database.close();
      }
    }
  } finally {
    await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
  }
  return name;
}

/** A fresh, migrated database with the reference data, on the given engine. */
export async function createTestDatabase(engine: EngineKind): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const database = await openPGlite(null);
    await migrate(database);
    await loadReferenceData(database, createServices(database, loadConfig({})));
    return { database, url: null, dispose: () => database.close() };
  }
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  const template = await ensureTemplate(admin);
  const name = `archeep_test_${randomBytes(6).toString('hex')}`;
  await whenNotBusy(admin, `create database ${name} template ${template}`);
  await admin.end();
  const database = await openPostgres(urlFor(name));
  return {
    database,
    url: urlFor(name),
    async dispose() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl() });
      await cleanup.connect();
      await whenNotBusy(cleanup, `drop database if exists ${name}`);
      await cleanup.end();
    },
  };
}
