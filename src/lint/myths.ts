/**
 * Myths (rule 1's "known myth"): wrong statements of a claim's point made outside the article,
 * from a claim's `myths` in the content (index-build.ts). A sentence states one when it has all
 * of the myth's terms, in their order, in one of its clauses; rules.ts asks whether the writer
 * says it in their own voice, neither negated nor hedged.
 */
import { draftTerms, sentenceTerms, type SentenceTerms } from './match.js';
import type { Myth } from './model.js';
import type { LintIndex } from './read.js';

/**
 * Where one clause of a sentence ends and another begins ("approved for depression; for PTSD,
 * …"), and a contrast's opening ("Unlike ketamine, sertraline is approved for PTSD").
 */
const CLAUSE = /[;:–—]|\s-\s|,\s+(?:and|but|while|whereas)\s|\b(?:unlike|as opposed to|in contrast to)\b[^,]*,/i;

/**
 * The first myth whose terms are all the sentence's, in their order, in one of its clauses
 * ("ketamine is studied for PTSD; esketamine is approved for depression" states none). A long
 * plain draft's clauses go through the terms' WebAssembly, as its sentences did (`wasm`).
 */
export function statedMyth(index: LintIndex, own: SentenceTerms, text: string, wasm: boolean): Myth | undefined {
  const myths = index.myths;
  if (!myths.length) return undefined;
  // Only the myths that start with one of the sentence's terms are asked (a pack may hold
  // thousands), the first in the index's order winning. Plain loops and no closure over a
  // myth: a closure's context or an iterator per myth and sentence was garbage enough for one
  // more scavenge (~8M instructions on the bench's 5,000 words).
  const byFirst = mythStarts(index);
  const list = own.list;
  let best = -1;
  for (let k = 0; k < list.length; k++) {
    const starting = byFirst.get(list[k]!);
    if (!starting) continue;
    for (let q = 0; q < starting.length; q++) {
      const j = starting[q]!;
      if (best >= 0 && j >= best) continue;
      const m = myths[j]!;
      if (inOrder(m.terms, list) && (!CLAUSE.test(text) || inOneClause(m.terms, text, index, wasm))) best = j;
    }
  }
  return best < 0 ? undefined : myths[best];
}

const mythStartsOf = new WeakMap<LintIndex, Map<string, number[]>>();
/** Each myth's number by its first term. */
function mythStarts(index: LintIndex): Map<string, number[]> {
  let m = mythStartsOf.get(index);
  if (!m) {
    m = new Map();
    for (let j = 0; j < index.myths.length; j++) {
      const t = index.myths[j]!.terms[0]!;
      const at = m.get(t);
      if (at) at.push(j);
      else m.set(t, [j]);
    }
    mythStartsOf.set(index, m);
  }
  return m;
}

function inOneClause(terms: readonly string[], text: string, index: LintIndex, wasm: boolean): boolean {
  const clauses = text.split(CLAUSE);
  const each = (wasm && draftTerms(clauses, index)) || clauses.map((c) => sentenceTerms(c, index));
  return each.some((c) => inOrder(terms, c.list));
}

/** Are all of `terms` in `list`, in their order (the first time each comes)? */
function inOrder(terms: readonly string[], list: readonly string[]): boolean {
  let at = -1;
  for (let i = 0; i < terms.length; i++) {
    const k = list.indexOf(terms[i]!);
    if (k <= at) return false;
    at = k;
  }
  return true;
}
