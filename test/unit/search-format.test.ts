import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ascii, docsFile, postingsFile, postingsOf, typoTable, type TypoFile } from '../../src/search/format.js';
import { couldBeWithin, lettersOf } from '../../src/text/distance.js';
import { Vocab } from '../../src/search/read.js';

describe('postings files', () => {
  const file = postingsFile(new Map([['nmda', [0, 120, 3, 80]], ['nmdar', [5, 40]], ['a', [1, 2]]]));

  it('find a term by its exact line, not a longer term that starts the same', () => {
    expect(postingsOf(file, 'nmda')).toEqual([0, 120, 3, 80]);
    expect(postingsOf(file, 'nmdar')).toEqual([5, 40]);
    expect(postingsOf(file, 'a')).toEqual([1, 2]);
  });

  it('give [] for a term that is not there', () => {
    expect(postingsOf(file, 'nmd')).toEqual([]);
    expect(postingsOf(file, 'dar')).toEqual([]);
    expect(postingsOf('', 'nmda')).toEqual([]);
  });

  it('give undefined for a damaged line (the reader reports a corrupted index)', () => {
    expect(postingsOf('\nnmda\t1,x\n', 'nmda')).toBeUndefined();
    expect(postingsOf('\nnmda\t1,2,3\n', 'nmda')).toBeUndefined();
    expect(postingsOf('\nnmda\t1,2', 'nmda')).toBeUndefined();
  });

  it('are ASCII: a term beyond ASCII is written escaped and found as typed', () => {
    const file = postingsFile(new Map([['kołodziej', [0, 5]], ['α', [2, 7]]]));
    expect(file).toMatch(/^[\x00-\x7f]*$/);
    expect(postingsOf(file, 'kołodziej')).toEqual([0, 5]);
    expect(postingsOf(file, 'α')).toEqual([2, 7]);
    expect(postingsOf(file, 'kolodziej')).toEqual([]);
  });
});

describe('documents files', () => {
  it('hold one ASCII JSON line per document, read back as written', () => {
    const docs = [
      { type: 'term' as const, id: 'a', title: 'Ketamine… “quoted”', text: 'line one\nline two › 𝛼', more: '' },
      { type: 'module' as const, id: 'b', title: 'B', text: 'plain', more: 'x' },
    ];
    const file = docsFile(docs);
    expect(file).toMatch(/^[\x00-\x7f]*$/);
    expect(file.split('\n')).toHaveLength(3);
    expect(file.split('\n').slice(0, 2).map((l) => JSON.parse(l))).toEqual(docs);
    expect(ascii('plain')).toBe('plain');
  });
});

describe('a vocabulary file', () => {
  it('finds a term, and the terms a prefix starts, as a map and a scan of the sorted terms do', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[abcé]{0,4}$/), { maxLength: 30 }), fc.array(fc.stringMatching(/^[abcé]{0,3}$/), { maxLength: 8 }), (terms, probes) => {
        const sorted = [...terms].sort();
        const list = sorted.flatMap((t, i) => [t, i + 1]);
        const vocab = new Vocab(list);
        const map = new Map(sorted.map((t, i) => [t, i + 1]));
        const seen: string[] = [];
        vocab.forEach((df, t) => seen.push(`${t}:${df}`));
        expect(seen).toEqual(sorted.map((t, i) => `${t}:${i + 1}`));
        for (const p of [...probes, ...sorted]) {
          expect(vocab.get(p)).toBe(map.get(p));
          expect(vocab.has(p)).toBe(map.has(p));
          const started: string[] = [];
          vocab.startingWith(p, (df, t) => started.push(`${t}:${df}`));
          expect(started).toEqual(sorted.flatMap((t, i) => (t.startsWith(p) ? [`${t}:${i + 1}`] : [])));
        }
      }),
    );
  });
});

describe('a typo table', () => {
  it('gives the terms that can be within a budget, as a scan of every term\'s letters does (ASCII, the same as written)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[abcdé1 ]{1,7}$/), { maxLength: 40 }), fc.array(fc.tuple(fc.stringMatching(/^[abcdé1]{1,7}$/), fc.integer({ min: 0, max: 3 })), { maxLength: 6 }), (terms, probes) => {
        const sorted = [...terms].sort();
        const list = sorted.flatMap((t, i) => [t, i + 1]);
        const text = ascii(JSON.stringify(typoTable(sorted)));
        expect(text).toMatch(/^[\x00-\x7f]*$/);
        const withTable = new Vocab(list, () => JSON.parse(text) as TypoFile);
        const scanned = new Vocab(list);
        for (const [p, budget] of probes) {
          const a: string[] = [];
          const b: string[] = [];
          withTable.within(p, budget, (t) => a.push(t));
          scanned.within(p, budget, (t) => b.push(t));
          const want = sorted.filter((t) => couldBeWithin(lettersOf(p), p.length, lettersOf(t), t.length, budget));
          expect(a.sort()).toEqual(want);
          expect(b).toEqual(want);
        }
      }),
    );
  });
});
