/**
 * `npm run audit:verify`: walks the audit chain of the configured database (DATABASE_URL, or the
 * PGlite data directory) and checks it against the signed checkpoints, those in the database and
 * those in the checkpoint file (AUDIT_CHECKPOINT_DIR, by default beside the data folder). Reports
 * the first altered, removed or inserted event, a deleted tail, or an event left unsealed longer
 * than the bound; and the seal's lag. Exits 0 when the trail holds, 2 when it does not.
 * It only reads: it seals nothing and signs nothing.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/engine';
import { checkpointFile } from '../src/server/platform/audit/audit.checkpoints';
import { verifyAuditChain } from '../src/server/platform/audit/audit.service';

export async function auditVerify(env: NodeJS.ProcessEnv, out: Pick<Console, 'log' | 'warn' | 'error'> = console): Promise<number> {
  const config = loadConfig(env);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: path.resolve(config.dataDir) });
  try {
    const started = Date.now();
    const store = checkpointFile(config.auditCheckpointDir);
    const { checkpoints, malformedLines } = store.read();
    if (checkpoints.length === 0) out.warn(`No checkpoint file at ${store.file}: only the database's own checkpoints are checked.`);
    if (malformedLines.length) out.warn(`Unreadable lines in ${store.file}: ${malformedLines.join(', ')}.`);
    const verdict = await verifyAuditChain(database.db, { boundMs: config.auditSealBoundSeconds * 1000, externalCheckpoints: checkpoints });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const lag =
      verdict.unsealed === 0
        ? 'no event waits for its seal'
        : `${verdict.unsealed} events wait for their seal, the oldest for ${verdict.oldestUnsealedSeconds} s (bound ${verdict.boundSeconds} s)`;
    const anchor = verdict.latestCheckpoint
      ? `${verdict.checkpoints} signed checkpoints checked, the latest #${verdict.latestCheckpoint.seq} at position ${verdict.latestCheckpoint.position}, ${verdict.latestCheckpoint.madeAt}`
      : 'no signed checkpoint yet';
    if (verdict.ok) {
      out.log(`Audit chain holds: ${verdict.events} events checked in ${seconds} s; last hash ${verdict.lastHash}.`);
      out.log(`Seal: ${lag}. Checkpoints: ${anchor}.`);
      out.log(`บันทึกการตรวจสอบครบถ้วน ไม่ถูกแก้ไข (${verdict.events} รายการ)`);
    } else {
      const where = [
        verdict.firstBadId !== null ? `event id ${verdict.firstBadId}` : null,
        verdict.firstBadPosition !== null ? `position ${verdict.firstBadPosition}` : null,
      ]
        .filter(Boolean)
        .join(', ');
      out.error(`Audit chain BROKEN at ${where || 'its checkpoints'} (${verdict.reason}); ${verdict.events} events read.`);
      out.error(verdict.message?.en ?? '');
      out.error(verdict.message?.th ?? '');
      out.error(`Seal: ${lag}. Checkpoints: ${anchor}.`);
      return 2;
    }
    return 0;
  } finally {
    await database.close();
  }
}

// `npm run audit:verify`; the test suite calls `auditVerify` in its own process.
const script = process.argv[1];
if (script && pathToFileURL(realpathSync(path.resolve(script))).href === import.meta.url) process.exitCode = await auditVerify(process.env);
