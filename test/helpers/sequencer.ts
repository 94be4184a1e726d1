import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * What a file never timed here costs, by project, in ms (from `npm test` on this 2-core machine,
 * docs/ARCHITECTURE.md "Tests"): the benchmark smoke runs and the browser journeys take minutes,
 * a database file some seconds, a pure one less than one.
 */
const ESTIMATE: Record<string, number> = { journeys: 60_000, api: 10_000, unit: 500 };
const SMOKE = 90_000;

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
      return relative.startsWith('bench/bench.smoke') ? SMOKE : (ESTIMATE[spec.project.name] ?? 0);
    };
    return [...files].sort((a, b) => cost(b) - cost(a));
  }
}
