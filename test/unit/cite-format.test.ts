import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText, inTextCluster, renderCitations } from '../../src/cite/format.js';
import type { BibEntry } from '../../src/cite/bibliography.js';
import { STYLES } from '../../src/cite/styles.js';

const entry = (key: string, authorYear: string, html: string, inText: string): BibEntry => ({
  key,
  authorYear,
  title: key,
  authors: [],
  year: '',
  styles: Object.fromEntries(STYLES.map((s) => [s, { html: `${s}: ${html}`, inText: s === 'vancouver' ? '(1)' : inText }])) as BibEntry['styles'],
  exports: { bibtex: `@article{${key},\n}`, biblatex: `@article{${key},\n}`, ris: `TY  - JOUR\nID  - ${key}\nER  - `, 'csl-json': JSON.stringify({ id: key, type: 'article-journal' }, null, 2) },
});
const R = entry('rush2018', 'Rush & Thase, 2018', 'Rush, A. J., &#38; Thase. <i>Am J</i>, <i>175</i>.', '(Rush & Thase, 2018)');
const F = entry('furukawa2005', 'Furukawa et al., 2005', 'Furukawa. <i>Nature</i>.', '(Furukawa et al., 2005)');
const ITALIC = (s: string) => `/${s}/`;

describe('htmlToText', () => {
  it('italics through the given function, entities decoded, other tags dropped', () => {
    expect(htmlToText('A &#38; B. <i>Nature</i>, <i>438</i>(7065) <span class="x">x</span>', ITALIC)).toBe('A & B. /Nature/, /438/(7065) x');
    expect(htmlToText('<i>Nature</i> &lt;3 &amp; &#x2013;')).toBe('Nature <3 & –');
  });
  it('decodeEntities leaves unknown entities', () => {
    expect(decodeEntities('&bogus; &quot;')).toBe('&bogus; "');
  });
});

describe('renderCitations', () => {
  it('text: one reference a line, italics only through the theme', () => {
    expect(renderCitations([R], { style: 'apa', format: 'text', inText: false }, ITALIC)).toBe('apa: Rush, A. J., & Thase. /Am J/, /175/.');
    expect(renderCitations([R, F], { style: 'mla', format: 'text', inText: false })).toBe('mla: Rush, A. J., & Thase. Am J, 175.\nmla: Furukawa. Nature.');
  });
  it('Vancouver numbers a list of several, not a lone reference', () => {
    expect(renderCitations([F], { style: 'vancouver', format: 'text', inText: false })).toBe('vancouver: Furukawa. Nature.');
    expect(renderCitations([R, F], { style: 'vancouver', format: 'text', inText: false })).toBe('1. vancouver: Rush, A. J., & Thase. Am J, 175.\n2. vancouver: Furukawa. Nature.');
  });
  it('html keeps the processor HTML in a bibliography block', () => {
    expect(renderCitations([F], { style: 'apa', format: 'html', inText: false })).toBe('<div class="csl-bib-body">\n  <div class="csl-entry">apa: Furukawa. <i>Nature</i>.</div>\n</div>');
  });
  it('in-text: one cluster, author-date parts sorted; numeric styles count', () => {
    expect(inTextCluster([R, F], 'apa')).toBe('(Furukawa et al., 2005; Rush & Thase, 2018)');
    expect(inTextCluster([R, F], 'vancouver')).toBe('(1,2)');
    expect(renderCitations([R], { style: 'apa', format: 'html', inText: true })).toBe('(Rush &amp; Thase, 2018)');
  });
  it('exports ignore the style; CSL-JSON is one array', () => {
    expect(renderCitations([R, F], { style: 'mla', format: 'bibtex', inText: false })).toBe('@article{rush2018,\n}\n\n@article{furukawa2005,\n}');
    expect(JSON.parse(renderCitations([R, F], { style: 'apa', format: 'csl-json', inText: false }))).toEqual([
      { id: 'rush2018', type: 'article-journal' },
      { id: 'furukawa2005', type: 'article-journal' },
    ]);
  });
});
