import type pg from 'pg';

/**
 * Runs a CREATE/DROP DATABASE, retrying while the database is "being accessed by other users"
 * (55006): pg's pool.end() resolves before its sockets have closed, so a just-closed database can
 * still show a backend for some milliseconds. Killing those with FORCE makes pg report errors.
 */
export async function whenNotBusy(client: pg.Client, statement: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await client.query(statement);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
