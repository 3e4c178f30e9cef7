/**
 * Build time: documents → a sharded inverted index. Scores are BM25F, computed here and
 * stored per posting as an impact, so a query only adds numbers from the files of its terms.
 */
import { FIELD_WEIGHTS, DOC_TYPES, withoutCitations, type Field, type SearchDoc, type DocType } from './documents.js';
import { INDEX_DIR, INDEX_VERSION, MAX_POSTINGS, ascii, docsFile, docsPath, hash, tagFile, typoPath, typoTable, vocabKey, type IndexMeta, type StoredDoc, postingsLine } from './format.js';
import { fold, isWordCode, STOP_WORDS, stem, wordList } from './tokenize.js';
import { isAsciiWordCode, WordTable } from './word-table.js';
import { flatten, positionsOf } from './snippet.js';
import { helpNeeded } from '../safety/index.js';
import type { Remember } from '../content/remember.js';

const K1 = 1.6;
/** Length normalisation: short name fields hardly at all, running text fully. */
const B: Record<Field, number> = { title: 0.3, aliases: 0.3, authors: 0.3, heading: 0.5, year: 0, tags: 0.3, summary: 0.75, context: 0.3, body: 0.75 };
const POSTINGS_PER_SHARD = 2000;

export const DOCS_PER_SHARD = 8;

/** File path (relative to the index folder) → contents. */
export type IndexFiles = Map<string, string>;

/** Where an index goes, file by file, in the index's order. */
export interface IndexSink {
  file(path: string, text: string): void;
  /** A documents file, written as soon as its documents are in: before the files ahead of it. */
  early(path: string, text: string): void;
  /** An early file's place in the order. */
  placed(path: string): void;
}

const FIELDS = Object.keys(FIELD_WEIGHTS) as Field[];
/** Field slots per document: a posting is `doc * SLOTS + field position` and a count. */
const SLOTS = 16;

/** A term's [doc * SLOTS + field position, count, …], grown in place: 8 bytes a posting, not ~30 in a number[]. */
class Counts {
  a = new Int32Array(8);
  n = 0;
  bump(key: number): void {
    if (this.n && this.a[this.n - 2] === key) {
      this.a[this.n - 1]!++;
      return;
    }
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = key;
    this.a[this.n++] = 1;
  }
}

/**
 * An index built document by document (at 10,000 modules, holding every document and every
 * token took gigabytes): each document is tokenized as it is added, its stored form written
 * with its shard, and only the counts kept. Documents may come in any order (`doc`: its place in
 * the final order), each exactly once; finish() writes the rest as buildIndex always has.
 */
export class IndexBuilder {
  private readonly lengths: Int32Array;
  private readonly fields: Uint8Array;
  private readonly seen: Uint8Array;
  private readonly counts = new Map<string, Counts>();
  /** A word → its term (null: a stop word). */
  private readonly termOf = new Map<string, string | null>();
  /** A word → its term's counts (null: a stop word), when terms are counted as they are read. */
  private readonly countsOfWord = new WordTable<Counts | null>((word) => (STOP_WORDS.has(word) ? null : this.countsOf(stem(word))));
  private readonly totals = new Map<Field, { sum: number; n: number }>();
  private readonly shards = new Map<number, { docs: StoredDoc[]; in: number }>();
  private readonly tagDocs = new Map<string, { ids: number[]; first: [number, number] }>();
  private readonly types = new Map<DocType, { first: number; count: number }>();
  private added = 0;

  /** `remember`: each document's terms and stored form kept from earlier compiles (content/remember.ts); none: made here. */
  constructor(private readonly n: number, private readonly sink: IndexSink, private readonly remember?: Remember) {
    this.lengths = new Int32Array(n * SLOTS);
    this.fields = new Uint8Array(n * SLOTS);
    this.seen = new Uint8Array(n);
  }

