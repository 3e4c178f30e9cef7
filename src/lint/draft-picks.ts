/**
 * A draft's claim matching all at once (draft-picks-wasm-code.ts): each sentence's picks
 * (best-claims.ts claimPicks) and the article's quotes it shares terms with (match.ts
 * quoteMatcher's touchedBy), in two WebAssembly calls for the whole draft. A call a sentence
 * cost more in JavaScript around it, run cold, than the matching did: each term's entry looked
 * up and written, the picks read, a sentence's quotes summed. Here each term is numbered and
 * copied in once; the rules read only the sentences they ask about. A test holds it to
 * claimPicks and touchedBy.
 */
import type { ClaimPicks } from './best-claims.js';
import { RARE, type QuoteMatcher, type SentenceTerms } from './match.js';
import { picksAt, picksInstance } from './picks-wasm.js';
import type { LintIndex } from './read.js';

export interface DraftPicks {
  /** Sentence i's picks, as claimPicks gives them (new matches each call). */
  picks(i: number): ClaimPicks;
  /**
   * Every sentence's quotes, as touchedBy gives each ([quote, shared weight, rare terms shared,
   * …]) but only those that cover enough to be stated (rules.ts: coverage 0.6, or two rare
   * terms and coverage 0.25 or sentence coverage 0.6); sentence i's from quotesFrom(i) to quotesFrom(i + 1).
   */
  quotes: Int32Array;
  quotesFrom(i: number): number;
  /** Sentence i's quotes as an array (what the tests compare). */
  touched(i: number): number[];
}

const PAGE = 65536;

/** The picks and quotes of each sentence's terms; undefined where WebAssembly is not available. */
export function draftPicks(index: LintIndex, terms: readonly SentenceTerms[], quotes: QuoteMatcher, quoteWeights: readonly number[]): DraftPicks | undefined {
  const docs = index.docs();
  const instance = picksInstance(docs);
  if (!instance) return undefined;
  const { memory, S, arenaStart } = instance;
  const nS = terms.length;
  const quoteCount = quoteWeights.length;
  // What the sentences' terms can take at most: every term a new one.
  let total = 0;
  let longest = 0;
  for (let s = 0; s < nS; s++) {
    const n = terms[s]!.list.length;
    total += n;
    if (n > longest) longest = n;
  }
  // The memory's layout, in bytes after the documents' regions (picks-wasm.ts): first what has
  // a size now, then the entries and quote postings as met, then the quotes each sentence touches.
  const qidsAt = arenaStart;
  const qfirstAt = qidsAt + 4 * total;
  const swsAt = qfirstAt + 4 * (nS + 1);
  const queryAt = swsAt + 4 * nS;
  const infoAt = queryAt + 16 * longest;
  // Each sentence's picks as score writes them: f64 scores at 8-byte places.
  const outAt = (infoAt + 32 * total + 7) & ~7;
  const weightsAt = outAt + 128 * nS;
  const sumsAt = weightsAt + 8 * quoteCount;
  const tfirstAt = sumsAt + 12 * quoteCount;
  let end = tfirstAt + 4 * (nS + 1);
  let ints = new Int32Array(memory.buffer);
  const room = (bytes: number) => {
    if (end + bytes <= memory.buffer.byteLength) return;
    memory.grow(Math.ceil((end + bytes - memory.buffer.byteLength) / PAGE));
    ints = new Int32Array(memory.buffer);
  };
  room(0);
  // Each term numbered when first met (-1: neither an entry nor a quote has it), its record
  // written then (draft-picks-wasm-code.ts); each sentence's numbers in its order.
  const ids = new Map<string, number>();
  let count = 0;
  let q = qidsAt >> 2;
  let touchedMax = 0;
  for (let s = 0; s < nS; s++) {
    const own = terms[s]!;
    const list = own.list;
    ints[(qfirstAt >> 2) + s] = q - (qidsAt >> 2);
    ints[(swsAt >> 2) + s] = own.weight;
    for (let k = 0; k < list.length; k++) {
      const t = list[k]!;
      let id = ids.get(t);
      if (id === undefined) {
        id = newTerm(own.entry[k], own.idf[k]!, quotes.postingsOf(t));
        ids.set(t, id);
      }
      if (id < 0) continue;
      ints[q++] = id;
      // A pair touches a quote once at most: room for the quotes a sentence can touch.
      touchedMax += ints[(infoAt >> 2) + 8 * id + 5]!;
    }
  }
  ints[(qfirstAt >> 2) + nS] = q - (qidsAt >> 2);
  function newTerm(e: readonly number[] | undefined, idf: number, qp: readonly number[] | undefined): number {
    if (!e && !qp) return -1;
    room(4 * ((e ? e.length : 0) + (qp ? qp.length : 0)));
    const r = (infoAt >> 2) + 8 * count;
    if (e) {
      ints.set(e, end >> 2);
      ints[r] = end + 8;
      ints[r + 1] = e.length - 2;
      end += 4 * e.length;
    }
    ints[r + 2] = idf;
    ints[r + 3] = idf >= RARE ? 1 : 0;
    if (qp) {
      ints.set(qp, end >> 2);
      ints[r + 4] = end;
      ints[r + 5] = qp.length >> 1;
      end += 4 * qp.length;
    }
    return count++;
  }
  const touchedAt = end;
  room(12 * touchedMax);
  const reals = new Float64Array(memory.buffer);
  reals.set(quoteWeights, weightsAt >> 3);
  instance.exports.all(nS, qidsAt, qfirstAt, swsAt, infoAt, outAt, queryAt, S);
  instance.exports.quotes(nS, qidsAt, qfirstAt, infoAt, sumsAt, touchedAt, tfirstAt, quoteCount, swsAt, weightsAt);
  const tfirst = tfirstAt >> 2;
  const quotesFrom = (i: number) => ints[tfirst + i]! >> 2;
  return {
    picks: (i) => picksAt(ints, reals, outAt + 128 * i, docs, terms[i]!.weight),
    quotes: ints,
    quotesFrom,
    touched: (i) => Array.from(ints.subarray(quotesFrom(i), quotesFrom(i + 1))),
  };
}
