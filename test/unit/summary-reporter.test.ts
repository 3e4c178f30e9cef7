import { describe, expect, it } from 'vitest';
import { summaryLine } from '../helpers/summary-reporter.js';

type State = 'passed' | 'failed' | 'skipped';
const mod = (state: 'passed' | 'failed', tests: State[]) =>
  ({ state: () => state, children: { allTests: () => tests.map((s) => ({ result: () => ({ state: s }) })) } }) as never;

describe('the summary line CI reads', () => {
  it('counts tests', () => {
    expect(summaryLine([mod('passed', ['passed', 'passed']), mod('failed', ['passed', 'failed', 'skipped'])])).toBe('3 passed, 1 failed, 1 skipped');
  });

  it('counts a file that failed with no failed test (a beforeAll threw: its tests skipped) as a failure', () => {
    expect(summaryLine([mod('failed', ['skipped', 'skipped'])])).toBe('0 passed, 1 failed, 2 skipped');
    expect(summaryLine([mod('failed', [])])).toBe('0 passed, 1 failed');
  });

  it('counts errors outside any test', () => {
    expect(summaryLine([mod('passed', ['passed'])], [new Error('unhandled')])).toBe('1 passed, 1 failed');
  });
});
