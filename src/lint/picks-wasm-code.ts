/**
 * The WebAssembly module of a sentence's claim matching (picks-wasm.ts runs it): its terms'
 * postings summed, the passing documents, each claim's best document, the four picks, and the
 * sums reset, the same sums, tests and order as best-claims.ts picksInJs. Its bytes are made
 * at build time (scripts/build.mjs defines __KAP_PICKS_WASM__ from picksModule()): made in a
 * fresh process, they cost more than all the sentences they score.
 *
 * Memory, for D documents (S = 4D bytes a region of D i32): each document's sums, a record of
 * 16 bytes (shared, count, rare; 4S from 0), weights, claimOf, flags, bestDoc, met, touched (S
 * each, from 4S), bestScore (D f64, at 10S), the picks (4 x 32 bytes, at 12S), then the term entries ([idf, topic, ...postings], each copied in once,
 * the first time a sentence has the term) and, after them, the sentence's query: for each term
 * with an entry, [postings' byte offset, how many, idf, rare (1) or not].
 *   score(nq, sw, query, S) -> claims; the picks at 12S: [position in met (-1: none), claim,
 *   document, shared, count, rare, (pad), score f64], for best, near, weak, animal.
 */
import { HEADER, section, uleb } from '../wasm-bytes.js';
import { allBody, quotesBody } from './draft-picks-wasm-code.js';

import { add, and, at4, eqz, F64, f, fadd, fdiv, fge, fgt, fmul, fsub, ge, get, I32, int, load, loadAt, loadF, lt, nonzero, num, or, set, shl, shr, store, storeF, sub, upTo, when, type Code } from './picks-wasm-ops.js';

// Locals: parameters 0 nq, 1 sw (f64), 2 query, 3 S; i32 4 q, 5 qa, 6 e, 7 len, 8 w, 9 r, 10 j,
// 11 n, 12 d, 13 x, 14 m, 15 k, 16 claims, 17 i, 18 best, 19 near, 20 weak, 21 animal, 22 fl,
// 23 stated, then the regions' byte offsets 27-35 (24-26 unused); f64 36 score, 37 ww, 38 tw, 39 floor (3sw, then the
// best score less 0.1).
const nq = 0, sw = 1, query = 2, q = 4, qa = 5, e = 6, len = 7, w = 8, r = 9, j = 10, n = 11, d = 12, x = 13, m = 14, k = 15;
const claims = 16, i = 17, best = 18, near = 19, weak = 20, animal = 21, fl = 22, stated = 23, score = 36, ww = 37, tw = 38, floor = 39;
const TOUCHED = 27, WEIGHT = 28, CLAIM = 29, FLAGS = 30, BEST_DOC = 31, MET = 32, BEST_SCORE = 33, PICKS = 34;
/** Region r's byte offset: r * S. */
const regions: [number, number][] = [[TOUCHED, 9], [WEIGHT, 4], [CLAIM, 5], [FLAGS, 6], [BEST_DOC, 7], [MET, 8], [BEST_SCORE, 10], [PICKS, 12]];
/**
 * A document's sums, one 16-byte record at d * 16 from 0 (regions 0-3): shared, count, rare,
 * one address a posting and the fields at its offsets. Liftoff (the compiler this code runs on,
 * commands/lint.ts) computes every address it is asked for: with three arrays apart, a 5,000-word
 * draft's ~95,000 postings ran in 13.8M instructions, with the records in 10.3M (callgrind).
 */
const SUM = { shared: 0, count: 4, rare: 8 } as const;
const rec = (dd: Code): Code => shl(dd, int(4));
const loadSum = (a: Code, field: keyof typeof SUM): Code => [...a, 0x28, 2, ...uleb(SUM[field])];
const storeSum = (a: Code, field: keyof typeof SUM, v: Code): Code => [...a, ...v, 0x36, 2, ...uleb(SUM[field])];
/** The record's shared and count (8 bytes, i64 0) and rare set to 0. */
const clearSum = (a: number): Code => [...get(a), 0x42, 0, 0x37, 3, 0, ...storeSum(get(a), 'rare', int(0))];

