/**
 * Build time: documents → a sharded inverted index. Scores are BM25F, computed here and
 * stored per posting as an impact, so a query only adds numbers from the files of its terms.
 */
import { FIELD_WEIGHTS, DOC_TYPES, withoutCitations, type Field, type SearchDoc, type DocType } from './documents.js';
import { INDEX_DIR, INDEX_VERSION, MAX_POSTINGS, hash, tagFile, vocabKey, type IndexMeta, type StoredDoc, postingsFile } from './format.js';
import { terms } from './tokenize.js';
import { flatten } from './snippet.js';
import { helpNeeded } from '../safety/index.js';

const K1 = 1.6;
/** Length normalisation: short name fields hardly at all, running text fully. */
const B: Record<Field, number> = { title: 0.3, aliases: 0.3, authors: 0.3, heading: 0.5, year: 0, tags: 0.3, summary: 0.75, context: 0.3, body: 0.75 };
const POSTINGS_PER_SHARD = 2000;

export const DOCS_PER_SHARD = 8;

/** File path (relative to the index folder) → contents. */
export type IndexFiles = Map<string, string>;

export function buildIndex(docs: SearchDoc[]): IndexFiles {
  // Not every token held at once (at 10,000 modules the token arrays and a Map per term took
  // gigabytes): one pass counts, per term, [doc, field, count, …] (documents come in order, so
  // a term's list only grows at its end) and the fields' lengths; the frequencies follow.
  const fieldsOf = docs.map((d) => Object.keys(d.fields) as Field[]);
  const lengths: number[][] = [];
  const counts = new Map<string, number[]>();
  const totals = new Map<Field, { sum: number; n: number }>();
  docs.forEach((d, doc) => {
    const lens: number[] = [];
    Object.values(d.fields).forEach((text, j) => {
      const ts = terms(text ?? '');
      lens.push(ts.length);
      const f = fieldsOf[doc]![j]!;
      const t = totals.get(f) ?? { sum: 0, n: 0 };
      t.sum += ts.length;
      t.n += 1;
      totals.set(f, t);
      for (const term of ts) {
        let m = counts.get(term);
        if (!m) counts.set(term, (m = []));
        const at = m.length - 3;
        if (m[at] === doc && m[at + 1] === j) m[at + 2]!++;
        else m.push(doc, j, 1);
      }
    });
    lengths.push(lens);
  });
  const avg = (f: Field) => {
    const t = totals.get(f)!;
    return t.sum / t.n || 1;
  };
  const norm = (doc: number, j: number) => {
    const f = fieldsOf[doc]![j]!;
    return FIELD_WEIGHTS[f] / (1 - B[f] + (B[f] * lengths[doc]![j]!) / avg(f));
  };
  // term → [doc, weighted length-normalised frequency, …]: the norm added once per occurrence,
  // field by field, as the sum always was (the same floating-point result).
  const tfs = new Map<string, number[]>();
  for (const [term, m] of counts) {
    const out: number[] = [];
    for (let i = 0; i < m.length; i += 3) {
      const doc = m[i]!;
      const w = norm(doc, m[i + 1]!);
      let tf = out[out.length - 2] === doc ? out.pop()! : (out.push(doc), 0);
      for (let k = 0; k < m[i + 2]!; k++) tf += w;
      out.push(tf);
    }
    tfs.set(term, out);
    counts.delete(term);
  }

  const n = docs.length;
  const files: IndexFiles = new Map();
  let postingCount = 0;
  for (const m of tfs.values()) postingCount += m.length / 2;
  const postShards = Math.max(1, Math.ceil(postingCount / POSTINGS_PER_SHARD));
  const shards = Array.from({ length: postShards }, () => new Map<string, number[]>());
  const vocab = new Map<string, (string | number)[]>();
  for (const term of [...tfs.keys()].sort()) {
    const flat = tfs.get(term)!;
    const df = flat.length / 2;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    let kept: [number, number][] = [];
    for (let i = 0; i < flat.length; i += 2) kept.push([flat[i]!, flat[i + 1]!]);
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
  shards.forEach((s, i) => files.set(`post/${i}.txt`, postingsFile(s)));
  for (const [key, list] of vocab) files.set(`vocab/${key}.json`, JSON.stringify(list));

  for (let i = 0; i < n; i += DOCS_PER_SHARD)
    files.set(`docs/${i / DOCS_PER_SHARD}.json`, JSON.stringify(docs.slice(i, i + DOCS_PER_SHARD).map(stored)));

  const tagDocs = new Map<string, number[]>();
  docs.forEach((d, i) => {
    for (const tag of new Set(d.tags.map((t) => t.toLowerCase()))) {
      if (!tagDocs.has(tag)) tagDocs.set(tag, []);
      tagDocs.get(tag)!.push(i);
    }
  });
  for (const [tag, ids] of tagDocs) files.set(tagFile(tag), JSON.stringify(ids));

  const ranges = {} as Record<DocType, [number, number]>;
  for (const type of DOC_TYPES) {
    const first = docs.findIndex((d) => d.type === type);
    const count = docs.filter((d) => d.type === type).length;
    ranges[type] = first < 0 ? [0, 0] : [first, first + count];
  }
  const meta: IndexMeta = { version: INDEX_VERSION, docs: n, ranges, postShards, docsPerShard: DOCS_PER_SHARD, vocab: [...vocab.keys()].sort(), tags: [...tagDocs.keys()].sort(), help: true };
  files.set('meta.json', JSON.stringify(meta));
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
