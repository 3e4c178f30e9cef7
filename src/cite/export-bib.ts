/**
 * CSL-JSON → one BibTeX or BibLaTeX entry. Pure, written by kap rather than by a converter, so
 * that each field goes where its reader looks (tested with bibtex + plain.bst, biber
 * --validate-datamodel, and pandoc -f bibtex / -f biblatex):
 * - BibTeX: `month = feb` (the month macro; no day field exists), `year`; corporate authors in
 *   double braces; every word with a capital after its first letter braced, so that a style's
 *   sentence case keeps "{DEA-183F}"; ASCII with LaTeX accents; the container of a blog, web page,
 *   label or rule in `howpublished` (its URL only in `url`).
 * - BibLaTeX: `date = {YYYY-MM-DD}` (an undated item `{XXXX}`, ISO 8601-2's unspecified year, which
 *   biber accepts and reads as no date); only fields of biblatex's data model for the type:
 *   @online needs a url or doi, so an item with neither is @misc; a web item's site goes in
 *   `organization`; a rule is @misc with `howpublished`, not @legal (no such type in biber's model),
 *   and its volume, issue and pages, which @misc lacks, go in `note` ("vol.~64, no.~133, pp.~37673--37675").
 * - An incomplete author list ends in "and others", which both print as "et al."; a BibTeX entry
 *   with no author has the title as `key`, by which plain.bst sorts it.
 */
import type { CslItem } from '../content/model.js';
import { authorsIncomplete, knownAuthors, type Name } from './record.js';
import { caseParts, plainTitle } from './rich-text.js';

export type BibDialect = 'bibtex' | 'biblatex';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const ARTICLE = new Set(['article-journal', 'article-magazine', 'article-newspaper', 'article']);
const TYPES: Record<string, { bibtex: string; biblatex: string }> = {
  book: { bibtex: 'book', biblatex: 'book' },
  chapter: { bibtex: 'incollection', biblatex: 'incollection' },
  'paper-conference': { bibtex: 'inproceedings', biblatex: 'inproceedings' },
  report: { bibtex: 'techreport', biblatex: 'report' },
  thesis: { bibtex: 'phdthesis', biblatex: 'thesis' },
};
/** Web-like items: @online in BibLaTeX when they have a url or doi. */
const WEB = new Set(['webpage', 'post-weblog', 'post', 'document', 'dataset', 'software']);

const COMBINING: Record<string, string> = { '\u0301': "'", '\u0300': '`', '\u0302': '^', '\u0308': '"', '\u0303': '~', '\u0304': '=', '\u0307': '.', '\u0327': 'c', '\u030c': 'v', '\u0328': 'k', '\u0306': 'u', '\u030b': 'H', '\u030a': 'r' };
const LETTERS: Record<string, string> = { 'ł': '{\\l}', 'Ł': '{\\L}', 'ø': '{\\o}', 'Ø': '{\\O}', 'ß': '{\\ss}', 'æ': '{\\ae}', 'Æ': '{\\AE}', 'ı': '{\\i}' };
const PUNCT: Record<string, string> = { '\u2018': '`', '\u2019': "'", '\u201c': '``', '\u201d': "''", '\u2013': '--', '\u2014': '---', '\u00a0': '~' };

