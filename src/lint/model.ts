/**
 * What `kap lint` knows, compiled from the content at build time, in `lint/` beside
 * catalog.json. A run reads what its draft needs, so that it holds at 10,000 modules:
 * `index.json` (references, errata, the article's wrong claims, the myths: small, whatever the content),
 * the term shards of the draft's words (`t<n>.json`: idf, whether a topic names it, postings,
 * for the terms of claims and quotes), the topic shards (`p<n>.json`: the words of topics' names
 * that are in no claim or quote, asked only of a sentence with a hype word: at 10,000 modules
 * they are most of the terms),
 * the documents' weights (`docs.json`), and the details of only the claims a finding names
 * (`c<n>.json`).
 */
import type { Certainty, Design, Verdict } from '../content/model.js';

export const LINT_VERSION = 7;
export const LINT_DIR = 'lint';

export interface LintClaim {
  id: string;
  module: string;
  /** Plain text, citations removed. */
  text: string;
  certainty: Certainty;
  design: Design;
  sources: string[];
  /** Index terms (stems), each once. */
  terms: string[];
  /** The terms of each sentence of a claim of several: a draft often states one of them. */
  parts?: string[][];
  /** The article's claim, for claims that check one. */
  article?: { quote: string; terms: string[]; verdict: Verdict; correction: string; cited: string[] };
  /** Wrong statements of the claim's point made elsewhere (content/model.ts Claim.myths), with their terms. */
  myths?: { text: string; terms: string[] }[];
}

/** What a finding says of a claim: read on demand (`c<n>.json`). */
export type ClaimDetail = Pick<LintClaim, 'id' | 'text' | 'certainty' | 'design' | 'sources'>;

export interface LintReference {
  key: string;
  /** Folded family names, first author first. */
  families: string[];
  year: string;
  /** "(Furukawa et al., 2005)" */
  inText: string;
  /** APA reference, plain text. */
  reference: string;
  /** The work was retracted: cited as evidence, rule wrong-source says so. */
  retracted?: true;
}

export interface LintErratum {
  key: string;
  /** How the article wrote the citation where it got it wrong: "Furikawa et al., 2005". */
  misspelt: { text: string; families: string[]; year: string }[];
  /** What the article cited this source for, as terms. */
  citedFor: string;
  citedForTerms: string[];
  /** The weight (summed idf) of citedForTerms. */
  citedForWeight: number;
  supports: boolean;
  instead: string[];
}

/** One of the article's wrong claims (rule 1), with what matching it needs, decided at build time. */
export interface WrongClaim {
  claim: ClaimDetail;
  verdict: Verdict;
  correction: string;
  /** The quote's terms, its rare ones, its weight, and how many negations it has. */
  terms: string[];
  rare: string[];
  weight: number;
  negated: number;
  /** The terms of kap's claim (the correction as stated) and the idf of each: a sentence nearer them than the quote states the correction. */
  fixTerms: string[];
  fixIdf: number[];
}

/** A wrong statement made outside the article (rule 1): a sentence with all of its terms, in order, in one clause, states it (rules.ts statedMyth). */
export interface Myth {
  claim: ClaimDetail;
  /** The myth as written in the content. */
  text: string;
  terms: string[];
}

/** index.json */
export interface LintHead {
  version: number;
  references: LintReference[];
  errata: LintErratum[];
  wrong: WrongClaim[];
  myths: Myth[];
  /** How many term shards (`t<n>.json`, by termShard). */
  shards: number;
  /** How many topic shards (`p<n>.json`, by termShard). */
  topicShards: number;
  /** Claims a details file (`c<n>.json` has claims n*chunk … ). */
  chunk: number;
}

/**
 * `keys.json`: the references' keys, each once, in order, with each one lower-cased and its
 * letter groups (text/distance.ts lettersOf), as the nearest-key look-up reads them (rules.ts
 * nearKeysOf), read only for a draft that cites a key no reference has.
 */
export interface NearKeys {
  keys: string[];
  lower: string[];
  letters: number[];
}

/** A term shard entry: [idf (0: in no claim or quote), topic (1: a topic's name has it), ...postings]. */
export type TermEntry = number[];

/** docs.json: the matching documents (see match.ts), in document order. */
export interface LintDocs {
  /** Each document's claim, numbered as the details files number them. */
  claim: number[];
  /** Each document's weight: the sum of its terms' idf (thousandths). */
  weight: number[];
  /** Each document's claim's certainty and design, as FLAG bits. */
  flags: number[];
}

export const FLAG = { low: 1, veryLow: 2, preclinical: 4, opinion: 8 } as const;

export const termShard = (term: string, shards: number) => termHash(term) % shards;
/** FNV-1a over a term's code units, unsigned (words-wasm.ts reads it for each term of a plain draft). */
export const termHash = (term: string) => {
  let h = 2166136261;
  for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 16777619);
  return h >>> 0;
};
export const shardFile = (n: number) => `${LINT_DIR}/t${n}.json`;
/** A topic shard: { term: 1 } for the words of topics' names that are in no claim or quote. */
export const topicFile = (n: number) => `${LINT_DIR}/p${n}.json`;
export const claimsFile = (n: number) => `${LINT_DIR}/c${n}.json`;
export const DOCS_FILE = `${LINT_DIR}/docs.json`;
export const KEYS_FILE = `${LINT_DIR}/keys.json`;
export const HEAD_FILE = `${LINT_DIR}/index.json`;
