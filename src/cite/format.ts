/** Precomputed references → the text `kap cite` prints. Pure: no I/O, no citation processor. */
import type { BibEntry } from './bibliography.js';
import type { Citer } from './csl.js';
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
 * One in-text citation for several references. Author-date styles sort the parts, "(A, 2005;
 * B, 2018)", and where the style collapses by year (collapse="year") one author's works share
 * the names: "(Glue et al., 2017, 2018)". Numeric styles number the references in the order
 * given, a run of three or more as a range (collapse="citation-number"): "(1–3)".
 */
export function inTextCluster(entries: BibEntry[], style: StyleId): string {
  if (STYLE_INFO[style].numeric) return `(${entries.length > 2 ? `1–${entries.length}` : entries.map((_, i) => i + 1).join(',')})`;
  const parts = entries.map((e) => {
    const f = e.styles[style];
    const whole = f.inText.replace(/^\(|\)$/g, '');
    return { whole, names: f.names ?? whole, rest: f.rest, sep: f.names !== undefined && f.rest !== undefined ? whole.slice(f.names.length, whole.length - f.rest.length) : undefined };
  });
  parts.sort((a, b) => a.names.localeCompare(b.names) || a.whole.localeCompare(b.whole));
  const groups: string[] = [];
  for (let i = 0; i < parts.length; ) {
    const p = parts[i]!;
    let j = i + 1;
    while (p.sep !== undefined && j < parts.length && parts[j]!.names === p.names && parts[j]!.sep === p.sep) j++;
    groups.push(j - i > 1 ? `${p.names}${p.sep}${parts.slice(i, j).map((x) => x.rest).join(', ')}` : p.whole);
    i = j;
  }
  return `(${groups.join('; ')})`;
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

/**
 * The built bibliography as a Citer for module sources, quiz feedback and claims: the same
 * official styles, adjustments and in-text grouping as `kap cite`, not a second formatting.
 */
export function precomputedCiter(entries: BibEntry[]): Citer {
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const pick = (keys: string[]) => keys.map((k) => byKey.get(k)).filter((e): e is BibEntry => Boolean(e));
  const html = (key: string, style = 'apa') => byKey.get(key)?.styles[style as StyleId]?.html ?? '';
  return {
    inText: (keys) => (pick(keys).length ? inTextCluster(pick(keys), 'apa') : ''),
    referenceHtml: html,
    referenceText: (key, style) => htmlToText(html(key, style)),
  };
}

/** `kap cite --json`: each reference in the chosen style, with what stderr would say about it. */
export function citationsJson(entries: BibEntry[], style: StyleId, errataKeys: Set<string>): string {
  return JSON.stringify(
    entries.map((e) => ({
      key: e.key,
      style,
      reference: htmlToText(e.styles[style].html),
      html: e.styles[style].html,
      inText: e.styles[style].inText,
      ...(e.doi && { doi: e.doi }),
      unverified: e.unverified ?? [],
      retracted: Boolean(e.retracted),
      errata: errataKeys.has(e.key),
    })),
    null,
    2,
  );
}
