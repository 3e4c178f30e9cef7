/** Plain text through mdText, read by marked (the renderer kap's modules go through): the text comes back as written. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { marked } from 'marked';
import { mdText } from '../../src/text/markdown-escape.js';

const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe('mdText', () => {
  it('STAR*D twice in a line is not emphasis', () => {
    expect(marked.parseInline(mdText('STAR*D and “The STAR*D Data”'))).toBe(html('STAR*D and “The STAR*D Data”'));
  });
  it('any text of marks, letters and spaces reads back as written', () => {
    const pieces = ['*', '**', '_', '`', '[', ']', '(', ')', '<', '>', '<b>', '&', '&amp;', '&#38;', '~', '~~', '\\', 'a', 'word', ' ', 'x_y', '!', '|', '#'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), (parts) => {
        const s = parts.join('').trim();
        expect(marked.parseInline(mdText(s), { gfm: true })).toBe(html(s));
      }),
      { numRuns: 3000 },
    );
  });
});
