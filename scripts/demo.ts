/**
 * `npm run demo`: fills the configured database with a demo set that walks every journey built so
 * far: staff accounts in several roles and provinces, the registry (demo-registry.ts), training
 * (demo-training.ts) and competency (demo-competency.ts). Later modules add their records here.
 * Safe to run again: what exists is left alone. Run it while the server is stopped when on PGlite
 * (PGlite's data directory is for one process at a time).
 */
import path from 'node:path';
import { createServices } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/engine';
import { migrate } from '../src/server/db/migrator';
import type { Role } from '../src/server/platform/auth/actor';
import { systemContext } from '../src/server/platform/context';
import { loadReferenceData } from '../src/server/reference-data';
import { fillRegistry } from './demo-registry';
import { fillTraining } from './demo-training';
import { fillCompetency } from './demo-competency';
import { fillEnterprise } from './demo-enterprise';

const DEMO_ACCOUNTS: { username: string; displayName: string; roles: { role: Role; unitCode: string | null }[] }[] = [
  { username: 'demo.executive', displayName: 'ผู้บริหาร (สาธิต)', roles: [{ role: 'executive', unitCode: null }] },
  { username: 'demo.kk.officer', displayName: 'สมหญิง ใจดี — จัดหางานขอนแก่น', roles: [{ role: 'officer', unitCode: 'DOE-PEO-40' }] },
  { username: 'demo.kk.skills', displayName: 'วิชัย ศรีสุข — พัฒนาฝีมือแรงงานขอนแก่น', roles: [{ role: 'officer', unitCode: 'DSD-PSDO-40' }] },
  { username: 'demo.phuket.officer', displayName: 'อารีย์ ทองดี — จัดหางานภูเก็ต', roles: [{ role: 'officer', unitCode: 'DOE-PEO-83' }] },
  { username: 'demo.ne.centre', displayName: 'มาลี แก้วมณี — ศูนย์เรียนรู้ฯ ภาคตะวันออกเฉียงเหนือ', roles: [{ role: 'officer', unitCode: 'DWF-LC-NE' }] },
  { username: 'demo.etda.provider', displayName: 'ผู้จัดหลักสูตร ETDA (สาธิต)', roles: [{ role: 'course_provider', unitCode: 'ETDA-HQ' }] },
  { username: 'demo.tpqi.assessor', displayName: 'ผู้ประเมิน TPQI (สาธิต)', roles: [{ role: 'assessor', unitCode: 'TPQI-HQ' }] },
  { username: 'demo.fund.maker', displayName: 'ผู้จัดทำคำขอกองทุน ขอนแก่น (สาธิต)', roles: [{ role: 'fund_maker', unitCode: 'DOE-PEO-40' }] },
  { username: 'demo.fund.checker', displayName: 'ผู้ตรวจสอบกองทุน ขอนแก่น (สาธิต)', roles: [{ role: 'fund_checker', unitCode: 'DOE-PEO-40' }] },
  { username: 'demo.lazada', displayName: 'พันธมิตร Lazada (สาธิต)', roles: [{ role: 'marketplace_partner', unitCode: null }] },
  { username: 'demo.dwf.hq', displayName: 'เจ้าหน้าที่ส่วนกลาง สค. (สาธิต)', roles: [{ role: 'officer', unitCode: 'DWF-HQ' }] },
];

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
  await fillEnterprise(services, database);
  await services.jobs.stop();
} finally {
  await database.close();
}
