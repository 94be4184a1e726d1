/**
 * `npm run funding:verify`: reconciles the revolving funds' double-entry ledger of the configured
 * database (DATABASE_URL, or the PGlite data directory) with the funds' running totals and with
 * the loans' schedules: debits equal credits, cash equals what is available, the receivable of
 * each loan equals the principal its schedule still owes, and each fund's commitment equals what
 * its approved loans have not yet drawn. Exits 0 when everything reconciles, 2 when not.
 * It only reads.
 */
import path from 'node:path';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/engine';
import { verifyLedger } from '../src/server/modules/funding/funding.service';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: path.resolve(config.dataDir) });
try {
  const verdict = await verifyLedger(database.db);
  if (verdict.ok) {
    console.log(`Funding ledger reconciles: ${verdict.funds} funds, ${verdict.loans} loans.`);
    console.log(`บัญชีกองทุนกระทบยอดตรงกับสัญญาเงินกู้ (${verdict.funds} กองทุน ${verdict.loans} สัญญา)`);
  } else {
    for (const p of verdict.problems)
      console.error(`fund ${p.fundId ?? '-'} loan ${p.loanId ?? '-'}: ${p.what}: expected ${p.expected} satang, found ${p.found}`);
    console.error(`บัญชีกองทุนไม่ตรง ${verdict.problems.length} รายการ`);
    process.exitCode = 2;
  }
} finally {
  await database.close();
}
