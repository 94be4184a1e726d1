import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { whenNotBusy } from './pg-admin';
import { ensureWebBuilt } from './web-build';

declare module 'vitest' {
  export interface ProvidedContext {
    testRun: string;
  }
}

/**
 * Gives this run its own PostgreSQL template name, and drops the template when the run ends, so
 * a schema change never meets a template left by an earlier run.
 */
export default async function setup(project: TestProject) {
  // The browser journeys serve dist/web. Built here once, before any test file starts: two journey
  // files building it at the same time (vitest runs two at once) replaced the assets under a
  // server that was already serving the first build, and its page loaded blank.
  ensureWebBuilt();
  const run = randomBytes(4).toString('hex');
  project.provide('testRun', run);
  const url = process.env.TEST_DATABASE_URL;
  return async () => {
    if (!url) return;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await whenNotBusy(admin, `drop database if exists archeep_template_${run}`);
    await admin.end();
  };
}
