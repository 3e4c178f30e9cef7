/**
 * kap's references read by the programs writers use, not by kap: pandoc --citeproc (Haskell
 * citeproc) with the shipped CSL files, pandoc -f bibtex / -f biblatex, biber's data-model check,
 * bibtex with plain.bst. Every record, every style and format. Where pandoc 2.17's older citeproc
 * differs, the difference must fall in one of the DIFFERS classes below, each with its reason
 * (also in src/cite/styles/README.md).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWith } from '../helpers/oracle.js';
import { pandocCite, type PandocCites } from '../helpers/pandoc-cite.js';
import { adjust, exportReference, formatAll, processorInput, registerStyles } from '../../src/cite/precompute.js';
import { authorsIncomplete, knownAuthors } from '../../src/cite/record.js';
import { plainTitle } from '../../src/cite/rich-text.js';
import { htmlToText } from '../../src/cite/format.js';
import { STYLES, STYLE_INFO, type StyleId } from '../../src/cite/styles.js';
import type { CslItem } from '../../src/content/model.js';

const STYLES_DIR = new URL('../../src/cite/styles/', import.meta.url).pathname;
const items = JSON.parse(readFileSync(new URL('../../content/references.json', import.meta.url), 'utf8')) as CslItem[];
registerStyles(STYLES_DIR);

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Everything from the title on: the part after the names. */
const fromTitle = (s: string, item: CslItem) => {
  const plain = (t: string) => t.replace(/[“”‘’"']/g, '');
  const at = plain(s).toLowerCase().indexOf(plain(String(item.title)).slice(0, 12).toLowerCase());
  return at < 0 ? s : plain(s).slice(at);
};
const MONTHS: [RegExp, string][] = [[/\bSep\./g, 'Sept.'], [/\bJul\. /g, 'July '], [/\bJun\. /g, 'June ']];

/**
 * How pandoc 2.17's citeproc differs from citation-js here. Each rule undoes one difference (on
 * both texts); a difference is explained when the rules of its style, applied together, make the
 * two texts equal.
 */
const DIFFERS: { id: string; styles: StyleId[]; why: string; undo: (s: string, item: CslItem) => string }[] = [
  {
    id: 'page-range',
    styles: ['chicago'],
    why: 'pandoc 2.17 ignores page-range-format="chicago-16" (CSL 1.0.2) and prints the full range ("185–192"); CMOS 18 abbreviates ("185–92"), as citation-js does',
    undo: (s) => s.replace(/(\d+)–\d+/g, '$1–'),
  },
  {
    id: 'mla-months',
    styles: ['mla'],
    why: 'pandoc 2.17\'s en-US locale abbreviates "Sep." and "Jul."; MLA 9 writes "Sept." and does not abbreviate June and July, as citation-js\'s locale does',
    undo: (s) => MONTHS.reduce((t, [re, to]) => t.replace(re, to), s),
  },
  {
    id: 'vancouver-names',
    styles: ['vancouver'],
    why: 'pandoc 2.17 does not inherit the name options set on nlm-citation-sequence.csl\'s <style> (initialize-with, name-as-sort-order, et-al-min 7 / use-first 6): it prints "Hiroyasu Furukawa" and every author; the rest of the entry is the same',
    undo: (s, item) => fromTitle(s, item),
  },
  {
    id: 'substituted-author',
    styles: ['chicago'],
    why: 'pandoc 2.17 (citeproc 0.6.0.1) clears a name variable once it has stood in for another (jgm/citeproc#101, reported on pandoc 2.17.1.1); chicago-author-date.csl prints the author as the substitute for composer, so its later test for an author is false and an issue without a volume loses its month: "no. 1: pyad065", citation-js "no. 1 (January): pyad065" (CMOS18 14.74)',
    undo: (s) => s.replace(/(\bno\. [^\s,:]+) \((?:January|February|March|April|May|June|July|August|September|October|November|December)\)/g, '$1'),
  },
  {
    id: 'quote-punct',
    styles: ['apa', 'mla', 'chicago'],
    why: 'moving a comma inside the closing quote (punctuation-in-quote), pandoc\'s citeproc drops it when the quoted title already ends in punctuation (Citeproc/Pandoc.hs punctuationInsideQuotes, endWithPunct): "…Pigott et al.” 2023"; citation-js keeps the abbreviation\'s period and the comma, "…Pigott et al.,” 2023", as APA and CMOS do',
    undo: (s) => s.replace(/([.!?]),([\u201d\u2019])/g, '$1$2'),
  },
  {
    id: 'number-label',
    styles: ['apa', 'mla', 'chicago', 'vancouver'],
    why: 'pandoc 2.17\'s built-in CSL locales have no "number" term (added with CSL 1.0.2; its binary holds no <term name="number">), so <label variable="number"/> prints nothing: "Technology Appraisal Guidance TA854"; citation-js\'s en-US locale has it, "No. TA854", as APA 7 writes a report number',
    undo: (s, item) => (item.number ? s.replace(new RegExp(`\\b[Nn]o\\.:? (?=${String(item.number).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`), '') : s),
  },
  {
    id: 'bib-add-names',
    styles: ['mla'],
    why: 'pandoc 2.17 formats the whole list as one document and adds a second name to mitchell2021\'s entry to tell it from mitchell2023mapp2, whose author list is incomplete (its second name is kap\'s "et al." stand-in): "Mitchell, Jennifer M., Michael Bogenschutz, et al."; kap prints each entry alone, as MLA 9 lists three or more authors: "Mitchell, Jennifer M., et al."',
    undo: (s) => s.replace(/^([^,]+, [^,]+?), [^,]+?, et al\./, '$1, et al.'),
  },
  {
    id: 'title-case',
    styles: ['apa', 'mla', 'chicago'],
    why: 'pandoc 2.17 title-cases "out", "plus" and "between" (CSL\'s stop-word list) and lowers a capital after digits ("DEA-183f"); citation-js keeps the prepositions lower case, as MLA and Chicago do, and "183F" as written',
    undo: (s) => s.toLowerCase(),
  },
];

/** The rules that explain a difference, or undefined. */
function explain(style: StyleId, kap: string, theirs: string, item: CslItem): string[] | undefined {
  const rules = DIFFERS.filter((d) => d.styles.includes(style));
  for (const r of rules) if (r.undo(kap, item) === r.undo(theirs, item)) return [r.id];
  const all = (s: string) => rules.reduce((t, r) => r.undo(t, item), s);
  return all(kap) === all(theirs) ? rules.map((r) => r.id) : undefined;
}

const kap = new Map(STYLES.map((s) => [s, formatAll(items, s)] as const));
const pandoc = new Map<StyleId, PandocCites>();

/**
 * A .bib entry missing a field its type requires is accepted only when kap records that field
 * as not verified (custom.kap-unverified, or "UNVERIFIED" for it in the verification note):
 * kap leaves an unverified field empty rather than invent it.
 */
const CSL_FIELD: Record<string, string> = { author: 'author', journaltitle: 'container-title', journal: 'container-title', volume: 'volume' };
function unverifiedField(id: string, bibField: string): boolean {
  const item = items.find((i) => i.id === id);
  const custom = (item?.custom ?? {}) as { 'kap-verified'?: string; 'kap-unverified'?: string[] };
  const csl = CSL_FIELD[bibField] ?? bibField;
  if (custom['kap-unverified']?.includes(csl)) return true;
  return new RegExp(`${bibField === 'author' ? 'authors?' : csl}[^.]*UNVERIFIED`, 'i').test(custom['kap-verified'] ?? '');
}

describeWith('pandoc', 'pandoc --citeproc with the shipped CSL files formats every record as kap does', () => {
  beforeAll(() => {
    for (const s of STYLES) {
      const info = STYLE_INFO[s];
      // kap prints each entry alone: the list-only "———" for a repeated author is not compared.
      const xml = readFileSync(join(STYLES_DIR, info.file), 'utf8').replace(/ subsequent-author-substitute="[^"]*"/, '');
      // The same processor input as kap's (forStyle: the "et al." stand-ins, hyphenated initials),
      // and for the in-text citations the same disambiguation view (disambiguate.ts).
      const { data, view } = processorInput(items, s);
      const own = pandocCite(data, xml, info.locale);
      pandoc.set(s, view ? { reference: own.reference, inText: pandocCite(view.items, xml, info.locale).inText } : own);
    }
  }, 120_000);
  const counts: string[] = [];
  for (const s of STYLES)
    it(`${s}: every key, reference and in-text citation`, () => {
      const p = pandoc.get(s)!;
      const used: Record<string, number> = {};
      const unexplained: string[] = [];
      const compare = (what: string, item: CslItem, k: string, theirs: string | undefined) => {
        expect(theirs, `${s} ${item.id} ${what}: pandoc printed nothing`).toBeDefined();
        const pd = squash(htmlToText(adjust(theirs!, item, s)));
        if (k === pd) return;
        const rules = explain(s, k, pd, item);
        if (rules) used[rules.join('+')] = (used[rules.join('+')] ?? 0) + 1;
        else unexplained.push(`${item.id} ${what}\n  kap:    ${k}\n  pandoc: ${pd}`);
      };
      for (const item of items) {
        const f = kap.get(s)!.get(item.id)!;
        compare('reference', item, squash(htmlToText(f.html)), p.reference.get(item.id));
        // Numeric styles: kap numbers a cluster itself, so only the author-date citations are compared.
        if (!STYLE_INFO[s].numeric) compare('in-text', item, f.inText, p.inText.get(item.id));
      }
      counts.push(`${s}: ${items.length} records, ${Object.entries(used).map(([k, n]) => `${n} ${k}`).join(', ') || 'identical'}`);
      expect(unexplained, unexplained.join('\n')).toEqual([]);
    });
  afterAll(() => {
    if (counts.length) process.stdout.write(`pandoc --citeproc vs kap: ${counts.join('; ')}\n`);
  });
});

// ---- BibTeX and BibLaTeX, read back ----

function withDir<T>(files: Record<string, string>, run: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'kap-bib-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const all = (kind: 'bibtex' | 'biblatex') => items.map((i) => exportReference(i)[kind]).join('\n\n') + '\n';
const issued = (i: CslItem) => (i.issued as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0];
/** The CSL type pandoc reads back: @article, @techreport/@report, @online (a web item with a URL) and @misc (pandoc: no type). */
const readBackType = (kind: 'bibtex' | 'biblatex', item: CslItem) =>
  item.type === 'article-journal' || item.type === 'report' ? item.type : kind === 'biblatex' && item.type !== 'regulation' && (item.URL || item.DOI) ? 'webpage' : '';

describeWith('pandoc', 'pandoc -f bibtex and -f biblatex read every record back with its date, container and type', () => {
  for (const kind of ['bibtex', 'biblatex'] as const)
    it(kind, () => {
      const out = withDir({ 'refs.bib': all(kind) }, (dir) => spawnSync('pandoc', ['-f', kind, '-t', 'csljson', 'refs.bib'], { cwd: dir, encoding: 'utf8' }));
      expect(out.status, out.stderr).toBe(0);
      expect(out.stderr, 'pandoc warns about nothing').toBe('');
      const back = new Map((JSON.parse(out.stdout) as CslItem[]).map((i) => [i.id, i]));
      for (const item of items) {
        const b = back.get(item.id);
        expect(b, item.id).toBeDefined();
        expect(b!.type ?? '', `${item.id} type`).toBe(readBackType(kind, item));
        expect(issued(b!), `${item.id} date`).toEqual(kind === 'bibtex' ? issued(item)?.slice(0, 2) : issued(item));
        // Journals come back as container-title; a site, blog, label or register as publisher (howpublished/organization).
        const container = item['container-title'];
        if (container) expect(b!['container-title'] ?? b!.publisher, `${item.id} container`).toBe(String(container).replace(/"/g, ''));
        // pandoc capitalises a subtitle's first letter ("…: A double-blind…"), so case is not compared.
        // Names decoded from LaTeX (BibTeX) or read as UTF-8 (BibLaTeX); an incomplete list ends in "others".
        // BibTeX's von part ("aan het Rot") comes back as a particle.
        type N = { family?: string; literal?: string; 'non-dropping-particle'?: string; 'dropping-particle'?: string };
        const fam = (n: N) => n.literal ?? [n['dropping-particle'], n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
        const theirs = ((b!.author ?? []) as N[]).map(fam);
        expect(theirs, `${item.id} authors`).toEqual([...knownAuthors(item).map(fam), ...(authorsIncomplete(item) ? ['others'] : [])]);
        expect(String(b!.title).replace(/[“”"]/g, '').replace(/’/g, "'").toLowerCase(), `${item.id} title`).toBe(plainTitle(String(item.title)).replace(/"/g, '').toLowerCase());
      }
    });
});

describeWith('biber', 'biber --tool --validate-datamodel finds nothing in the BibLaTeX export', () => {
  it('every record', () => {
    const r = withDir({ 'refs.bib': all('biblatex') }, (dir) => spawnSync('biber', ['--tool', '--validate-datamodel', '--output-file', join(dir, 'out.bib'), 'refs.bib'], { cwd: dir, encoding: 'utf8' }));
    expect(r.status, r.stderr).toBe(0);
    const warnings = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => /^(WARN|ERROR)/.test(l));
    const missing = (l: string) => /Entry '([^']+)' .*Missing mandatory field '([^']+)'/.exec(l);
    expect(warnings.filter((l) => !(missing(l) && unverifiedField(missing(l)![1]!, missing(l)![2]!)))).toEqual([]);
  });
});

describeWith(['bibtex'], 'bibtex with plain.bst reads the BibTeX export without a warning', () => {
  it('every record', () => {
    const aux = `\\relax\n\\citation{*}\n\\bibstyle{plain}\n\\bibdata{refs}\n`;
    const r = withDir({ 'refs.bib': all('bibtex'), 'doc.aux': aux }, (dir) => {
      const run = spawnSync('bibtex', ['doc'], { cwd: dir, encoding: 'utf8' });
      return { ...run, bbl: readFileSync(join(dir, 'doc.bbl'), 'utf8') };
    });
    // plain.bst's warnings name the entry on the next line: "Warning--empty author in stardpis2023".
    const bad = r.stdout.split("\n").filter((l) => /Warning--|error message/i.test(l)).filter((l) => {
      const m = /Warning--empty (\w+) in (\S+)/.exec(l) ?? /Warning--there's a number but no (volume) in (\S+)/.exec(l);
      return !(m && unverifiedField(m[2]!, m[1]!));
    });
    expect(bad, r.stdout).toEqual([]);
    expect(r.status, r.stdout).toBe(0);
    // Every entry is in the .bbl, and a month macro printed as a month name.
    for (const item of items) expect(r.bbl).toContain(`\\bibitem{${item.id}}`);
    expect(r.bbl).toMatch(/February 2000/);
    expect(r.bbl).toContain('{DEA-183F}');
  });
});
