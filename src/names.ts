/**
 * The names topics are found by (normalised id, title, alias, glossary term → "m:<id>" or
 * "t:<id>"), as resolve.ts asks about them. Two implementations answer the same questions:
 * one over the whole record in memory (the compile, tests: plain scans), and one over the split
 * index the compile writes into `names/` (run time: a lookup reads one shard, a word one line,
 * a typo the names of its length with letters enough like its own), so that a command reads
 * what it needs at 10,000 modules.
 * `ord` is a name's place in the record's order: answers are ordered as a scan would find them.
 */
import { join } from 'node:path';
import { readCompiled } from './compiled-read.js';
import { CompiledContentError } from './errors.js';
import { groupsWithin, lengthGroups, type LengthGroups } from './names-typo.js';
import { lettersOf } from './text/distance.js';

export interface NameEntry {
  name: string;
  t: string;
  ord: number;
}

export interface NameIndex {
  /** The target of exactly this name. */
  get(name: string): string | undefined;
  /** The names that have every one of `words` among their words. */
  withWords(words: string[]): NameEntry[];
  /** The names with a word that starts with `start`. */
  withWordStart(start: string): NameEntry[];
  /** How many topics have a name with this word (0: no name has it). */
  topics(word: string): number;
  /**
   * At least every name within `budget` edits of `key`, that starts with `key`, or that `key`
   * starts with (followed by a space): what typo matching and suggestions score.
   */
  near(key: string, budget: number): NameEntry[];
  /** Every name (completion). */
  all(): NameEntry[];
  /** More names than one shard holds (the split index's: ~1,500 a shard): looking past a name reads thousands. */
  large(): boolean;
}

export const NAMES_DIR = 'names';
/** 2: names by length grouped by their letters (names-typo.ts). */
export const NAMES_VERSION = 2;
/** Entries of a word's line: `ord US name US target`, joined by RS; lines by LF. */
export const US = '\x1f';
export const RS = '\x1e';

const wordsOf = (name: string) => name.split(' ');
export const byOrd = (a: NameEntry, b: NameEntry): number => a.ord - b.ord;

/** The scans, over a whole record in memory. */
export function memoryNames(keys: Record<string, string>): NameIndex {
  const entries: NameEntry[] = Object.entries(keys).map(([name, t], ord) => ({ name, t, ord }));
  let topicsOf: Map<string, Set<string>> | undefined;
  const count = (word: string) => {
    if (!topicsOf) {
      topicsOf = new Map();
      for (const e of entries) for (const w of wordsOf(e.name)) (topicsOf.get(w) ?? topicsOf.set(w, new Set()).get(w)!).add(e.t);
    }
    return topicsOf.get(word)?.size ?? 0;
  };
  return {
    get: (name) => (Object.hasOwn(keys, name) ? keys[name] : undefined),
    withWords: (ws) => entries.filter((e) => ws.every((w) => wordsOf(e.name).includes(w))),
    withWordStart: (start) => entries.filter((e) => wordsOf(e.name).some((w) => w.startsWith(start))),
    topics: count,
    near: () => entries,
    all: () => entries,
    large: () => false,
  };
}

/** FNV-1a over UTF-16 code units: which shard a name or a word is in. */
export function shardOf(s: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0) % shards;
}

/** A name's letter pairs as numbers (code unit << 16 | next), no strings made. */
export function bigrams(s: string): Set<number> {
  const set = new Set<number>();
  for (let i = 0; i + 1 < s.length; i++) set.add((s.charCodeAt(i) << 16) | s.charCodeAt(i + 1));
  return set;
}

/**
 * Whether `name` (from position `from` to `to` of a text) has at least `threshold` letter pairs
 * that the key has. Each edit of the key destroys at most three of its pairs (a transposition),
 * so a name within k edits keeps length - 1 - 3k of them; counting the name's pairs that are
 * in the key's set counts at least that many, so no such name is left out.
 */
function sharesBigrams(key: Set<number>, text: string, from: number, to: number, threshold: number): boolean {
  let n = 0;
  for (let i = from; i + 1 < to; i++) if (key.has((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1)) && ++n >= threshold) return true;
  return false;
}

export interface NamesMeta {
  version: number;
  /** Shards of the exact lookup (k<n>.txt) and of the word lines (w<n>.txt). */
  keyShards: number;
  wordShards: number;
}

/** A word's line of the split index: how many topics its names name, and (parsed when asked) those names. */
interface WordLine {
  topics: number;
  entries: () => NameEntry[];
}

const parseEntries = (text: string): NameEntry[] =>
  text
    ? text.split(RS).map((e) => {
        const [ord, name, t] = e.split(US);
        return { ord: Number(ord), name: name!, t: t! };
      })
    : [];

