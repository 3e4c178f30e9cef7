/**
 * Exports read back by parsers kap does not use to write them (bibtex-parse, astrocite-ris):
 * every bibliographic field of every reference must come back intact.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import bibtexParse from 'bibtex-parse';
import { parse as parseRis } from 'astrocite-ris';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { englishGbLocale, exportReference } from '../../src/cite/precompute.js';
import { authorsIncomplete, knownAuthors } from '../../src/cite/record.js';
import { risType } from '../../src/cite/export-ris.js';
import { protectCase } from '../../src/cite/export-bib.js';
import { caseParts, plainTitle } from '../../src/cite/rich-text.js';
import type { CslItem } from '../../src/content/model.js';

const items = JSON.parse(readFileSync(new URL('../../content/references.json', import.meta.url), 'utf8')) as CslItem[];
type Name = { family?: string; given?: string; literal?: string; suffix?: string; 'non-dropping-particle'?: string };
const family = (n: Name) => [n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
/** "Family, Given, Suffix", the form BibTeX and RIS both write. */
const names = (i: CslItem) => (knownAuthors(i) as Name[]).map((n) => n.literal ?? [family(n), n.given, n.suffix].filter(Boolean).join(', '));
const bibNames = (i: CslItem) => (knownAuthors(i) as Name[]).map((n) => n.literal ?? [family(n), n.suffix, n.given].filter(Boolean).join(', '));
/** CSL's straight double quotes are quote marks; exports write them typographically (BibTeX as `` ''). */
const curly = (s: string) => s.replace(/``|''/g, '"').replace(/[\u201c\u201d]/g, '"');
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
const delatexAccents = (s: string) =>
  s
    .replace(/\{\\([`'^"~=.])([A-Za-z])\}/g, (_, a: string, ch: string) => (ch + ACCENTS[a]).normalize('NFC'))
    .replace(/\{\\([cvkuH]) ([A-Za-z])\}/g, (_, a: string, ch: string) => (ch + ACCENTS[a]).normalize('NFC'))
    .replace(/\{\\(ss|aa|AA|ae|AE|l|L|o|O|i)\}/g, (_, l: string) => LETTERS[l]!);

describe('BibTeX and BibLaTeX exports, read back by bibtex-parse', () => {
  for (const item of items)
    it(item.id, () => {
      const { bibtex, biblatex } = exportReference(item);
      for (const [kind, text] of [['bibtex', bibtex], ['biblatex', biblatex]] as const) {
        // bibtex-parse drops the braces of {\'o} ("L'opez"), so LaTeX accents are decoded first.
        const entries = bibtexParse.entries(delatexAccents(text));
        expect(entries, kind).toHaveLength(1);
        const e = entries[0]!;
        expect(e.key, kind).toBe(item.id);
        expect(curly(unlatex(e.TITLE ?? '')), kind).toBe(curly(plainTitle(String(item.title))));
        // bibtex-parse drops the braces that keep "{U.S. Food and Drug Administration}" one name, so compare the whole list.
        // BibTeX's three-part form puts a suffix second ("Zarate, Jr., Carlos A."); an incomplete list ends in "and others".
        expect(unlatex(e.AUTHOR ?? '').replace(/'/g, '\u2019'), kind).toBe([...bibNames(item), ...(authorsIncomplete(item) ? ['others'] : [])].join(' and ').replace(/'/g, '\u2019'));
        if (item.DOI) expect(e.DOI, kind).toBe(item.DOI);
        if (item.URL) expect(e.URL, kind).toBe(item.URL);
        // biblatex's @misc has no volume, number or pages: kap writes them in its note ("vol.~64, no.~133, pp.~…").
        const inNote = kind === 'biblatex' && /^@misc/.test(text);
        if (item.volume) expect(inNote ? e.NOTE : e.VOLUME, kind).toContain(String(item.volume));
        if (item.issue) expect(inNote ? e.NOTE : e.NUMBER, kind).toContain(String(item.issue));
        if (item.page) expect(unlatex((inNote ? e.NOTE : e.PAGES) ?? ''), kind).toContain(String(item.page));
        if (year(item)) expect(kind === 'bibtex' ? e.YEAR : e.DATE?.slice(0, 4), kind).toBe(String(year(item)));
        // The container: journal for articles, howpublished for @misc, booktitle where BibLaTeX's mapping puts it.
        if (item['container-title']) expect(unlatex(e.JOURNAL ?? e.JOURNALTITLE ?? e.HOWPUBLISHED ?? e.ORGANIZATION ?? e.BOOKTITLE ?? ''), kind).toBe(item['container-title']);
        const verified = String((item.custom as { 'kap-verified'?: string } | undefined)?.['kap-verified'] ?? '');
        expect(text, `${kind}: kap's fact-check is not exported`).not.toContain(verified.slice(0, 30));
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
      expect(curly(String(back!.title))).toBe(curly(plainTitle(String(item.title))));
      // RIS cannot mark an organisation as author; readers split "Drug Enforcement Administration"
      // at a space. The words must all survive.
      // astrocite-ris also reads "Zarate, Carlos A., Jr." (the RIS form for a suffix) as given name "Jr.",
      // so names with a suffix are checked on the RIS line itself.
      const words = (i: CslItem) => names(i).map((n) => n.replace(/,/g, '').split(' ').sort().join(' '));
      const plain = ((item.author ?? []) as Name[]).map((n) => !n.suffix);
      expect(words(back!).filter((_, k) => plain[k])).toEqual(words(item).filter((_, k) => plain[k]));
      for (const n of names(item).filter((_, k) => !plain[k])) expect(ris).toContain(`AU  - ${n}\n`);
      for (const f of ['DOI', 'URL', 'volume', 'issue', 'page']) if (item[f] && !(f === 'issue' && risType(item) === 'STAT')) expect(back![f], f).toBe(item[f]);
      if (item['container-title']) expect(back!['container-title']).toBe(item['container-title']);
      if (year(item)) expect(Number(year(back!))).toBe(year(item));
    });

});

