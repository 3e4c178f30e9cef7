/** Precomputed references → the text `kap cite` prints. Pure: no I/O, no citation processor. */
import type { BibEntry } from './bibliography.js';
import { STYLE_INFO, type FormatId, type StyleId } from './styles.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** CSL HTML → text: <i> goes through `italic` (ANSI in a terminal, identity when piped); other tags drop. */
export function htmlToText(html: string, italic: (s: string) => string = (s) => s): string {
  return html
    .split(/(<i>[\s\S]*?<\/i>)/)
    .map((part) => {
      const inner = /^<i>([\s\S]*)<\/i>$/.exec(part);
      const text = decodeEntities((inner ? inner[1]! : part).replace(/<[^>]+>/g, ''));
      return inner ? italic(text) : text;
    })
    .join('');
}

export interface CiteRequest {
  style: StyleId;
  format: FormatId;
  inText: boolean;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * One in-text citation for several references. Author-date styles join the parts
 * alphabetically, "(A, 2005; B, 2018)"; numeric styles number them in the order given.
 */
export function inTextCluster(entries: BibEntry[], style: StyleId): string {
  if (STYLE_INFO[style].numeric) return `(${entries.map((_, i) => i + 1).join(',')})`;
  const parts = entries.map((e) => e.styles[style].inText.replace(/^\(|\)$/g, ''));
  return `(${parts.sort((a, b) => a.localeCompare(b)).join('; ')})`;
}

/** What `kap cite` writes on stdout for these references. */
export function renderCitations(entries: BibEntry[], req: CiteRequest, italic: (s: string) => string = (s) => s): string {
  const { style, format } = req;
  if (format === 'text' || format === 'html') {
    if (req.inText) return format === 'html' ? escapeHtml(inTextCluster(entries, style)) : inTextCluster(entries, style);
    const numbered = STYLE_INFO[style].numeric && entries.length > 1;
    if (format === 'html') {
      const rows = entries.map((e, i) => `  <div class="csl-entry">${numbered ? `${i + 1}. ` : ''}${e.styles[style].html}</div>`);
      return ['<div class="csl-bib-body">', ...rows, '</div>'].join('\n');
    }
    return entries.map((e, i) => `${numbered ? `${i + 1}. ` : ''}${htmlToText(e.styles[style].html, italic)}`).join('\n');
  }
  if (format === 'csl-json') return JSON.stringify(entries.map((e) => JSON.parse(e.exports['csl-json']) as unknown), null, 2);
  return entries.map((e) => e.exports[format]).join('\n\n');
}
