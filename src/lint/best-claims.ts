/**
 * Run time: the claims a sentence is closest to, scored over the matching documents
 * (matchDocuments) through the postings of the sentence's terms.
 */
import { RARE, type SentenceTerms } from './match.js';
import { FLAG, type LintDocs } from './model.js';
import type { LintIndex } from './read.js';
import { wasmPostings, type WasmPostings } from './postings-wasm.js';
import { wasmPicks, type WasmPicks } from './picks-wasm.js';

export interface ClaimMatch {
  /** The claim (numbered as the details files number them: index.claim(n)). */
  claim: number;
  /** Its certainty and design (model.ts FLAG). */
  flags: number;
  /** Share of the claim's weight the sentence covers (0-1). */
  coverage: number;
  /** Share of the sentence's weight the claim covers (0-1): high when a short sentence states part of a claim. */
  sentCoverage: number;
  /** Dice overlap of the two weighted term sets (0-1). */
  score: number;
  /** How many terms the sentence and the claim share; `rare`: how many of them are rare words. */
  shared: number;
  rare: number;
}

/** Is a match close enough to say the sentence states the claim? */
export const states = (m: ClaimMatch) => statesBy(m.shared, m.score, m.sentCoverage, m.coverage);
/** states(), from the numbers a match is made of (claimPicks asks before it makes one). */
const statesBy = (shared: number, score: number, sentCoverage: number, coverage: number) => shared >= 2 && (score >= 0.3 || (sentCoverage >= 0.6 && coverage >= 0.15));

/** The sums over documents, one each per document. */
export interface Sums {
  /** The weight each document shares with the sentence (0: none; every idf is above 0). */
  shared: Int32Array;
  /** How many of the sentence's terms each document has, and how many of them are rare. */
  count: Int32Array;
  rare: Int32Array;
  /** The documents a sentence shares a term with, in the order first met; then those that pass. */
  touched: Int32Array;
}

/** Scratch arrays, one each per document, made once per index. */
interface Scratch extends Sums {
  /** Per claim: its best document so far (+1; 0: none yet) and that document's score. */
  bestDoc: Int32Array;
  bestScore: Float64Array;
  /** The claims of the passing documents, in the order first met. */
  met: Int32Array;
  /** The loops over documents in WebAssembly, whose memory holds the four arrays above it. */
  wasm: WasmPostings | undefined;
}
const scratch = new WeakMap<LintIndex, Scratch>();

function scratchOf(index: LintIndex, weights: readonly number[]): Scratch {
  let p = scratch.get(index);
  if (!p) {
    const n = weights.length;
    const wasm = wasmPostings(weights);
    const sums = wasm ?? { shared: new Int32Array(n), count: new Int32Array(n), rare: new Int32Array(n), touched: new Int32Array(n) };
    // A claim has a document at least: n documents are room for every claim.
    scratch.set(index, (p = { shared: sums.shared, count: sums.count, rare: sums.rare, touched: sums.touched, bestDoc: new Int32Array(n), bestScore: new Float64Array(n), met: new Int32Array(n), wasm }));
  }
  return p;
}

// The two loops over documents are small functions of their own: V8 optimizes a small hot
// function early and cheaply, where the whole of bestClaims ran cold for most of a draft. Where
// WebAssembly is there, its copies of them (postings-wasm.ts) run instead, fast from the first call.

/** One term's postings (entry[2…]) added to the sums; returns how many documents are touched now. */
export function addPostings(e: readonly number[], w: number, r: number, p: Sums, n: number): number {
  const { shared, count, rare, touched } = p;
  for (let j = 2; j < e.length; j++) {
    const d = e[j]!;
    const x = shared[d]!;
    if (x === 0) touched[n++] = d;
    shared[d] = x + w;
    count[d]!++;
    rare[d]! += r;
  }
  return n;
}

