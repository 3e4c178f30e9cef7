/** Which of kap's claims a sentence states: weighted term overlap, decided from the index alone. */
import { terms } from '../search/tokenize.js';
import type { LintClaim, LintIndex } from './model.js';

export interface ClaimMatch {
  claim: LintClaim;
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

export const weight = (idf: Record<string, number>, ts: Iterable<string>) => {
  let w = 0;
  for (const t of ts) w += idf[t] ?? 2.5;
  return w;
};

/** How much of `target` (a quote, a claim) the sentence's terms cover, and their Dice overlap. */
export function overlap(
  idf: Record<string, number>, sentence: ReadonlySet<string>, target: readonly string[], sw = weight(idf, sentence), tw = weight(idf, target),
): { coverage: number; sentCoverage: number; score: number } {
  let shared = 0;
  for (const t of target) if (sentence.has(t)) shared += idf[t] ?? 2.5;
  return { coverage: tw ? shared / tw : 0, sentCoverage: sw ? shared / sw : 0, score: tw + sw ? (2 * shared) / (tw + sw) : 0 };
}

/** Is a match close enough to say the sentence states the claim? */
export const states = (m: { score: number; coverage: number; sentCoverage: number; shared?: number }) => (m.shared ?? 2) >= 2 && (m.score >= 0.3 || (m.sentCoverage >= 0.6 && m.coverage >= 0.15));

/** idf of a word found in at most about 3% of the claims and quotes. */
export const RARE = 3.5;

// Words writers use for what the content says otherwise, as one term ("relieves" = "reduces").
const SAME: Record<string, string> = {
  reliev: 'reduc', eas: 'reduc', lessen: 'reduc', alleviat: 'reduc', lower: 'reduc', decreas: 'reduc', cut: 'reduc',
  lift: 'improv', boost: 'improv', rebuild: 'form', regrow: 'form', grow: 'form', creat: 'form', restor: 'form', build: 'form',
  trigger: 'caus', drive: 'caus', driv: 'caus', synaps: 'synapse', synapt: 'synapse',
  // Plain words of kap's readable claims ("talk therapy", "felt detached", "sleepy").
  psychotherap: 'therap', sustain: 'last', maintain: 'last', detach: 'dissociat', sedat: 'sleep', sleepy: 'sleep', sleepiness: 'sleep',
};

/**
 * The search stemmer's terms, with derived forms folded together for matching sentences to
 * claims: "psychological" and "psychology", "dissociative" and "dissociation".
 */
export function lintTerm(t: string): string {
  let s = t;
  if (s.length > 7 && s.endsWith('ical')) s = s.slice(0, -4);
  else if (s.length > 7 && s.endsWith('ally')) s = s.slice(0, -4);
  else if (s.length > 6 && (s.endsWith('ion') || s.endsWith('ity'))) s = s.slice(0, -3);
  else if (s.length > 6 && (s.endsWith('al') || s.endsWith('iv'))) s = s.slice(0, -2);
  else if (s.length > 6 && s.endsWith('y')) s = s.slice(0, -1);
  return SAME[s] ?? s;
}

export const lintTerms = (text: string) => terms(text).map(lintTerm);
export const sentenceTerms = (text: string) => new Set(lintTerms(text));

/**
 * Per index, made once: what a sentence is matched against. Each claim is one document, and
 * each sentence of a claim of several is one more (a draft's sentence often states one of them);
 * a claim scores its best document.
 */
interface Prepared {
  claimOf: number[];
  weights: number[];
  postings: Map<string, number[]>;
  shared: Float64Array;
  count: Uint16Array;
  rare: Uint16Array;
}
const prepared = new WeakMap<LintIndex, Prepared>();

function prepare(index: LintIndex): Prepared {
  let p = prepared.get(index);
  if (!p) {
    const postings = new Map<string, number[]>();
    const claimOf: number[] = [];
    const weights: number[] = [];
    index.claims.forEach((c, i) => {
      for (const doc of [c.terms, ...(c.parts ?? [])]) {
        const d = claimOf.length;
        claimOf.push(i);
        weights.push(weight(index.idf, doc));
        for (const t of doc) {
          const list = postings.get(t);
          if (list) list.push(d);
          else postings.set(t, [d]);
        }
      }
    });
    p = { claimOf, weights, postings, shared: new Float64Array(claimOf.length), count: new Uint16Array(claimOf.length), rare: new Uint16Array(claimOf.length) };
    prepared.set(index, p);
  }
  return p;
}

/** The claims a sentence is closest to, best first: those above `min` score, or that it `states`. */
export function bestClaims(index: LintIndex, sentence: ReadonlySet<string>, min: number): ClaimMatch[] {
  const { claimOf, weights, postings, shared, count, rare } = prepare(index);
  const touched: number[] = [];
  let sw = 0;
  for (const t of sentence) {
    const w = index.idf[t] ?? 2.5;
    sw += w;
    const list = postings.get(t);
    if (list)
      for (const d of list) {
        if (count[d] === 0) touched.push(d);
        shared[d] = shared[d]! + w;
        count[d] = count[d]! + 1;
        if (w >= RARE) rare[d] = rare[d]! + 1;
      }
  }
  const best = new Map<number, ClaimMatch>();
  for (const d of touched) {
    const w = shared[d]!;
    const n = count[d]!;
    const r = rare[d]!;
    shared[d] = 0;
    count[d] = 0;
    rare[d] = 0;
    const tw = weights[d]!;
    const score = (2 * w) / (tw + sw);
    const coverage = w / tw;
    const sentCoverage = sw ? w / sw : 0;
    if (!(score >= min || (sentCoverage >= 0.6 && coverage >= 0.15))) continue;
    const i = claimOf[d]!;
    const seen = best.get(i);
    if (!seen || score > seen.score) best.set(i, { claim: index.claims[i]!, coverage, sentCoverage, score, shared: n, rare: r });
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}
