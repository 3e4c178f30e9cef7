/** kap lint's reading of a draft: what is prose, where sentences start, which citations they make. */
import { describe, expect, it } from 'vitest';
import { prose } from '../../src/lint/prose.js';
import { authorYears, keyCites, ownVoice, sentences } from '../../src/lint/sentences.js';

const texts = (s: string) => sentences(prose(s)).map((x) => x.text);

describe('prose', () => {
  it('keeps every offset: same length, newlines where they were', () => {
    const src = '---\na: 1\n---\n# Title\n\n```js\ncode();\n```\n\nText with `code` and [a link](http://x.y) <b>bold</b> **strong**.\n';
    const p = prose(src);
    expect(p.text.length).toBe(src.length);
    expect([...p.text].map((c, i) => (c === '\n') === (src[i] === '\n')).every(Boolean)).toBe(true);
    expect(p.text).not.toMatch(/code\(\)|a: 1|http|<b>|\*\*|`/);
    expect(p.text).toContain('Title');
    expect(p.text).toContain('a link');
    expect(p.text).toContain('bold');
  });

  it('marks block quotes and reads kap-lint comments', () => {
    const p = prose('> quoted line\n\n<!-- kap-lint disable uncited, safety -->\ntext\n<!-- kap-lint enable -->\n');
    expect(p.quotes).toEqual([[0, 13]]);
    expect(p.directives.map((d) => [d.action, d.rules])).toEqual([['disable', ['uncited', 'safety']], ['enable', []]]);
  });

  it('indented code after a blank line is skipped, but not a list item continued', () => {
    expect(prose('Para.\n\n    code here\n').text).not.toContain('code here');
    expect(prose('- item\n\n    more of the item\n').text).toContain('more of the item');
  });
});

describe('sentences', () => {
  it('split at full stops, not after abbreviations, initials or "et al."', () => {
    expect(texts('Dr. Smith met Mr. Jones in the U.S. last year. Then (Furukawa et al., 2005) wrote it. e.g. this stays.')).toEqual([
      'Dr. Smith met Mr. Jones in the U.S. last year.',
      'Then (Furukawa et al., 2005) wrote it. e.g. this stays.',
    ]);
  });
  it('headings, list items and paragraphs end sentences', () => {
    expect(texts('# Heading\nText one\n\n- item one\n- item two\n\nLast')).toEqual(['Heading', 'Text one', 'item one', 'item two', 'Last']);
  });
  it('a list item wrapped over lines is one sentence; the next item, a blank line or a heading ends it', () => {
    expect(texts('- **NMDA** itself is a chemical that switches this receptor\n  on. It is not the receptor\n- Next item\n\nAfter.\n').map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      'NMDA itself is a chemical that switches this receptor on.',
      'It is not the receptor',
      'Next item',
      'After.',
    ]);
  });

  it('quoted spans are blanked in the writer\'s own voice', () => {
    expect(ownVoice('The post says "a derivative" and “optimal homeostasis”.')).toBe(`The post says ${' '.repeat(14)} and ${' '.repeat(21)}.`);
  });
});

describe('citations', () => {
  it('Pandoc keys, not e-mail addresses', () => {
    expect(keyCites('See [@zanos2018; @li2010, p. 3] and @krystal2019. Mail a@b.com.').map((k) => k.key)).toEqual(['zanos2018', 'li2010', 'krystal2019']);
  });
  it('author-year forms, parenthetical and narrative, with offsets', () => {
    const s = 'As Zanos and Gould (2018) say (Furukawa et al., 2005; Rush & Thase, 2018a), but not (since March 2019).';
    const found = authorYears(s).map((a) => [a.families, a.year, s.slice(a.start, a.end)]);
    expect(found).toEqual([
      [['Zanos', 'Gould'], '2018', 'Zanos and Gould (2018)'],
      [['Furukawa'], '2005', 'Furukawa et al., 2005'],
      [['Rush', 'Thase'], '2018a', 'Rush & Thase, 2018a'],
    ]);
  });
});
