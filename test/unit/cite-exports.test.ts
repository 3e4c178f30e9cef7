/**
 * Exports read back by parsers kap does not use to write them (bibtex-parse, astrocite-ris):
 * every bibliographic field of every reference must come back intact.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import bibtexParse from 'bibtex-parse';
import { parse as parseRis } from 'astrocite-ris';
import { plugins } from '@citation-js/core';
import { englishGbLocale, ensureBibField, ensureRisTag, exportReference, unwrapRis } from '../../src/cite/precompute.js';
import type { CslItem } from '../../src/content/model.js';

const items = JSON.parse(readFileSync(new URL('../../content/references.json', import.meta.url), 'utf8')) as CslItem[];
type Name = { family?: string; given?: string; literal?: string; suffix?: string; 'non-dropping-particle'?: string };
const family = (n: Name) => [n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
/** "Family, Given, Suffix", the form BibTeX and RIS both write. */
const names = (i: CslItem) => ((i.author ?? []) as Name[]).map((n) => n.literal ?? [family(n), n.given, n.suffix].filter(Boolean).join(', '));
const year = (i: CslItem) => (i.issued as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0]?.[0];

const ACCENTS: Record<string, string> = { "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', c: '\u0327', v: '\u030c', k: '\u0328', '=': '\u0304', '.': '\u0307', u: '\u0306', H: '\u030b', r: '\u030a' };
const LETTERS: Record<string, string> = { l: 'ł', L: 'Ł', o: 'ø', O: 'Ø', ss: 'ß', aa: 'å', AA: 'Å', ae: 'æ', AE: 'Æ', i: 'ı' };
/** Undo BibTeX escaping: accents and special letters, \& \% \_, braces that protect case. */
const unlatex = (s: string) =>
  s
    .replace(/\\textunderscore\{\}/g, '_')
    // bibtex-parse itself reduces {\' a} to "{' a": read that back as the accent it was.
    .replace(/(?<=[A-Za-z])\{?(['`^~"]) ([A-Za-z])\}?/g, (_, a: string, ch: string) => ch + ACCENTS[a])
    // ... and {\r A} (a ring, as in "Åkeson") to "\r A".
    .replace(/\\r\s*\{?([A-Za-z])\}?/g, (_, ch: string) => ch + ACCENTS.r)
    .replace(/\\([`'^"~=.])\s*\{?([A-Za-z])\}?/g, (_, a: string, ch: string) => ch + ACCENTS[a])
    .replace(/\\([cvkuH])\s*\{([A-Za-z])\}/g, (_, a: string, ch: string) => ch + ACCENTS[a])
    .replace(/\\(ss|aa|AA|ae|AE|l|L|o|O|i)(\{\})?/g, (_, l: string) => LETTERS[l]!)
    .replace(/\\([&%$#_{}])/g, '$1')
    .replace(/[{}]/g, '')
    .replace(/--/g, '-')
    .normalize('NFC');
describe('BibTeX and BibLaTeX exports, read back by bibtex-parse', () => {
  for (const item of items)
    it(item.id, () => {
      const { bibtex, biblatex } = exportReference(item);
      for (const [kind, text] of [['bibtex', bibtex], ['biblatex', biblatex]] as const) {
        const entries = bibtexParse.entries(text);
        expect(entries, kind).toHaveLength(1);
        const e = entries[0]!;
        expect(e.key, kind).toBe(item.id);
        expect(unlatex(e.TITLE ?? ''), kind).toBe(item.title);
        // bibtex-parse drops the braces that keep "{U.S. Food and Drug Administration}" one name, so compare the whole list.
        expect(unlatex(e.AUTHOR ?? ''), kind).toBe(names(item).join(' and '));
        if (item.DOI) expect(e.DOI, kind).toBe(item.DOI);
        if (item.URL) expect(e.URL, kind).toBe(item.URL);
        if (item.volume) expect(e.VOLUME, kind).toBe(item.volume);
        if (item.issue) expect(e.NUMBER, kind).toBe(item.issue);
        if (item.page) expect(unlatex(e.PAGES ?? ''), kind).toBe(item.page);
        if (year(item)) expect(kind === 'bibtex' ? e.YEAR : e.DATE?.slice(0, 4), kind).toBe(String(year(item)));
        // The container: journal for articles, howpublished for @misc, booktitle where BibLaTeX's mapping puts it.
        if (item['container-title']) expect(unlatex(e.JOURNAL ?? e.JOURNALTITLE ?? e.HOWPUBLISHED ?? e.BOOKTITLE ?? ''), kind).toBe(item['container-title']);
        expect(e.NOTE, `${kind}: kap's fact-check note is not exported`).toBeUndefined();
      }
    });
});

describe('RIS export, read back by astrocite-ris', () => {
  for (const item of items)
    it(item.id, () => {
      const { ris } = exportReference(item);
      expect(ris.split('\n').every((l) => /^[A-Z][A-Z0-9] {2}- /.test(l)), 'one tag a line').toBe(true);
      const [back] = parseRis(`${ris}\n`) as CslItem[];
      expect(back!.id).toBe(item.id);
      expect(back!.title).toBe(item.title);
      // RIS cannot mark an organisation as author; readers split "Drug Enforcement Administration"
      // at a space. The words must all survive.
      // astrocite-ris also reads "Zarate, Carlos A., Jr." (the RIS form for a suffix) as given name "Jr.",
      // so names with a suffix are checked on the RIS line itself.
      const words = (i: CslItem) => names(i).map((n) => n.replace(/,/g, '').split(' ').sort().join(' '));
      const plain = ((item.author ?? []) as Name[]).map((n) => !n.suffix);
      expect(words(back!).filter((_, k) => plain[k])).toEqual(words(item).filter((_, k) => plain[k]));
      for (const n of names(item).filter((_, k) => !plain[k])) expect(ris).toContain(`AU  - ${n}\n`);
      for (const f of ['DOI', 'URL', 'volume', 'issue', 'page']) if (item[f]) expect(back![f], f).toBe(item[f]);
      if (item['container-title']) expect(back!['container-title']).toBe(item['container-title']);
      if (year(item)) expect(Number(year(back!))).toBe(year(item));
    });

  it('unwrapRis joins the 70-character lines back and keeps the whole key as ID', () => {
    const wrapped = `TY  - JOUR\nID  - psychologytoday_keta\nTI  - ${'a'.repeat(70)}\n${'b'.repeat(5)}\nER  - \n`;
    expect(unwrapRis(wrapped, 'psychologytoday_ketamine_basics')).toBe(`TY  - JOUR\nID  - psychologytoday_ketamine_basics\nTI  - ${'a'.repeat(70)}bbbbb\nER  - `);
  });
});

describe('CSL-JSON export', () => {
  it('is the record as stored', () => {
    for (const item of items) expect(JSON.parse(exportReference(item)['csl-json'])).toEqual(item);
  });
});

describe('export repairs', () => {
  it('ensureBibField adds a missing field, escaped, and leaves a present one alone', () => {
    const bib = '@misc{k,\n\ttitle = {T},\n}';
    expect(ensureBibField(bib, 'howpublished', 'A & B_1')).toBe('@misc{k,\n\ttitle = {T},\n\thowpublished = {A \\& B\\_1},\n}');
    expect(ensureBibField(bib, 'title', 'Other')).toBe(bib);
    expect(ensureBibField(bib, 'number', undefined)).toBe(bib);
  });
  it('ensureRisTag adds a missing tag before ER', () => {
    expect(ensureRisTag('TY  - GEN\nER  - ', 'T2', 'Federal Register')).toBe('TY  - GEN\nT2  - Federal Register\nER  - ');
    expect(ensureRisTag('TY  - GEN\nIS  - 1\nER  - ', 'IS', '2')).toBe('TY  - GEN\nIS  - 1\nER  - ');
  });
  it('the derived en-GB locale has British quotes, punctuation outside them, day-month dates', () => {
    const gb = englishGbLocale(plugins.config.get('@csl').locales.get('en-US'));
    expect(gb).toContain('xml:lang="en-GB"');
    expect(gb).toContain('punctuation-in-quote="false"');
    expect(gb).toContain('<term name="open-quote">‘</term>');
    expect(gb).toContain('<date form="text"><date-part name="day" suffix=" "/>');
  });
});
