import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TermCounts } from '../../src/search/term-counts.js';

/** What a growing [key, count, …] list per term gives: a run of one key is one pair. */
function naive(adds: [string, number][]): [string, number[]][] {
  const lists = new Map<string, number[]>();
  for (const [term, key] of adds) {
    const l = lists.get(term) ?? (lists.set(term, []), lists.get(term)!);
    if (l.length && l[l.length - 2] === key) l[l.length - 1]!++;
    else l.push(key, 1);
  }
  return [...lists].sort(([a], [b]) => (a < b ? -1 : 1));
}

describe('TermCounts (the search index builder keeps its counts in one stream)', () => {
  it('groups by term, in sorted order, each term its pairs in the order they came', () => {
    const term = fc.constantFrom('ketamin', 'dose', 'a', 'zanos', 'é', 'Z', 'dos');
    // Keys mostly grow, as documents and their fields are added, with some going back.
    const add = fc.tuple(term, fc.nat(40));
    fc.assert(
      fc.property(fc.array(add, { maxLength: 300 }), (adds) => {
        const counts = new TermCounts();
        for (const [t, key] of adds) counts.add(counts.id(t), key);
        const { pairs, byTerm } = counts.group();
        expect(byTerm.map(([t, start, end]) => [t, [...pairs.subarray(start, end)]])).toEqual(naive(adds));
      }),
      { numRuns: 500 },
    );
  });

  it('holds more triples than one chunk and more terms than its first tables', () => {
    const counts = new TermCounts();
    const adds: [string, number][] = [];
    for (let i = 0; i < 200_000; i++) adds.push([`t${(i * 7919) % 3000}`, i >> 3]);
    for (const [t, key] of adds) counts.add(counts.id(t), key);
    const { pairs, byTerm } = counts.group();
    expect(byTerm.map(([t, start, end]) => [t, [...pairs.subarray(start, end)]])).toEqual(naive(adds));
  });
});