/**
 * The touched documents that pass (score = 2w / (tw + sw) ≥ 3/20, or sentence coverage w / sw
 * ≥ 3/5 and coverage w / tw ≥ 3/20, tested on the integer sums), moved to the front of
 * `touched` in order, their sums kept; the others' sums reset. Returns how many pass.
 */
export function passing(p: Sums, n: number, weights: readonly number[], sw: number): number {
  const { shared, count, rare, touched } = p;
  let m = 0;
  for (let k = 0; k < n; k++) {
    const d = touched[k]!;
    const w = shared[d]!;
    const tw = weights[d]!;
    if (40 * w >= 3 * (tw + sw) || (5 * w >= 3 * sw && 20 * w >= 3 * tw)) touched[m++] = d;
    else {
      shared[d] = 0;
      count[d] = 0;
      rare[d] = 0;
    }
  }
  return m;
}

/**
 * The claims a sentence is closest to, best first: those scoring at least 0.15, or that it
 * states most of (sentence coverage 0.6, claim coverage 0.15). How many terms a document
 * shares (and how many rare ones) is counted as the weights are summed: a sentence's terms
 * are distinct, and a term's postings name a document once.
 */
export function bestClaims(index: LintIndex, sentence: SentenceTerms): ClaimMatch[] {
  const { p, m, docs, sw } = sums(index, sentence);
  const claims = byClaim(p, m, docs, sw);
  const out: ClaimMatch[] = [];
  for (let k = 0; k < claims; k++) out.push(matchOf(p, p.met[k]!, docs, sw));
  reset(p, m, claims);
  return out.sort((a, b) => b.score - a.score);
}

/** What the rules ask of a sentence's matches (rules.ts): each the first, in bestClaims' order, of those it names. */
export interface ClaimPicks {
  best?: ClaimMatch;
  /** The first that the sentence states, scoring within 0.1 of the best. */
  near?: ClaimMatch;
  /** The first of those whose claim kap rates low or very low. */
  weak?: ClaimMatch;
  /** The first preclinical claim scoring 0.25, or that the sentence states. */
  animal?: ClaimMatch;
}

/**
 * The matches bestClaims would list, with only the few the rules use made: the first in its
 * order (score, best first; a tie in the order first met) of those with a property is the one
 * scoring highest, the earliest of equal scores. No sort, and no match made for the others.
 */
export function claimPicks(index: LintIndex, sentence: SentenceTerms): ClaimPicks {
  let wasm = picksWasm.get(index);
  if (wasm === undefined) picksWasm.set(index, (wasm = wasmPicks(index.docs()) ?? null));
  if (!wasm) return picksInJs(index, sentence);
  return wasm.score(sentence.entry, sentence.idf, sentence.weight, RARE);
}

/** claimPicks' WebAssembly (picks-wasm.ts), made once per index; null where there is none. */
const picksWasm = new WeakMap<LintIndex, WasmPicks | null>();

