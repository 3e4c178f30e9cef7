/**
 * Which help shown text needs, from the words people actually use. Pure, no dependencies, a
 * handful of regular expressions: it runs per content item at build time and, at run time, only
 * on what a user typed (a search query) or text that carries no flags.
 *
 * Decisions (the lists in test/unit/safety-detect.test.ts are the specification):
 * - crisis: suicide and its forms (suicidal, suicidality), self-harm (self harm, selfharm,
 *   self-harming, self-injury), kill myself / yourself / themselves, end or take my own life,
 *   want to die, better off dead.
 * - emergency (and substance use): overdose, OD as a word (an OD, OD'd, ODing; not "20 mg OD",
 *   which is "once daily"), not / stopped / slowed breathing, respiratory depression or arrest,
 *   unresponsive, cannot be woken, loss of consciousness (lost, losing consciousness), misuse,
 *   drug / substance / alcohol abuse, dependence and dependency, drug- or alcohol-dependent (not
 *   "dependent" otherwise: "dose-dependent", "mTOR-dependent", "dependent variable"), addiction and addicted (not gambling, internet,
 *   phone, social-media, gaming or shopping addiction), substance or drug use disorder.
 *   Not "alcohol use disorder" by itself: kap names it as a condition studied, often in a list
 *   or a quiz distractor; the alcohol module gets the block from its words on misuse and dependence.
 * - Not: "unconscious" alone (the unconscious mind), "slow breathing" (a relaxation exercise),
 *   "harm" alone, "abuse" alone (child abuse), odd, period, method, episode, "passed out" (handouts).
 * Case does not matter; words may be split by line breaks, hyphens of any kind, soft hyphens,
 * Markdown emphasis or several spaces.
 */
import type { HelpKind } from './index.js';

/**
 * Printable ASCII without emphasis marks or a run of spaces (nearly every query): text the
 * replaces below leave as it is. One test instead of six expressions compiled on their first run.
 */
const MAY_NEED_NORMALISING = /[^\x20-\x29\x2b-\x5e\x61-\x7d]| {2}/;

