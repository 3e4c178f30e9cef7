/** A short piece of a document's text around the words a query matched, as data to paint. */
import { fold, isWordAt, stem } from './tokenize.js';

export interface Segment {
  text: string;
  hit: boolean;
}

const WIDTH = 160;

/** The window of `text` with the most words whose stem is one of `terms`, cut at word boundaries. */
export function snippet(text: string, terms: ReadonlySet<string>, width = WIDTH): Segment[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const hits = hitsIn(flat, terms);
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

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The words of `text` whose stem is one of `terms`, in order. Rather than split the whole text
 * into words (the slow part of a search in a fresh process), look for where each term could
 * start a word: a stem only trims or changes a word's end, so every word with stem t starts
 * with t minus its last letter ("studies" → "study" starts "stud").
 */
export function hitsIn(text: string, terms: ReadonlySet<string>): { start: number; end: number }[] {
  const folded = fold(text);
  // Folding changed the length (a ligature, a combining mark): offsets would be wrong; no hits.
  if (folded.length !== text.length) return [];
  const found = new Map<number, number>();
  for (const t of terms) {
    const probe = t.length >= 3 ? t.slice(0, -1) : t;
    if (!probe) continue;
    for (let at = folded.indexOf(probe); at >= 0; at = folded.indexOf(probe, at + 1)) {
      if (found.has(at) || isLowSurrogate(folded.charCodeAt(at))) continue;
      const before = at >= 2 && isLowSurrogate(folded.charCodeAt(at - 1)) ? at - 2 : at - 1;
      if (before >= 0 && isWordAt(folded, before)) continue;
      let end = at;
      while (end < folded.length && isWordAt(folded, end)) end += folded.codePointAt(end)! > 0xffff ? 2 : 1;
      if (end > at && terms.has(stem(folded.slice(at, end)))) found.set(at, end);
    }
  }
  return [...found].sort((a, b) => a[0] - b[0]).map(([start, end]) => ({ start, end }));
}

export const plain = (segments: Segment[]) => segments.map((s) => s.text).join('');
