import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, createServices, type Services } from '../../src/server/app';
import { loadConfig, type Config } from '../../src/server/config';
import type { Database, EngineKind } from '../../src/server/db/engine';
import type { Role } from '../../src/server/platform/auth/actor';
import { hashPassword } from '../../src/server/platform/auth/passwords';
import * as identityRepository from '../../src/server/modules/identity/identity.repository';
import { createTestDatabase } from './database';

export const TEST_PASSWORD = 'correct horse battery staple';
let testPasswordHash: Promise<string> | undefined;

export interface StaffAccount {
  id: string;
  username: string;
  password: string;
  /** `Cookie` header value of a signed-in session. */
  cookie: string;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** PostgreSQL: the test database's URL (a second app instance opens its own pool on it); null on PGlite. */
  databaseUrl: string | null;
  services: Services;
  config: Config;
  /** An account with these roles, signed in; built straight in the database (a factory). */
  createStaff(input: { roles: { role: Role; unitCode?: string | null }[]; username?: string; mustChangePassword?: boolean }): Promise<StaffAccount>;
  signIn(username: string, password: string): Promise<string>;
  dispose(): Promise<void>;
}

/** Builds the real app on a fresh database of the given engine. */
export async function createTestApp(
  engine: EngineKind,
  overrides: Partial<Config> = {},
  options: { webRoot?: string | null; services?: Parameters<typeof createServices>[2] } = {},
): Promise<TestApp> {
  const { database, url, dispose } = await createTestDatabase(engine);
  // Each test database gets its own key-encryption key and checkpoint folder: nothing is written
  // beside the project.
  const scratch = mkdtempSync(path.join(tmpdir(), 'archeep-test-audit-'));
  const config: Config = {
    ...loadConfig({ LOG_LEVEL: 'silent' }),
    loginFailureDelayMs: 1,
    credentialKeySecret: randomBytes(32).toString('base64'),
    auditCheckpointDir: scratch,
    ...overrides,
  };
  const services = createServices(database, config, { jobs: { pollMs: 50 }, ...options.services });
  const app = await buildApp({ database, config, services, webRoot: options.webRoot ?? null });
  await app.ready();

  const signIn = async (username: string, password: string) => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
    if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'archeep_session');
    if (!cookie) throw new Error('sign-in set no session cookie');
    return `archeep_session=${cookie.value}`;
  };

  return {
    app,
    database,
    databaseUrl: url,
    services,
    config,
    signIn,
    async createStaff(input) {
      testPasswordHash ??= hashPassword(TEST_PASSWORD);
      const username = input.username ?? `u${randomBytes(5).toString('hex')}`;
      const user = await database.db.transaction().execute(async (trx) => {
        const created = await identityRepository.insertUser(trx, {
          username,
          display_name: `Test ${username}`,
          password_hash: await testPasswordHash!,
          must_change_password: input.mustChangePassword ?? false,
        });
        await identityRepository.replaceRoles(
          trx,
          created.id,
          input.roles.map((r) => ({ role: r.role, unitCode: r.unitCode ?? null })),
        );
        return created;
      });
      return { id: user.id, username, password: TEST_PASSWORD, cookie: await signIn(username, TEST_PASSWORD) };
    },
    async dispose() {
      await app.close();
      await dispose();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
