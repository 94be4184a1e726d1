import pg from 'pg';
import { createServices } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { openPostgres } from '../../src/server/db/engine';
import { migrate } from '../../src/server/db/migrator';
import { loadReferenceData } from '../../src/server/reference-data';

const TEMPLATE_LOCK = 7_240_100;

/** The same server, another database. */
export function urlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * This run's PostgreSQL template, migrated and loaded once, then copied per test file (a copy
 * takes milliseconds). The run's set-up makes it before any file starts; the lock and the check
 * keep a second caller from making it twice.
 */
export async function createPostgresTemplate(adminUrl: string, run: string): Promise<string> {
  const name = `archeep_template_${run}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      // UTF-8 with a UTF-8 ctype: under ctype C, pg_trgm drops Thai letters.
      await admin.query(`create database ${name} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`);
      const database = await openPostgres(urlFor(adminUrl, name));
      try {
        await migrate(database);
        await loadReferenceData(database, createServices(database, loadConfig({ LOG_LEVEL: 'silent' })));
      } finally {
        await database.close();
      }
    }
  } finally {
    await admin.end(); // ends the session, and with it the advisory lock
  }
  return name;
}