  add(d: SearchDoc, doc: number): void {
    if (!(doc >= 0 && doc < this.n) || this.seen[doc]) throw new Error(`search index: document ${doc} out of range or added twice`);
    this.seen[doc] = 1;
    this.added++;
    // A function of the document alone: a pack compile takes the built-in documents' from the
    // memo. Without one (10,000 modules) there is nothing to key, so no JSON of each document.
    const make = () => ({ terms: Object.values(d.fields).map((text) => this.termsOf(text ?? '')), stored: stored(d) });
    // Without a memo the terms are counted as the words are read, with no list of them between.
    const made = this.remember ? this.remember('search-doc', JSON.stringify(d), make) : { terms: undefined, stored: stored(d) };
    Object.entries(d.fields).forEach(([name, text], j) => {
      const key = doc * SLOTS + j;
      let length = 0;
      if (made.terms) {
        const ts = made.terms[j]!;
        length = ts.length;
        for (const term of ts) this.countsOf(term).bump(key);
      } else length = this.count(text ?? '', key);
      const f = name as Field;
      this.lengths[key] = length;
      this.fields[key] = FIELDS.indexOf(f);
      const t = this.totals.get(f) ?? { sum: 0, n: 0 };
      t.sum += length;
      t.n += 1;
      this.totals.set(f, t);
    });
    const type = this.types.get(d.type) ?? (this.types.set(d.type, { first: doc, count: 0 }), this.types.get(d.type)!);
    type.first = Math.min(type.first, doc);
    type.count++;
    [...new Set(d.tags.map((t) => t.toLowerCase()))].forEach((tag, pos) => {
      const t = this.tagDocs.get(tag);
      if (!t) this.tagDocs.set(tag, { ids: [doc], first: [doc, pos] });
      else {
        t.ids.push(doc);
        if (doc < t.first[0]) t.first = [doc, pos];
      }
    });
    const shard = Math.floor(doc / DOCS_PER_SHARD);
    const s = this.shards.get(shard) ?? (this.shards.set(shard, { docs: [], in: 0 }), this.shards.get(shard)!);
    s.docs[doc - shard * DOCS_PER_SHARD] = made.stored;
    if (++s.in === Math.min(DOCS_PER_SHARD, this.n - shard * DOCS_PER_SHARD)) {
      this.sink.early(docsPath(shard), docsFile(s.docs));
      this.shards.delete(shard);
    }
  }

  /** terms(text), a word at a time: each distinct word is looked up (stop word? stem?) once. */
  private termsOf(text: string): string[] {
    const out: string[] = [];
    for (const word of wordList(text)) {
      let t = this.termOf.get(word);
      if (t === undefined) this.termOf.set(word, (t = STOP_WORDS.has(word) ? null : stem(word)));
      if (t !== null) out.push(t);
    }
    return out;
  }

  /**
   * termsOf(text), each term counted for `key` as it comes, in order: the same counts. Each
   * distinct word is looked up once, to its term's counts (null: a stop word), where it stands
   * in the folded text (word-table.ts): the words are words()'s, runs of letters and digits.
   * Returns how many.
   */
  private count(text: string, key: number): number {
    const folded = fold(text);
    const len = folded.length;
    let n = 0;
    for (let i = 0; i < len; ) {
      let c = folded.charCodeAt(i);
      if (c < 128 ? !isAsciiWordCode(c) : !isWordCode((c = folded.codePointAt(i)!))) {
        i += c > 0xffff ? 2 : 1;
        continue;
      }
      const start = i;
      // wordHash, as the word is read: one UTF-16 unit at a time.
      let h = 0x811c9dc5 | 0;
      for (;;) {
        h = Math.imul(h ^ folded.charCodeAt(i), 0x01000193);
        if (c > 0xffff) h = Math.imul(h ^ folded.charCodeAt(i + 1), 0x01000193);
        i += c > 0xffff ? 2 : 1;
        if (i >= len) break;
        c = folded.charCodeAt(i);
        if (c < 128 ? !isAsciiWordCode(c) : !isWordCode((c = folded.codePointAt(i)!))) break;
      }
      const counts = this.countsOfWord.get(folded, start, i, h);
      if (counts !== null) {
        counts.bump(key);
        n++;
      }
    }
    return n;
  }