function scoreBody(): Code {
  // A position of -1 reads position 0 instead (the test beside it decides): no address below 0.
  const bestScoreOf = (pos: number) => loadF(BEST_SCORE, load(MET, [...get(pos), ...int(0), ...ge(get(pos), int(0)), 0x1b]));
  /** pos < 0 || score > bestScore[met[pos]]: the first of the highest scores wins. */
  const better = (pos: number) => or(lt(get(pos), int(0)), fgt(get(score), bestScoreOf(pos)));
  // One pick's numbers, at PICKS + 32 * slot.
  const result = (slot: number, pos: number): Code => {
    const out = (o: number, v: Code) => [...get(PICKS), ...v, 0x36, 2, ...uleb(32 * slot + o)];
    return [
      ...out(0, get(pos)),
      ...when(ge(get(pos), int(0)), [
        ...set(i, load(MET, get(pos))),
        ...set(d, sub(load(BEST_DOC, get(i)), int(1))),
        ...out(4, get(i)),
        ...out(8, get(d)),
        ...set(x, rec(get(d))),
        ...out(12, loadSum(get(x), 'shared')),
        ...out(16, loadSum(get(x), 'count')),
        ...out(20, loadSum(get(x), 'rare')),
        ...get(PICKS), ...loadF(BEST_SCORE, get(i)), 0x39, 3, ...uleb(32 * slot + 24),
      ]),
    ];
  };
  return [
    ...regions.flatMap(([local, r]) => set(local, [...get(3), ...int(r), 0x6c])),
    // The postings of each term added (best-claims.ts addPostings), `j` the byte of a posting
    // and `len` the byte after the entry's last, `n` the byte in `touched` after the last met.
    ...set(n, get(TOUCHED)),
    ...upTo(q, get(nq), [
      ...set(qa, add(get(query), shl(get(q), int(4)))),
      ...set(j, loadAt(get(qa))), ...set(len, add(get(j), at4(loadAt(get(qa), 4)))), ...set(w, loadAt(get(qa), 8)), ...set(r, loadAt(get(qa), 12)),
      0x02, 0x40, 0x03, 0x40, ...ge(get(j), get(len)), 0x0d, 1,
      ...set(d, loadAt(get(j))),
      ...set(e, rec(get(d))),
      ...set(x, loadSum(get(e), 'shared')),
      ...when(eqz(get(x)), [...get(n), ...get(d), 0x36, 2, 0, ...set(n, add(get(n), int(4)))]),
      ...storeSum(get(e), 'shared', add(get(x), get(w))),
      ...storeSum(get(e), 'count', add(loadSum(get(e), 'count'), int(1))),
      ...storeSum(get(e), 'rare', add(loadSum(get(e), 'rare'), get(r))),
      ...set(j, add(get(j), int(4))),
      0x0c, 0, 0x0b, 0x0b,
    ]),
    ...set(n, shr(sub(get(n), get(TOUCHED)), int(2))),
    // The touched documents that pass moved to the front, the others' sums reset (passing).
    // Most fail on the sentence's weight alone: both tests need 40w >= 3sw (weights are not
    // negative), asked first, the document's weight read only past it.
    ...set(m, int(0)),
    ...set(floor, fmul(num(3), get(sw))),
    ...upTo(k, get(n), [
      ...set(d, load(TOUCHED, get(k))),
      ...set(e, rec(get(d))),
      ...set(ww, f(loadSum(get(e), 'shared'))),
      ...when(
        fge(fmul(num(40), get(ww)), get(floor)),
        [
          ...set(tw, f(load(WEIGHT, get(d)))),
          ...when(
            or(fge(fmul(num(40), get(ww)), fmul(num(3), fadd(get(tw), get(sw)))), and(fge(fmul(num(5), get(ww)), fmul(num(3), get(sw))), fge(fmul(num(20), get(ww)), fmul(num(3), get(tw))))),
            [...store(TOUCHED, get(m), get(d)), ...set(m, add(get(m), int(1)))],
            clearSum(e),
          ),
        ],
        clearSum(e),
      ),
    ]),
    // Each claim's first best-scoring document, its claims in `met` in the order first met (byClaim).
    ...set(claims, int(0)),
    ...upTo(k, get(m), [
      ...set(d, load(TOUCHED, get(k))),
      ...set(score, fdiv(fmul(num(2), f(loadSum(rec(get(d)), 'shared'))), fadd(f(load(WEIGHT, get(d))), get(sw)))),
      ...set(i, load(CLAIM, get(d))),
      ...set(x, eqz(load(BEST_DOC, get(i)))),
      ...when(get(x), [...store(MET, get(claims), get(i)), ...set(claims, add(get(claims), int(1)))]),
      ...when(or(get(x), fgt(get(score), loadF(BEST_SCORE, get(i)))), [...store(BEST_DOC, get(i), add(get(d), int(1))), ...storeF(BEST_SCORE, get(i), get(score))]),
    ]),
    // The picks (claimPicks): positions in `met`, -1 for none.
    ...set(best, int(-1)), ...set(near, int(-1)), ...set(weak, int(-1)), ...set(animal, int(-1)),
    ...upTo(k, get(claims), [...set(score, loadF(BEST_SCORE, load(MET, get(k)))), ...when(better(best), set(best, get(k)))]),
    ...when(ge(get(best), int(0)), [
      ...set(floor, fsub(bestScoreOf(best), num(0.1))),
      ...upTo(k, get(claims), [
        ...set(i, load(MET, get(k))),
        ...set(d, sub(load(BEST_DOC, get(i)), int(1))),
        ...set(score, loadF(BEST_SCORE, get(i))),
        ...set(e, rec(get(d))),
        ...set(ww, f(loadSum(get(e), 'shared'))),
        // states(): shared >= 2 && (score >= 0.3 || (w / sw >= 0.6 && w / tw >= 0.15))
        ...set(stated, and(ge(loadSum(get(e), 'count'), int(2)), or(fge(get(score), num(0.3)), and(fge(fdiv(get(ww), get(sw)), num(0.6)), fge(fdiv(get(ww), f(load(WEIGHT, get(d)))), num(0.15)))))),
        ...set(fl, load(FLAGS, get(d))),
        ...when(and(get(stated), fge(get(score), get(floor))), [
          ...when(better(near), set(near, get(k))),
          ...when(and(nonzero(and(get(fl), int(3))), better(weak)), set(weak, get(k))),
        ]),
        ...when(and(and(nonzero(and(get(fl), int(4))), or(fge(get(score), num(0.25)), get(stated))), better(animal)), set(animal, get(k))),
      ]),
    ]),
    ...result(0, best), ...result(1, near), ...result(2, weak), ...result(3, animal),
    // Every sum and best document reset, for the next sentence (reset).
    ...upTo(k, get(claims), store(BEST_DOC, load(MET, get(k)), int(0))),
    ...upTo(k, get(m), [...set(e, rec(load(TOUCHED, get(k)))), ...clearSum(e)]),
    ...get(claims), 0x0b,
  ];
}
/**
 * The module: its memory (one page; picks-wasm.ts grows it to the documents' size), score, and
 * the draft-wide all and quotes (draft-picks-wasm-code.ts).
 */
export function picksModule(): Uint8Array {
  const bodies = [[2, 32, I32, 4, F64, ...scoreBody()], [1, 7, I32, ...allBody()], [2, 10, I32, 4, F64, ...quotesBody()]];
  const name = (s: string) => [s.length, ...Array.from(s, (c) => c.charCodeAt(0))];
  return Uint8Array.from([
    ...HEADER,
    ...section(1, [3, 0x60, 4, I32, F64, I32, I32, 1, I32, 0x60, 8, ...Array<number>(8).fill(I32), 1, I32, 0x60, 10, ...Array<number>(10).fill(I32), 1, I32]),
    ...section(3, [3, 0, 1, 2]),
    ...section(5, [1, 0, 1]),
    ...section(7, [4, ...name('m'), 2, 0, ...name('score'), 0, 0, ...name('all'), 0, 1, ...name('quotes'), 0, 2]),
    ...section(10, [3, ...bodies.flatMap((b) => [...uleb(b.length), ...b])]),
  ]);
}
