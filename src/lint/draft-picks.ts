/**
 * A draft's claim matching all at once (draft-picks-wasm-code.ts): each sentence's picks
 * (best-claims.ts claimPicks) and the article's quotes it shares terms with (match.ts
 * quoteMatcher's touchedBy), in two WebAssembly calls for the whole draft. A call a sentence
 * cost more in JavaScript around it, run cold, than the matching did: each term's entry looked
 * up and written, the picks read, a sentence's quotes summed. Here each term is numbered and
 * copied in once; the rules read only the sentences they ask about. A test holds it to
 * claimPicks and touchedBy.
 */
import { fromPicks, type ClaimPicks } from './best-claims.js';
import { RARE, type QuoteMatcher, type SentenceTerms } from './match.js';
import { newPicks, picksInstance, readPicks } from './picks-wasm.js';
import type { LintIndex } from './read.js';

export interface DraftPicks {
  /** Sentence i's picks, as claimPicks gives them (new matches each call). */
  picks(i: number): ClaimPicks;
  /** Sentence i's quotes, as touchedBy gives them: [quote, shared weight, rare terms shared, …]. */
  touched(i: number): number[];
}

const PAGE = 65536;

/** The picks and quotes of each sentence's terms; undefined where WebAssembly is not available. */
export function draftPicks(index: LintIndex, terms: readonly SentenceTerms[], quotes: QuoteMatcher, quoteCount: number): DraftPicks | undefined {
  const docs = index.docs();
  const instance = picksInstance(docs);
  if (!instance) return undefined;
  const { memory, S, arenaStart } = instance;
  const nS = terms.length;
  // Each term numbered when first met (-1: neither an entry nor a quote has it), with its
  // entry, idf and quote postings; each sentence's numbers in its order.
  const ids = new Map<string, number>();
  const entries: (readonly number[] | undefined)[] = [];
  const idfs: number[] = [];
  const quotePostings: (readonly number[] | undefined)[] = [];
  const pairs: number[] = [];
  const qids: number[] = [];
  const qfirst: number[] = [];
  let longest = 0, entryInts = 0, pairInts = 0, touchedMax = 0;
  for (let s = 0; s < nS; s++) {
    const { list, entry, idf } = terms[s]!;
    const from = qids.length;
    qfirst.push(from);
    for (let k = 0; k < list.length; k++) {
      const t = list[k]!;
      let id = ids.get(t);
      if (id === undefined) {
        const e = entry[k];
        const qp = quotes.postingsOf(t);
        id = e || qp ? entries.length : -1;
        if (id >= 0) {
          entries.push(e);
          idfs.push(idf[k]!);
          quotePostings.push(qp);
          pairs.push(qp ? qp.length >> 1 : 0);
          entryInts += e ? e.length : 0;
          pairInts += qp ? qp.length : 0;
        }
        ids.set(t, id);
      }
      if (id < 0) continue;
      qids.push(id);
      // A pair touches a quote once at most: room for the quotes a sentence can touch.
      touchedMax += pairs[id]!;
    }
    if (qids.length - from > longest) longest = qids.length - from;
  }
  qfirst.push(qids.length);
  // The memory's layout, in bytes after the documents' regions (picks-wasm.ts).
  const n = entries.length;
  const pairsAt = arenaStart + 4 * entryInts;
  const infoAt = pairsAt + 4 * pairInts;
  const qidsAt = infoAt + 32 * n;
  const qfirstAt = qidsAt + 4 * qids.length;
  const swsAt = qfirstAt + 4 * (nS + 1);
  const queryAt = swsAt + 4 * nS;
  // Each sentence's picks as score writes them: f64 scores at 8-byte places.
  const outAt = (queryAt + 16 * longest + 7) & ~7;
  const sumsAt = outAt + 128 * nS;
  const tfirstAt = sumsAt + 12 * quoteCount;
  const touchedAt = tfirstAt + 4 * (nS + 1);
  const size = touchedAt + 12 * touchedMax;
  if (memory.buffer.byteLength < size) memory.grow(Math.ceil((size - memory.buffer.byteLength) / PAGE));
  const ints = new Int32Array(memory.buffer);
  const reals = new Float64Array(memory.buffer);
  let e4 = arenaStart >> 2;
  let p4 = pairsAt >> 2;
  for (let t = 0; t < n; t++) {
    const r = (infoAt >> 2) + 8 * t;
    const e = entries[t];
    if (e) {
      ints.set(e, e4);
      ints[r] = 4 * e4 + 8;
      ints[r + 1] = e.length - 2;
      e4 += e.length;
    }
    ints[r + 2] = idfs[t]!;
    ints[r + 3] = idfs[t]! >= RARE ? 1 : 0;
    const qp = quotePostings[t];
    if (qp) {
      ints.set(qp, p4);
      ints[r + 4] = 4 * p4;
      ints[r + 5] = qp.length >> 1;
      p4 += qp.length;
    }
  }
  ints.set(qids, qidsAt >> 2);
  ints.set(qfirst, qfirstAt >> 2);
  for (let s = 0; s < nS; s++) ints[(swsAt >> 2) + s] = terms[s]!.weight;
  instance.exports.all(nS, qidsAt, qfirstAt, swsAt, infoAt, outAt, queryAt, S);
  instance.exports.quotes(nS, qidsAt, qfirstAt, infoAt, sumsAt, touchedAt, tfirstAt, quoteCount);
  const scratch = newPicks();
  return {
    picks: (i) => fromPicks(readPicks(ints, reals, outAt + 128 * i, scratch), docs, terms[i]!.weight),
    touched(i) {
      const out: number[] = [];
      const end = ints[(tfirstAt >> 2) + i + 1]! >> 2;
      for (let a = ints[(tfirstAt >> 2) + i]! >> 2; a < end; a += 3) out.push(ints[a]!, ints[a + 1]!, ints[a + 2]!);
      return out;
    },
  };
}
