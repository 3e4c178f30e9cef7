/**
 * Build time: format every reference in every style and export format with citation-js and
 * the official CSL files. The only module that loads the processor for `kap cite`; run time
 * reads what this produces (bibliography.ts); content packs are compiled with it too (packs.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import './citeproc-speed.js';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CslItem } from '../content/model.js';
import type { BibEntry, Formatted } from './bibliography.js';
import { STYLES, STYLE_INFO, type ExportId, type StyleId } from './styles.js';

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
  for (const s of STYLES) if (!csl.styles.has(template(s))) csl.styles.add(template(s), readFileSync(join(stylesDir, STYLE_INFO[s].file), 'utf8'));
  if (!csl.locales.has('en-GB')) csl.locales.add('en-GB', englishGbLocale(csl.locales.get('en-US')));
}

/** kap's `note` is its fact-check record, not bibliographic data: styles and exports never print it. */
const bibliographic = (item: CslItem): CslItem => {
  const { note: _note, ...rest } = item;
  return rest as CslItem;
};

export function formatReference(item: CslItem, style: StyleId): Formatted {
  const opts = { template: template(style), lang: STYLE_INFO[style].locale };
  const cite = new Cite([bibliographic(item)]);
  const html = cite
    .format('bibliography', { ...opts, format: 'html' })
    .replace(/<div class="csl-left-margin">[^<]*<\/div>/, '') // a lone reference has no list number
    .replace(/<\/?div[^>]*>/g, '')
    .trim();
  return { html: adjust(html, item, style), inText: cite.format('citation', { ...opts, format: 'text' }).trim() };
}

/** Where the official style's output breaks its own guide, fixed after formatting (listed in styles/README.md). */
function adjust(html: string, item: CslItem, style: StyleId): string {
  // Citing Medicine writes page ranges with a hyphen (185-92); citeproc always uses an en dash.
  if (style === 'vancouver') return html.replace(/(:|\bp\. ?)(\d+)–(\d+)/g, '$1$2-$3');
  // apa.csl writes "Retrieved <accessed>, from <URL>" for undated pages; with no access date
  // on record it leaves a bare "Retrieved <URL>". APA 7 then gives just the URL.
  if (style === 'apa' && !item.accessed) return html.replace(/Retrieved (?=https?:)/, '');
  return html;
}

/** RIS writers wrap values at 70 characters and cut ID to 20; readers expect one line per tag. */
export function unwrapRis(ris: string, key: string): string {
  const lines: string[] = [];
  for (const line of ris.split('\n')) {
    if (/^[A-Z][A-Z0-9] {2}-( |$)/.test(line) || lines.length === 0) lines.push(line);
    else lines[lines.length - 1] += line;
  }
  return lines.map((l) => (l.startsWith('ID  - ') ? `ID  - ${key}` : l.startsWith('ER  -') ? 'ER  - ' : l)).join('\n').trim() + ' ';
}

const bibEscape = (v: string) => v.replace(/([&%$#_{}])/g, '\\$1');

/** Add `field = {value}` to a one-entry .bib text when the exporter left it out. */
export function ensureBibField(bib: string, field: string, value: unknown): string {
  if (value === undefined || value === '' || new RegExp(`^\\s*${field} = `, 'm').test(bib)) return bib;
  return bib.replace(/\n}\s*$/, `\n\t${field} = {${bibEscape(String(value))}},\n}`);
}

/** Add `TAG  - value` before ER when the exporter left it out. */
export function ensureRisTag(ris: string, tag: string, value: unknown): string {
  if (value === undefined || value === '' || new RegExp(`^${tag} {2}- `, 'm').test(ris)) return ris;
  return ris.replace(/\nER {2}- ?$/, `\n${tag}  - ${String(value)}\nER  - `);
}

/**
 * The exporters drop a few fields for types other than journal articles (a blog's name, a
 * regulation's issue); they are put back so that no verified field is lost in an export.
 */
export function exportReference(item: CslItem): Record<ExportId, string> {
  // The citation key of a .bib entry is kap's key, so [@key] and \cite{key} agree.
  const cite = new Cite([{ ...bibliographic(item), 'citation-key': item.id }]);
  const bibtexConfig = plugins.config.get('@bibtex') as unknown as { format: { asciiOnly: boolean } };
  // Classic BibTeX is safest with LaTeX escapes; biber reads UTF-8, so BibLaTeX keeps names as written.
  bibtexConfig.format.asciiOnly = true;
  let bibtex = cite.format('bibtex', { format: 'text' }).trim();
  bibtexConfig.format.asciiOnly = false;
  let biblatex = cite.format('biblatex', { format: 'text' }).trim();
  bibtexConfig.format.asciiOnly = true;
  const container = item['container-title'];
  if (/^@misc\{/.test(bibtex) && container) bibtex = bibtex.replace(/^\thowpublished = \{.*\},\n/m, '');
  const containerField = /^@misc\{/.test(bibtex) ? 'howpublished' : /^@article\{/.test(bibtex) ? 'journal' : undefined;
  bibtex = ensureBibField(bibtex, 'number', item.issue);
  if (containerField) bibtex = ensureBibField(bibtex, containerField, container);
  biblatex = ensureBibField(biblatex, 'number', item.issue);
  let ris = unwrapRis(cite.format('ris', { format: 'text' }), item.id);
  ris = ensureRisTag(ensureRisTag(ris, 'IS', item.issue), 'T2', container);
  return { bibtex, biblatex, ris, 'csl-json': JSON.stringify(item, null, 2) };
}

const names = (item: CslItem): string[] =>
  ((item.author ?? item.editor ?? []) as { family?: string; literal?: string }[]).map((n) => n.family ?? n.literal ?? '').filter(Boolean);

const yearOf = (item: CslItem): string => {
  const issued = item.issued as { 'date-parts'?: number[][]; literal?: string } | undefined;
  return String(issued?.['date-parts']?.[0]?.[0] ?? issued?.literal ?? 'n.d.');
};

export function precomputeEntry(item: CslItem): BibEntry {
  const styles = Object.fromEntries(STYLES.map((s) => [s, formatReference(item, s)])) as Record<StyleId, Formatted>;
  return {
    key: item.id,
    authorYear: styles.apa.inText.replace(/^\(|\)$/g, ''),
    title: String(item.title ?? ''),
    authors: names(item),
    year: yearOf(item),
    ...(typeof item.DOI === 'string' && item.DOI && { doi: item.DOI }),
    styles,
    exports: exportReference(item),
  };
}
