import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/server');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Relative imports of a file, resolved to paths under src/server. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.[^']+)'/g)].map((m) => path.relative(SERVER, path.resolve(path.dirname(file), m[1]!)));
}

const layerOf = (file: string) => /\.(routes|service|repository|policy|schemas)$/.exec(path.basename(file, '.ts'))?.[1];
const moduleOf = (relative: string) => /^modules\/([^/]+)\//.exec(relative)?.[1];

describe('dependency direction (routes → services → repositories; modules meet through services)', () => {
  const files = sourceFiles(SERVER).map((f) => ({ file: f, relative: path.relative(SERVER, f), imports: importsOf(f) }));

  it('keeps platform/ ignorant of the modules', () => {
    const offenders = files
      .filter((f) => f.relative.startsWith('platform/'))
      .flatMap((f) => f.imports.filter((i) => i.startsWith('modules/')).map((i) => `${f.relative} → ${i}`));
    expect(offenders).toEqual([]);
  });

  it('keeps routes off repositories and repositories off services', () => {
    const offenders = files.flatMap((f) => {
      const layer = layerOf(f.file);
      return f.imports
        .filter((i) => (layer === 'routes' && /\.repository$/.test(i)) || (layer === 'repository' && /\.(service|routes)$/.test(i)))
        .map((i) => `${f.relative} → ${i}`);
    });
    expect(offenders).toEqual([]);
  });

  it("never reaches into another module's repository", () => {
    const offenders = files.flatMap((f) => {
      const own = moduleOf(f.relative);
      return f.imports.filter((i) => /\.repository$/.test(i) && moduleOf(i) !== own).map((i) => `${f.relative} → ${i}`);
    });
    expect(offenders).toEqual([]);
  });

  it('finds the layers it checks (so the checks above are not vacuous)', () => {
    expect(files.filter((f) => layerOf(f.file) === 'repository').length).toBeGreaterThanOrEqual(3);
    expect(files.filter((f) => layerOf(f.file) === 'routes').length).toBeGreaterThanOrEqual(3);
  });
});
