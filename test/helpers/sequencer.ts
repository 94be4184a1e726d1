import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds each file took in a whole `npm test` on this 2-core machine (three forks), for a run
 * with no timings of its own (a fresh clone: CI). Files of under 3 s are left out. Refresh it
 * from a run's JSON report when files are added or change much (docs/ARCHITECTURE.md "Tests").
 */
const RECORDED: Record<string, number> = JSON.parse(readFileSync(new URL('./durations.json', import.meta.url), 'utf8'));

/** What a file neither timed here nor recorded costs, by project, in ms. */
const ESTIMATE: Record<string, number> = { journeys: 30_000, api: 5_000, unit: 500 };

/**
 * Longest files first, so that neither fork is left with a long one at the end while the other
 * idles. Vitest's own order does this only from the durations of an earlier run; on a fresh clone
 * (CI) it runs the largest files first, which put the crawl of every page and the benchmark smoke
 * runs, both small files, among the last.
 */
export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cost = (spec: TestSpecification) => {
      const relative = path.relative(this.ctx.config.root, spec.moduleId);
      const timed = this.ctx.cache.getFileTestResults(`${spec.project.name}:${relative}`);
      if (timed) return timed.duration;
      const recorded = RECORDED[relative];
      return recorded !== undefined ? recorded * 1000 : (ESTIMATE[spec.project.name] ?? 0);
    };
    return [...files].sort((a, b) => cost(b) - cost(a));
  }
}
