/** Which of kap's claims a sentence states: weighted term overlap, decided from the index alone. */
import { terms } from '../search/tokenize.js';
import type { LintClaim, LintIndex } from './model.js';

export interface ClaimMatch {
  claim: LintClaim;
  /** Share of the claim's weight the sentence covers (0-1). */
  coverage: number;
  /** Dice overlap of the two weighted term sets (0-1). */
  score: number;
}

const weight = (idf: Record<string, number>, ts: Iterable<string>) => {
  let w = 0;
  for (const t of ts) w += idf[t] ?? 2.5;
  return w;
};

/** How much of `target` (a quote, a claim) the sentence's terms cover, and their Dice overlap. */
export function overlap(idf: Record<string, number>, sentence: ReadonlySet<string>, target: readonly string[]): { coverage: number; score: number } {
  let shared = 0;
  for (const t of target) if (sentence.has(t)) shared += idf[t] ?? 2.5;
  const tw = weight(idf, target);
  const sw = weight(idf, sentence);
  return { coverage: tw ? shared / tw : 0, score: tw + sw ? (2 * shared) / (tw + sw) : 0 };
}

export const sentenceTerms = (text: string) => new Set(terms(text));

/** The claims a sentence is closest to, best first, above `min` score. */
export function bestClaims(index: LintIndex, sentence: ReadonlySet<string>, min: number): ClaimMatch[] {
  const out: ClaimMatch[] = [];
  for (const claim of index.claims) {
    const o = overlap(index.idf, sentence, claim.terms);
    if (o.score >= min) out.push({ claim, ...o });
  }
  return out.sort((a, b) => b.score - a.score);
}
