import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCRIPT = path.join(ROOT, 'scripts/build-web-if-stale.mjs');
export const WEB_ROOT = path.join(ROOT, 'dist/web');

/** Builds the web app if its sources are newer than the build (as `npm start` does). */
export function ensureWebBuilt(): void {
  execFileSync(process.execPath, [SCRIPT], { cwd: ROOT, stdio: 'inherit' });
}

/** The same, without holding up the caller meanwhile (the test run's set-up does other work beside it). */
export async function ensureWebBuiltInBackground(): Promise<void> {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [SCRIPT], { cwd: ROOT, maxBuffer: 16 << 20 });
  process.stdout.write(stdout);
  process.stderr.write(stderr);
}
