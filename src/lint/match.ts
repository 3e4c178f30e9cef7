/** A sentence's terms, and what they share with kap's claims and quotes, decided from the index alone (best-claims.ts scores the claims). */
import { STOP_WORDS, stem, wordList } from '../search/tokenize.js';
import type { LintClaim } from './model.js';
import { draftTermIds, type DraftTermIds } from './words-wasm.js';
import type { LintIndex } from './read.js';

/** idf (thousandths) of a word in no claim or quote. */
const UNSEEN = 2500;

// The loops below index arrays instead of for…of: a fresh process runs them cold, where each
// step of an iterator allocates.
export const weight = (idf: Record<string, number>, ts: readonly string[]) => {
  let w = 0;
  for (let i = 0; i < ts.length; i++) w += idf[ts[i]!] ?? UNSEEN;
  return w;
};

/** How much of `target` (a quote, a claim) the sentence's terms cover, and their Dice overlap. */
export function overlap(index: LintIndex, sentence: SentenceTerms, target: readonly string[], sw: number, tw: number): { coverage: number; sentCoverage: number; score: number } {
  let shared = 0;
  for (let i = 0; i < target.length; i++) if (sentence.set.has(target[i]!)) shared += idfOf(index.term(target[i]!));
  return { coverage: tw ? shared / tw : 0, sentCoverage: sw ? shared / sw : 0, score: tw + sw ? (2 * shared) / (tw + sw) : 0 };
}

/** idf (thousandths) of a word found in at most about 3% of the claims and quotes. */
export const RARE = 3500;

// Words writers use for what the content says otherwise, as one term ("relieves" = "reduces").
// A Map, not an object's keys: a draft's words are strings made at run time, which an object
// look-up first finds in V8's string table (~1.6K instructions a word run cold, against ~0.3K;
// ~1M of a 5,000-word draft's 854 words).
const SAME = new Map<string, string>(Object.entries({
  reliev: 'reduc', eas: 'reduc', lessen: 'reduc', alleviat: 'reduc', lower: 'reduc', decreas: 'reduc', cut: 'reduc',
  lift: 'improv', boost: 'improv', rebuild: 'form', regrow: 'form', grow: 'form', creat: 'form', restor: 'form', build: 'form',
  trigger: 'caus', drive: 'caus', driv: 'caus', synaps: 'synapse', synapt: 'synapse',
  // Plain words of kap's readable claims ("talk therapy", "felt detached", "sleepy").
  psychotherap: 'therap', sustain: 'last', maintain: 'last', detach: 'dissociat', sedat: 'sleep', sleepy: 'sleep', sleepiness: 'sleep',
}));

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
  return SAME.get(s) ?? s;
}

// A word's term, found once per process: prose repeats its words, and a fresh process runs
// this code cold (the search tokenizer's terms(), then lintTerm, for each word).
const termOf = new Map<string, string>();

const termOfWord = (word: string) => {
  let t = termOf.get(word);
  if (t === undefined) termOf.set(word, (t = lintTerm(stem(word))));
  return t;
};

/** The search tokenizer's terms of a text, as lintTerm folds them. */
export function lintTerms(text: string): string[] {
  const out: string[] = [];
  for (const word of wordList(text)) if (!STOP_WORDS.has(word)) out.push(termOfWord(word));
  return out;
}
/** A sentence's terms, each once: as a set to ask, as a list to loop over, with their index entries. */
export interface SentenceTerms {
  set: ReadonlySet<string>;
  list: readonly string[];
  /** Each term's idf, and its index entry (undefined: in no claim or quote). */
  idf: readonly number[];
  entry: readonly (readonly number[] | undefined)[];
  /** The summed idf of the terms. */
  weight: number;
}

/** What a term is to the index: its entry and idf; `mark`, the last sentence that had it. */
interface TermInfo {
  term: string;
  entry: readonly number[] | undefined;
  idf: number;
  mark: number;
}
/** Per index: each word of a draft's term (null: a stop word), and each term's info, made once. */
const wordTerms = new WeakMap<LintIndex, { words: Map<string, TermInfo | null>; terms: Map<string, TermInfo> }>();
/** Sentences numbered as sentenceTerms meets them: a term is a sentence's once (TermInfo.mark). */
let sentenceCount = 0;