/** Text as a reader sees it: one space between words, plain hyphens and apostrophes, no emphasis marks. */
export function normalise(text: string): string {
  if (!MAY_NEED_NORMALISING.test(text)) return text;
  return text
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[*_`~]+/g, '')
    .replace(/-\s*\n\s*/g, '-')
    // Every whitespace run to one space, as /\s+/g → ' ' does, but a lone space (most of them)
    // is not matched: replacing each gap between words was most of this function's time.
    .replace(/[^\S ]\s*| \s+/g, ' ');
}

const SEP = "[\\s-]*";
const ME = '(?:my|your|him|her|them|one|our)(?:sel(?:f|ves))';
const WHOSE = "(?:my|your|his|her|their|one's|our)";

/**
 * Each pattern with letters it cannot match without, in lower case (its /i matches only ASCII
 * case variants, so a lower-cased text holds them wherever it could match): kindsOf runs a
 * pattern only when the text has one of its letters. Most text has none, and compiling all
 * nineteen patterns on their first run cost ~2-4 ms of a `kap quiz export` or `kap lint`.
 */
type Pattern = readonly [() => RegExp, ...string[]];

/**
 * A pattern made when first asked: a regular expression is parsed when it is created, and
 * most runs ask none of these (~0.3M instructions of every search and explain when all were
 * made as the module loaded).
 */
const lazy = (make: () => RegExp): (() => RegExp) => {
  let re: RegExp | undefined;
  return () => (re ??= make());
};

const CRISIS: Pattern[] = [
  [lazy(() => /suicid/i), 'suicid'],
  [lazy(() => new RegExp(`\\bself${SEP}(?:harm|injur)`, 'i')), 'self'],
  [lazy(() => new RegExp(`\\bkill(?:s|ed|ing)?\\s+${ME}\\b`, 'i')), 'kill'],
  [lazy(() => new RegExp(`\\b(?:end(?:s|ed|ing)?|tak(?:e|es|ing)|took)\\s+${WHOSE}\\s+(?:own\\s+)?li(?:fe|ves)\\b`, 'i')), 'life', 'lives'],
  [lazy(() => /\bwant(?:s|ed|ing)?\s+to\s+die\b/i), 'die'],
  [lazy(() => /\bbetter\s+off\s+dead\b/i), 'dead'],
];

/**
 * False only for text kindsOf cannot find a crisis in, asked without normalising it (the content
 * check scans every line of every file): none of the crisis patterns' letters, in the ASCII
 * case variants their /i matches, and none of the characters normalise drops, which could join
 * a word split by them. Made from CRISIS, so a new pattern's letters are asked too.
 */
const MAY_NEED_CRISIS = new RegExp(`${CRISIS.flatMap(([, ...letters]) => letters).join('|')}|[*_\`~\u00ad\u200b-\u200d\u2060\ufeff]`, 'i');
export const mayNeedCrisis = (text: string): boolean => MAY_NEED_CRISIS.test(text);

const EMERGENCY: Pattern[] = [
  [lazy(() => /\bover[\s-]?dos(?:e|es|ed|ing)\b/i), 'dos'],
  // OD as a word, not after a dose ("20 mg OD" is once daily) and not inside words (odd, period).
  [lazy(() => /(?<!\d\s?(?:mg|mcg|\u00b5g|ml|g|tablets?|tabs?|caps?|units?)\s)\bOD(?:s|'d|ed|ing)?\b/i), 'od'],
  [lazy(() => /\b(?:not|stopped|slowed|stops|stopping)\s+breathing\b/i), 'breathing'],
  [lazy(() => /\brespiratory\s+(?:depression|arrest)\b/i), 'respiratory'],
  [lazy(() => /\bunresponsive\b/i), 'unresponsive'],
  [lazy(() => /\b(?:can ?not|can't|won't|couldn't)\s+(?:be\s+)?wo(?:ken|ke)(?:\s+up)?\b/i), 'wok'],
  [lazy(() => /\b(?:loss|lost|losing|loses|lose)\s+(?:of\s+)?consciousness\b/i), 'consciousness'],
  [lazy(() => /\bmisus(?:e|es|ed|ing)\b/i), 'misus'],
  [lazy(() => /\b(?:drug|substance|alcohol|ketamine|opioid)\s+abuse\b/i), 'abuse'],
  [lazy(() => /\bdependenc(?:e|es|y|ies)\b/i), 'dependenc'],
  [lazy(() => /\b(?:drug|substance|alcohol|opioid|ketamine)[\s-]dependent\b/i), 'dependent'],
  [lazy(() => /(?<!\b(?:gambling|internet|phone|smartphone|social[\s-]media|gaming|video[\s-]game|shopping|sex|porn|work)\s)\baddict(?:ion|ions|ed|s)?\b/i), 'addict'],
  [lazy(() => /\b(?:substance|drug)[\s-]use\s+disorders?\b/i), 'disorder'],
];

export interface Match {
  kind: HelpKind;
  /** The words that matched, as written (normalised). */
  words: string;
}

/** Every match, crisis first: for tests and for the content check's messages. */
export function matches(text: string): Match[] {
  const t = normalise(text);
  const out: Match[] = [];
  for (const [kind, list] of [['crisis', CRISIS], ['emergency', EMERGENCY]] as const)
    for (const [re] of list) {
      const m = re().exec(t);
      if (m) out.push({ kind, words: m[0] });
    }
  return out;
}

/** Does a pattern match normalised text `t` (`lower`: t in lower case)? Only asked where its letters are. */
const finder = (t: string, lower: string) => ([re, ...letters]: Pattern) => letters.some((w) => lower.includes(w)) && re().test(t);

/** The kinds of help `text` needs, crisis before emergency, each at most once. */
export function kindsOf(text: string): HelpKind[] {
  const t = normalise(text);
  const found = finder(t, t.toLowerCase());
  const kinds: HelpKind[] = [];
  if (CRISIS.some(found)) kinds.push('crisis');
  if (EMERGENCY.some(found)) kinds.push('emergency');
  return kinds;
}

/** kindsOf(text).includes('crisis'), without asking the emergency patterns (the content check scans every file for it). */
export function needsCrisis(text: string): boolean {
  const t = normalise(text);
  return CRISIS.some(finder(t, t.toLowerCase()));
}
