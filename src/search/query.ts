/**
 * Run time: a query → ranked results. Each query word is expanded (exact, prefix, typo,
 * synonym) against the vocabulary; documents score the sum of the best impact per word.
 */
import { byCodeUnit, editDistance } from '../text/distance.js';
import { CompiledContentError } from '../errors.js';
import type { DocType } from './documents.js';
import { MAX_POSTINGS } from './format.js';
import type { IndexReader } from './read.js';
import { snippet, type Segment } from './snippet.js';
import { synonymsOf } from './synonyms.js';
import { helpNeeded, type HelpKind } from '../safety/index.js';
import { fold, STOP_WORDS, stem, words } from './tokenize.js';

/** A word, or a quoted phrase whose words must appear together. */
export interface Clause {
  phrase: boolean;
  /** Folded words as typed, stop words included (phrases match on them). */
  words: string[];
}

export interface SearchOptions {
  type?: DocType;
  tag?: string;
  limit: number;
  /** Results without snippets or help (empty): what resolution weighs (resolve.ts Hit), not what a page shows. */
  bare?: boolean;
}

export interface SearchResult {
  type: DocType;
  id: string;
  module?: string;
  section?: string;
  title: string;
  score: number;
  /** Share of the query's words (not counting very common ones) the result matched, 0-1. */
  coverage: number;
  snippet: Segment[];
  command: string;
  /** The help the result's document needs (src/safety). */
  help: HelpKind[];
}

const MAX_QUERY = 300;
const WEIGHT = { exact: 1, prefix: 0.75, typo: 0.7, synonym: 0.55 };
/** Phrase candidates checked against their text before giving up. */
const MAX_PHRASE_CHECKS = 2000;

/** `why "nmda receptor" blocks` → [why] [nmda receptor] [blocks]; stop words go unless quoted. */
export function parseQuery(input: string): Clause[] {
  const clauses: Clause[] = [];
  const parts = input.slice(0, MAX_QUERY).split('"');
  parts.forEach((part, i) => {
    // A lone letter ("k" of "k-hole") names nothing and matches every author's initial.
    const ws = words(part).map((w) => w.word).filter((w) => w.length > 1 || /\d/.test(w) || i % 2 === 1);
    if (i % 2 === 1 && ws.length > 1) clauses.push({ phrase: true, words: ws });
    else for (const w of ws) if (!STOP_WORDS.has(w) || (i % 2 === 1 && ws.length === 1)) clauses.push({ phrase: false, words: [w] });
  });
  // A question made only of stop words ("what is it") gives no clauses: nothing is found, and
  // the caller says so with suggestions.
  return clauses;
}

/** Index terms worth looking up for one typed word, with how much each counts. */
export function expandWord(reader: IndexReader, word: string, last = true): Map<string, number> {
  const out = new Map<string, number>();
  const add = (term: string, w: number) => out.set(term, Math.max(out.get(term) ?? 0, w));
  const t = stem(word);
  const vocab = reader.vocabFor(t);
  if (vocab.has(t)) add(t, WEIGHT.exact);
  // Word starts are completed for the word being typed (the last), or a word not in the index.
  // …when the stem itself has four letters: "hole" (stem "hol") must not complete to "hold".
  // The terms it starts are side by side in the sorted vocabulary (a thousand terms a letter at
  // 10,000 modules): found by halving, not by a scan.
  if (word.length >= 4 && t.length >= 4 && (last || !vocab.has(t))) {
    const longer: [string, number][] = [];
    vocab.startingWith(t, (df, v) => void (v !== t && longer.push([v, df])));
    for (const [v] of longer.sort((a, b) => b[1] - a[1]).slice(0, 12)) add(v, WEIGHT.prefix);
  }
  if (!vocab.has(t) && word.length >= 4) {
    // A short word one letter from another is often another word ("driving" is not "derived",
    // "hole" is not "role"): below five letters only a swap of two letters counts as a typo.
    const budget = t.length <= 5 ? 1 : t.length <= 8 ? 2 : 3;
    const near: [string, number, number][] = [];
    // Most of the vocabulary cannot be within the budget: told without the table.
    vocab.within(t, budget, (v) => {
      if (t.length <= 4 && !sameLetters(t, v)) return;
      const d = editDistance(t, v, budget);
      if (d <= budget) near.push([v, d, vocab.get(v)!]);
    });
    // Ties in the vocabulary's order (sorted), whatever order the terms came in.
    near.sort((a, b) => a[1] - b[1] || b[2] - a[2] || byCodeUnit(a[0], b[0]));
    for (const [v, d] of near.slice(0, 5)) add(v, WEIGHT.typo - 0.1 * (d - 1));
  }
  // A synonym is in the index when it has postings: asked of its postings file, which the query
  // reads for it anyway, rather than of its vocabulary file (a read of its own, ~65K instructions).
  for (const syn of synonymsOf(word))
    for (const s of words(syn).map((w) => stem(w.word)))
      if (reader.postings(s).length > 0) add(s, WEIGHT.synonym);
  return out;
}