  private countsOf(term: string): Counts {
    let m = this.counts.get(term);
    if (!m) this.counts.set(term, (m = new Counts()));
    return m;
  }

  finish(): void {
    this.termOf.clear();
    this.countsOfWord.clear();
    const { n, sink, lengths, fields, totals } = this;
    if (this.added !== n) throw new Error(`search index: ${this.added} of ${n} documents added`);
    // Each field's weight, B and average length by its position: a posting's norm looked them up
    // by name (two keyed loads and a Map get each) for every posting. At 10,000 modules finish()
    // was 2.5 s of its own in a 71 s profile; the index's last files, 1.9 -> 1.5 s CPU.
    const weightAt = FIELDS.map((f) => FIELD_WEIGHTS[f]);
    const bAt = FIELDS.map((f) => B[f]);
    const avgAt = FIELDS.map((f) => {
      const t = totals.get(f);
      return t ? t.sum / t.n || 1 : 1;
    });
    const norm = (key: number) => {
      const f = fields[key]!;
      return weightAt[f]! / (1 - bAt[f]! + (bAt[f]! * lengths[key]!) / avgAt[f]!);
    };
    // A document's postings are together (it was added whole): its distinct documents are its runs.
    const docsOf = (m: Counts) => {
      let df = 0;
      for (let i = 0, prev = -1; i < m.n; i += 2) {
        const doc = Math.floor(m.a[i]! / SLOTS);
        if (doc !== prev) df++;
        prev = doc;
      }
      return df;
    };
    let postingCount = 0;
    for (const m of this.counts.values()) postingCount += docsOf(m);
    const postShards = Math.max(1, Math.ceil(postingCount / POSTINGS_PER_SHARD));
    // Each shard's text as its lines are made (terms in sorted order, as a shard lists them).
    const shards = Array.from({ length: postShards }, () => '\n');
    const vocab = new Map<string, (string | number)[]>();
    // A term's documents and their frequencies, in scratch arrays reused from term to term (a
    // [doc, tf] pair per posting was most of this step's time and garbage at 10,000 modules).
    let docs = new Int32Array(1024);
    let tfs = new Float64Array(1024);
    const tfOf = new Float64Array(n);
    const list: number[] = [];
    for (const term of [...this.counts.keys()].sort()) {
      const m = this.counts.get(term)!;
      this.counts.delete(term);
      if (docs.length < m.n) {
        docs = new Int32Array(m.n);
        tfs = new Float64Array(m.n);
      }
      // [doc, weighted length-normalised frequency]: the norm added once per occurrence, field
      // by field, as the sum always was (the same floating-point result).
      let k = 0;
      for (let i = 0; i < m.n; i += 2) {
        const doc = Math.floor(m.a[i]! / SLOTS);
        const w = norm(m.a[i]!);
        let tf = 0;
        if (k && docs[k - 1] === doc) tf = tfs[--k]!;
        for (let c = 0; c < m.a[i + 1]!; c++) tf += w;
        docs[k] = doc;
        tfs[k++] = tf;
      }
      const df = k;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      // A document is in a term's list once, so ordering by document is the same by any sort.
      let kept: Int32Array;
      if (k > MAX_POSTINGS) {
        // The best MAX_POSTINGS by frequency, ties to the earlier document: all above the
        // MAX_POSTINGS-th frequency, then as many of the documents at it as are left, the first.
        const at = tfs.slice(0, k).sort()[k - MAX_POSTINGS]!;
        const ties: number[] = [];
        kept = new Int32Array(MAX_POSTINGS);
        let j = 0;
        for (let i = 0; i < k; i++) {
          if (tfs[i]! > at) kept[j++] = docs[i]!;
          else if (tfs[i] === at) ties.push(docs[i]!);
        }
        for (const doc of Int32Array.from(ties).sort().subarray(0, MAX_POSTINGS - j)) kept[j++] = doc;
        for (let i = 0; i < k; i++) tfOf[docs[i]!] = tfs[i]!;
      } else {
        for (let i = 0; i < k; i++) tfOf[docs[i]!] = tfs[i]!;
        kept = docs.subarray(0, k);
      }
      kept.sort();
      list.length = 0;
      let prev = 0;
      for (const doc of kept) {
        const tf = tfOf[doc]!;
        list.push(doc - prev, Math.max(1, Math.round(100 * idf * ((tf * (K1 + 1)) / (tf + K1)))));
        prev = doc;
      }
      const s = hash(term) % postShards;
      shards[s] += postingsLine(term, list);
      const key = vocabKey(term);
      if (!vocab.has(key)) vocab.set(key, []);
      vocab.get(key)!.push(term, df);
    }
    shards.forEach((text, i) => sink.file(`post/${i}.txt`, text));
    for (const [key, list] of vocab) sink.file(`vocab/${key}.json`, ascii(JSON.stringify(list)));
    for (const [key, list] of vocab) sink.file(typoPath(key), ascii(JSON.stringify(typoTable(list.filter((_, i) => i % 2 === 0) as string[]))));
    if (this.shards.size) throw new Error('search index: a documents file was left unwritten');
    for (let i = 0; i < n; i += DOCS_PER_SHARD) sink.placed(docsPath(i / DOCS_PER_SHARD));

    // Tags in the order they first appear in, their documents in order.
    const tags = [...this.tagDocs].sort(([, a], [, b]) => a.first[0] - b.first[0] || a.first[1] - b.first[1]);
    for (const [tag, { ids }] of tags) sink.file(tagFile(tag), JSON.stringify(ids.sort((a, b) => a - b)));

    const ranges = {} as Record<DocType, [number, number]>;
    for (const type of DOC_TYPES) {
      const t = this.types.get(type);
      ranges[type] = t ? [t.first, t.first + t.count] : [0, 0];
    }
    const meta: IndexMeta = { version: INDEX_VERSION, docs: n, ranges, postShards, docsPerShard: DOCS_PER_SHARD, vocab: [...vocab.keys()].sort(), tags: [...this.tagDocs.keys()].sort(), help: true, typo: true };
    sink.file('meta.json', ascii(JSON.stringify(meta)));
  }
}

