/** A short piece of a document's text around the words a query matched, as data to paint. */
import { fold, isPlain, isWordAt, stem } from './tokenize.js';

export interface Segment {
  text: string;
  hit: boolean;
}

const WIDTH = 160;

/**
 * Whitespace runs → one space. The index stores text flattened already; then only a check runs.
 * A lone space (most gaps) is not matched, as in safety/detect.ts normalise: the build flattens
 * every document's text, and replacing each gap was ~3x the time (16 MB of sections: 165 -> 58 ms).
 */
export function flatten(text: string): string {
  return /[^\S ]| {2}/.test(text) ? text.replace(/[^\S ]\s*| \s+/g, ' ').trim() : text.trim();
}

/** The window of `text` with the most words whose stem is one of `terms`, cut at word boundaries. */
export function snippet(text: string, terms: ReadonlySet<string>, width = WIDTH, positions?: string): Segment[] {
  // An indexed text comes flattened (search/build.ts stored), with its positions.
  const flat = positions === undefined ? flatten(text) : text;
  const hits = positions === undefined ? hitsIn(flat, terms) : storedHits(positions, terms);
  let start = 0;
  if (hits.length && flat.length > width) {
    start = bestWindow(hits, width);
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

/**
 * The window start (a little before a hit) that covers the most hits, the first if several do.
 * Hits are in order and do not overlap, so the first and last hit inside each window only move
 * forward.
 */
export function bestWindow(hits: readonly { start: number; end: number }[], width: number): number {
  let best = -1;
  let start = 0;
  let first = 0;
  let last = -1;
  for (const h of hits) {
    const from = Math.max(0, h.start - 30);
    while (hits[first]!.start < from) first++;
    while (last + 1 < hits.length && hits[last + 1]!.end <= from + width) last++;
    const count = last - first + 1;
    if (count > best) [best, start] = [count, from];
  }
  return start;
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** A word that could have stem t starts with this (a stem only trims or changes a word's end). */
const probeOf = (t: string) => (t.length >= 3 ? t.slice(0, -1) : t);

/** Per set of terms (one per query): a regex for their possible word starts in plain text. */
const finders = new WeakMap<ReadonlySet<string>, RegExp | null>();

function plainFinder(terms: ReadonlySet<string>): RegExp | null {
  let re = finders.get(terms);
  if (re === undefined) {
    // In plain text words are runs of a-z and 0-9, and so are their stems.
    const probes = [...terms].map(probeOf).filter((p) => /^[a-z0-9]+$/.test(p));
    re = probes.length ? new RegExp(`(?<![a-z0-9])(?:${probes.join('|')})[a-z0-9]*`, 'g') : null;
    finders.set(terms, re);
  }
  return re;
}

/**
 * Per set of terms: whether a word (of those found) stems to one. A result's text says its
 * words again and again ("ketamine"), each a stem() in a process that runs it uncompiled.
 */
const stemmed = new WeakMap<ReadonlySet<string>, Map<string, boolean>>();

function isTerm(terms: ReadonlySet<string>): Map<string, boolean> {
  let known = stemmed.get(terms);
  if (!known) stemmed.set(terms, (known = new Map()));
  return known;
}

/**
 * The words of `text` whose stem is one of `terms`, in order. Rather than split the whole text
 * into words (the slow part of a search in a fresh process), look for where each term could
 * start a word: every word with stem t starts with t minus its last letter ("studies" →
 * "study" starts "stud"). Plain text (nearly all) is scanned by one regex for all the terms.
 */
export function hitsIn(text: string, terms: ReadonlySet<string>): Hit[] {
  if (!HAS_NON_ASCII.test(text)) return hitsInFolded(text.toLowerCase(), terms);
  // Folding may change lengths ("…" → "...", "ﬁ" → "fi", a combining accent → nothing), and
  // a whole-text fold can even keep the total length while moving words: fold each character
  // beyond ASCII alone and map the hits back to the text's own offsets.
  const same = foldSameLength(text);
  if (same !== undefined) return hitsInFolded(same, terms);
  const { folded, from } = foldEach(text);
  return hitsInFolded(folded, terms).map(({ start, end }) => ({ start: from[start]!, end: from[end]! }));
}

/**
 * The text folded, when every character beyond ASCII is one code unit that folds to one (curly
 * quotes, dashes, most accented letters): its offsets are the text's own, no map needed.
 * Undefined otherwise.
 */
function foldSameLength(text: string): string | undefined {
  let folded = '';
  let i = 0;
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(text); m; m = NON_ASCII.exec(text)) {
    const j = m.index;
    const one = fold(m[0]);
    if (one.length !== 1 || isLowSurrogate(text.charCodeAt(j)) || (text.charCodeAt(j) >= 0xd800 && text.charCodeAt(j) <= 0xdbff)) return undefined;
    folded += text.slice(i, j).toLowerCase() + one;
    i = j + 1;
  }
  return folded + text.slice(i).toLowerCase();
}

type Hit = { start: number; end: number };

const HAS_NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII = /[^\x00-\x7f]/g;

/** Folded text, and for each of its offsets (and its end) the offset in `text` it came from. */
function foldEach(text: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  const take = (piece: string, at: number, spread: boolean) => {
    for (let k = 0; k < piece.length; k++) from.push(spread ? at + k : at);
    folded += piece;
  };
  let i = 0;
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(text); m; m = NON_ASCII.exec(text)) {
    const j = m.index;
    take(text.slice(i, j).toLowerCase(), i, true);
    const size = text.codePointAt(j)! > 0xffff ? 2 : 1;
    take(fold(text.slice(j, j + size)), j, false);
    i = NON_ASCII.lastIndex = j + size;
  }
  take(text.slice(i).toLowerCase(), i, true);
  from.push(text.length);
  return { folded, from };
}

function hitsInFolded(folded: string, terms: ReadonlySet<string>): Hit[] {
  if (isPlain(folded)) {
    const out: Hit[] = [];
    const re = plainFinder(terms);
    if (!re) return out;
    re.lastIndex = 0;
    const known = isTerm(terms);
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      const w = m[0];
      let yes = known.get(w);
      if (yes === undefined) known.set(w, (yes = terms.has(stem(w))));
      if (yes) out.push({ start: m.index, end: m.index + w.length });
    }
    return out;
  }
  const found = new Map<number, number>();
  for (const t of terms) {
    const probe = probeOf(t);
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

/** A word of a text with its stem, where hitsIn would find it. */
export type StemHit = Hit & { stem: string };

/**
 * Every word of `text` with its stem, where hitsIn finds words: hitsIn(text, terms) is those
 * whose stem is a term (a word whose stem is t starts with t's probe, so hitsIn, which looks
 * only where a probe starts, misses none of them). For the index's build (positionsOf).
 */
export function stemHits(text: string): StemHit[] {
  if (!HAS_NON_ASCII.test(text)) return stemHitsFolded(text.toLowerCase());
  const same = foldSameLength(text);
  if (same !== undefined) return stemHitsFolded(same);
  const { folded, from } = foldEach(text);
  return stemHitsFolded(folded).map(({ start, end, stem: s }) => ({ start: from[start]!, end: from[end]!, stem: s }));
}

/** hitsInFolded's words, every one: maximal runs of word characters (of a-z and 0-9 in plain text). */
function stemHitsFolded(folded: string): StemHit[] {
  const out: StemHit[] = [];
  if (isPlain(folded)) {
    const re = /[a-z0-9]+/g;
    for (let m = re.exec(folded); m; m = re.exec(folded)) out.push({ start: m.index, end: m.index + m[0].length, stem: stem(m[0]) });
    return out;
  }
  for (let at = 0; at < folded.length; at++) {
    if (isLowSurrogate(folded.charCodeAt(at))) continue;
    const before = at >= 2 && isLowSurrogate(folded.charCodeAt(at - 1)) ? at - 2 : at - 1;
    if (before >= 0 && isWordAt(folded, before)) continue;
    let end = at;
    while (end < folded.length && isWordAt(folded, end)) end += folded.codePointAt(end)! > 0xffff ? 2 : 1;
    if (end > at) out.push({ start: at, end, stem: stem(folded.slice(at, end)) });
  }
  return out;
}

/**
 * A text's words by stem, for the index (StoredDoc.pos): `;stem:start,length,start,length` per stem,
 * in order of first appearance. A result's snippet then looks up the query's terms in it
 * (storedHits) rather than scanning its text: ~1.9M instructions of ten results in a fresh
 * process, where a regular expression over every text runs uncompiled.
 */
export function positionsOf(text: string): string {
  const byStem = new Map<string, number[]>();
  for (const h of stemHits(flatten(text))) {
    const at = byStem.get(h.stem) ?? byStem.set(h.stem, []).get(h.stem)!;
    at.push(h.start, h.end - h.start);
  }
  let out = '';
  for (const [s, at] of byStem) out += `;${s}:${at.join(',')}`;
  return out;
}

/** hitsIn(text, terms) from the text's positionsOf. */
export function storedHits(positions: string, terms: ReadonlySet<string>): Hit[] {
  const out: Hit[] = [];
  let found = 0;
  for (const t of terms) {
    const at = positions.indexOf(`;${t}:`);
    if (at < 0) continue;
    found++;
    let end = positions.indexOf(';', at + 1);
    if (end < 0) end = positions.length;
    const list = positions.slice(at + t.length + 2, end).split(',');
    for (let i = 0; i + 1 < list.length; i += 2) {
      const start = Number(list[i]);
      out.push({ start, end: start + Number(list[i + 1]) });
    }
  }
  return found > 1 ? out.sort((a, b) => a.start - b.start) : out;
}

export const plain = (segments: Segment[]) => segments.map((s) => s.text).join('');