/** A sentence's terms; the set made only when asked (a rule asks it of a sentence that cites a source kap's errata name). */
class Terms implements SentenceTerms {
  // Declared, not class fields: a field is defined on each new object before the constructor
  // sets it (five definitions more a sentence, run cold).
  declare readonly list: readonly string[];
  declare readonly idf: readonly number[];
  declare readonly entry: readonly (readonly number[] | undefined)[];
  declare readonly weight: number;
  declare private asSet: Set<string> | undefined;
  constructor(list: readonly string[], idf: readonly number[], entry: readonly (readonly number[] | undefined)[], weight: number) {
    this.list = list;
    this.idf = idf;
    this.entry = entry;
    this.weight = weight;
    this.asSet = undefined;
  }
  get set(): ReadonlySet<string> {
    return (this.asSet ??= new Set(this.list));
  }
}

/**
 * One pass over a sentence's words, each word looked up once per run (a draft repeats its
 * words): the same terms, in the same order, as the set of lintTerms(text). No Set a sentence:
 * a term met again in it is told by its mark.
 */
export function sentenceTerms(text: string, index: LintIndex): SentenceTerms {
  let known = wordTerms.get(index);
  if (!known) wordTerms.set(index, (known = { words: new Map(), terms: new Map() }));
  const { words: byWord, terms: byTerm } = known;
  const mark = ++sentenceCount;
  const words = wordList(text);
  const list: string[] = [];
  const idf: number[] = [];
  const entry: (readonly number[] | undefined)[] = [];
  let w = 0;
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    let x = byWord.get(word);
    if (x === undefined) {
      if (STOP_WORDS.has(word)) x = null;
      else {
        const term = termOfWord(word);
        x = byTerm.get(term);
        if (!x) {
          const e = index.term(term);
          byTerm.set(term, (x = { term, entry: e, idf: idfOf(e), mark: 0 }));
        }
      }
      byWord.set(word, x);
    }
    if (x === null || x.mark === mark) continue;
    x.mark = mark;
    list.push(x.term);
    entry.push(x.entry);
    idf.push(x.idf);
    w += x.idf;
  }
  return new Terms(list, idf, entry, w);
}

/**
 * Every sentence's terms at once, as sentenceTerms gives each (the same terms, in the same order),
 * for a plain draft (plain-regex.ts): its words read, stemmed and numbered in one WebAssembly
 * call (words-wasm.ts), each term's info found once. Undefined where WebAssembly is not available.
 */
export function draftTerms(texts: readonly string[], index: LintIndex): SentenceTerms[] | undefined {
  const scanned = draftTermIds(texts);
  if (!scanned) return undefined;
  let known = wordTerms.get(index);
  if (!known) wordTerms.set(index, (known = { words: new Map(), terms: new Map() }));
  // Each term number's info, found when first met.
  const infos: (TermInfo | undefined)[] = new Array(scanned.count);
  const out: SentenceTerms[] = [];
  for (let t = 0; t < texts.length; t++) out.push(termsOf(scanned, t, infos, known.terms, index));
  return out;
}

/** Sentence t's terms from its term numbers: a small function of its own, compiled early (a draft's sentences call it). */
function termsOf(scanned: DraftTermIds, t: number, infos: (TermInfo | undefined)[], byTerm: Map<string, TermInfo>, index: LintIndex): SentenceTerms {
  const { ids, first } = scanned;
  const mark = ++sentenceCount;
  const from = first[t]!;
  const end = first[t + 1]!;
  // As long as the sentence has term numbers (fewer only where two are one term): no growing.
  const list: string[] = new Array(end - from);
  const idf: number[] = new Array(end - from);
  const entry: (readonly number[] | undefined)[] = new Array(end - from);
  let w = 0;
  let n = 0;
  for (let k = from; k < end; k++) {
    const id = ids[k]!;
    const x = infos[id] ?? (infos[id] = termInfoOf(scanned, id, byTerm, index));
    // Two numbers may be one term (lintTerm's Map): a term is a sentence's once.
    if (x.mark === mark) continue;
    x.mark = mark;
    list[n] = x.term;
    entry[n] = x.entry;
    idf[n] = x.idf;
    n++;
    w += x.idf;
  }
  if (n < end - from) list.length = entry.length = idf.length = n;
  return new Terms(list, idf, entry, w);
}

