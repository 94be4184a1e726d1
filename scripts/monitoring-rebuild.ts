/**
 * `npm run monitoring:rebuild`: recomputes every monitoring cell of the configured database
 * (DATABASE_URL, or the PGlite data directory) from the source records, through the owning
 * modules' services, and compares it with the rollups kept as the work happened. Exits 0 when
 * they agree, 2 when not. With `--apply` it replaces the rollups with the rebuilt values (run it
 * while no work is being recorded).
 */
import path from 'node:path';
import { createServices } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/engine';

const apply = process.argv.includes('--apply');
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: path.resolve(config.dataDir) });
const services = createServices(database, config);
try {
  const { monitoring } = services;
  const verdict = await monitoring.rebuild({ apply });
  if (verdict.agrees) {
    console.log(`Monitoring rollups agree with the source records: ${verdict.cells} cells.`);
    console.log(`ตัวเลขสรุปตรงกับข้อมูลต้นทาง (${verdict.cells} ช่อง)`);
  } else {
    for (const d of verdict.differences) console.error(`${d.key}: kept ${d.maintained}, rebuilt ${d.rebuilt}`);
    console.error(`ตัวเลขสรุปไม่ตรง ${verdict.differences.length} ช่อง${verdict.applied ? ' (แทนที่ด้วยค่าที่คำนวณใหม่แล้ว)' : ''}`);
    console.error(verdict.applied ? 'Replaced with the rebuilt values.' : 'Run with --apply to replace them with the rebuilt values.');
    process.exitCode = verdict.applied ? 0 : 2;
  }
} finally {
  await services.signingPool.close();
  await database.close();
}
