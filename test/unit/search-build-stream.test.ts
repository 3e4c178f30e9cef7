import { describe, expect, it } from 'vitest';
import { buildIndex, IndexBuilder, memorySink, type IndexFiles } from '../../src/search/build.js';
import { DOC_TYPES, type SearchDoc } from '../../src/search/documents.js';
import { MAX_POSTINGS } from '../../src/search/format.js';

// A corpus big enough for a champion list (a word in more than MAX_POSTINGS documents), grouped
// by type as searchDocuments orders it, with tags shared across types.
let seed = 7;
const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
// With words beyond ASCII (folded, or letters of other scripts, one outside the BMP) and
// punctuation beyond ASCII: counted as read, they are words() as a memo's terms are.
const WORDS = ['ketamine', 'receptor', 'glutamate', 'trial', 'dose', 'mood', 'sleep', 'risk', 'brain', 'relapse', 'nmda', 'esketamine', 'Müller', 'α-amino', '𝒜lpha', '𐐷e𠀀', 'co·op', 'ÉTUDE—naïve', '5-HT2A'];
const text = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rand() ** 2 * WORDS.length)]).join(' ');
const TAGS = ['mechanism', 'safety', 'Evidence', 'side-effects', 'side effects'];
function corpus(): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const type of DOC_TYPES)
    for (let i = 0; i < (type === 'section' ? MAX_POSTINGS + 200 : 150); i++) {
      const tags = type === 'reference' ? [] : [TAGS[Math.floor(rand() * TAGS.length)]!, TAGS[Math.floor(rand() * TAGS.length)]!];
      const fields = type === 'section' ? { heading: text(2), body: `ketamine ${text(12)}`, context: text(3) } : type === 'reference' ? { authors: text(2), year: '2019', heading: text(4), context: text(2) } : { title: text(3), aliases: text(2), summary: text(8) };
      docs.push({ type, id: `${type}-${i}`, module: `m${i % 40}`, title: text(3), text: fields.heading ?? fields.title ?? '', fields, tags });
    }
  return docs;
}

describe('search index built document by document', () => {
  const docs = corpus();
  const whole = buildIndex(docs);

  it('gives the same files, in the same order, whatever order the documents come in', () => {
    const order = docs.map((_, i) => i).sort(() => rand() - 0.5);
    const files: IndexFiles = new Map();
    const b = new IndexBuilder(docs.length, memorySink(files));
    for (const i of order) b.add(docs[i]!, i);
    b.finish();
    expect([...files.keys()]).toEqual([...whole.keys()]);
    expect([...files]).toEqual([...whole]);
    const vocab = JSON.parse(whole.get('vocab/k.json')!) as (string | number)[];
    expect(vocab[vocab.findIndex((t) => String(t).startsWith('ketamin')) + 1]).toBeGreaterThan(MAX_POSTINGS);
  });

  it('gives the same files with a memo (terms listed, kept for the next compile) as without (counted as read)', () => {
    const kept = new Map<string, unknown>();
    const remember = <T>(kind: string, input: string, make: () => T): T => {
      const k = `${kind}\0${input}`;
      if (!kept.has(k)) kept.set(k, make());
      return kept.get(k) as T;
    };
    for (let round = 0; round < 2; round++) {
      const files: IndexFiles = new Map();
      const b = new IndexBuilder(docs.length, memorySink(files), remember);
      docs.forEach((d, i) => b.add(d, i));
      b.finish();
      expect([...files], `round ${round}`).toEqual([...whole]);
    }
    expect(kept.size).toBe(new Set(docs.map((d) => JSON.stringify(d))).size);
  });

  it('writes each documents file as soon as its documents are in, not at the end', () => {
    const early: string[] = [];
    const b = new IndexBuilder(docs.length, { file: () => {}, early: (p) => early.push(p), placed: () => {} });
    docs.slice(0, 20).forEach((d, i) => b.add(d, i));
    expect(early).toEqual(['docs/0.jsonl', 'docs/1.jsonl']);
  });

  it('refuses a document twice or one missing', () => {
    const b = new IndexBuilder(2, memorySink(new Map()));
    b.add(docs[0]!, 0);
    expect(() => b.add(docs[0]!, 0)).toThrow(/twice/);
    expect(() => b.finish()).toThrow(/1 of 2/);
  });
});
