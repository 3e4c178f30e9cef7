/** The spawn helper's kill timer is the test's own budget, not a fixed one. */
import { describe, expect, it } from 'vitest';
import { FALLBACK_BUDGET, budget, sh } from '../helpers/run-kap.js';

describe('run-kap budget', () => {
  it('is what remains of the running test timeout', () => {
    const b = budget();
    expect(b).toBeGreaterThan(100_000);
    expect(b).toBeLessThanOrEqual(120_000);
  }, 120_000);

  it('a caller timeout wins', () => {
    expect(budget(5_000)).toBe(5_000);
    expect(FALLBACK_BUDGET).toBeGreaterThanOrEqual(120_000);
  });

  it('a run past the budget is killed and says so', () => {
    const t = Date.now();
    const r = sh('sleep 20', { timeout: 1_500 });
    expect(Date.now() - t).toBeLessThan(10_000);
    expect(r.signal).toBe('SIGTERM');
    expect(r.stderr).toContain('[run-kap: killed after 1500 ms');
  });
});
