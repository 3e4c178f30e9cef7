/**
 * Build time: format every reference in every style and export format with citation-js and
 * the official CSL files. The only module that loads the processor for `kap cite`; run time
 * reads what this produces (bibliography.ts); content packs are compiled with it too (packs.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import './citeproc-speed.js';
import type { CslItem } from '../content/model.js';
import type { BibEntry, Formatted } from './bibliography.js';
import { STYLES, STYLE_INFO, type ExportId, type StyleId } from './styles.js';
import { fixMoreAuthors, forExport, forStyle, knownAuthors, verification } from './record.js';
import { toBib } from './export-bib.js';
import { toRis } from './export-ris.js';

const template = (s: StyleId) => `kap-${s}`;

/** citation-js has no en-GB locale: derive it from en-US by the settings that differ. */
export function englishGbLocale(enUs: string): string {
  return enUs
    .replace('xml:lang="en-US"', 'xml:lang="en-GB"')
    .replace('punctuation-in-quote="true"', 'punctuation-in-quote="false"')
    .replace('<term name="open-quote">“</term><term name="close-quote">”</term><term name="open-inner-quote">‘</term><term name="close-inner-quote">’</term>',
      '<term name="open-quote">‘</term><term name="close-quote">’</term><term name="open-inner-quote">“</term><term name="close-inner-quote">”</term>')
    .replace('<date form="text"><date-part name="month" suffix=" "/><date-part name="day" suffix=", "/><date-part name="year"/></date>',
      '<date form="text"><date-part name="day" suffix=" "/><date-part name="month" suffix=" "/><date-part name="year"/></date>');
}

