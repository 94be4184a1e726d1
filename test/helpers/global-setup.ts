import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { whenNotBusy } from './pg-admin';

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