/**
 * Zotero's RIS import: TY → Zotero item type. Source: zotero/translators, RIS.js (commit
 * f50d4465fc40623d76d23d0690b71008ba4186c0, "lastUpdated": "2023-07-28"): `importTypeMap` plus the
 * reverse of `exportTypeMap` (the TYs kap writes or must avoid).
 */
const ZOTERO_RIS_IMPORT: Record<string, string> = {
  JOUR: 'journalArticle', BLOG: 'blogPost', ELEC: 'webpage', WEB: 'webpage', STAT: 'statute', BILL: 'bill', CASE: 'case',
  LEGAL: 'case', GEN: 'journalArticle', RPRT: 'report', GOVDOC: 'report', BOOK: 'book', CHAP: 'bookSection', CONF: 'conferencePaper',
  THES: 'thesis', MGZN: 'magazineArticle', NEWS: 'newspaperArticle', DATA: 'dataset', COMP: 'computerProgram', AGGR: 'document',
};
/** The Zotero item type each CSL type of kap's records should become (Zotero's own CSL mapping: regulation and legislation are statutes). */
const ZOTERO_TYPE: Record<string, string> = {
  'article-journal': 'journalArticle', 'post-weblog': 'blogPost', webpage: 'webpage', regulation: 'statute', document: 'webpage', report: 'report',
};

describe("RIS types under Zotero's import mapping", () => {
  for (const item of items)
    it(`${item.id} (${item.type})`, () => {
      const ris = exportReference(item).ris;
      const ty = /^TY {2}- (\S+)$/m.exec(ris)?.[1];
      expect(ty).toBe(risType(item));
      expect(ZOTERO_RIS_IMPORT[ty!], `TY ${ty}`).toBe(ZOTERO_TYPE[item.type]);
      // Zotero splits AU at its first comma: an organisation keeps none.
      for (const n of knownAuthors(item) as Name[]) if (n.literal) expect(ris).toContain(`AU  - ${n.literal.replace(/,\s*/g, ' ')}\n`);
      // Zotero drops ID; M2 goes to Extra, whose "Citation Key:" line Zotero reads as the key.
      expect(ris).toContain(`M2  - Citation Key: ${item.id}\n`);
      const da = /^DA {2}- (.*)$/m.exec(ris)?.[1];
      if (da) expect(da).toMatch(/^\d{4}\/(\d{2})?\/(\d{2})?\/$/);
      if (typeof item.page === 'string' && item.page.includes('-')) {
        const [sp, ep] = item.page.split('-');
        expect(ris).toContain(`SP  - ${sp}\nEP  - ${ep}\n`);
      }
    });
  it('the DEA rule is a statute and the prescribing information a web page, not a court case or a journal article', () => {
    expect(risType(items.find((i) => i.id === 'dea1999')!)).toBe('STAT');
    expect(risType(items.find((i) => i.id === 'spravato_pi')!)).toBe('ELEC');
    // Zotero's statute: T2 code, VL code number, SP pages; it has no issue, so no IS (it would become a note).
    const dea = exportReference(items.find((i) => i.id === 'dea1999')!).ris;
    expect(dea).toContain('T2  - Federal Register\nPY  - 1999\nDA  - 1999/07/13/\nVL  - 64\nSP  - 37673\nEP  - 37675\n');
    expect(dea).not.toMatch(/^IS {2}-/m);
  });
});

