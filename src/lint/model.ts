/** What `kap lint` knows, compiled from the content at build time (lint.json beside catalog.json). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompiledContentError } from '../errors.js';
import type { Certainty, Design, Verdict } from '../content/model.js';

export const LINT_VERSION = 3;
export const LINT_FILE = 'lint.json';

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
}

export interface LintReference {
  key: string;
  /** Folded family names, first author first. */
  families: string[];
  year: string;
  /** "(Furukawa et al., 2005)" */
  inText: string;
  /** APA reference, plain text. */
  reference: string;
}

export interface LintErratum {
  key: string;
  /** How the article wrote the citation where it got it wrong: "Furikawa et al., 2005". */
  misspelt: { text: string; families: string[]; year: string }[];
  /** What the article cited this source for, as terms. */
  citedFor: string;
  citedForTerms: string[];
  supports: boolean;
  instead: string[];
}

export interface LintIndex {
  version: number;
  claims: LintClaim[];
  /** Inverse document frequency of each term over claims and quotes, in thousandths (an integer). */
  idf: Record<string, number>;
  references: LintReference[];
  errata: LintErratum[];
  /** The claims as documents for matching (src/lint/match.ts), made at build time. */
  match: LintMatchIndex;
  /** Terms of the topics' names (module ids, titles, aliases): what a sentence about kap's subject names. */
  topics?: string[];
}

export interface LintMatchIndex {
  /** Each document's claim (an index into `claims`). */
  claimOf: number[];
  /** Each document's weight: the sum of its terms' idf (thousandths). */
  weights: number[];
  /** term → the documents that have it, in order. */
  postings: Record<string, number[]>;
}

export function readLintIndex(dataDir: string): LintIndex {
  let index: LintIndex;
  try {
    index = JSON.parse(readFileSync(join(dataDir, LINT_FILE), 'utf8')) as LintIndex;
  } catch {
    throw new CompiledContentError(`no lint index in ${dataDir}`);
  }
  if (index.version !== LINT_VERSION) throw new CompiledContentError(`the lint index in ${dataDir} is from another version of kap`);
  return index;
}
