/** The on-disk search index: file names and record shapes shared by the builder and the reader. */
import type { DocType, SearchDoc } from './documents.js';
import type { HelpKind } from '../safety/index.js';
import { lettersOf } from '../text/distance.js';

export const INDEX_VERSION = 6;
export const INDEX_DIR = 'search';
/**
 * A term keeps its best postings only (a "champion list"): in a big pack, "ketamine" is in
 * nearly every document, and its lowest impacts change no ranking but would cost every query.
 */
export const MAX_POSTINGS = 1500;

export interface IndexMeta {
  version: number;
  docs: number;
  /** Documents are stored grouped by type: [first, end) of each. */
  ranges: Record<DocType, [number, number]>;
  /** Postings files: a term lives in post/<hash(term) % postShards>.txt. */
  postShards: number;
  /** Documents per docs/<n>.jsonl file. */
  docsPerShard: number;
  /** The first characters that have a vocabulary file, vocab/<c>.json. */
  vocab: string[];
  tags: string[];
  /** Documents carry the safety layer's `help` (absent on a document: none needed). */
  help?: boolean;
  /** Each vocabulary file has its typo table, typo/<c>.json (TypoFile). */
  typo?: boolean;
}

/** A stored document: what a result shows, plus its other searchable text for phrase checks. */
export type StoredDoc = Pick<SearchDoc, 'type' | 'id' | 'module' | 'section' | 'title' | 'text' | 'open'> & {
  /** The rest of its searchable text, for phrase checks. */
  more: string;
  /** The help the document's text needs (src/safety), computed at build time; absent when none (see IndexMeta.help). */
  help?: HelpKind[];
  /** The text's words by stem (snippet.ts positionsOf), for its snippet; absent in indexes built before it. */
  pos?: string;
};

/**
 * docs/<n>.jsonl: a shard's documents, one JSON line each (JSON.stringify writes no line break),
 * so that a query decodes and parses only the lines of the documents it shows.
 */
export const docsFile = (docs: StoredDoc[]): string => docs.map((d) => `${ascii(JSON.stringify(d))}\n`).join('');

/**
 * Characters beyond ASCII as \uXXXX (JSON reads them back; a postings line's term is looked up
 * escaped the same way): every index file is ASCII, read as latin1 with nothing to decode, into
 * one-byte strings (a few names, "Kołodziej", "α-amino", once made a whole shard two-byte).
 */
export function ascii(text: string): string {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text;
}
export const docsPath = (shard: number): string => `docs/${shard}.jsonl`;

/** vocab/<c>.json: terms sorted, each followed by its document frequency. */
export type VocabFile = (string | number)[];
/**
 * typo/<c>.json: vocab/<c>.json's terms grouped by length and letter groups (text/distance.ts
 * lettersOf), `length, letters, count, term…` a group, so that a typo's near terms are looked
 * for group by group (couldBeWithin) without taking the letters of every term of the letter.
 */
export type TypoFile = (string | number)[];
export const typoPath = (key: string): string => `typo/${key}.json`;

/** The typo table of a vocabulary file's terms (sorted, as vocab/<c>.json lists them). */
export function typoTable(terms: readonly string[]): TypoFile {
  const groups = new Map<string, { length: number; letters: number; terms: string[] }>();
  for (const term of terms) {
    const letters = lettersOf(term);
    const key = `${term.length} ${letters}`;
    const g = groups.get(key) ?? groups.set(key, { length: term.length, letters, terms: [] }).get(key)!;
    g.terms.push(term);
  }
  const out: TypoFile = [];
  for (const g of [...groups.values()].sort((a, b) => a.length - b.length || a.letters - b.letters)) out.push(g.length, g.letters, g.terms.length, ...g.terms);
  return out;
}

/**
 * post/<n>.txt: a line per term, `term<TAB>doc,impact,doc gap,impact,…` (impact is score × 100),
 * after a leading newline. Text, not JSON: a query finds its terms' lines with indexOf and
 * parses only those (parsing a whole 45 KB JSON shard cost ~1.5 ms in a fresh process).
 */
export function postingsFile(terms: Map<string, number[]>): string {
  let out = '\n';
  for (const [term, list] of terms) out += postingsLine(term, list);
  return out;
}

/** One term's line of a post/<n>.txt file. */
export const postingsLine = (term: string, list: readonly number[]): string => `${ascii(term)}\t${list.join(',')}\n`;

/** A term's postings in a post/<n>.txt file: [doc gap, impact, …]; [] when absent, undefined when unreadable. */
export function postingsOf(file: string, term: string): number[] | undefined {
  const key = ascii(term);
  const at = file.indexOf(`\n${key}\t`);
  if (at < 0) return [];
  const from = at + key.length + 2;
  const end = file.indexOf('\n', from);
  if (end <= from) return undefined;
  // One JSON.parse: numbers straight from the text, no string per number (a common word's line
  // has thousands), so a long question stays clear of the garbage collector.
  let list: unknown;
  try {
    list = JSON.parse(`[${file.slice(from, end)}]`);
  } catch {
    return undefined;
  }
  return Array.isArray(list) && list.length % 2 === 0 && list.every(Number.isInteger) ? (list as number[]) : undefined;
}

/** FNV-1a: a stable hash so the builder and the reader agree where a term lives. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The vocabulary file a term belongs to: its first character, or "_". */
export function vocabKey(term: string): string {
  const c = term[0] ?? '_';
  return /[a-z0-9]/.test(c) ? c : '_';
}

/**
 * One file per tag, named so that tags differing only in punctuation keep files of their own
 * ("side-effects" and "side effects" once shared one, and one lost its modules): letters,
 * digits and hyphens stand as they are, anything else as _<hex>_.
 */
export const tagFile = (tag: string) => `tags/${tag.replace(/[^a-z0-9-]/gu, (c) => `_${c.codePointAt(0)!.toString(16)}_`)}.json`;
