/**
 * `npm run audit:verify`: walks the audit chain of the configured database (DATABASE_URL, or the
 * PGlite data directory) and reports the first tampered event, or that the chain holds.
 * Exits 0 when it holds, 2 when it does not.
 */
import path from 'node:path';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/engine';
import { verifyAuditChain } from '../src/server/platform/audit/audit.service';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: path.resolve(config.dataDir) });
try {
  const started = Date.now();
  const verdict = await verifyAuditChain(database.db);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (verdict.ok) {
    console.log(`Audit chain holds: ${verdict.events} events checked in ${seconds} s; last hash ${verdict.lastHash}.`);
    console.log(`บันทึกการตรวจสอบครบถ้วน ไม่ถูกแก้ไข (${verdict.events} รายการ)`);
  } else {
    console.error(
      `Audit chain BROKEN at event id ${verdict.firstBadId} (${verdict.reason}); ${verdict.events} events read. ` + 'Events from this id on cannot be trusted.',
    );
    console.error(`บันทึกการตรวจสอบถูกแก้ไขตั้งแต่รายการที่ ${verdict.firstBadId}`);
    process.exitCode = 2;
  }
} finally {
  await database.close();
}
