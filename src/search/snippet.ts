/** A short piece of a document's text around the words a query matched, as data to paint. */
import { stem, words } from './tokenize.js';

export interface Segment {
  text: string;
  hit: boolean;
}

const WIDTH = 160;

/** The window of `text` with the most words whose stem is one of `terms`, cut at word boundaries. */
export function snippet(text: string, terms: ReadonlySet<string>, width = WIDTH): Segment[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  // A stem starts with its word's first letter: most words need no stemming to rule them out.
  const firsts = new Set([...terms].map((t) => t[0]));
  const hits = words(flat).filter((w) => w.start >= 0 && firsts.has(w.word[0]) && terms.has(stem(w.word)));
  let start = 0;
  if (hits.length && flat.length > width) {
    // The window start (a little before a hit) that covers the most hits.
    let best = -1;
    for (const h of hits) {
      const from = Math.max(0, h.start - 30);
      const count = hits.filter((o) => o.start >= from && o.end <= from + width).length;
      if (count > best) [best, start] = [count, from];
    }
    if (start > 0) start = Math.max(0, flat.lastIndexOf(' ', start) + 1);
  }
  let end = Math.min(flat.length, start + width);
  if (end < flat.length) {
    const cut = flat.lastIndexOf(' ', end);
    if (cut > start) end = cut;
  }
  const out: Segment[] = [];
  let at = start;
  for (const h of hits) {
    if (h.start < start || h.end > end) continue;
    if (h.start > at) out.push({ text: flat.slice(at, h.start), hit: false });
    out.push({ text: flat.slice(h.start, h.end), hit: true });
    at = h.end;
  }
  if (at < end) out.push({ text: flat.slice(at, end), hit: false });
  if (start > 0) out.unshift({ text: '…', hit: false });
  if (end < flat.length) out.push({ text: '…', hit: false });
  return out;
}

export const plain = (segments: Segment[]) => segments.map((s) => s.text).join('');