/** Term number id's info, as lintTerm's cuts leave it (its Map of same-meaning terms applied here). */
function termInfoOf(scanned: DraftTermIds, id: number, byTerm: Map<string, TermInfo>, index: LintIndex): TermInfo {
  const cut = scanned.term(id);
  const same = SAME.get(cut);
  const term = same ?? cut;
  let x = byTerm.get(term);
  if (!x) {
    // The scan's hash is the cut's: a same-meaning term's is made from its text.
    const e = index.term(term, same === undefined ? scanned.hash(id) : undefined);
    byTerm.set(term, (x = { term, entry: e, idf: idfOf(e), mark: 0 }));
  }
  return x;
}

/** A term's idf from its index entry: UNSEEN for a word in no claim or quote. */
const idfOf = (e: readonly number[] | undefined) => (e && e[0] ? e[0] : UNSEEN);

/** Does a topic's name have one of the sentence's terms? (Its claims' terms first: those are read already.) */
export const namesTopic = (s: SentenceTerms, index: LintIndex) =>
  s.entry.some((e) => e !== undefined && e[1] === 1) || s.list.some((t, k) => s.entry[k] === undefined && index.topicOnly(t));

export interface QuoteMatcher {
  /** The quotes that share a term with the sentence: [quote, shared weight, rare terms shared, …], in quote order. */
  touchedBy(sentence: SentenceTerms): number[];
  /** A term's postings: [quote, rare (1) or not, …]. */
  postingsOf(term: string): readonly number[] | undefined;
}

/**
 * The article's wrong claims as an inverted index of their quotes' terms: for a sentence, the
 * quotes that share a term with it, in quote order, each with the weight it shares (the summed
 * idf, as overlap() sums it) and how many of its rare terms the sentence has. The loop runs over
 * the sentence's few terms, not over every quote's terms.
 */
export function quoteMatcher(quotes: readonly { terms: readonly string[]; rare: readonly string[] }[]): QuoteMatcher {
  // term -> [quote, rare (1) or not (0), …]; a quote's terms are distinct.
  const postings = new Map<string, number[]>();
  quotes.forEach((q, j) => {
    const rare = new Set(q.rare);
    for (const t of q.terms) {
      const p = postings.get(t);
      if (p) p.push(j, rare.has(t) ? 1 : 0);
      else postings.set(t, [j, rare.has(t) ? 1 : 0]);
    }
  });
  const shared = new Int32Array(quotes.length);
  const signals = new Int32Array(quotes.length);
  const marks = new Uint8Array(quotes.length);
  return {
    postingsOf: (term) => postings.get(term),
    touchedBy(sentence) {
      const { list, idf } = sentence;
      for (let k = 0; k < list.length; k++) {
        const p = postings.get(list[k]!);
        if (p)
          for (let i = 0; i < p.length; i += 2) {
            const j = p[i]!;
            shared[j]! += idf[k]!;
            signals[j]! += p[i + 1]!;
            marks[j] = 1;
          }
      }
      const out: number[] = [];
      for (let j = 0; j < marks.length; j++)
        if (marks[j]) {
          out.push(j, shared[j]!, signals[j]!);
          shared[j] = 0;
          signals[j] = 0;
          marks[j] = 0;
        }
      return out;
    },
  };
}

/**
 * Build time: what a sentence is matched against. Each claim is one document, and each
 * sentence of a claim of several is one more (a draft's sentence often states one of them); a
 * claim scores its best document. Claims with the same terms, parts, certainty and design (a
 * pack that repeats a claim) score alike: only the first has documents, as only the first of
 * them could be named (bestClaims puts it first of equal scores). `number`: each claim's
 * number among those (`reps`), or -1.
 */
export function matchDocuments(claims: LintClaim[], idf: Record<string, number>): { claimOf: number[]; weights: number[]; postings: Record<string, number[]>; number: number[]; reps: number[] } {
  const postings: Record<string, number[]> = {};
  const claimOf: number[] = [];
  const weights: number[] = [];
  const seen = new Set<string>();
  const number: number[] = [];
  const reps: number[] = [];
  claims.forEach((c, i) => {
    const key = JSON.stringify([c.terms, c.parts ?? null, c.certainty, c.design]);
    if (seen.has(key)) return void number.push(-1);
    seen.add(key);
    number.push(reps.length);
    reps.push(i);
    for (const doc of [c.terms, ...(c.parts ?? [])]) {
      const d = claimOf.length;
      claimOf.push(i);
      weights.push(weight(idf, doc));
      for (const t of doc) (Object.hasOwn(postings, t) ? postings[t]! : (postings[t] = [])).push(d);
    }
  });
  return { claimOf, weights, postings, number, reps };
}
