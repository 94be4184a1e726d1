import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGliteDialect } from './pglite-dialect';
import type { DB } from './schema';

export type EngineKind = 'pglite' | 'postgresql';

/** A raw session for scripts (migrations): multi-statement SQL and plain queries, one connection. */
export interface ScriptSession {
  exec(script: string): Promise<void>;
  query<R>(text: string, params?: unknown[]): Promise<R[]>;
}

/** COPY text: one string, or chunks made as the stream asks for them (millions of rows in flat memory). */
export type CopyData = string | Iterable<string> | AsyncIterable<string>;

/** One database, whichever engine runs it. */
export interface Database {
  engine: EngineKind;
  db: Kysely<DB>;
  /** Runs `work` inside one transaction on one connection; rolled back if it throws. */
  inScriptTransaction<T>(work: (session: ScriptSession) => Promise<T>): Promise<T>;
  /**
   * PostgreSQL only: runs `work` on one pinned connection, with `copyIn` to stream text-format
   * COPY data on it (bulk imports: shipping rows as COPY costs a tenth of array parameters).
   */
  withCopy?<T>(work: (db: Kysely<DB>, copyIn: (statement: string, data: CopyData) => Promise<void>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const INT8 = 20;
const DATE = 1082;

/**
 * int8 values (counts, satang) come back as numbers, refusing any beyond 2^53 rather than
 * silently rounding; civil dates stay 'YYYY-MM-DD' strings instead of UTC-midnight Dates.
 */
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} exceeds the safe integer range`);
  return n;
}
const identity = (value: string) => value;

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite (in memory when dataDir is null). */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string | null }): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPGlite(options.dataDir);
}

export async function openPGlite(dataDir: string | null): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    extensions: { pg_trgm },
    parsers: { [INT8]: parseInt8, [DATE]: identity },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    engine: 'pglite',
    db,
    async inScriptTransaction(work) {
      // Go through Kysely's connection so the dialect's mutex keeps other queries out meanwhile.
      return db.connection().execute(async () =>
        pglite.transaction(async (tx) =>
          work({
            exec: async (script) => void (await tx.exec(script)),
            query: async <R>(text: string, params: unknown[] = []) => (await tx.query<R>(text, params)).rows,
          }),
        ),
      );
    },
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}

export async function openPostgres(connectionString: string): Promise<Database> {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8) return parseInt8;
      if (oid === DATE) return identity;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({ connectionString, types, max: 10 });
  // An idle connection the server ends (a restart, a terminate, a dropped database) is reported
  // here; without a listener Node treats it as unhandled and stops the process. The pool opens a
  // new connection on the next query, and a query that was running fails on its own.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: 'postgresql',
    db,
    async inScriptTransaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work({
          // A query without parameters uses the simple protocol, which allows several statements.
          exec: async (script) => void (await client.query(script)),
          query: async <R>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as R[],
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async withCopy(work) {
      const client = await pool.connect();
      // A Kysely bound to this one connection (its release is a no-op): its transactions run where the COPY runs.
      const shared = new Proxy(client, { get: (target, key) => (key === 'release' ? () => {} : Reflect.get(target, key, target)) });
      const pinned = new Kysely<DB>({ dialect: new PostgresDialect({ pool: { connect: async () => shared, end: async () => {} } as never }) });
      const copyIn = async (statement: string, data: CopyData) => {
        const stream = client.query(copyFrom(statement));
        await pipeline(Readable.from(typeof data === 'string' ? [data] : data), stream);
      };
      try {
        return await work(pinned, copyIn);
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
      // Kysely ends the pool only if it ever ran a query; scripts may have used the pool alone.
      if (!pool.ending) await pool.end();
    },
  };
}

/** The database's LC_CTYPE: under C or POSIX, pg_trgm drops Thai letters. */
export const databaseCtype = async (db: Kysely<DB>) =>
  (await sql<{ datctype: string }>`select datctype from pg_database where datname = current_database()`.execute(db)).rows[0]?.datctype ?? '';
