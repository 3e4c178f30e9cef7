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
export const states = (m: { score: number; coverage: number; sentCoverage: number }) => m.score >= 0.3 || (m.sentCoverage >= 0.6 && m.coverage >= 0.15);

// Words writers use for what the content says otherwise, as one term ("relieves" = "reduces").
const SAME: Record<string, string> = {
  reliev: 'reduc', eas: 'reduc', lessen: 'reduc', alleviat: 'reduc', lower: 'reduc', decreas: 'reduc', cut: 'reduc',
  lift: 'improv', boost: 'improv', rebuild: 'form', regrow: 'form', grow: 'form', creat: 'form', restor: 'form', build: 'form',
  trigger: 'caus', drive: 'caus', driv: 'caus', synaps: 'synapse', synapt: 'synapse',
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

/** Per index, made once: each claim's weight and, for each term, the claims that have it. */
const prepared = new WeakMap<LintIndex, { weights: number[]; postings: Map<string, number[]>; shared: Float64Array }>();

function prepare(index: LintIndex) {
  let p = prepared.get(index);
  if (!p) {
    const postings = new Map<string, number[]>();
    index.claims.forEach((c, i) => {
      for (const t of c.terms) {
        const list = postings.get(t);
        if (list) list.push(i);
        else postings.set(t, [i]);
      }
    });
    p = { weights: index.claims.map((c) => weight(index.idf, c.terms)), postings, shared: new Float64Array(index.claims.length) };
    prepared.set(index, p);
  }
  return p;
}

/** The claims a sentence is closest to, best first: those above `min` score, or that it `states`. */
export function bestClaims(index: LintIndex, sentence: ReadonlySet<string>, min: number): ClaimMatch[] {
  const { weights, postings, shared } = prepare(index);
  const touched: number[] = [];
  let sw = 0;
  for (const t of sentence) {
    const w = index.idf[t] ?? 2.5;
    sw += w;
    const list = postings.get(t);
    if (list)
      for (const i of list) {
        if (shared[i] === 0) touched.push(i);
        shared[i] = shared[i]! + w;
      }
  }
  const out: ClaimMatch[] = [];
  for (const i of touched) {
    const w = shared[i]!;
    shared[i] = 0;
    const tw = weights[i]!;
    const score = (2 * w) / (tw + sw);
    const coverage = w / tw;
    const sentCoverage = sw ? w / sw : 0;
    if (score >= min || (sentCoverage >= 0.6 && coverage >= 0.15)) out.push({ claim: index.claims[i]!, coverage, sentCoverage, score });
  }
  return out.sort((a, b) => b.score - a.score);
}
