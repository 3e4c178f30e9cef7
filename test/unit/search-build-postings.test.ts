import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/search/build.js';
import type { SearchDoc } from '../../src/search/documents.js';
import { hash, MAX_POSTINGS, postingsOf, type IndexMeta } from '../../src/search/format.js';

// Documents of one field of four words: "alpha" 1, 2 or 3 times, the rest padding. All are the
// same length, so a document's frequency for "alpha" orders as its count, with many ties.
const N = MAX_POSTINGS + 700;
const count = (i: number) => (i % 7 === 0 ? 3 : i % 3 === 0 ? 2 : 1);
// As many again without it, so that it is not in every document (its impacts would all round to 1).
const docs: SearchDoc[] = Array.from({ length: 2 * N }, (_, i) => {
  const body = i < N ? [...Array(count(i)).fill('alpha'), ...Array(4 - count(i)).fill(`pad${i}`)].join(' ') : `pad${i} pad${i} pad${i} pad${i}`;
  return { type: 'section', id: `s${i}`, module: 'm', title: 't', text: body, fields: { body }, tags: [] };
});

describe('a champion list (a term in more than MAX_POSTINGS documents)', () => {
  const files = buildIndex(docs);
  const meta = JSON.parse(files.get('meta.json')!) as IndexMeta;
  const list = postingsOf(files.get(`post/${hash('alpha') % meta.postShards}.txt`)!, 'alpha')!;
  const kept: number[] = [];
  for (let i = 0, doc = 0; i < list.length; i += 2) kept.push((doc += list[i]!));

  it('keeps the documents of the highest frequencies, ties to the earlier document, in document order', () => {
    const byCount = Array.from({ length: N }, (_, i) => i).sort((a, b) => count(b) - count(a) || a - b);
    expect(kept).toEqual(byCount.slice(0, MAX_POSTINGS).sort((a, b) => a - b));
    // The cut falls inside the documents of count 1: the tie-break decides which stay.
    expect(byCount.filter((i) => count(i) > 1).length).toBeLessThan(MAX_POSTINGS);
  });

  it('gives each kept document its own impact, higher for more occurrences', () => {
    const impact = new Map(kept.map((doc, j) => [doc, list[2 * j + 1]!]));
    for (const c of [1, 2, 3]) expect(new Set(kept.filter((d) => count(d) === c).map((d) => impact.get(d))).size).toBe(1);
    expect(impact.get(7)!).toBeGreaterThan(impact.get(3)!);
    expect(impact.get(3)!).toBeGreaterThan(impact.get(1)!);
    const vocab = JSON.parse(files.get('vocab/a.json')!) as (string | number)[];
    expect(vocab[vocab.indexOf('alpha') + 1]).toBe(N);
  });
});
