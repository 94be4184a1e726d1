import { describe, expect, it } from 'vitest';
import { FIRST_LOAD_BUDGET, firstLoad, readManifest } from '../scripts/web-bundle-size';
import { ensureWebBuilt } from './helpers/web-build';

describe('the web bundle', () => {
  ensureWebBuilt();
  const files = firstLoad();

  it(`loads the sign-in and home pages within ${FIRST_LOAD_BUDGET / 1000} kB of gzip-compressed JS and CSS`, () => {
    const gzip = files.reduce((sum, f) => sum + f.gzip, 0);
    const list = files.map((f) => `${f.file} ${(f.gzip / 1000).toFixed(1)} kB`).join(', ');
    expect(gzip, `first load: ${list}`).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
  });

  it('fetches each feature as a chunk of its own, not in the first load', () => {
    const manifest = readManifest();
    const first = new Set(files.map((f) => f.file));
    for (const feature of [
      'features/registry/pages.ts',
      'features/training/pages.ts',
      'features/credentials/pages.ts',
      'features/credentials/VerifyPage.tsx',
      'features/monitoring/pages.ts',
    ]) {
      const chunk = manifest[feature];
      expect(chunk?.file, `${feature} is a chunk`).toMatch(/\.js$/);
      expect(first.has(chunk!.file), `${feature} is outside the first load`).toBe(false);
    }
  });
});
