/**
 * Build time: format every reference in every style and export format with citation-js and
 * the official CSL files. The only module that loads the processor for `kap cite`; run time
 * reads what this produces (bibliography.ts); content packs are compiled with it too (packs.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { speedUpCiteproc } from './citeproc-speed.js';
import type { CslItem } from '../content/model.js';
import type { BibEntry, Formatted } from './bibliography.js';
import { STYLES, STYLE_INFO, type ExportId, type StyleId } from './styles.js';
import { fixMoreAuthors, forExport, forStyle, knownAuthors, verification } from './record.js';
import { disambiguationView, type View } from './disambiguate.js';
import { toBib } from './export-bib.js';
import { toRis } from './export-ris.js';
import { plainTitle } from './rich-text.js';
import { hotOnlyOptimizer } from './optimizer.js';

const template = (s: StyleId) => `kap-${s}`;

type CslPlugin = ReturnType<(typeof import('@citation-js/core'))['plugins']['config']['get']>;
let cslPlugin: CslPlugin | undefined;
/**
 * citation-js with its CSL plugin, and citeproc-js with kap's changes (citeproc-speed.ts):
 * loaded by the first call that formats, so that a pack compile whose references all come
 * from the memo (cite/memo.ts) never loads or evaluates them.
 */
function csl(): CslPlugin {
  if (!cslPlugin) {
    const { plugins } = require('@citation-js/core') as typeof import('@citation-js/core');
    require('@citation-js/plugin-csl');
    speedUpCiteproc(require('citeproc'));
    cslPlugin = plugins.config.get('@csl');
  }
  return cslPlugin;
}

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

/** Per style: the in-text citation's et-al-min (how many names an incomplete list is given, forStyle). */
const citationEtAlMin = new Map<StyleId, number>();
/**
 * Per style: a length at which both its citations and its entries cut an author list short
 * (more names than either et-al-min; none where the entries print the last name, et-al-use-last).
 */
const namesCut = new Map<StyleId, number>();
/** Styles whose output depends on the bibliography's order: year suffixes (2017a, 2017b) go by it. */
const sortMatters = new Set<StyleId>();

/**
 * The style as kap uses it: each entry and each citation stands alone. Left out are the rules of
 * a printed list or a cluster of several works, which cost time and change nothing here:
 * subsequent-author-substitute ("———" for a repeated author), the order of works within a
 * citation (kap sorts a cluster itself, format.ts), and the bibliography's order where no
 * output depends on it. Building the sort keys' macros is most of building APA's or Chicago's
 * engine.
 */