const sameLetters = (a: string, b: string) => a.length === b.length && [...a].sort().join('') === [...b].sort().join('');

function commandFor(d: { type: DocType; id: string; module?: string; open?: string }): string {
  if (d.type === 'reference') return `kap cite ${d.id}`;
  if (d.type === 'term') return `kap explain ${d.open ?? d.id}`;
  return `kap explain ${d.module ?? d.id}`;
}

const squash = (s: string) => words(s).map((w) => w.word).join(' ');

/**
 * The `limit` best of `docs` by `rank` (higher first, then the lower number), best first: what
 * sorting them all would put first, without the sort (a fresh process runs it uncompiled).
 */
export function topOf(docs: readonly number[], rank: Float64Array, limit: number): number[] {
  const top: number[] = [];
  if (limit <= 0) return top;
  // The rank of the last of a full `top`: most documents fall below it.
  let worst = -Infinity;
  for (const doc of docs) {
    const r = rank[doc]!;
    if (top.length === limit && (r < worst || (r === worst && doc > top[limit - 1]!))) continue;
    let i = Math.min(top.length, limit - 1);
    for (; i > 0; i--) {
      const prev = top[i - 1]!;
      const p = rank[prev]!;
      if (r < p || (r === p && doc > prev)) break;
      top[i] = prev;
    }
    top[i] = doc;
    if (top.length === limit) worst = rank[top[limit - 1]!]!;
  }
  return top;
}

