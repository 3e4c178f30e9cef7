/**
 * The claim matcher's draft-wide functions (draft-picks.ts runs them): every sentence of a draft
 * in one call, where a call a sentence cost more in JavaScript around it (the query written, the
 * picks read, objects made) than the matching itself. Part of picks-wasm-code.ts's module.
 *
 * Each term the draft has is numbered once; term t's record, 32 bytes at info + 32t: [its
 * postings' byte offset, how many, idf, rare (1) or not, its quote postings' byte offset, how
 * many pairs ([quote, rare (1) or not], 8 bytes a pair), 0, 0]. Sentence s's terms are the
 * numbers qids[qfirst[s]] to qids[qfirst[s + 1]], in its order, its weight sws[s].
 *
 *   all(nS, qids, qfirst, sws, info, out, query, S) -> 0: each sentence's picks (score, its query
 *   the first 16 bytes of its terms' records, written at `query`), 128 bytes a sentence from out,
 *   as score leaves them at 12S.
 *   quotes(nS, qids, qfirst, info, sums, out, tfirst, nQ, sws, weights) -> the byte after the
 *   last: each sentence's quotes that share a term with it (match.ts quoteMatcher's touchedBy)
 *   and cover enough of it or of the quote (weights: each quote's, f64), in quote order,
 *   [quote, shared weight, rare terms shared] (12 bytes) from tfirst[s] to tfirst[s + 1];
 *   `sums`, 12 zeroed bytes a quote, are left zeroed.
 */
import { add, and, at4, fdiv, fge, fromTo, f, ge, get, int, loadAt, mul, num, or, set, shl, shr, storeAt, sub, upTo, when, type Code } from './picks-wasm-ops.js';

/** Function 0 of the module: score. */
const SCORE = 0;
const i64Copy = (dst: number, src: number, offset: number, from = offset): Code => [...get(dst), ...get(src), 0x29, 3, from, 0x37, 3, offset];
/** qfirst[s + plus]. */
const firstOf = (qfirst: number, s: number, plus: number): Code => loadAt(add(get(qfirst), at4(get(s))), 4 * plus);
/** The record of term qids[q]. */
const recordOf = (info: number, qids: number, q: number): Code => add(get(info), shl(loadAt(add(get(qids), at4(get(q)))), int(5)));

export function allBody(): Code {
  // Parameters 0 nS, 1 qids, 2 qfirst, 3 sws, 4 info, 5 out, 6 query, 7 S; i32 8 s, 9 q, 10 end, 11 dst, 12 src, 13 base, 14 picks.
  const s = 8, q = 9, end = 10, dst = 11, src = 12, base = 13, picks = 14;
  return [
    ...set(picks, mul(get(7), int(12))),
    ...upTo(s, get(0), [
      ...set(dst, get(6)),
      ...set(end, firstOf(2, s, 1)),
      ...fromTo(q, firstOf(2, s, 0), get(end), [...set(src, recordOf(4, 1, q)), ...i64Copy(dst, src, 0), ...i64Copy(dst, src, 8), ...set(dst, add(get(dst), int(16)))]),
      ...shr(sub(get(dst), get(6)), int(4)), ...f(loadAt(add(get(3), at4(get(s))))), ...get(6), ...get(7), 0x10, SCORE, 0x1a,
      ...set(base, add(get(5), shl(get(s), int(7)))),
      // 128 bytes: offsets up to 120 are one byte of LEB128.
      ...Array.from({ length: 16 }, (_, k) => i64Copy(base, picks, 8 * k)).flat(),
    ]),
    ...int(0), 0x0b,
  ];
}

export function quotesBody(): Code {
  // Parameters 0 nS, 1 qids, 2 qfirst, 3 info, 4 sums, 5 out, 6 tfirst, 7 nQ, 8 sws, 9 weights; i32 10 s, 11 q, 12 end,
  // 13 rec, 14 p, 15 pend, 16 j, 17 a, 18 c, 19 idf; f64 20 coverage, 21 sentCoverage, 22 tw, 23 sw.
  const s = 10, q = 11, end = 12, rec = 13, p = 14, pend = 15, j = 16, a = 17, c = 18, idf = 19, coverage = 20, sentCoverage = 21, tw = 22, sw = 23;
  const sumOf = (quote: Code) => add(get(4), mul(quote, int(12)));
  /** x ? shared / x : 0, as rules.ts divides. */
  const share = (x: number): Code => [...fdiv(f(loadAt(get(a))), get(x)), ...num(0), ...get(x), ...num(0), 0x62, 0x1b];
  return [
    ...set(c, get(5)),
    ...upTo(s, get(0), [
      ...storeAt(add(get(6), at4(get(s))), get(c)),
      ...set(end, firstOf(2, s, 1)),
      ...set(sw, f(loadAt(add(get(8), at4(get(s)))))),
      ...fromTo(q, firstOf(2, s, 0), get(end), [
        ...set(rec, recordOf(3, 1, q)),
        ...set(idf, loadAt(get(rec), 8)),
        ...set(p, loadAt(get(rec), 16)),
        ...set(pend, add(get(p), shl(loadAt(get(rec), 20), int(3)))),
        0x02, 0x40, 0x03, 0x40, ...get(p), ...get(pend), 0x4e, 0x0d, 1,
        ...set(a, sumOf(loadAt(get(p)))),
        ...storeAt(get(a), add(loadAt(get(a)), get(idf))),
        ...storeAt(get(a), add(loadAt(get(a), 4), loadAt(get(p), 4)), 4),
        ...storeAt(get(a), int(1), 8),
        ...set(p, add(get(p), int(8))),
        0x0c, 0, 0x0b, 0x0b,
      ]),
      // The quotes touched that cover enough to be stated (rules.ts asks the same), in quote
      // order; every touched one's sums reset.
      ...upTo(j, get(7), [
        ...set(a, sumOf(get(j))),
        ...when(loadAt(get(a), 8), [
          ...set(tw, [...add(get(9), shl(get(j), int(3))), 0x2b, 3, 0]),
          ...set(coverage, share(tw)),
          ...set(sentCoverage, share(sw)),
          ...when(or(fge(get(coverage), num(0.6)), and(ge(loadAt(get(a), 4), int(2)), or(fge(get(coverage), num(0.25)), fge(get(sentCoverage), num(0.6))))), [
            ...storeAt(get(c), get(j)),
            ...storeAt(get(c), loadAt(get(a)), 4),
            ...storeAt(get(c), loadAt(get(a), 4), 8),
            ...set(c, add(get(c), int(12))),
          ]),
          ...storeAt(get(a), int(0)),
          ...storeAt(get(a), int(0), 4),
          ...storeAt(get(a), int(0), 8),
        ]),
      ]),
    ]),
    ...storeAt(add(get(6), at4(get(0))), get(c)),
    ...get(c), 0x0b,
  ];
}
