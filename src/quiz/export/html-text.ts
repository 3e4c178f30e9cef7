/** Text as HTML for the formats whose fields are HTML (GIFT [html], Moodle XML, QTI, Anki, the page). */
import type { ExportQuestion } from './types.js';

export const escHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Text as HTML: escaped, newlines as <br>. */
export const textHtml = (s: string): string => escHtml(s).replace(/\r?\n/g, '<br>');

// A URL runs to whitespace; a closing full stop, comma or bracket is the sentence's, not the URL's.
export const WEB_ADDRESS = /https?:\/\/[^\s<>"]+?(?=[.,;:)\]]*(?:\s|$))/g;

/** Text as HTML with its web addresses (DOIs included) as links. */
export function linkedHtml(s: string): string {
  let out = '';
  let at = 0;
  for (const m of s.matchAll(WEB_ADDRESS)) {
    out += textHtml(s.slice(at, m.index)) + `<a href="${escHtml(m[0])}">${escHtml(m[0])}</a>`;
    at = m.index! + m[0].length;
  }
  return out + textHtml(s.slice(at));
}

/** The "Source:" lines of a question as HTML paragraphs. */
export const sourcesHtml = (q: ExportQuestion): string[] => q.sources.map((s) => `<p>Source: ${linkedHtml(s.reference)}</p>`);
