/**
 * Writes the web app's API types from the server's own OpenAPI document, so the client can only
 * call what the server declares. `npm test` fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderApiClientTypes } from './api-client-types';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'src/web/api/schema.ts');
writeFileSync(target, await renderApiClientTypes());
console.log(`wrote ${path.relative(root, target)}`);
