import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../../src/content/json-pieces.js';

const values: unknown[] = [
  { version: 1, claims: [{ id: 'a', terms: ['x', 'y'], article: undefined }, { id: 'b\u2014"q"', f: () => 1 }], idf: { 'k\u00e9y': 12, n: null }, empty: {}, list: [] },
  [1, undefined, () => 2, Symbol('s'), null, 'text', [[1, [2]]], { toJSON: () => 'j' }, new Date(0), new Map([[1, 2]])],
  { a: { b: { c: { d: [1, { e: undefined }] } } }, t: { toJSON: () => undefined }, s: Symbol('x'), u: undefined },
  'plain', 3.25, null, true, [], {},
  Object.assign(Object.create(null), { z: 1, y: [2] }),
];

describe('jsonPieces', () => {
  it('joins to exactly what JSON.stringify writes, at any depth', () => {
    for (const v of values) for (const depth of [0, 1, 2, 3, 5]) expect([...jsonPieces(v, depth)].join('')).toBe(JSON.stringify(v));
    expect([...jsonPieces(undefined)]).toEqual([]);
  });

  it('streams a big file: no piece is the whole text', () => {
    // A lint index's shape: a few keys, each a long list of small records.
    const big = { version: 1, claims: Array.from({ length: 20000 }, (_, i) => ({ id: `c${i}`, text: 'a claim '.repeat(8), terms: ['a', 'claim'] })), idf: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`t${i}`, i])) };
    const pieces = [...jsonPieces(big)];
    const whole = JSON.stringify(big);
    expect(pieces.join('')).toBe(whole);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(200);
  });
});