/** The split index in `<dataDir>/names/`, each file read once and only when asked. */
export function readNames(dataDir: string): NameIndex {
  const files = new Map<string, string>();
  const file = (rel: string, optional = false): string => {
    let text = files.get(rel);
    if (text === undefined) {
      text = readCompiled(dataDir, `${NAMES_DIR}/${rel}`);
      if (text === undefined) {
        if (!optional) throw new CompiledContentError(`compiled content not found at ${join(dataDir, NAMES_DIR, rel)}`);
        text = '';
      }
      files.set(rel, text);
    }
    return text;
  };
  let meta: NamesMeta | undefined;
  const m = (): NamesMeta => {
    if (meta) return meta;
    try {
      meta = JSON.parse(file('meta.json')) as NamesMeta;
    } catch (e) {
      if (e instanceof CompiledContentError) throw e;
    }
    if (meta?.version !== NAMES_VERSION) throw new CompiledContentError(`compiled content at ${dataDir} has an unknown format`);
    return meta;
  };
  /** The rest of the line that starts with `head` in a file whose every line starts with LF. */
  const line = (text: string, head: string): string | undefined => {
    const at = text.indexOf(`\n${head}`);
    if (at < 0) return undefined;
    const end = text.indexOf('\n', at + 1);
    return text.slice(at + 1 + head.length, end < 0 ? text.length : end);
  };
  // A line is looked for in a whole shard (~100 KB at 10,000 modules) with indexOf, and a
  // question asks of the same words again and again ("glutamatx receptr": 27 lookups of 6
  // words and names): each answer kept for the run.
  const wordLines = new Map<string, WordLine | undefined>();
  const wordLine = (w: string): WordLine | undefined => {
    if (wordLines.has(w)) return wordLines.get(w);
    const rest = line(file(`w${shardOf(w, m().wordShards)}.txt`), `${w}\t`);
    let found: WordLine | undefined;
    if (rest !== undefined) {
      const tab = rest.indexOf('\t');
      const body = rest.slice(tab + 1);
      // A word of very many names keeps its entries in a file of its own.
      found = { topics: Number(rest.slice(0, tab)), entries: () => parseEntries(body.startsWith('@') ? file(`wb${body.slice(1)}.txt`) : body) };
    }
    wordLines.set(w, found);
    return found;
  };
  const entries = new Map<string, NameEntry | undefined>();
  const entry = (name: string): NameEntry | undefined => {
    if (entries.has(name)) return entries.get(name);
    const rest = line(file(`k${shardOf(name, m().keyShards)}.txt`), `${name}\t`);
    let found: NameEntry | undefined;
    if (rest !== undefined) {
      const tab = rest.indexOf('\t');
      found = { name, ord: Number(rest.slice(0, tab)), t: rest.slice(tab + 1) };
    }
    entries.set(name, found);
    return found;
  };
  const withWords = (ws: string[]): NameEntry[] => {
    const lines = [...new Set(ws)].map(wordLine);
    if (!lines.length || lines.some((l) => !l)) return [];
    // The rarest word's names, checked for the others.
    const rarest = lines.reduce((a, b) => (b!.topics < a!.topics ? b : a))!;
    return rarest.entries().filter((e) => ws.every((w) => wordsOf(e.name).includes(w)));
  };
  const vocabulary = (start: string): string[] => {
    if (!start) return [];
    const text = file(`v${start.codePointAt(0)}.txt`, true);
    return text.split('\n').filter((w) => w && w.startsWith(start));
  };
  const union = (lists: NameEntry[][]): NameEntry[] => {
    const seen = new Map<number, NameEntry>();
    for (const l of lists) for (const e of l) seen.set(e.ord, e);
    return [...seen.values()].sort(byOrd);
  };
  const withWordStart = (start: string): NameEntry[] => union(vocabulary(start).map((w) => wordLine(w)!.entries()));
  // A length's groups parsed once: a question asks near() of several keys of one length.
  const lengths = new Map<number, LengthGroups | undefined>();
  const groupsOf = (len: number): LengthGroups | undefined => {
    if (lengths.has(len)) return lengths.get(len);
    const text = file(`l${len}.txt`, true);
    const groups = text ? lengthGroups(text) : undefined;
    lengths.set(len, groups);
    return groups;
  };
  // A question asks near() of the same word more than once (its typo, its suggestions, its
  // corrected words): "glutamatx receptr" asked it of "receptr" four times.
  const nearDone = new Map<string, NameEntry[]>();
  return {
    get: (name) => entry(name)?.t,
    withWords,
    withWordStart,
    topics: (w) => wordLine(w)?.topics ?? 0,
    near: (key, budget) => {
      const memo = `${budget} ${key}`;
      const done = nearDone.get(memo);
      if (done) return done.slice();
      m();
      const lists: NameEntry[][] = [];
      const threshold = key.length - 1 - 3 * budget;
      const grams = threshold > 0 ? bigrams(key) : undefined;
      const keep = grams ? (text: string, from: number, to: number) => sharesBigrams(grams, text, from, to, threshold) : () => true;
      const letters = lettersOf(key);
      for (let len = Math.max(0, key.length - budget); len <= key.length + budget; len++) {
        const groups = groupsOf(len);
        if (groups) lists.push(groupsWithin(groups, len, key, letters, budget, keep));
      }
      const ws = wordsOf(key);
      if (key.length >= 3) lists.push((ws.length === 1 ? withWordStart(key) : withWords([ws[0]!])).filter((e) => e.name.startsWith(key)));
      for (let i = 1; i < ws.length; i++) {
        const e = entry(ws.slice(0, i).join(' '));
        if (e) lists.push([e]);
      }
      const found = union(lists);
      nearDone.set(memo, found);
      return found.slice();
    },
    all: () => {
      const lists: NameEntry[][] = [];
      for (let i = 0; i < m().keyShards; i++)
        lists.push(
          file(`k${i}.txt`).split('\n').filter(Boolean).map((l) => {
            const [name, ord, t] = l.split('\t');
            return { name: name!, ord: Number(ord), t: t! };
          }),
        );
      return union(lists);
    },
    large: () => m().keyShards > 1,
  };
}
