/** Types of content as authored (source) and as compiled for run time. */

export const KINDS = ['start', 'basics', 'article-point', 'mechanism', 'therapy', 'condition', 'safety', 'about'] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_LABELS: Record<Kind, string> = {
  start: 'Start here',
  basics: 'Ketamine and esketamine',
  'article-point': "The article's three points",
  mechanism: 'Mechanisms',
  therapy: 'Therapy',
  condition: 'Evidence by condition',
  safety: 'Safety and access',
  about: 'About the article and kap',
};

export const DESIGNS = [
  'systematic-review', 'rct', 'open-label', 'observational', 'case-series',
  'preclinical', 'mechanism', 'regulatory-label', 'guideline', 'opinion',
] as const;
export type Design = (typeof DESIGNS)[number];

export const DESIGN_LABELS: Record<Design, string> = {
  'systematic-review': 'Systematic review',
  rct: 'RCT',
  'open-label': 'Open-label',
  observational: 'Observational',
  'case-series': 'Case series',
  preclinical: 'Preclinical',
  mechanism: 'Mechanism',
  'regulatory-label': 'Regulatory label',
  guideline: 'Guideline',
  opinion: 'Opinion/practice',
};

export const CERTAINTIES = ['high', 'moderate', 'low', 'very-low'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

export const VERDICTS = ['supported', 'partly-supported', 'overstated', 'unsupported', 'misattributed'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface ArticleCheck {
  quote: string;
  cited: string[];
  verdict: Verdict;
  correction: string;
  factcheck?: number;
}

export interface Claim {
  id: string;
  text: string;
  design: Design;
  certainty: Certainty;
  sources: string[];
  article?: ArticleCheck;
  /**
   * Wrong statements of this claim's point made outside the article ("Ketamine prevents
   * suicide."), each stated positively: `kap lint` flags a draft sentence that states one, and
   * gives the claim as the correction.
   */
  myths?: string[];
}

export interface ModuleMeta {
  id: string;
  title: string;
  kind: Kind;
  articlePoint?: number;
  aliases: string[];
  summary: string;
  tags: string[];
  related: string[];
  reviewed: string;
  /** Where the module came from: "built-in" or a content pack's folder. */
  origin?: string;
}

/** A module as parsed from its file. */
export interface Module extends ModuleMeta {
  file: string;
  claims: Claim[];
  body: string;
  /** The whole file, for `--raw`. */
  raw: string;
  /** Keys cited in the body, in order of first use. */
  cites: string[];
}

export interface Term {
  id: string;
  term: string;
  aliases: string[];
  definition: string;
  module: string;
  sources: string[];
}

export interface Choice {
  text: string;
  correct: boolean;
  why?: string;
}

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export interface Question {
  id: string;
  module: string;
  difficulty: Difficulty;
  question: string;
  choices: Choice[];
  explanation: string;
  sources: string[];
}

export interface Erratum {
  key: string;
  articleText: string;
  inText: string;
  errors: string[];
  citedFor: string;
  supports: boolean;
  instead: string[];
}

/** CSL-JSON, loosely typed: citation processors own its details. */
export type CslItem = { id: string; type: string; [field: string]: unknown };
