import { describe, expect, it } from 'vitest';
import { tableColumns } from '../../src/render/table.js';
import fc from 'fast-check';
import truncatedWidth from 'fast-string-truncated-width';
import { visibleLength, wrapLineMeasured, wrapLines } from '../../src/render/wrap.js';
import { listView } from '../../src/render/views.js';
import { makeTheme } from '../../src/render/theme.js';
import { memoryCatalog, type Catalog } from '../../src/store.js';

describe('wrapLines', () => {
  it('wraps long lines at spaces and keeps a bullet\'s hanging indent', () => {
    expect(wrapLines('  * one two three four five', 14)).toBe('  * one two\n    three four\n    five');
  });
  it('leaves short lines, table lines and lone long words alone', () => {
    expect(wrapLines('short', 10)).toBe('short');
    expect(wrapLines('│ a table row that is long │', 10)).toBe('│ a table row that is long │');
    expect(wrapLines('https://doi.org/10.1126/science.1190287', 20)).toBe('https://doi.org/10.1126/science.1190287');
  });
  it('counts visible characters, not ANSI codes', () => {
    expect(visibleLength('\u001b[1mbold\u001b[22m')).toBe(4);
    expect(wrapLines('\u001b[1mbold\u001b[22m word', 9)).toBe('\u001b[1mbold\u001b[22m word');
  });
  it('treats a carriage return as a line break and trims trailing spaces', () => {
    expect(wrapLines('a  \rb', 80)).toBe('a\nb');
  });
  it('measures display width: wide CJK characters and emoji 2 columns, combining marks 0', () => {
    expect(visibleLength('日本語')).toBe(6);
    expect(visibleLength('🧠 ok')).toBe(5);
    expect(visibleLength('cafe\u0301')).toBe(4);
    expect(visibleLength('\u001b[1m受容体\u001b[22m')).toBe(6);
  });
  it('wraps by display width: no line of CJK or emoji text is wider than the width', () => {
    const widest = (s: string) => Math.max(...s.split('\n').map(visibleLength));
    const mixed = 'ketamine blocks the NMDA 受容体 receptor 🧠 and 🧠 then glutamate rises';
    for (const w of [10, 14, 20, 30]) expect(widest(wrapLines(mixed, w))).toBeLessThanOrEqual(w);
    // By string length these 24 columns would be 16 and fit in 20.
    expect(wrapLines('ab 🧠🧠🧠🧠 cd 🧠🧠 ef', 20)).toBe('ab 🧠🧠🧠🧠 cd 🧠🧠\nef');
    expect(wrapLines('é\u0301é\u0301 x', 5)).toBe('é\u0301é\u0301 x');
  });
  it("the one-column fast path agrees with the full measure for every character it covers", async () => {
    const { default: full } = await import('fast-string-truncated-width');
    const ranges = [[0x20, 0x7e], [0xa0, 0xff], [0x2010, 0x2027], [0x2030, 0x205e], [0x2500, 0x257f], [0x2713, 0x2713], [0x2717, 0x2717], [0x276f, 0x276f]];
    for (const [a, b] of ranges) for (let c = a!; c <= b!; c++) expect(visibleLength(String.fromCodePoint(c)), c.toString(16)).toBe(full(String.fromCodePoint(c)).width);
  });
  it('breaks a run of CJK text between characters, never before closing punctuation', () => {
    const jp = 'ケタミンはグルタミン酸を増やします。その後、脳の可塑性が高まります。';
    const lines = wrapLines(jp, 20).split('\n');
    expect(lines.join('')).toBe(jp);
    for (const l of lines) {
      expect(visibleLength(l)).toBeLessThanOrEqual(20);
      expect(l).not.toMatch(/^[。、]/);
    }
    expect(lines.length).toBeGreaterThan(1);
  });
  it('keeps styles with their characters and hangs a lettered choice under its text', () => {
    const bold = wrapLines('\u001b[1m日本語日本語\u001b[22m', 6);
    expect(bold.replace(/\u001b\[\d+m/g, '')).toBe('日本語\n日本語');
    expect(bold.startsWith('\u001b[1m')).toBe(true);
    expect(wrapLines('  B) one two three four', 15)).toBe('  B) one two\n     three four');
    expect(wrapLines('  ✗ one two three four', 14)).toBe('  ✗ one two\n    three four');
  });
});

describe('visibleLength without the full measure', () => {
  it('agrees with it on every character it counts as one column', () => {
    const ranges = [[0x20, 0x7e], [0xa0, 0xff], [0x2010, 0x2027], [0x2030, 0x205e], [0x2190, 0x2193], [0x2500, 0x257f], [0x2713, 0x2713], [0x2717, 0x2717], [0x276f, 0x276f]];
    for (const [a, b] of ranges)
      for (let c = a!; c <= b!; c++) {
        const ch = String.fromCharCode(c);
        expect(visibleLength(`x${ch}y`), c.toString(16)).toBe(truncatedWidth(`x${ch}y`).width);
      }
  });
});

describe('wrapLines without a measure per word', () => {
  it('wraps a line of one-column characters and colours as measuring each word does', () => {
    const word = fc.oneof(
      fc.stringMatching(/^[a-z0-9.,;'"()\u00e9\u2014\u2019\u2502-]{0,14}$/),
      fc.constantFrom('\u001b[1mbold\u001b[22m', '\u001b[36m', '\u001b[0m', '', '  ', '\u2022', 'A)', '1.', '\u2713', 'https://example.org/a/long/path/that/is/long'),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 20, max: 100 }), (words, indent, width) => {
        const line = ' '.repeat(indent) + words.join(' ');
        expect(wrapLines(line, width)).toBe(visibleLength(line.trimEnd()) <= width || /\u2502/.test(line) ? line.trimEnd() : wrapLineMeasured(line, width));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('wrapLines of plain text (no styles), a line at a time', () => {
  it('wraps as measuring each word does, at any width, indent and run of spaces', () => {
    const word = fc.oneof(fc.stringMatching(/^[a-z.,\t-]{0,12}$/), fc.constantFrom('', '  ', 'A)', '1.', '\u2022', 'x'.repeat(30)));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 40 }), (words, indent, width) => {
        const line = ' '.repeat(indent) + words.join(' ');
        expect(wrapLines(line, width)).toBe(visibleLength(line.trimEnd()) <= width ? line.trimEnd() : wrapLineMeasured(line, width));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('tableColumns', () => {
  it('keeps natural widths when the table fits', () => {
    expect(tableColumns([['a', 'bb'], ['ccc', 'd']], 80)).toEqual([5, 5]);
  });
  it('shrinks to the width without cutting the longest word of a column', () => {
    const cells = [['Question', 'What is known', 'Certainty'], ['Does a low dose cause a glutamate burst?', 'Shown in rodents only, in several studies', 'Low']];
    const w = tableColumns(cells, 40);
    expect(w.reduce((a, b) => a + b, 0) + w.length + 1).toBeLessThanOrEqual(40);
    expect(w[2]).toBeGreaterThanOrEqual('Certainty'.length + 2);
  });
});

describe('listView', () => {
  const catalog: Catalog = memoryCatalog(
    [
      { id: 'glutamate', title: 'G', kind: 'article-point', summary: 'Point two.', origin: 'built-in' },
      { id: 'overview', title: 'O', kind: 'start', summary: 'Start here.', origin: 'built-in' },
    ],
    [{ id: 'bdnf', term: 'BDNF', aliases: [], definition: 'x', module: 'glutamate', sources: [] }],
    {},
  );
  it('groups by kind in a fixed order, then the glossary', () => {
    expect(listView(catalog, makeTheme(false), 80)).toBe(
      ['Start here', 'overview   Start here.', '', "The article's three points", 'glutamate  Point two.', '', 'Glossary terms', 'bdnf       BDNF', '', 'Read one with: kap explain <name>'].join('\n'),
    );
  });
});
