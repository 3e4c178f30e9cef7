import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addPostings, passing, type Sums } from '../../src/lint/best-claims.js';
import { wasmPostings } from '../../src/lint/postings-wasm.js';

const sums = (d: number): Sums => ({ shared: new Int32Array(d), count: new Int32Array(d), rare: new Int32Array(d), touched: new Int32Array(d) });

/** Documents, their weights, and a few sentences' term entries ([idf, topic, ...postings]) with idf and rare flag. */
const draft = fc.integer({ min: 1, max: 4000 }).chain((d) =>
  fc.record({
    weights: fc.array(fc.integer({ min: 1, max: 60000 }), { minLength: d, maxLength: d }),
    sentences: fc.array(
      fc.record({
        terms: fc.array(fc.record({ postings: fc.uniqueArray(fc.integer({ min: 0, max: d - 1 }), { maxLength: Math.min(d, 300) }), w: fc.integer({ min: 1, max: 9000 }), r: fc.constantFrom(0, 1) }), { maxLength: 12 }),
        extra: fc.integer({ min: 0, max: 20000 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  }),
);

describe('claim matching in WebAssembly', () => {
  it('sums, touches and passes the documents as addPostings and passing do, sentence after sentence', () => {
    fc.assert(
      fc.property(draft, ({ weights, sentences }) => {
        const wasm = wasmPostings(weights)!;
        expect(wasm).toBeDefined();
        const js = sums(weights.length);
        for (const { terms, extra } of sentences) {
          let n = 0;
          let m = 0;
          let sw = extra;
          for (const t of terms) {
            const entry = [t.w, 1, ...t.postings];
            n = addPostings(entry, t.w, t.r, js, n);
            m = wasm.add(entry, t.w, t.r, m);
            expect(m).toBe(n);
            sw += t.w;
          }
          expect(wasm.touched.subarray(0, n)).toEqual(js.touched.subarray(0, n));
          const passed = passing(js, n, weights, sw);
          expect(wasm.pass(n, sw)).toBe(passed);
          expect(wasm.touched.subarray(0, passed)).toEqual(js.touched.subarray(0, passed));
          for (const k of ['shared', 'count', 'rare'] as const) expect(wasm[k]).toEqual(js[k]);
          // What bestClaims does after: the passing documents' sums reset.
          for (const s of [js, wasm]) for (let k = 0; k < passed; k++) s.shared[s.touched[k]!] = s.count[s.touched[k]!] = s.rare[s.touched[k]!] = 0;
        }
      }),
      { numRuns: 300 },
    );
  });
});
