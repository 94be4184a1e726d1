import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../scripts/demo-accounts';
import { pgliteDataDir } from '../helpers/database';

/**
 * `npm run demo`, as the README gives it, on a copy of the migrated template: every part runs to
 * its end and says what it made. A merge once lost an account the employment part signs in as,
 * and the command stopped half-way with nothing in the tests to say so.
 */
describe('the demo command', () => {
  const audit = mkdtempSync(path.join(os.tmpdir(), 'archeep-demo-audit-'));
  const dataDir = pgliteDataDir();
  afterAll(() => {
    rmSync(audit, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('fills every module of an empty database and says what it made', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, ARCHEEP_DATA_DIR: dataDir, AUDIT_CHECKPOINT_DIR: audit, LOG_LEVEL: 'silent' };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(0);
    for (const account of DEMO_ACCOUNTS) expect(stdout).toContain(account.username);
    expect(stdout).toMatch(/demo-people-nationwide\.csv: \d+ new, 0 already there, 0 rejected/);
    expect(stdout).toMatch(/demo\.citizen .* a single mother of Khon Kaen/);
    expect(stdout).toMatch(/AS-25\d\d-\d{5}: 3 referred/);
    expect(stdout).toMatch(/Employment:\n(.*\n){3}.*\d+ vacancies .* the mother referred to VAC-25\d\d-\d{6}/);
    expect(stdout).toMatch(/Enterprise:\n.*: selling-online/);
    // Self-service: the officers' queues have a correction, an erasure held by her loan, and grievances, one escalated.
    expect(stdout).toMatch(
      /Self-service:\n {2}demo\.citizen: correction of houseNo due \d{4}-\d\d-\d\d, erasure held \(.*repaid or written off.*\); demo\.kk\.officer's queue: 2 requests\n {2}grievances: 2 in Khon Kaen, 1 escalated \(\d+: due \d{4}-\d\d-\d\d, [1-9]\d* days late\)/,
    );
    expect(stdout).toMatch(/Monitoring: \d+ cells; \d+ rebuilt from the records written as history/);
    expect(stdout).toMatch(
      /Funding:\n {2}OTOG-FUND-KK: 10 groups at every step .* repaid [1-9]\d*\.\d\d baht; demo\.citizen leads the current loan\n {2}REVOLVING-FUND-PKT: .*\n {2}REVOLVING-FUND-CMI: /,
    );
    // What the marketplace part made, as its services answer: each step of the onboarding path
    // reached by some group's channel, the listings in each state, the Lazada advisor's groups.
    const marketplace = stdout.slice(stdout.indexOf('Marketplace:\n'));
    expect(marketplace).toMatch(
      /^Marketplace:\n(.*\n){5} {2}catalogue: 7 approved, 1 waiting for an officer, 1 returned; demo\.lazada advises 3 groups for Lazada\n/,
    );
    for (const step of ['consented', 'documents-ready', 'shop-opened', 'first-product-live', 'first-sale', 'active'])
      expect(marketplace).toMatch(new RegExp(`(lazada|shopee|facebook|line|tiktok|onde) ${step}[,;\\n]`));
    expect(marketplace.match(/six months of sales/g)).toHaveLength(3);
  });
});