describe('CSL-JSON export', () => {
  it('is the record without kap\'s fact-check, with its key as citation-key (Zotero reads it)', () => {
    for (const item of items) {
      const out = JSON.parse(exportReference(item)['csl-json']) as CslItem;
      const { note: _n, custom: _c, ...rest } = item;
      expect(out).toEqual({ ...rest, 'citation-key': item.id });
    }
  });
});

describe('export details', () => {
  it('BibTeX keeps the case of words with capitals: {DEA-183F}, {NMDA}, not the first word', () => {
    expect(protectCase('Placement of ketamine (final rule, DEA-183F)')).toBe('Placement of ketamine (final rule, {DEA-183F})');
    expect(protectCase('Ketamine and NMDA: A review')).toBe('Ketamine and {NMDA}: {A} review');
  });
  it('BibTeX months are the macros, without braces or a day; BibLaTeX dates are ISO', () => {
    const { bibtex, biblatex } = exportReference(items.find((i) => i.id === 'berman2000')!);
    expect(bibtex).toMatch(/^\tmonth = feb,$/m);
    expect(biblatex).toMatch(/^\tdate = \{2000-02-15\},$/m);
    expect(bibtex).not.toMatch(/howpublished/);
  });
  it('the derived en-GB locale has British quotes, punctuation outside them, day-month dates', () => {
    const gb = englishGbLocale(plugins.config.get('@csl').locales.get('en-US'));
    expect(gb).toContain('xml:lang="en-GB"');
    expect(gb).toContain('punctuation-in-quote="false"');
    expect(gb).toContain('<term name="open-quote">‘</term>');
    expect(gb).toContain('<date form="text"><date-part name="day" suffix=" "/>');
  });
});

describe('a retracted work', () => {
  const retracted = items.filter((i) => i.status === 'retracted');
  it('is in the references (parsaik2015)', () => expect(retracted.map((i) => i.id)).toContain('parsaik2015'));
  for (const item of retracted)
    it(`${item.id} says so in every export: biblatex pubstate, BibTeX note, RIS N1`, () => {
      const out = exportReference(item);
      expect(bibtexParse.entries(out.biblatex)[0]!.PUBSTATE).toBe('retracted');
      expect(bibtexParse.entries(out.bibtex)[0]!.NOTE).toBe('Retracted');
      expect(JSON.stringify(parseRis(`${out.ris}\n`))).toContain('Retracted');
    });
});

describe('a title part that keeps its case (<span class="nocase">)', () => {
  const title = 'Reply to Pigott <span class="nocase">et al.</span>: <i>STAR*D</i>';
  it('is plain text without its markup, and a piece of its own', () => {
    expect(plainTitle(title)).toBe('Reply to Pigott et al.: STAR*D');
    expect(caseParts(title)).toEqual([
      { text: 'Reply to Pigott ', nocase: false },
      { text: 'et al.', nocase: true },
      { text: ': STAR*D', nocase: false },
    ]);
    expect(caseParts('Plain')).toEqual([{ text: 'Plain', nocase: false }]);
  });
  it('is braced whole in BibTeX and plain in RIS; CSL-JSON keeps the markup for citeproc', () => {
    const item = { id: 'x2023', type: 'article-journal', title: 'Reply to Pigott <span class="nocase">et al.</span>', issued: { 'date-parts': [[2023]] } } as CslItem;
    const out = exportReference(item);
    expect(out.bibtex).toContain('title = {Reply to {Pigott} {et al.}}');
    expect(out.bibtex).toContain('key = {Reply to Pigott et al.}');
    expect(out.ris).toContain('TI  - Reply to Pigott et al.\n');
    expect(JSON.parse(out['csl-json']).title).toBe(item.title);
  });
});
