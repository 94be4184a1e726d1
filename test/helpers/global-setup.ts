import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createPostgresTemplate } from './postgres-template';
import { whenNotBusy } from './pg-admin';
import { ensurePGliteTemplate } from './pglite-template';
import { ensureWebBuiltInBackground } from './web-build';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's id: names its PostgreSQL template database. */
    testRun: string;
    /** The PGlite data folder that database tests copy (test/helpers/pglite-template.ts). */
    pgliteTemplate: string;
    /** Where this run's PGlite copies go; removed when the run ends. */
    pgliteScratch: string;
  }
}

/**
 * Where database copies go: memory (tmpfs) where the machine has it. On disk, removing the
 * copies of a busy run took 2–3 s each and their writes queued behind everything else's.
 */
function scratchParent(): string {
  const parent = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  // What runs that were killed left behind (a run removes its own when it ends).
  for (const entry of readdirSync(parent)) {
    const full = path.join(parent, entry);
    try {
      if (entry.startsWith('archeep-test-') && Date.now() - statSync(full).mtimeMs > 12 * 3_600_000) rmSync(full, { recursive: true, force: true });
    } catch {
      // gone meanwhile
    }
  }
  return parent;
}

/**
 * Prepares what the selected projects need, side by side, before any test file starts: the
 * built web app (journeys), the PGlite template and this run's PostgreSQL template (database
 * tests). `npm run test:unit` selects only the pure tests and prepares nothing.
 */
export default async function setup(project: TestProject) {
  const selected = new Set(project.vitest.projects.map((p) => p.name));
  const run = randomBytes(4).toString('hex');
  const scratch = path.join(scratchParent(), `archeep-test-${run}`);
  const url = process.env.TEST_DATABASE_URL;
  const databases = selected.has('api') || selected.has('journeys');
  project.provide('testRun', run);
  project.provide('pgliteScratch', scratch);

  const [, template] = await Promise.all([
    // Two journey files building the web app at once replaced the assets under a server that was
    // already serving the first build, and its page loaded blank: built here, once.
    selected.has('journeys') ? ensureWebBuiltInBackground() : undefined,
    databases ? ensurePGliteTemplate() : undefined,
    databases && url ? createPostgresTemplate(url, run) : undefined,
  ]);
  if (template) project.provide('pgliteTemplate', template);

  // A template of this run's own name, dropped at the end: a schema change never meets an old one.
  return async () => {
    rmSync(scratch, { recursive: true, force: true });
    if (!url || !databases) return;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await whenNotBusy(admin, `drop database if exists archeep_template_${run}`);
    await admin.end();
  };
}
