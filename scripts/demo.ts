/**
 * `npm run demo`: fills the configured database with a demo set that walks every journey built so
 * far: staff accounts in several roles and provinces, the registry (demo-registry.ts), training
 * (demo-training.ts), competency (demo-competency.ts), employment, enterprise, funding (demo-funding.ts), the marketplace (demo-marketplace.ts) and self-service (demo-selfservice.ts). Later modules add their records here.
 * Safe to run again: what exists is left alone. Run it while the server is stopped when on PGlite
 * (PGlite's data directory is for one process at a time).
 */
import path from 'node:path';
import { createServices } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/engine';
import { migrate } from '../src/server/db/migrator';
import { systemContext } from '../src/server/platform/context';
import { loadReferenceData } from '../src/server/reference-data';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { fillRegistry } from './demo-registry';
import { fillTraining } from './demo-training';
import { fillCompetency } from './demo-competency';
import { fillEmployment } from './demo-employment';
import { fillEnterprise } from './demo-enterprise';
import { fillFunding } from './demo-funding';
import { fillMarketplace } from './demo-marketplace';
import { fillSelfservice } from './demo-selfservice';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: path.resolve(config.dataDir) });
try {
  await migrate(database);
  const services = createServices(database, config);
  await loadReferenceData(database, services);
  const first = await services.identity.ensureFirstAdministrator(systemContext('demo'));
  if (first) console.log(`First administrator: ${first.username} / ${first.oneTimePassword} (one-time)`);
  const admin = await database.db.selectFrom('role_assignment').select('user_id').where('role', '=', 'system_admin').executeTakeFirstOrThrow();
  const actor = (await services.identity.loadActor(admin.user_id))!;
  const ctx = { actor: { ...actor, mustChangePassword: false }, requestId: 'demo' };
  console.log('Demo accounts (each asks for a new password at first sign-in):');
  for (const account of DEMO_ACCOUNTS) {
    const existing = await services.identity.listUsers(ctx, { q: account.username, limit: 1, offset: 0 });
    if (existing.items.some((u) => u.username === account.username)) {
      console.log(`  ${account.username.padEnd(22)} exists already (an administrator can reset its password)`);
      continue;
    }
    const created = await services.identity.createUser(ctx, account);
    console.log(`  ${account.username.padEnd(22)} ${created.oneTimePassword}   ${account.displayName}`);
  }
  await fillRegistry(services, database);
  await fillTraining(services, database);
  await fillCompetency(services, database);
  await fillEmployment(services, database);
  await fillEnterprise(services, database);
  await fillFunding(services, database);
  await fillMarketplace(services, database);
  await fillSelfservice(services, database);
  // The demo's prototypes were trained before the system existed (demo-enterprise.ts writes that
  // step as history, as a migration of an office's old records would): history written beside the
  // services is what monitoring's rebuild is for, so the demo ends with the rollups rebuilt and says
  // so; `npm run monitoring:rebuild` then finds them agreeing.
  const rebuilt = await services.monitoring.rebuild({ apply: true });
  console.log(`Monitoring: ${rebuilt.cells} cells; ${rebuilt.differences.length} rebuilt from the records written as history`);
  await services.jobs.stop();
} finally {
  await database.close();
}
