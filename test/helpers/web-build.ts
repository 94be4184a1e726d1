import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_ROOT = path.join(ROOT, 'dist/web');

/** Builds the web app if its sources are newer than the build (as `npm start` does). */
export function ensureWebBuilt(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-web-if-stale.mjs')], { cwd: ROOT, stdio: 'inherit' });
}
