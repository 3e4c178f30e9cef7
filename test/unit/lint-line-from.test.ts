import { describe, expect, it } from 'vitest';
import { lineFrom, lineOf, lineStarts } from '../../src/lint/lint.js';
import { blankLine } from '../../src/lint/rules.js';

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

// rules.ts asks whether a blank line parts two sentences by char code (blankLine): what the
// regex over the text between them answered.
describe('blankLine', () => {
  it('is /\\n[ \\t]*\\n/ over the part of the text, on random texts and parts', () => {
    let seed = 5;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const pieces = ['\n', ' ', '\t', 'a', '\r', '\u00a0', '\n\n', ' \t'];
    let blank = 0;
    for (let round = 0; round < 3000; round++) {
      const text = Array.from({ length: rnd(12) }, () => pieces[rnd(pieces.length)]).join('');
      const from = rnd(text.length + 1);
      const to = from + rnd(text.length - from + 1);
      const expected = /\n[ \t]*\n/.test(text.slice(from, to));
      expect(blankLine(text, from, to), JSON.stringify([text, from, to])).toBe(expected);
      if (expected) blank++;
    }
    expect(blank).toBeGreaterThan(300);
  });
});