export function forKap(xml: string, keepBibliographySort: boolean): string {
  const dropSort = (element: string) => (x: string) => x.replace(new RegExp(`(<${element}\\b[^>]*>)\\s*<sort>[\\s\\S]*?</sort>`), '$1');
  const out = dropSort('citation')(xml.replace(/ subsequent-author-substitute="[^"]*"/, ''));
  return keepBibliographySort ? out : dropSort('bibliography')(out);
}

/** Register the official styles (as kap-<id>) and the en-GB locale, once per process. */
export function registerStyles(stylesDir: string): void {
  const plugin = csl();
  for (const s of STYLES) {
    if (citationEtAlMin.has(s)) continue;
    const xml = readFileSync(join(stylesDir, STYLE_INFO[s].file), 'utf8');
    citationEtAlMin.set(s, Number(/<citation\b[^>]*\bet-al-min="(\d+)"/.exec(xml)?.[1] ?? 1));
    const entries = /<bibliography\b[^>]*>/.exec(xml)?.[0] ?? '';
    const entryEtAl = /\bet-al-min="(\d+)"/.exec(entries)?.[1];
    if (entryEtAl && !/\bet-al-use-last="true"/.test(entries) && !/<names?\b[^>]*\bet-al-/.test(xml)) namesCut.set(s, Math.max(citationEtAlMin.get(s)!, Number(entryEtAl)) + 1);
    // kap keeps no list order; a numbered style's numbers and a year suffix depend on it.
    if (STYLE_INFO[s].numeric || /<citation\b[^>]*\bdisambiguate-add-year-suffix="true"/.test(xml)) sortMatters.add(s);
    if (!plugin.styles.has(template(s))) plugin.styles.add(template(s), forKap(xml, sortMatters.has(s)));
  }
  if (!plugin.locales.has('en-GB')) plugin.locales.add('en-GB', englishGbLocale(plugin.locales.get('en-US')));
}

export function formatReference(item: CslItem, style: StyleId): Formatted {
  return formatAll([item], style).get(item.id)!;
}

/**
 * What the processor is given for one style: `data` for the entries, and where it differs, the
 * `view` the in-text citations are disambiguated with (disambiguate.ts).
 */
export function processorInput(items: CslItem[], style: StyleId): { data: CslItem[]; view?: View } {
  const info = STYLE_INFO[style];
  const data = items.map((i) => forStyle(i, info.initials, citationEtAlMin.get(style) ?? 1));
  // Numbered styles cite by number: nothing to tell apart by names.
  const view = info.numeric ? undefined : disambiguationView(items, data, namesCut.get(style));
  return view ? { data, view } : { data };
}

interface Run {
  html: Map<string, string>;
  /** Per id: the citation, author-only and author-suppressed, as citeproc printed them. */
  cites: Map<string, [string, string, string]>;
}

/**
 * One processor state for `data` (citation-js keeps one engine per style and locale: built,
 * with its CSL parsed, once per process). The items are registered once (updateItems:
 * disambiguation and sort keys), and each citation is rendered against that state
 * (makeCitationCluster), not added to a document one after another (rebuildProcessorState
 * re-evaluated the registry at each of them). A style that does not collapse needs no split
 * citation; `bib: false` when only the citations are wanted, `cites: false` only the entries.
 */
function run(data: CslItem[], style: StyleId, want: { cites: boolean; bib: boolean } = { cites: true, bib: true }): Run {
  const info = STYLE_INFO[style];
  const engine = (csl() as unknown as { engine: (d: CslItem[], s: string, l: string, f: string) => CiteprocEngine }).engine(data, template(style), info.locale, 'html');
  const ids = data.map((i) => i.id);
  // Entries are stored one by one: their order matters only for a numbered style and for year suffixes (citeproc-speed.ts).
  engine.kapSuffixOrderOnly = !info.numeric;
  engine.updateItems(ids);
  const cites = new Map<string, [string, string, string]>();
  if (want.cites) {
    engine.setOutputFormat('text');
    const text = (id: string, flags: object = {}) => fixMoreAuthors(engine.makeCitationCluster([{ id, ...flags }]).trim());
    for (const id of ids) cites.set(id, [text(id), info.collapse ? text(id, { 'author-only': true }) : '', info.collapse ? text(id, { 'suppress-author': true }) : '']);
    engine.setOutputFormat('html');
  }
  const html = new Map<string, string>();
  if (want.bib) {
    // One bibliography for all, then each entry on its own (the style's sort order is not kept).
    const [meta, body] = engine.makeBibliography();
    meta.entry_ids.forEach((group, k) => html.set(group[0]!, body[k]!));
  }
  return { html, cites };
}

/**
 * Every record in one style, with one processor state, so that the style's disambiguation sees
 * the whole bibliography: APA's 2017a/2017b for one author's two works in a year, MLA's added
 * names or title. Each entry is stored alone (no list numbers; registerStyles drops "———").
 * Where the view differs, the in-text citations come from it, and the entries of records it
 * changed from the records themselves.
 */
export function formatAll(items: CslItem[], style: StyleId): Map<string, Formatted> {
  const info = STYLE_INFO[style];
  const { data, view } = processorInput(items, style);
  // With a view, the entries of the records it changed come from their own state: theirs and
  // those of the same first author, all their disambiguation depends on.
  const mine = view ? data.filter((d) => view.related.has(d.id)) : data;
  const own = run(mine, style, { cites: !view, bib: true });
  const seen = view ? run(view.items, style) : own;
  let ownCites: Run['cites'] | undefined;
  const out = new Map<string, Formatted>();
  items.forEach((item) => {
    const id = item.id;
    const html = ((view?.changed.has(id) ? own : seen).html.get(id) ?? '')
      .replace(/<div class="csl-left-margin">[^<]*<\/div>/, '') // a lone reference has no list number
      .replace(/<\/?div[^>]*>/g, '')
      .trim();
    // A name lent by another work is never printed: where the style still added one, the citation is the record's own.
    const lent = view?.borrowed.get(id) ?? [];
    const cites = seen.cites.get(id)!;
    const [inText, names, rest] = lent.some((f) => cites[0].includes(f)) ? (ownCites ??= run(mine, style, { cites: true, bib: false }).cites).get(id)! : cites;
    const restBare = rest.replace(/^\(|\)$/g, '');
    const parts = info.collapse && inText.startsWith(`(${names}`) && inText.endsWith(`${restBare})`);
    out.set(id, { html: adjust(html, item, style), inText, ...(parts ? { names, rest: restBare } : {}) });
  });
  return out;
}

interface CiteprocEngine {
  kapSuffixOrderOnly?: boolean;
  updateItems(ids: string[], nosort?: boolean): void;
  setOutputFormat(format: string): void;
  makeCitationCluster(items: object[]): string;
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
    title: plainTitle(String(item.title ?? '')),
    authors: names(item),
    year: yearOf(item),
    ...(typeof item.DOI === 'string' && item.DOI && { doi: item.DOI }),
    ...(unverified.length && { unverified }),
    ...(item.status === 'retracted' && { retracted: true as const }),
    styles,
    exports: exportReference(item),
  };
}

/** The whole bibliography: each style formats every record in one processor state (formatAll). */
export function precomputeEntries(items: CslItem[]): BibEntry[] {
  const byStyle = hotOnlyOptimizer(() => STYLES.map((s) => [s, formatAll(items, s)] as const));
  return items.map((item) => entry(item, Object.fromEntries(byStyle.map(([s, m]) => [s, m.get(item.id)!])) as Record<StyleId, Formatted>));
}