/** Text for a .bib value: specials escaped; for BibTeX also non-ASCII as LaTeX. */
export function bibText(s: string, dialect: BibDialect): string {
  let out = s.replace(/\\/g, '\\textbackslash{}').replace(/([&%$#_{}])/g, '\\$1').replace(/~/g, '\\textasciitilde{}').replace(/\^/g, '\\textasciicircum{}');
  if (dialect === 'biblatex') return out;
  out = out.replace(/[\u2018\u2019\u201c\u201d\u2013\u2014\u00a0]/g, (c) => PUNCT[c]!);
  return out
    .normalize('NFD')
    .replace(/([A-Za-z])([\u0300-\u036f])/g, (_, ch: string, mark: string) => (COMBINING[mark] ? `{\\${COMBINING[mark]}${/[a-z]/i.test(COMBINING[mark]) ? ' ' : ''}${ch}}` : ch))
    .normalize('NFC')
    .replace(/[łŁøØßæÆı]/g, (c) => LETTERS[c]!);
}

/** Words with a capital after their first letter (or any capital after the first word) keep their case: {DEA-183F}, {NMDA}. */
export function protectCase(escaped: string): string {
  let first = true;
  return escaped.replace(/(\\[a-zA-Z]+\{\}|\{\\[^}]*\}|[\p{L}\p{N}][\p{L}\p{N}'.\-\\{}]*)/gu, (word) => {
    const wasFirst = first;
    first = false;
    if (word.startsWith('\\')) return word;
    const caps = (wasFirst ? word.slice(1) : word).replace(/\{\\[^}]*\}/g, '');
    return /\p{Lu}/u.test(caps) ? `{${word}}` : word;
  });
}

/** CSL's straight double quotes inside a title are quote marks: typographic in the .bib. */
const quotes = (s: string) => s.replace(/"([^"]*)"/g, '\u201c$1\u201d');

const family = (n: Name) => [n['non-dropping-particle'], n.family].filter(Boolean).join(' ');

function bibName(n: Name, dialect: BibDialect): string {
  if (n.literal) return `{${bibText(n.literal, dialect)}}`;
  const parts = [family(n), n.suffix, n.given].filter((p): p is string => Boolean(p));
  // "Family, Suffix, Given" only when there is a suffix: that is BibTeX's three-part form.
  const shown = n.suffix ? parts : [family(n), n.given].filter((p): p is string => Boolean(p));
  return shown.map((p) => bibText(p, dialect)).join(', ');
}

const dateParts = (item: CslItem): number[] | undefined => (item.issued as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0];
const pad = (n: number) => String(n).padStart(2, '0');

function entryType(item: CslItem, dialect: BibDialect): string {
  if (ARTICLE.has(item.type)) return 'article';
  if (TYPES[item.type]) return TYPES[item.type]![dialect];
  if (dialect === 'biblatex' && WEB.has(item.type) && (item.URL || item.DOI)) return 'online';
  return 'misc';
}

/** The one .bib entry for a record (a record already stripped of kap's fact-check). */
export function toBib(item: CslItem, dialect: BibDialect): string {
  const type = entryType(item, dialect);
  const fields: [string, string][] = [];
  const add = (name: string, value: unknown, raw = false) => {
    if (value === undefined || value === null || value === '') return;
    fields.push([name, raw ? String(value) : bibText(String(value), dialect)]);
  };
  const names = knownAuthors(item).map((n) => bibName(n, dialect));
  if (names.length && authorsIncomplete(item)) names.push('others');
  if (names.length) fields.push(['author', names.join(' and ')]);
  // No author on record: BibTeX sorts and labels by `key` (plain.bst: "to sort, need author or
  // key"); the title, as CSL styles sort an anonymous work. biblatex has no such field.
  else if (dialect === 'bibtex' && !item.editor && typeof item.title === 'string') fields.push(['key', bibText(plainTitle(item.title), dialect)]);
  const title = typeof item.title === 'string' ? item.title : '';
  // A part that keeps its case (<span class="nocase">) braced whole, as BibTeX keeps case.
  fields.push(['title', caseParts(title).map((p) => (p.nocase ? `{${bibText(quotes(p.text), dialect)}}` : protectCase(bibText(quotes(p.text), dialect)))).join('')]);
  const container = typeof item['container-title'] === 'string' ? item['container-title'] : undefined;
  const c = container && bibText(quotes(container), dialect);
  if (type === 'article') fields.push([dialect === 'bibtex' ? 'journal' : 'journaltitle', c ?? '']);
  else if (type === 'incollection' || type === 'inproceedings') { if (c) fields.push(['booktitle', c]); }
  // organization is a list field in biblatex ("and" separates names): braced whole, it stays one name.
  else if (c) fields.push(type === 'online' ? ['organization', `{${c}}`] : ['howpublished', c]);
  // A report's kind ("Technology appraisal guidance"): BibTeX's techreport prints it in place of
  // "Technical Report"; biblatex's @report requires it.
  if (type === 'techreport' || type === 'report') {
    add('type', item.genre);
    add('institution', item.publisher);
  }
  else if (type !== 'article' && type !== 'online' && type !== 'misc') add('publisher', item.publisher);
  const pages = typeof item.page === 'string' ? bibText(item.page, dialect).replace(/-+/g, '--') : undefined;
  if (dialect === 'biblatex' && type === 'misc') {
    // biblatex's @misc has no volume, number or pages (a Federal Register rule): they go in the note.
    const where = [item.volume && `vol.~${bibText(String(item.volume), dialect)}`, (item.issue ?? item.number) && `no.~${bibText(String(item.issue ?? item.number), dialect)}`, pages && `pp.~${pages}`].filter(Boolean);
    if (where.length) fields.push(['note', where.join(', ')]);
  } else {
    add('volume', item.volume);
    add('number', item.issue ?? item.number);
    if (pages) fields.push(['pages', pages]);
  }
  const d = dateParts(item);
  if (dialect === 'bibtex') {
    if (d?.[0]) fields.push(['year', String(d[0])]);
    if (d?.[1]) fields.push(['month', MONTHS[d[1] - 1]!]);
  } else fields.push(['date', d?.[0] ? [String(d[0]), ...(d[1] ? [pad(d[1])] : []), ...(d[2] ? [pad(d[2])] : [])].join('-') : 'XXXX']);
  if (dialect === 'biblatex') add('version', item.version);
  // A retracted work says so wherever it goes: biblatex's publication state, BibTeX's note
  // (plain.bst prints it after the entry; only biblatex's @misc has a note of its own, above).
  if (item.status === 'retracted') {
    if (dialect === 'biblatex') add('pubstate', 'retracted');
    else add('note', 'Retracted');
  }
  add('doi', item.DOI, true);
  add('url', item.URL, true);
  const accessed = (item.accessed as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0];
  if (accessed?.[0] && accessed[1] && accessed[2]) add('urldate', `${accessed[0]}-${pad(accessed[1])}-${pad(accessed[2])}`, true);
  const body = fields.map(([k, v]) => (k === 'month' ? `\t${k} = ${v},` : `\t${k} = {${v}},`));
  return [`@${type}{${item.id},`, ...body, '}'].join('\n');
}
