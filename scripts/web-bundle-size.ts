// Measures the web app's first load: the JavaScript and CSS a browser fetches to show the sign-in
// page and the home page, gzip-compressed as they travel. `npx tsx scripts/web-bundle-size.ts`
// prints them after `npm run build:web`; test/web-bundle.test.ts fails when they outgrow the budget,
// so the bundle cannot silently grow back.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The first load may weigh this much, gzip-compressed (kB of 1000 bytes, as Vite reports): the goal
 * was under 400 kB; it measured 220 kB once the features were loaded lazily, and the budget leaves
 * room for the shell to grow a little, not for a feature to slip back into the first load.
 */
export const FIRST_LOAD_BUDGET = 260_000;

/** The route modules the first visit shows: the sign-in page, then the home page in the layout. */
export const FIRST_ROUTES = ['features/auth/SignInPage.tsx', 'components/AppLayout.tsx', 'features/home/HomePage.tsx'];

const DIST = path.join(ROOT, 'dist/web');

/** Vite's manifest of the built app: each source module's chunk, and what that chunk imports. */
export function readManifest(distDir = DIST): Record<string, ManifestChunk> {
  return JSON.parse(readFileSync(path.join(distDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
}

export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

export interface SizedFile {
  file: string;
  bytes: number;
  gzip: number;
}

/**
 * The files of the first load, from Vite's manifest: the entry with everything it imports
 * statically, and each first route's chunk with its static imports and CSS. A route module that is
 * not a chunk of its own is inside the entry, counted there.
 */
export function firstLoad(distDir = DIST): SizedFile[] {
  const manifest = readManifest(distDir);
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  if (entries.length === 0) throw new Error(`No entry in ${distDir}/.vite/manifest.json: build the web app (npm run build:web) first`);
  for (const [key] of entries) visit(key);
  for (const route of FIRST_ROUTES) visit(route);
  return [...files].map((file) => {
    const content = readFileSync(path.join(distDir, file));
    return { file, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
  });
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = firstLoad(process.argv[2]);
  for (const f of files.sort((a, b) => b.gzip - a.gzip)) console.log(`${f.file.padEnd(48)} ${kB(f.bytes).padStart(12)}  gzip ${kB(f.gzip).padStart(10)}`);
  const raw = files.reduce((sum, f) => sum + f.bytes, 0);
  const gzip = files.reduce((sum, f) => sum + f.gzip, 0);
  console.log(`${'first load'.padEnd(48)} ${kB(raw).padStart(12)}  gzip ${kB(gzip).padStart(10)} (budget ${kB(FIRST_LOAD_BUDGET)})`);
  if (gzip > FIRST_LOAD_BUDGET) process.exitCode = 1;
}
