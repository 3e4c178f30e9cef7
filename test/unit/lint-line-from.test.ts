import { describe, expect, it } from 'vitest';
import { lineFrom, lineOf, lineStarts } from '../../src/lint/lint.js';

// lint.ts finds each finding's line walking on from the last one's (lineFrom): the line the
// search from the top (lineOf) finds, for offsets in any order.
describe('lineFrom', () => {
  it('is lineOf, from any line, for every offset of random texts', () => {
    let seed = 11;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: rnd(40) }, () => (rnd(4) ? 'ab c'.slice(0, 1 + rnd(4)) : '\n')).join('');
      const lines = lineStarts(text);
      let from = 0;
      for (let q = 0; q < 60; q++) {
        const offset = rnd(text.length + 2);
        const at = lineFrom(lines, from, offset);
        expect(at, `${JSON.stringify(text)} @${offset} from ${from}`).toBe(lineOf(lines, offset));
        from = rnd(3) ? at : rnd(lines.length);
      }
    }
  });
});
