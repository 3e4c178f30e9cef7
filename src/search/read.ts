/** Run time: the search index on disk, read file by file as a query needs it, never re-indexed. */
import { readCompiled } from '../compiled-read.js';
import { CompiledContentError } from '../errors.js';
import { INDEX_DIR, INDEX_VERSION, docsPath, hash, tagFile, typoPath, vocabKey, type IndexMeta, type StoredDoc, type TypoFile, type VocabFile, postingsOf } from './format.js';
import { couldBeWithin, lettersOf } from '../text/distance.js';

/** What a query reads; tests can hand in an in-memory one. */
export interface IndexReader {
  meta: IndexMeta;
  /** Terms starting with the same character as `term`, with their document frequencies. */
  vocabFor(term: string): Vocab;
  /**
   * Postings as stored: [doc, impact, doc gap, impact, …], each doc number after the first the
   * gap from the one before (ascending). The query adds them up as it goes: one loop over a
   * common word's postings rather than two.
   */
  postings(term: string): number[];
  doc(n: number): StoredDoc;
  tagged(tag: string): Set<number>;
}


/**
 * One vocabulary file's terms, in their (sorted) order, with their document frequencies: the
 * parsed array itself, searched by halving rather than copied into a map (a thousand terms a
 * letter at 10,000 modules), so that a word and the terms it starts are found without a scan.
 */
export class Vocab {
  /** `typo`: the file's typo table (format.ts TypoFile), read when first asked; none: the terms are scanned. */
  constructor(private readonly list: VocabFile, private readonly typo?: () => TypoFile | undefined) {}

  /** The place of the first term not before `term` (an even index; the length when none). */
  private seek(term: string): number {
    const { list } = this;
    let lo = 0;
    let hi = list.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((list[mid * 2] as string) < term) lo = mid + 1;
      else hi = mid;
    }
    return lo * 2;
  }

  get(term: string): number | undefined {
    const at = this.seek(term);
    return this.list[at] === term ? (this.list[at + 1] as number) : undefined;
  }

  has(term: string): boolean {
    return this.get(term) !== undefined;
  }

  /** Every term, in order. */
  forEach(f: (df: number, term: string) => void): void {
    const { list } = this;
    for (let i = 0; i < list.length; i += 2) f(list[i + 1] as number, list[i] as string);
  }

  /**
   * The terms that can be within `budget` edits of `term` by their length and letter groups
   * (text/distance.ts couldBeWithin), in no particular order: from the typo table, a group at a
   * time (a thousand terms a letter at 10,000 modules, most of them told apart by their group).
   */
  within(term: string, budget: number, f: (term: string) => void): void {
    const letters = lettersOf(term);
    const table = this.typo?.();
    if (!table) {
      this.forEach((_, v) => void (couldBeWithin(letters, term.length, lettersOf(v), v.length, budget) && f(v)));
      return;
    }
    for (let i = 0; i < table.length; ) {
      const n = table[i + 2] as number;
      if (couldBeWithin(letters, term.length, table[i + 1] as number, table[i] as number, budget)) for (let k = 0; k < n; k++) f(table[i + 3 + k] as string);
      i += 3 + n;
    }
  }

  /** The terms that start with `prefix`, in order (sorted terms that do are side by side). */
  startingWith(prefix: string, f: (df: number, term: string) => void): void {
    const { list } = this;
    for (let i = this.seek(prefix); i < list.length && (list[i] as string).startsWith(prefix); i += 2) f(list[i + 1] as number, list[i] as string);
  }
}

/**
 * A reader over files given by `read(relativePath)`: their text, undefined when missing (tests
 * hand in an index built in memory).
 */
export function makeReader(read: (path: string) => string | undefined): IndexReader {
  // Index files are ASCII (format.ts ascii()): their text is one byte a character, and a
  // document's line is found by character offsets.
  const json = <T>(path: string): T | undefined => {
    const text = read(path);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new CompiledContentError(`the search index is corrupted (${path})`);
    }
  };
  const meta = json<IndexMeta>('meta.json');
  if (!meta) throw new CompiledContentError('the search index is missing');
  if (meta.version !== INDEX_VERSION) throw new CompiledContentError('the search index has an unknown format');
  const vocabs = new Map<string, Vocab>();
  const shards = new Map<number, string>();
  const docShards = new Map<number, { file: string | undefined; docs: StoredDoc[] }>();
  return {
    meta,
    vocabFor(term) {
      const key = vocabKey(term);
      let v = vocabs.get(key);
      if (!v) {
        const has = meta.vocab.includes(key);
        vocabs.set(key, (v = new Vocab((has && json<VocabFile>(`vocab/${key}.json`)) || [], has && meta.typo ? () => json<TypoFile>(typoPath(key)) : undefined)));
      }
      return v;
    },
    postings(term) {
      const n = hash(term) % meta.postShards;
      let shard = shards.get(n);
      if (shard === undefined) shards.set(n, (shard = read(`post/${n}.txt`) ?? ''));
      const out = postingsOf(shard, term);
      if (!out) throw new CompiledContentError(`the search index is corrupted (post/${n}.txt)`);
      return out;
    },
    doc(n) {
      const s = Math.floor(n / meta.docsPerShard);
      let shard = docShards.get(s);
      if (!shard) docShards.set(s, (shard = { file: read(docsPath(s)), docs: [] }));
      const i = n % meta.docsPerShard;
      let d = shard.docs[i];
      if (!d) {
        const { file } = shard;
        if (!file) throw new CompiledContentError('the search index is incomplete');
        // Line i: past i line ends.
        let from = 0;
        for (let k = 0; k < i && from >= 0; k++) {
          const nl = file.indexOf('\n', from);
          from = nl < 0 ? -1 : nl + 1;
        }
        const end = from < 0 ? -1 : file.indexOf('\n', from);
        if (end < 0) throw new CompiledContentError('the search index is incomplete');
        try {
          d = JSON.parse(file.slice(from, end)) as StoredDoc;
        } catch {
          throw new CompiledContentError(`the search index is corrupted (${docsPath(s)})`);
        }
        if (!d) throw new CompiledContentError('the search index is incomplete');
        shard.docs[i] = d;
      }
      return d;
    },
    tagged(tag) {
      return new Set(json<number[]>(tagFile(tag)) ?? []);
    },
  };
}

/** The index compiled beside the content, in `<dataDir>/search`. */
export function readIndex(dataDir: string): IndexReader {
  return makeReader((path) => readCompiled(dataDir, `${INDEX_DIR}/${path}`));
}
