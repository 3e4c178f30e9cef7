import { describe, expect, it } from 'vitest';
import { tableColumns } from '../../src/render/table.js';
import { visibleLength, wrapLines } from '../../src/render/wrap.js';
import { listView } from '../../src/render/views.js';
import { makeTheme } from '../../src/render/theme.js';
import type { Catalog } from '../../src/store.js';

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
  const catalog: Catalog = {
    version: 1,
    modules: [
      { id: 'glutamate', title: 'G', kind: 'article-point', summary: 'Point two.', origin: 'built-in' },
      { id: 'overview', title: 'O', kind: 'start', summary: 'Start here.', origin: 'built-in' },
    ],
    terms: [{ id: 'bdnf', term: 'BDNF', aliases: [], definition: 'x', module: 'glutamate', sources: [] }],
    keys: {},
  };
  it('groups by kind in a fixed order, then the glossary', () => {
    expect(listView(catalog, makeTheme(false), 80)).toBe(
      ['Start here', 'overview   Start here.', '', "The article's three points", 'glutamate  Point two.', '', 'Glossary terms', 'bdnf       BDNF', '', 'Read one with: kap explain <id>'].join('\n'),
    );
  });
});
