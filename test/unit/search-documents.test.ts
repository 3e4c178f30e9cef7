import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plainText } from '../../src/search/documents.js';

describe('plainText (search documents)', () => {
  // As first written: its space rule replaced every run, lone spaces too (the same text, slower).
  const reference = (md: string) =>
    md
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
      .replace(/^\s*\|?[-:| ]+\|?\s*$/gm, '')
      .replace(/[*`]+|\b_+|_+\b/g, '')
      .replace(/\|/g, ' ')
      .replace(/[ \t]+/g, ' ')
      .replace(/\s*\n\s*/g, '\n')
      .trim();

  it('is the text of its rules as first written, on Markdown made of spaces, tabs, breaks and marks', () => {
    const pieces = [' ', '  ', '\t', ' \t ', '\n', '\n\n', '|', '-', '*', '_', '`', '#', '> ', '1. ', '[a](b)', 'word', 'x_y', ' | --- | '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const md = parts.join('');
        expect(plainText(md)).toBe(reference(md));
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps an escaped mark as the character and drops the marks of emphasis and code', () => {
    expect(plainText('STAR\\*D and *STAR\\*D*, `x\\_y` and \\[not a link\\]')).toBe('STAR*D and STAR*D, x_y and [not a link]');
  });
});
