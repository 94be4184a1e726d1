import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { createServices } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { openPGlite } from '../../src/server/db/engine';
import { migrate } from '../../src/server/db/migrator';
import { loadReferenceData } from '../../src/server/reference-data';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = path.join(ROOT, 'node_modules/.cache/archeep-test');
/** A template another run stopped using this long ago is removed. */
const STALE_MS = 60 * 60 * 1000;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(full);
      return entry.name.endsWith('.test.ts') ? [] : [full];
    })
    .sort();
}

/**
 * What the template depends on: PGlite's version and every source file of the server and the
 * shared code (migrations, reference data, the services that load it). Hashing all of it, not a
 * chosen few, means no change can leave a stale template behind; it costs some tens of ms.
 */
function fingerprint(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json')));
  for (const file of [...filesUnder(path.join(ROOT, 'src/server')), ...filesUnder(path.join(ROOT, 'src/shared'))]) {
    hash.update(path.relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * A PGlite data folder, migrated and holding the reference data, for test files to copy: a fresh
 * database per file spent 3–12 s on initdb, the migrations and the reference data; a copy of
 * this folder opens in well under a second (a folder copy measured faster than PGlite's
 * `dumpDataDir`/`loadDataDir` tarball, see docs/ARCHITECTURE.md "Tests").
 *
 * Made once per fingerprint under node_modules/.cache and never opened again: it is built in a
 * folder of its own and renamed into place, so runs side by side either find it whole or build
 * their own and keep whichever rename came first.
 */
export async function ensurePGliteTemplate(): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  const name = `pglite-${fingerprint()}`;
  const template = path.join(CACHE, name);
  removeStale(name);
  try {
    statSync(path.join(template, 'PG_VERSION'));
    // Marked as used, so that a run of other sources does not take it for stale.
    utimesSync(template, new Date(), new Date());
    return template;
  } catch {
    // not made yet
  }
  const building = path.join(CACHE, `${name}.building-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const database = await openPGlite(building);
    try {
      await migrate(database);
      await loadReferenceData(database, createServices(database, loadConfig({ LOG_LEVEL: 'silent' })));
      // Everything in the data files, so a copy starts without replaying the log.
      await sql`checkpoint`.execute(database.db);
    } finally {
      await database.close();
    }
    try {
      renameSync(building, template);
    } catch (error) {
      // Another run put its template in place first: the same fingerprint, so the same content.
      if (!['ENOTEMPTY', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    }
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  return template;
}

/** Templates of other sources, and folders of builds that died, left for an hour or more. */
function removeStale(keep: string) {
  for (const entry of readdirSync(CACHE)) {
    if (entry === keep || !entry.startsWith('pglite-')) continue;
    const full = path.join(CACHE, entry);
    try {
      if (Date.now() - statSync(full).mtimeMs > STALE_MS) rmSync(full, { recursive: true, force: true });
    } catch {
      // removed meanwhile by another run
    }
  }
}

/** A copy of the template in a new folder under `parent`, for one database. */
export function copyPGliteTemplate(template: string, parent: string): string {
  mkdirSync(parent, { recursive: true });
  const dataDir = path.join(parent, `db-${process.pid}-${randomBytes(6).toString('hex')}`);
  cpSync(template, dataDir, { recursive: true });
  return dataDir;
}
