import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Database } from './engine';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Arbitrary constant key for pg_advisory_xact_lock: two processes starting at once migrate one after the other. */
const MIGRATION_LOCK_KEY = 7_240_001;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Reads `NNNN_name.sql` files in version order. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: readFileSync(path.join(dir, file), 'utf8'),
    }));
}

export class DatabaseEncodingError extends Error {}

/**
 * Applies pending migrations in one transaction under an advisory lock, so a crash mid-way leaves
 * the schema as it was and a second process waits instead of racing.
 * Returns the schema version after migrating.
 */
export async function migrate(database: Database, migrations = readMigrations()): Promise<number> {
  return database.inScriptTransaction(async (session) => {
    const [encoding] = await session.query<{ server_encoding: string }>('show server_encoding');
    if (encoding?.server_encoding !== 'UTF8') {
      throw new DatabaseEncodingError(
        `The database encoding is ${encoding?.server_encoding}; Archeep needs UTF8 for Thai text. ` +
          `Create it with: CREATE DATABASE archeep TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'`,
      );
    }
    await session.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await session.exec(`create table if not exists schema_migration (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now())`);
    const applied = new Set((await session.query<{ version: number }>('select version from schema_migration')).map((r) => r.version));
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await session.exec(migration.sql);
      await session.query('insert into schema_migration (version, name) values ($1, $2)', [migration.version, migration.name]);
    }
    const [row] = await session.query<{ version: number | null }>('select max(version) as version from schema_migration');
    return row?.version ?? 0;
  });
}

/** The highest applied migration, for the health endpoint. */
export async function schemaVersion(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('schema_migration')
    .select((eb) => eb.fn.max('version').as('version'))
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}