/** claimPicks in JavaScript: where WebAssembly is not available, and what the tests hold picks-wasm.ts to. */
export function picksInJs(index: LintIndex, sentence: SentenceTerms): ClaimPicks {
  const { p, m, docs, sw } = sums(index, sentence);
  const claims = byClaim(p, m, docs, sw);
  const { met, bestDoc, bestScore, shared, count } = p;
  const { weight: weights, flags } = docs;
  // The claims by their position in `met`; -1: none.
  let best = -1;
  for (let k = 0; k < claims; k++) if (best < 0 || bestScore[met[k]!]! > bestScore[met[best]!]!) best = k;
  let near = -1;
  let weak = -1;
  let animal = -1;
  if (best >= 0) {
    const floor = bestScore[met[best]!]! - 0.1;
    for (let k = 0; k < claims; k++) {
      const i = met[k]!;
      const d = bestDoc[i]! - 1;
      const score = bestScore[i]!;
      const w = shared[d]!;
      const stated = statesBy(count[d]!, score, w / sw, w / weights[d]!);
      const f = flags[d]!;
      if (stated && score >= floor) {
        if (near < 0 || score > bestScore[met[near]!]!) near = k;
        if (f & (FLAG.low | FLAG.veryLow) && (weak < 0 || score > bestScore[met[weak]!]!)) weak = k;
      }
      if (f & FLAG.preclinical && (score >= 0.25 || stated) && (animal < 0 || score > bestScore[met[animal]!]!)) animal = k;
    }
  }
  // One match a claim: the rules tell the best from a weak match by identity.
  const b = best < 0 ? undefined : matchOf(p, met[best]!, docs, sw);
  const n = near < 0 ? undefined : near === best ? b : matchOf(p, met[near]!, docs, sw);
  const w = weak < 0 ? undefined : weak === best ? b : weak === near ? n : matchOf(p, met[weak]!, docs, sw);
  const a = animal < 0 ? undefined : animal === best ? b : animal === near ? n : animal === weak ? w : matchOf(p, met[animal]!, docs, sw);
  reset(p, m, claims);
  return { best: b, near: n, weak: w, animal: a };
}

/** The sentence's terms' postings summed over the documents (in p), and how many of the touched pass. */
function sums(index: LintIndex, sentence: SentenceTerms): { p: Scratch; m: number; docs: LintDocs; sw: number } {
  const docs = index.docs();
  const weights = docs.weight;
  const p = scratchOf(index, weights);
  const { idf: idfs, entry } = sentence;
  const sw = sentence.weight;
  const { wasm } = p;
  let n = 0;
  for (let k = 0; k < entry.length; k++) {
    const e = entry[k];
    // Postings follow the entry's idf and topic flag.
    if (e) n = wasm ? wasm.add(e, idfs[k]!, idfs[k]! >= RARE ? 1 : 0, n) : addPostings(e, idfs[k]!, idfs[k]! >= RARE ? 1 : 0, p, n);
  }
  return { p, m: wasm ? wasm.pass(n, sw) : passing(p, n, weights, sw), docs, sw };
}

/**
 * Each claim's first best-scoring document among the `m` that pass (bestDoc, bestScore), its
 * claims in `met` in the order first met; returns how many. In typed arrays, not a Map of
 * matches: most documents lose to another of their claim's, and a smaller function is optimized sooner.
 */
function byClaim(p: Scratch, m: number, docs: LintDocs, sw: number): number {
  const { shared, touched, bestDoc, bestScore, met } = p;
  const { weight: weights, claim: claimOf } = docs;
  let claims = 0;
  for (let k = 0; k < m; k++) {
    const d = touched[k]!;
    const score = (2 * shared[d]!) / (weights[d]! + sw);
    const i = claimOf[d]!;
    if (bestDoc[i] === 0) met[claims++] = i;
    else if (score <= bestScore[i]!) continue;
    bestDoc[i] = d + 1;
    bestScore[i] = score;
  }
  return claims;
}

/** Claim i's match, from its best document's sums. */
function matchOf(p: Scratch, i: number, docs: LintDocs, sw: number): ClaimMatch {
  const d = p.bestDoc[i]! - 1;
  const w = p.shared[d]!;
  const tw = docs.weight[d]!;
  return { claim: i, flags: docs.flags[d]!, coverage: w / tw, sentCoverage: w / sw, score: p.bestScore[i]!, shared: p.count[d]!, rare: p.rare[d]! };
}

/** Every sum and best document reset, for the next sentence. */
function reset(p: Scratch, m: number, claims: number): void {
  const { shared, count, rare, touched, bestDoc, met } = p;
  for (let k = 0; k < claims; k++) bestDoc[met[k]!] = 0;
  for (let k = 0; k < m; k++) {
    const d = touched[k]!;
    shared[d] = 0;
    count[d] = 0;
    rare[d] = 0;
  }
}