/** A sink that fills `files` in the index's order. */
export function memorySink(files: IndexFiles): IndexSink {
  const early = new Map<string, string>();
  return { file: (p, t) => files.set(p, t), early: (p, t) => early.set(p, t), placed: (p) => (files.set(p, early.get(p)!), early.delete(p)) };
}

/** The index of documents in their final order, file by file. */
export function buildIndex(docs: SearchDoc[]): IndexFiles {
  const files: IndexFiles = new Map();
  const b = new IndexBuilder(docs.length, memorySink(files));
  docs.forEach((d, i) => b.add(d, i));
  b.finish();
  return files;
}

function stored(d: SearchDoc): StoredDoc {
  // Phrases are checked against title, text and `more`: store only what the text does not repeat.
  const bare = withoutCitations(d.text);
  const more = Object.values(d.fields).filter((v) => v && v !== d.text && v !== bare).join('\n');
  // Whitespace is collapsed here, once, for the snippets: a /\s+/g replace over a result's text
  // at run time cost ~1 ms for ten results in a fresh process.
  const help = helpNeeded(d.title, d.text, more);
  return { type: d.type, id: d.id, ...(d.module && { module: d.module }), ...(d.section && { section: d.section }), ...(d.open && { open: d.open }), title: d.title, text: flatten(d.text), more, ...(help.length && { help }), pos: positionsOf(d.text) };
}

export { INDEX_DIR };
