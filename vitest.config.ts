import { defineConfig } from 'vitest/config';
import { LongestFirst } from './test/helpers/sequencer';

/**
 * Three projects, the tiers of docs/ARCHITECTURE.md "Tests": `unit` (pure: no database, no
 * browser; `npm run test:unit` runs it in seconds), `api` (the real app on PGlite, and on
 * PostgreSQL when TEST_DATABASE_URL is set) and `journeys` (the browser). `npm test` runs all
 * three in one pool of three forks on the machine's two cores: a fork waits on a database or
 * Chromium much of its time (docs/ARCHITECTURE.md "Tests").
 */
const DATABASE = ['test/api/**/*.test.ts', 'test/architecture.test.ts', 'test/security/**/*.test.ts', 'bench/bench.smoke.test.ts', 'bench/synth/fill.test.ts'];
const JOURNEYS = ['test/journeys/**/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    poolOptions: { forks: { maxForks: 3, minForks: 1 } },
    // Limits, not goals (timing goals live in bench/): room for the heaviest files (the benchmarks'
    // smoke runs, the demo, the authorisation matrix built in its hook) to finish when other work
    // keeps the machine's two cores busy. At load 16 a fresh-clone CI had tests taking 60–83 s.
    testTimeout: 180_000,
    hookTimeout: 600_000,
    // A page waited for (expect.poll in the journeys) gets 15 s instead of 1 s: at load 16 the
    // foundation journey's home page took longer than a second to say the officer's area.
    expect: { poll: { timeout: 15_000 } },
    // Builds what the selected projects need once (web app, database templates), before any file.
    globalSetup: ['test/helpers/global-setup.ts'],
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: [...DATABASE, ...JOURNEYS],
          isolate: false,
        },
      },
      { extends: true, test: { name: 'api', include: DATABASE, isolate: false } },
      { extends: true, test: { name: 'journeys', include: JOURNEYS, isolate: false } },
    ],
  },
});
