import { describe, expect, it } from 'vitest';
import { countGap } from '../../src/lint/citations.js';
import { editDistance } from '../../src/text/distance.js';

// countGap lets the nearest-key and nearest-reference look-ups skip editDistance: it must never
// be more than the distance, or a near key would be missed.
describe('countGap', () => {
  it('is a floor of the edit distance (transpositions too), on many random pairs', () => {
    let seed = 42;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const alphabet = 'abcde0129_-';
    const word = () => Array.from({ length: rnd(12) }, () => alphabet[rnd(alphabet.length)]).join('');
    let tight = 0;
    for (let i = 0; i < 20000; i++) {
      const a = word();
      // Half the pairs are a few edits apart, as typos are.
      let b = word();
      if (i % 2) {
        b = a;
        for (let k = rnd(4); k > 0; k--) {
          const at = rnd(b.length + 1);
          const op = rnd(4);
          if (op === 0) b = b.slice(0, at) + alphabet[rnd(alphabet.length)] + b.slice(at);
          else if (op === 1) b = b.slice(0, at) + b.slice(at + 1);
          else if (op === 2) b = b.slice(0, at) + alphabet[rnd(alphabet.length)] + b.slice(at + 1);
          else b = b.slice(0, at) + b.slice(at + 1, at + 2) + b.slice(at, at + 1) + b.slice(at + 2);
        }
      }
      const gap = countGap(a, b);
      const d = editDistance(a, b);
      expect(gap, `${a} / ${b}`).toBeLessThanOrEqual(d);
      if (gap === d && d > 0) tight++;
    }
    // And it is worth asking: often the distance itself.
    expect(tight).toBeGreaterThan(200);
  });

  it('is 0 (no floor) when either string has a character beyond ASCII, and leaves no counts behind', () => {
    expect(countGap('müller', 'muller')).toBe(0);
    expect(countGap('abc', 'xyzé')).toBe(0);
    expect(countGap('abc', 'abc')).toBe(0);
    expect(countGap('aab', 'b')).toBe(1);
    expect(countGap('abc', 'xyz')).toBe(3);
  });
});
