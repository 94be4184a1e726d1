import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { currentOpenApiDocument, renderApiClientTypes } from '../../scripts/api-client-types';
import { createTestDatabase } from '../helpers/database';

describe('the generated API client', () => {
  // Made once for both tests, on a copy of the test template: an empty database of its own, opened
  // for each test, cost more than the tests' own work.
  let openApi: Record<string, unknown>;
  beforeAll(async () => {
    const { database, dispose } = await createTestDatabase('pglite');
    try {
      openApi = await currentOpenApiDocument(database);
    } finally {
      await dispose();
    }
  });

  it("matches the server's OpenAPI document (run `npm run api:generate` when this fails)", async () => {
    const committed = readFileSync(new URL('../../src/web/api/schema.ts', import.meta.url), 'utf8');
    expect(committed).toBe(await renderApiClientTypes(openApi));
  });

  it('documents every route with a summary and a problem answer for failures', async () => {
    const document = openApi as { paths: Record<string, Record<string, { summary?: string; responses?: Record<string, unknown> }>> };
    const operations = Object.entries(document.paths).flatMap(([route, methods]) => Object.entries(methods).map(([method, op]) => ({ route, method, op })));
    expect(operations.length).toBeGreaterThan(15);
    for (const { route, method, op } of operations) {
      expect(op.summary, `${method} ${route}`).toBeTruthy();
      if (route !== '/api/health' && !route.endsWith('.geojson')) expect(Object.keys(op.responses ?? {}), `${method} ${route}`).toContain('4XX');
    }
  });
});
