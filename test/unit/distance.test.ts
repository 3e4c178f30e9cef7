import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editDistance } from '../../src/text/distance.js';

/** The table written out plainly (optimal string alignment), as editDistance was before it reused its rows. */
function reference(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
    if (Math.min(...d[i]!) > max) return max + 1;
  }
  return d[a.length]![b.length]!;
}

describe('editDistance', () => {
  it('is the optimal string alignment distance, with and without a budget, for names of any length', () => {
    const word = fc.stringMatching(/^[a-e ]{0,12}$/);
    fc.assert(fc.property(word, word, fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }), (a, b, max) => void expect(editDistance(a, b, max)).toBe(reference(a, b, max))), { numRuns: 3000 });
    // Longer than the rows it starts with: they grow.
    expect(editDistance('a'.repeat(70), 'b'.repeat(100))).toBe(100);
    expect(editDistance('glutamte', 'glutamate', 3)).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
  });
});