/** Register the official styles (as kap-<id>) and the en-GB locale, once per process. */
export function registerStyles(stylesDir: string): void {
  const csl = plugins.config.get('@csl');
  // subsequent-author-substitute ("———" for a repeated author) is a rule of a printed list; kap
  // stores each entry alone, from one bibliography of all records, so the rule is left out.
  for (const s of STYLES)
    if (!csl.styles.has(template(s))) csl.styles.add(template(s), readFileSync(join(stylesDir, STYLE_INFO[s].file), 'utf8').replace(/ subsequent-author-substitute="[^"]*"/, ''));
  if (!csl.locales.has('en-GB')) csl.locales.add('en-GB', englishGbLocale(csl.locales.get('en-US')));
}

export function formatReference(item: CslItem, style: StyleId): Formatted {
  return formatAll([item], style).get(item.id)!;
}

/**
 * Every record in one style, with one processor state, so that the style's disambiguation sees
 * the whole bibliography: APA's 2017a/2017b for one author's two works in a year, MLA's added
 * names or title. Each entry is stored alone (no list numbers; registerStyles drops "———").
 */
export function formatAll(items: CslItem[], style: StyleId): Map<string, Formatted> {
  const info = STYLE_INFO[style];
  const data = items.map((i) => forStyle(i, info.initials));
  const engine = (plugins.config.get('@csl') as unknown as { engine: (d: CslItem[], s: string, l: string, f: string) => CiteprocEngine }).engine(data, template(style), info.locale, 'html');
  const ids = data.map((i) => i.id);
  const cite = (id: string, flags: object = {}) => ({ citationItems: [{ id, ...flags }], properties: { noteIndex: 0 } });
  const cites = engine.rebuildProcessorState(ids.flatMap((id) => [cite(id), cite(id, { 'author-only': true }), cite(id, { 'suppress-author': true })]), 'text', []);
  engine.updateItems(ids);
  // One bibliography for all, then each entry on its own (the style's sort order is not kept).
  const [meta, body] = engine.makeBibliography();
  const htmlOf = new Map(meta.entry_ids.map((group, k) => [group[0]!, body[k]!]));
  const out = new Map<string, Formatted>();
  ids.forEach((id, k) => {
    const html = (htmlOf.get(id) ?? '')
      .replace(/<div class="csl-left-margin">[^<]*<\/div>/, '') // a lone reference has no list number
      .replace(/<\/?div[^>]*>/g, '')
      .trim();
    const text = (n: number) => fixMoreAuthors(cites[3 * k + n]![2].trim());
    const [inText, names, rest] = [text(0), text(1), text(2).replace(/^\(|\)$/g, '')];
    const parts = info.collapse && inText.startsWith(`(${names}`) && inText.endsWith(`${rest})`);
    out.set(id, { html: adjust(html, items[k]!, style), inText, ...(parts ? { names, rest } : {}) });
  });
  return out;
}

interface CiteprocEngine {
  rebuildProcessorState(citations: object[], mode: string, uncited: string[]): [string, number, string][];
  updateItems(ids: string[]): void;
  makeBibliography(): [{ entry_ids: string[][] }, string[]];
}

/** Where the official style's output breaks its own guide, fixed after formatting (listed in styles/README.md). */
export function adjust(html: string, item: CslItem, style: StyleId): string {
  let out = fixMoreAuthors(html);
  // Cite Them Right labels a journal article with neither volume nor pages "[Preprint]"; kap's
  // records are published articles whose volume or pages are not verified yet.
  if (style === 'harvard' && item.type === 'article-journal' && !/preprint/i.test(String(item.genre ?? ''))) out = out.replace(/ \[Preprint\]/, '');
  // Citing Medicine writes page ranges with a hyphen (185-92); citeproc always uses an en dash.
  if (style === 'vancouver') out = out.replace(/(:|\bp\. ?)(\d+)–(\d+)/g, '$1$2-$3');
  // apa.csl writes "Retrieved <accessed>, from <URL>" for undated pages; with no access date
  // on record it leaves a bare "Retrieved <URL>". APA 7 then gives just the URL.
  if (style === 'apa' && !item.accessed) out = out.replace(/Retrieved (?=https?:)/, '');
  return out;
}

/** The exports, written by kap from the record without its fact-check (export-bib.ts, export-ris.ts). */
export function exportReference(item: CslItem): Record<ExportId, string> {
  return {
    bibtex: toBib(item, 'bibtex'),
    biblatex: toBib(item, 'biblatex'),
    ris: toRis(item),
    'csl-json': JSON.stringify(forExport(item), null, 2),
  };
}

const names = (item: CslItem): string[] => {
  const authors = item.author ? knownAuthors(item) : ((item.editor ?? []) as { family?: string; literal?: string }[]);
  return authors.map((n) => n.family ?? n.literal ?? '').filter(Boolean);
};

const yearOf = (item: CslItem): string => {
  const issued = item.issued as { 'date-parts'?: number[][]; literal?: string } | undefined;
  return String(issued?.['date-parts']?.[0]?.[0] ?? issued?.literal ?? 'n.d.');
};

function entry(item: CslItem, styles: Record<StyleId, Formatted>): BibEntry {
  const { unverified } = verification(item);
  return {
    key: item.id,
    authorYear: styles.apa.inText.replace(/^\(|\)$/g, ''),
    title: String(item.title ?? ''),
    authors: names(item),
    year: yearOf(item),
    ...(typeof item.DOI === 'string' && item.DOI && { doi: item.DOI }),
    ...(unverified.length && { unverified }),
    styles,
    exports: exportReference(item),
  };
}

/** One reference alone (its in-text form not disambiguated against others). */
export const precomputeEntry = (item: CslItem): BibEntry => precomputeEntries([item])[0]!;

/** The whole bibliography: each style formats every record in one processor state (formatAll). */
export function precomputeEntries(items: CslItem[]): BibEntry[] {
  const byStyle = STYLES.map((s) => [s, formatAll(items, s)] as const);
  return items.map((item) => entry(item, Object.fromEntries(byStyle.map(([s, m]) => [s, m.get(item.id)!])) as Record<StyleId, Formatted>));
}
