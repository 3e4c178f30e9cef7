/**
 * CSL-JSON → one RIS record. Pure. The TY of each CSL type is chosen for the item type Zotero's
 * RIS import gives it (zotero/translators RIS.js, importTypeMap and the reverse of
 * exportTypeMap; the table is in test/unit/cite-exports.test.ts with its source):
 * JOUR → journalArticle, BLOG → blogPost, ELEC → webpage, STAT → statute (a Federal Register
 * rule: TI name of act, T2 code, VL code number, SP pages; not LEGAL, which Zotero reads as a
 * court case), RPRT → report. A label or other document with a URL is ELEC (GEN would be read
 * as a journal article). Tags: one line each; a corporate author as one literal name with no
 * comma ("Janssen Pharmaceuticals Inc."); SP and EP split; DA as YYYY/MM/DD/ with padding; the key
 * in M2 as "Citation Key: …" (Zotero: Extra, then the citation-key field).
 */
import type { CslItem } from '../content/model.js';
import { knownAuthors, type Name } from './record.js';
import { plainTitle } from './rich-text.js';

const TY: Record<string, string> = {
  'article-journal': 'JOUR',
  'article-magazine': 'MGZN',
  'article-newspaper': 'NEWS',
  'post-weblog': 'BLOG',
  webpage: 'ELEC',
  post: 'ELEC',
  regulation: 'STAT',
  legislation: 'STAT',
  bill: 'BILL',
  legal_case: 'CASE',
  book: 'BOOK',
  chapter: 'CHAP',
  'paper-conference': 'CONF',
  report: 'RPRT',
  thesis: 'THES',
  dataset: 'DATA',
  software: 'COMP',
};

export const risType = (item: CslItem): string => TY[item.type] ?? (item.URL ? 'ELEC' : 'RPRT');

const pad = (n: number) => String(n).padStart(2, '0');
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Zotero splits an AU value at its first comma into last and first name, so a literal name keeps
 * no comma ("Janssen Pharmaceuticals, Inc." would become last name "Janssen Pharmaceuticals").
 */
function risName(n: Name): string {
  if (n.literal) return oneLine(n.literal.replace(/,\s*/g, ' '));
  const last = [n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
  return [last, n.given, n.suffix].filter(Boolean).join(', ');
}

const plainQuotes = (s: string) => s.replace(/"([^"]*)"/g, '\u201c$1\u201d');

export function toRis(item: CslItem): string {
  const lines: string[] = [];
  const tag = (t: string, v: unknown) => {
    if (v !== undefined && v !== null && v !== '') lines.push(`${t}  - ${oneLine(String(v))}`);
  };
  const type = risType(item);
  tag('TY', type);
  tag('ID', item.id);
  for (const n of knownAuthors(item)) tag('AU', risName(n));
  tag('TI', typeof item.title === 'string' ? plainQuotes(plainTitle(item.title)) : undefined);
  tag('T2', item['container-title']);
  const d = (item.issued as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0];
  if (d?.[0]) {
    tag('PY', d[0]);
    tag('DA', `${d[0]}/${d[1] ? pad(d[1]) : ''}/${d[2] ? pad(d[2]) : ''}/`);
  }
  tag('VL', item.volume);
  // Zotero's statute has no issue field: an IS would land in a note.
  if (type !== 'STAT') tag('IS', item.issue);
  if (typeof item.page === 'string') {
    const [sp, ep] = item.page.split(/\s*[-\u2013]+\s*/);
    tag('SP', sp);
    tag('EP', ep);
  }
  tag('PB', item.publisher);
  tag('DO', item.DOI);
  tag('UR', item.URL);
  const a = (item.accessed as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0];
  if (a?.[0]) tag('Y2', `${a[0]}/${a[1] ? pad(a[1]) : ''}/${a[2] ? pad(a[2]) : ''}/`);
  // A retracted work says so: RIS has no status tag, and Zotero keeps N1 as a note on the item.
  if (item.status === 'retracted') tag('N1', 'Retracted');
  // Zotero ignores ID; it reads M2 into Extra, where "Citation Key: …" becomes the item's citation key.
  tag('M2', `Citation Key: ${item.id}`);
  lines.push('ER  - ');
  return lines.join('\n');
}
