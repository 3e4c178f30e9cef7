import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/text/distance.js';

/** The textbook table, without bounds or shortcuts: what editDistance must agree with. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

describe('editDistance', () => {
  it('agrees with the full table within its bound, and says "over" beyond it', () => {
    // A fixed pseudo-random set of short strings over a small alphabet, so pairs are often close.
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const word = () => Array.from({ length: 1 + rand(9) }, () => 'abcdeé'[rand(6)]).join('');
    for (let k = 0; k < 3000; k++) {
      const a = word();
      const b = rand(3) ? word() : a.slice(0, rand(a.length + 1)) + 'x' + a.slice(rand(a.length + 1));
      const full = reference(a, b);
      expect(editDistance(a, b), `${a} ${b}`).toBe(full);
      for (const max of [1, 2, 3]) {
        const d = editDistance(a, b, max);
        if (full <= max) expect(d, `${a} ${b} ${max}`).toBe(full);
        else expect(d, `${a} ${b} ${max}`).toBeGreaterThan(max);
      }
    }
  });

  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('glutamte', 'glutamate')).toBe(1);
    expect(editDistance('furukawa', 'furukaaw', 3)).toBe(1);
  });
});
