/**
 * Build time: documents → a sharded inverted index. Scores are BM25F, computed here and
 * stored per posting as an impact, so a query only adds numbers from the files of its terms.
 */
import { FIELD_WEIGHTS, DOC_TYPES, withoutCitations, type Field, type SearchDoc, type DocType } from './documents.js';
import { INDEX_DIR, INDEX_VERSION, MAX_POSTINGS, hash, tagFile, vocabKey, type IndexMeta, type StoredDoc, postingsFile } from './format.js';
import { terms } from './tokenize.js';
import { flatten } from './snippet.js';
import { helpNeeded } from '../safety/index.js';
import { compute, type Remember } from '../content/remember.js';

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
  private readonly totals = new Map<Field, { sum: number; n: number }>();
  private readonly shards = new Map<number, { docs: StoredDoc[]; in: number }>();
  private readonly tagDocs = new Map<string, { ids: number[]; first: [number, number] }>();
  private readonly types = new Map<DocType, { first: number; count: number }>();
  private added = 0;

  /** `remember`: each document's terms and stored form kept from earlier compiles (content/remember.ts). */
  constructor(private readonly n: number, private readonly sink: IndexSink, private readonly remember: Remember = compute) {
    this.lengths = new Int32Array(n * SLOTS);
    this.fields = new Uint8Array(n * SLOTS);
    this.seen = new Uint8Array(n);
  }

  add(d: SearchDoc, doc: number): void {
    if (!(doc >= 0 && doc < this.n) || this.seen[doc]) throw new Error(`search index: document ${doc} out of range or added twice`);
    this.seen[doc] = 1;
    this.added++;
    // A function of the document alone: a pack compile takes the built-in documents' from the memo.
    const made = this.remember('search-doc', JSON.stringify(d), () => ({ terms: Object.values(d.fields).map((text) => terms(text ?? '')), stored: stored(d) }));
    Object.keys(d.fields).forEach((name, j) => {
      const ts = made.terms[j]!;
      const f = name as Field;
      this.lengths[doc * SLOTS + j] = ts.length;
      this.fields[doc * SLOTS + j] = FIELDS.indexOf(f);
      const t = this.totals.get(f) ?? { sum: 0, n: 0 };
      t.sum += ts.length;
      t.n += 1;
      this.totals.set(f, t);
      for (const term of ts) {
        let m = this.counts.get(term);
        if (!m) this.counts.set(term, (m = new Counts()));
        m.bump(doc * SLOTS + j);
      }
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
      this.sink.early(`docs/${shard}.json`, JSON.stringify(s.docs));
      this.shards.delete(shard);
    }
  }

  finish(): void {
    const { n, sink, lengths, fields, totals } = this;
    if (this.added !== n) throw new Error(`search index: ${this.added} of ${n} documents added`);
    const avg = (f: Field) => {
      const t = totals.get(f)!;
      return t.sum / t.n || 1;
    };
    const norm = (key: number) => {
      const f = FIELDS[fields[key]!]!;
      return FIELD_WEIGHTS[f] / (1 - B[f] + (B[f] * lengths[key]!) / avg(f));
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
    const shards = Array.from({ length: postShards }, () => new Map<string, number[]>());
    const vocab = new Map<string, (string | number)[]>();
    for (const term of [...this.counts.keys()].sort()) {
      const m = this.counts.get(term)!;
      this.counts.delete(term);
      // [doc, weighted length-normalised frequency]: the norm added once per occurrence, field
      // by field, as the sum always was (the same floating-point result).
      let kept: [number, number][] = [];
      for (let i = 0; i < m.n; i += 2) {
        const doc = Math.floor(m.a[i]! / SLOTS);
        const w = norm(m.a[i]!);
        const last = kept[kept.length - 1];
        let tf = last && last[0] === doc ? kept.pop()![1] : 0;
        for (let k = 0; k < m.a[i + 1]!; k++) tf += w;
        kept.push([doc, tf]);
      }
      const df = kept.length;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      if (kept.length > MAX_POSTINGS) kept = kept.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_POSTINGS);
      const list: number[] = [];
      let prev = 0;
      for (const [doc, tf] of kept.sort((a, b) => a[0] - b[0])) {
        list.push(doc - prev, Math.max(1, Math.round(100 * idf * ((tf * (K1 + 1)) / (tf + K1)))));
        prev = doc;
      }
      shards[hash(term) % postShards]!.set(term, list);
      const key = vocabKey(term);
      if (!vocab.has(key)) vocab.set(key, []);
      vocab.get(key)!.push(term, df);
    }
    shards.forEach((s, i) => sink.file(`post/${i}.txt`, postingsFile(s)));
    for (const [key, list] of vocab) sink.file(`vocab/${key}.json`, JSON.stringify(list));
    if (this.shards.size) throw new Error('search index: a documents file was left unwritten');
    for (let i = 0; i < n; i += DOCS_PER_SHARD) sink.placed(`docs/${i / DOCS_PER_SHARD}.json`);

    // Tags in the order they first appear in, their documents in order.
    const tags = [...this.tagDocs].sort(([, a], [, b]) => a.first[0] - b.first[0] || a.first[1] - b.first[1]);
    for (const [tag, { ids }] of tags) sink.file(tagFile(tag), JSON.stringify(ids.sort((a, b) => a - b)));

    const ranges = {} as Record<DocType, [number, number]>;
    for (const type of DOC_TYPES) {
      const t = this.types.get(type);
      ranges[type] = t ? [t.first, t.first + t.count] : [0, 0];
    }
    const meta: IndexMeta = { version: INDEX_VERSION, docs: n, ranges, postShards, docsPerShard: DOCS_PER_SHARD, vocab: [...vocab.keys()].sort(), tags: [...this.tagDocs.keys()].sort(), help: true };
    sink.file('meta.json', JSON.stringify(meta));
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
  return { type: d.type, id: d.id, ...(d.module && { module: d.module }), ...(d.section && { section: d.section }), ...(d.open && { open: d.open }), title: d.title, text: flatten(d.text), more, ...(help.length && { help }) };
}

export { INDEX_DIR };
