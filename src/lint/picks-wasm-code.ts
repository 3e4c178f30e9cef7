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
import { HEADER, section, sleb, uleb } from '../wasm-bytes.js';

type Code = number[];
const I32 = 0x7f, F64 = 0x7c;
const get = (i: number): Code => [0x20, i];
const set = (i: number, v: Code): Code => [...v, 0x21, i];
const int = (v: number): Code => [0x41, ...sleb(v)];
const num = (v: number): Code => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, v, true);
  return [0x44, ...b];
};
const op = (code: number) => (...args: Code[]): Code => [...args.flat(), code];
const add = op(0x6a), sub = op(0x6b), shl = op(0x74), shr = op(0x76), and = op(0x71), or = op(0x72), eqz = op(0x45);
const lt = op(0x48), ge = op(0x4e);
const fadd = op(0xa0), fsub = op(0xa1), fmul = op(0xa2), fdiv = op(0xa3), fgt = op(0x64), fge = op(0x66), f = op(0xb7);
const at4 = (i: Code) => shl(i, int(2));
/** 1 or 0, for a bitwise `and` of conditions (comparisons give 1 or 0; a flag test its bit). */
const nonzero = (c: Code) => eqz(eqz(c));
/** Element i of the i32 region whose byte offset local `base` holds; f64 regions at 8 bytes an element. */
const load = (base: number, i: Code): Code => [...add(at4(i), get(base)), 0x28, 2, 0];
const store = (base: number, i: Code, v: Code): Code => [...add(at4(i), get(base)), ...v, 0x36, 2, 0];
const loadF = (base: number, i: Code): Code => [...add(shl(i, int(3)), get(base)), 0x2b, 3, 0];
const storeF = (base: number, i: Code, v: Code): Code => [...add(shl(i, int(3)), get(base)), ...v, 0x39, 3, 0];
/** A byte address's i32 (for the query and the entries, whose addresses are bytes). */
const loadAt = (addr: Code, offset = 0): Code => [...addr, 0x28, 2, ...uleb(offset)];
const when = (c: Code, then: Code, otherwise?: Code): Code => [...c, 0x04, 0x40, ...then, ...(otherwise ? [0x05, ...otherwise] : []), 0x0b];
/** for (k = 0; k < n; k++) body */
const upTo = (k: number, n: Code, body: Code): Code => [...set(k, int(0)), 0x02, 0x40, 0x03, 0x40, ...ge(get(k), n), 0x0d, 1, ...body, ...set(k, add(get(k), int(1))), 0x0c, 0, 0x0b, 0x0b];

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
/** The module: its memory (one page; picks-wasm.ts grows it to the documents' size) and score. */
export function picksModule(): Uint8Array {
  const body = [2, 32, I32, 4, F64, ...scoreBody()];
  const name = (s: string) => [s.length, ...Array.from(s, (c) => c.charCodeAt(0))];
  return Uint8Array.from([
    ...HEADER,
    ...section(1, [1, 0x60, 4, I32, F64, I32, I32, 1, I32]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0, 1]),
    ...section(7, [2, ...name('m'), 2, 0, ...name('score'), 0, 0]),
    ...section(10, [1, ...uleb(body.length), ...body]),
  ]);
}

