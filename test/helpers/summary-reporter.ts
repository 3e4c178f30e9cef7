/** Prints the line CI reads: `N passed, N failed` (vitest's own summary is not read). */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown> = []): void {
    process.stdout.write(`\n${summaryLine(modules, errors)}\n`);
  }
}

/**
 * Each test counts once; a file that failed without a failed test (it did not load, or a
 * beforeAll threw and its tests were skipped) counts as one failure, and so does an error
 * outside any test: a red run must never read "0 failed".
 */
export function summaryLine(modules: ReadonlyArray<Pick<TestModule, 'state' | 'children'>>, errors: ReadonlyArray<unknown> = []): string {
  let passed = 0;
  let failed = errors.length;
  let skipped = 0;
  for (const m of modules) {
    let failedHere = 0;
    for (const t of m.children.allTests()) {
      const s = t.result().state;
      if (s === 'passed') passed++;
      else if (s === 'failed') failedHere++;
      else skipped++;
    }
    failed += m.state() === 'failed' && !failedHere ? 1 : failedHere;
  }
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}
