/**
 * A plain draft's sentences' terms in one WebAssembly call (words-wasm-code.ts): in JavaScript
 * each sentence's words were a folded copy, a regex match and a string each, each string hashed
 * again to be looked up, and each new word stemmed (~8K instructions a word, run cold). A test
 * holds it to the search tokenizer's wordList and stem and to lintTerm.
 */
import { Wasm } from '../wasm-bytes.js';
import { STOP_WORDS } from '../search/tokenize.js';
import { latin1, type Latin1Buffer } from '../text/utf8-text.js';
import { wordsModule } from './words-wasm-code.js';

/** The module's bytes, made by the build (base64); tests, which run the sources, make them. */
declare const __KAP_WORDS_WASM__: string;
const moduleBytes = () => (typeof __KAP_WORDS_WASM__ === 'string' ? Buffer.from(__KAP_WORDS_WASM__, 'base64') : wordsModule());

const PAGE = 65536;
/** The stop words, as the first sentence the module reads: their words are never terms. */
const STOPS = [...STOP_WORDS].join(' ');

export interface DraftTermIds {
  /** Each sentence's terms' numbers, each once, in the order first met: sentence s has ids[first[s]] to ids[first[s + 1]]. */
  ids: Int32Array;
  first: Int32Array;
  /** How many different terms (before lintTerm's Map of same-meaning terms). */
  count: number;
  /** Term t as the stemmer and lintTerm's cuts make it. */
  term(t: number): string;
  /** Term t's FNV-1a hash, unsigned: model.ts termShard's, without a loop over its characters in JavaScript. */
  hash(t: number): number;
}

interface Scanner {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  scan: (...a: number[]) => number;
}

let scanner: Scanner | null | undefined;
/** How much of the memory a scan has written: the rest is zeros. */
let used = 0;

function open(): Scanner | null {
  try {
    const { m, scan } = new Wasm.Instance(new Wasm.Module(moduleBytes())).exports as { m: Scanner['memory']; scan: Scanner['scan'] };
    return { memory: m, scan };
  } catch {
    return null;
  }
}

/**
 * The terms of each text (plain text only: plain-regex.ts), stop words out, as the set of
 * lintTerms(text) before lintTerm's Map; undefined where WebAssembly is not available (node
 * --jitless). Valid until the next call.
 */
export function draftTermIds(texts: readonly string[]): DraftTermIds | undefined {
  const w = (scanner ??= open());
  if (!w) return undefined;
  let chars = STOPS.length + 1;
  for (let t = 0; t < texts.length; t++) chars += texts[t]!.length;
  const S = texts.length + 1;
  // A character is at most 3 bytes of UTF-8; a word is an ASCII character at least, and a
  // character not of it after (or its sentence's end).
  const room = 3 * chars + 8;
  const words = ((chars + S) >> 1) + 2;
  let slots = 1024;
  while (slots < 2 * words) slots *= 2;
  const ends = (room + 3) & ~3;
  const first = ends + 4 * S;
  const out = first + 4 * (S + 1);
  const wStart = out + 4 * words;
  const wLen = wStart + 4 * words;
  const wTerm = wLen + 4 * words;
  const tStart = wTerm + 4 * words;
  const tLen = tStart + 4 * words;
  const tMark = tLen + 4 * words;
  const tHash = tMark + 4 * words;
  const wTable = tHash + 4 * words;
  const tTable = wTable + 4 * slots;
  // Each term's bytes: no more than its word's.
  const area = tTable + 4 * slots;
  const size = area + chars + words;
  if (w.memory.buffer.byteLength < size) w.memory.grow(Math.ceil((size - w.memory.buffer.byteLength) / PAGE));
  const buffer = w.memory.buffer;
  const bytes = latin1(Buffer.from(buffer)) as Latin1Buffer;
  const ints = new Int32Array(buffer);
  // The tables start empty: memory the module has not written yet is zeros.
  if (wTable < used) ints.fill(0, wTable >> 2, Math.min(area, used) >> 2);
  used = Math.max(used, size);
  let at = bytes.latin1Write(STOPS, 0, STOPS.length);
  ints[ends >> 2] = at;
  for (let t = 1; t < S; t++) {
    at += bytes.utf8Write(texts[t - 1]!, at, room - at);
    ints[(ends >> 2) + t] = at;
  }
  const count = w.scan(S, ends, first, out, wStart, wLen, wTerm, tStart, tLen, tMark, wTable, tTable, slots - 1, area, 1, tHash);
  return {
    ids: new Int32Array(buffer, out, words),
    first: new Int32Array(buffer, first + 4, S),
    count,
    term: (t) => {
      const a = ints[(tStart >> 2) + t]!;
      return bytes.latin1Slice(a, a + ints[(tLen >> 2) + t]!);
    },
    hash: (t) => ints[(tHash >> 2) + t]! >>> 0,
  };
}