/** Ranked results for `input`, best first (at most `opts.limit`). */
export function search(reader: IndexReader, input: string, opts: SearchOptions): SearchResult[] {
  const clauses = parseQuery(input);
  if (!clauses.length) return [];
  // Per document (by number), typed arrays rather than maps, and the loops over postings written
  // out here: a word found in most documents ("ketamine") costs a few array writes per posting in
  // a process that runs this uncompiled, and a long question allocates too little to start the
  // garbage collector. `score`: the sum over clauses of each one's best weighted impact;
  // `matched`: the clauses matched, not counting very common ones; `docs`: those with a score.
  const n = reader.meta.docs;
  const score = new Float64Array(n);
  const matched = new Uint16Array(n);
  const scored = new Uint8Array(n);
  const docs: number[] = [];
  // The clause being added: its best contribution per document (`best`), and its documents
  // (`inClause` holds the clause's number, from 1, where it has one).
  const best = new Float64Array(n);
  const inClause = new Uint16Array(n);
  const clauseDocs: number[] = [];
  /** `doc` gets `v` from this clause, or keeps what it has if more (`max`). */
  const give = (doc: number, v: number, clause: number, max: boolean) => {
    if (inClause[doc] === clause) {
      if (!max || v > best[doc]!) best[doc] = v;
      return;
    }
    // A document outside the index (a damaged postings file): what doc() would say.
    if (!(doc >= 0 && doc < n)) throw new CompiledContentError('the search index is incomplete');
    inClause[doc] = clause;
    best[doc] = v;
    clauseDocs.push(doc);
  };
  const allTerms = new Set<string>();
  // A term whose postings were cut to a champion list cannot say which documents lack it.
  const common = (t: string) => (reader.vocabFor(t).get(t) ?? 0) > MAX_POSTINGS;
  let counted = 0;
  clauses.forEach((clause, ci) => {
    const number = ci + 1;
    let isCommon = false;
    if (clause.phrase) {
      // Every (non-stop) word of a phrase must be there; the phrase itself is checked later.
      const ts = clause.words.filter((w) => !STOP_WORDS.has(w)).map(stem);
      const contrib = new Map<number, number>();
      const need = new Map<number, number>();
      for (const t of new Set(ts)) {
        allTerms.add(t);
        const p = reader.postings(t);
        for (let i = 0, doc = 0; i < p.length; i += 2) {
          doc += p[i]!;
          contrib.set(doc, (contrib.get(doc) ?? 0) + p[i + 1]!);
          need.set(doc, (need.get(doc) ?? 0) + 1);
        }
      }
      const size = new Set(ts).size;
      isCommon = ts.every(common);
      for (const [doc, s] of contrib) if (need.get(doc)! >= size) give(doc, s, number, false);
    } else {
      const expanded = expandWord(reader, clause.words[0]!, ci === clauses.length - 1);
      // A word that matches nothing counts against coverage ("qqqqxz kill myself" matches one word of two).
      isCommon = expanded.size > 0 && [...expanded.keys()].every(common);
      if (expanded.size === 1) {
        // One term: each document once, its contribution added straight to the score, with no
        // pass over the clause's documents after (a word found in most documents, "ketamine").
        const [term, w] = expanded.entries().next().value as [string, number];
        allTerms.add(term);
        const p = reader.postings(term);
        const add = isCommon ? 0 : 1;
        for (let i = 0, doc = 0, last = -1; i < p.length; i += 2, last = doc) {
          doc += p[i]!;
          // Out of range or out of order (a damaged postings file): what doc() would say.
          if (!(doc > last && doc < n)) throw new CompiledContentError('the search index is incomplete');
          if (!scored[doc]) {
            scored[doc] = 1;
            docs.push(doc);
          }
          score[doc] = score[doc]! + w * p[i + 1]!;
          matched[doc] = matched[doc]! + add;
        }
        if (!isCommon) counted++;
        return;
      }
      for (const [term, w] of expanded) {
        allTerms.add(term);
        const p = reader.postings(term);
        for (let i = 0, doc = 0; i < p.length; i += 2) {
          doc += p[i]!;
          const v = w * p[i + 1]!;
          if (inClause[doc] === number) {
            if (v > best[doc]!) best[doc] = v;
          } else if (doc >= 0 && doc < n) {
            // give(), written out for a document in range: called per posting, it was among the
            // functions a no-match question at 10,000 modules had the optimising compiler build.
            inClause[doc] = number;
            best[doc] = v;
            clauseDocs.push(doc);
          } else give(doc, v, number, true);
        }
      }
    }
    // So a word in very many documents ("ketamine") adds its score but does not count for coverage.
    if (!isCommon) counted++;
    for (const doc of clauseDocs) {
      if (!scored[doc]) {
        scored[doc] = 1;
        docs.push(doc);
      }
      score[doc] = score[doc]! + best[doc]!;
      if (!isCommon) matched[doc] = matched[doc]! + 1;
    }
    clauseDocs.length = 0;
  });

  const range = opts.type ? reader.meta.ranges[opts.type] : undefined;
  const tagged = opts.tag ? reader.tagged(opts.tag.toLowerCase()) : undefined;
  // In `best`, no longer needed, rather than an array of its own: at 10,000 modules (149,060
  // documents) each array by document number is pages a common word touches one by one.
  const rank = best;
  const coverageOf = (doc: number) => (counted ? matched[doc]! / counted : 1);
  // Without a filter every scored document is a candidate: `docs` itself, with no copy made a
  // document at a time.
  const filtered = Boolean(range || tagged);
  const candidates: number[] = filtered ? [] : docs;
  for (const doc of docs) {
    if (range && (doc < range[0] || doc >= range[1])) continue;
    if (tagged && !tagged.has(doc)) continue;
    // Documents that match more of the query's words come first (coverageOf, written out, as give).
    const coverage = counted ? matched[doc]! / counted : 1;
    rank[doc] = (score[doc]! / 100) * coverage * coverage;
    if (filtered) candidates.push(doc);
  }
  const phrases = clauses.filter((c) => c.phrase).map((c) => c.words.join(' '));
  // Without phrases the first `limit` are the results; with them, more may be needed.
  const ranked = !phrases.length && opts.limit <= 100 ? topOf(candidates, rank, opts.limit) : candidates.sort((a, b) => rank[b]! - rank[a]! || a - b);

  const results: SearchResult[] = [];
  for (let i = 0; i < ranked.length && results.length < opts.limit; i++) {
    if (phrases.length && i >= MAX_PHRASE_CHECKS) break;
    const n = ranked[i]!;
    const score = rank[n]!;
    const coverage = coverageOf(n);
    const d = reader.doc(n);
    if (phrases.length) {
      const all = squash(`${d.title}\n${d.more}\n${d.text}`);
      if (!phrases.every((p) => ` ${all} `.includes(` ${p} `))) continue;
    }
    results.push({
      type: d.type, id: d.id, ...(d.module && { module: d.module }), ...(d.section && { section: d.section }),
      title: d.title, score: Math.round(score * 100) / 100, coverage: Math.round(coverage * 100) / 100,
      snippet: opts.bare ? [] : snippet(d.text, allTerms, undefined, d.pos), command: commandFor(d),
      // Indexes built before `help` existed: ask the layer (a few regular expressions).
      help: opts.bare ? [] : (d.help ?? (reader.meta.help ? [] : helpNeeded(d.title, d.text, d.more))),
    });
  }
  return results;
}

/** Folded words of a query, for suggestions when nothing matched. */
export function queryWords(input: string): string[] {
  return parseQuery(input).flatMap((c) => c.words).filter((w) => !STOP_WORDS.has(w)).map(fold);
}
