import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { auditVerify } from '../../scripts/audit-verify';
import { openPGlite, openPostgres } from '../../src/server/db/engine';
import { DatabaseEncodingError, migrate, readMigrations } from '../../src/server/db/migrator';
import { createAuditTrail, recordAudit } from '../../src/server/platform/audit/audit.service';
import { ENGINES, pgliteDataDir } from '../helpers/database';
import { whenNotBusy } from '../helpers/pg-admin';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const latest = readMigrations().at(-1)!.version;

/** A scratch PostgreSQL database with the given encoding, dropped afterwards. */
async function withScratchDatabase(encoding: 'UTF8' | 'SQL_ASCII', work: (url: string) => Promise<void>) {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  const name = `archeep_scratch_${Math.random().toString(36).slice(2, 10)}`;
  await admin.query(`create database ${name} template template0 encoding '${encoding}' lc_ctype 'C' lc_collate 'C'`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  try {
    await work(url.toString());
  } finally {
    await whenNotBusy(admin, `drop database if exists ${name}`);
    await admin.end();
  }
}

// Registered where PostgreSQL is configured (always in CI), like every PostgreSQL test here.
describe.each(ENGINES.filter((engine) => engine === 'postgresql'))('migrations on %s', () => {
  it('refuses a database that is not UTF-8, saying how to create one', async () => {
    await withScratchDatabase('SQL_ASCII', async (url) => {
      const database = await openPostgres(url);
      try {
        await expect(migrate(database)).rejects.toThrow(DatabaseEncodingError);
        await expect(migrate(database)).rejects.toThrow(/ENCODING 'UTF8'/);
      } finally {
        await database.close();
      }
    });
  });

  it('lets two processes start at once: one migrates, the other waits and finds it done', async () => {
    await withScratchDatabase('UTF8', async (url) => {
      const [a, b] = [await openPostgres(url), await openPostgres(url)];
      try {
        expect(await Promise.all([migrate(a), migrate(b)])).toEqual([latest, latest]);
        const rows = await a.db.selectFrom('schema_migration').select('version').execute();
        expect(rows.map((r) => r.version)).toEqual(readMigrations().map((m) => m.version));
      } finally {
        await a.close();
        await b.close();
      }
    });
  });
});

describe('npm run audit:verify', () => {
  it('reports that the chain holds, then the first tampered event, then a deleted tail', async () => {
    // A copy of the migrated template (test/helpers/pglite-template.ts): no audit events yet.
    const dataDir = pgliteDataDir();
    const checkpointDir = `${dataDir}-audit`;
    const secret = randomBytes(32).toString('base64');
    try {
      const database = await openPGlite(dataDir);
      const trail = createAuditTrail({ db: database.db, kek: () => Buffer.from(secret, 'base64'), checkpointDir, boundMs: 300_000, checkpointEveryMs: 60_000 });
      for (let i = 0; i < 4; i++) {
        await database.db
          .transaction()
          .execute((trx) =>
            recordAudit(trx, { actor: null, requestId: `r${i}` }, { action: 'test.event', entityType: 'test', entityId: String(i), after: { i } }),
          );
      }
      await trail.checkpointNow();
      await database.close();
      const { DATABASE_URL: _unused, ...inherited } = process.env;
      const env = { ...inherited, ARCHEEP_DATA_DIR: dataDir, AUDIT_CHECKPOINT_DIR: checkpointDir, CREDENTIAL_KEY_SECRET: secret };
      // The exit code is part of the contract (0 holds, 2 broken). The command runs once as a
      // process, under tsx as `npm run audit:verify` runs it (Node's import hook: the tsx CLI would
      // start a second Node process); the broken trails go to the same function in this process,
      // which saves a Node start-up, TypeScript's load and PGlite's each.
      const verify = () =>
        run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/audit-verify.ts')], { env, cwd: ROOT }).then(
          (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
          (failed: { code: number; stdout: string; stderr: string }) => ({ code: failed.code, stdout: failed.stdout, stderr: failed.stderr }),
        );
      const verifyHere = async () => {
        const said = { stdout: [] as string[], stderr: [] as string[] };
        const code = await auditVerify(env, {
          log: (line: string) => said.stdout.push(line),
          warn: (line: string) => said.stderr.push(line),
          error: (line: string) => said.stderr.push(line),
        });
        return { code, stdout: said.stdout.join('\n'), stderr: said.stderr.join('\n') };
      };

      const ok = await verify();
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('Audit chain holds: 4 events');
      expect(ok.stdout).toContain('no event waits for its seal');
      expect(ok.stdout).toContain('the latest #1 at position 4');

      // Someone with the owner's rights deletes the newest events, their seals and the database's
      // checkpoints: the checkpoint file outside the database still says the chain had 4.
      const tamper = await openPGlite(dataDir);
      await sql`set session_replication_role = replica`.execute(tamper.db);
      await sql`delete from audit_checkpoint`.execute(tamper.db);
      await sql`delete from audit_seal where position > 2`.execute(tamper.db);
      await sql`delete from audit_event where id > 2`.execute(tamper.db);
      await tamper.close();
      const cut = await verifyHere();
      expect(cut.code).toBe(2);
      expect(cut.stderr).toContain('(tail-removed)');
      expect(cut.stderr).toContain('The chain ends at position 2, but checkpoint #1');

      const rewrite = await openPGlite(dataDir);
      await sql`alter table audit_event disable trigger audit_event_no_update`.execute(rewrite.db);
      await sql`update audit_event set entity_id = 'forged' where id = 2`.execute(rewrite.db);
      await rewrite.close();
      const broken = await verifyHere();
      expect(broken.code).toBe(2);
      expect(broken.stderr).toContain('BROKEN at event id 2, position 2 (hash-mismatch)');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(checkpointDir, { recursive: true, force: true });
    }
    // One run of the script as a process that loads TypeScript and opens PGlite; two in this one.
  }, 180_000);
});
