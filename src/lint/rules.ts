/**
 * kap lint's rules: pure functions from a draft's sentences and the lint index to findings.
 * Precision over recall: each rule says nothing unless the evidence for a finding is clear.
 */
import { needsCrisis } from '../safety/index.js';
import { byCodeUnit } from '../text/distance.js';
import type { Certainty } from '../content/model.js';
import { claimPicks, type ClaimPicks } from './best-claims.js';
import { draftPicks } from './draft-picks.js';
import { draftTerms, namesTopic, overlap, quoteMatcher, sentenceTerms } from './match.js';
import { hedgedWords } from './hedge.js';
import { isPlainText } from './plain-regex.js';
import { FLAG, type ClaimDetail, type LintErratum } from './model.js';
import { statedMyth } from './myths.js';
import { citationLookup, citedKeys, refsOf } from './citations.js';
import type { LintIndex } from './read.js';
import { isSpace, type Sentence } from './sentences.js';

export const RULES = {
  'known-error': { name: 'RepeatsKnownError', severity: 'error', summary: "repeats one of the article's known errors, or its misspelt citations" },
  overstated: { name: 'StrongerThanEvidence', severity: 'warning', summary: "states a claim with more certainty than kap's evidence label allows" },
  'wrong-source': { name: 'SourceDoesNotSupport', severity: 'error', summary: 'cites a source that kap records as not supporting what it is cited for, or a retracted work as evidence' },
  uncited: { name: 'UncitedClaim', severity: 'suggestion', summary: 'a check-worthy claim kap covers, with no citation nearby' },
  'unknown-citation': { name: 'UnknownCitation', severity: 'error', summary: 'a citation key, or an author-year citation, that matches no reference' },
  safety: { name: 'SafeMessaging', severity: 'warning', summary: 'mentions suicide with no help information nearby, or gives dose instructions' },
} as const;
export type RuleId = keyof typeof RULES;
export type Severity = 'error' | 'warning' | 'suggestion';
export const RULE_IDS = Object.keys(RULES) as RuleId[];

export interface Fix {
  /** A corrected wording for the flagged part. */
  replace?: string;
  /** The citation to add or use, as Pandoc writes it: [@a; @b]. */
  cite?: string;
  /** The formatted references (APA) for `cite`. */
  references?: string[];
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  fix?: Fix;
  /** The kap claim the finding rests on. */
  claim?: string;
}

/** The verb the content guide matches to each certainty. */
export const VERB: Record<Certainty, string> = { high: 'does', moderate: 'probably', low: 'may', 'very-low': 'it is uncertain whether' };

const NEGATION = /\b(not|never|no|neither|nor|cannot|isn't|aren't|wasn't|doesn't|don't|didn't|rather than|instead of|wrong(ly)?|myths?|false(ly)?|incorrect(ly)?|mistaken(ly)?|misleading)\b|n't\b/gi;
const REPORTING = /\b(the article|comer|the post|(claims?|says?|said|argues?|argued|writes?|wrote|suggests?|suggested|asserts?|asserted) that|(it|he|she|they|the author|the writer)(\s+(then|also|further|even|later))?\s+(says|said|claims|claimed|argues|argued|writes|wrote|asserts|asserted|adds|added|puts\s+forward)|according to|so-called)\b/i;
const HYPE = /\b(cures?|cured|curing|miracles?|miraculous|breakthroughs?|game[- ]changers?|proven|proves?|guarantee[sd]?|revolutionary|100 ?%)/i;
const CERTAIN = /\b(will|definitely|certainly|undoubtedly|clearly|always|is effective|are effective|works|work for|eliminates?|ensures?|(?:(?:has|have) been |is |are )?shown to|has been demonstrated|established|(studies|research|trials|evidence|science) (have |has )?(shown|shows|proved|confirmed|confirms)|as (studies|research|trials) (have )?(shown|show))\b/i;
const HEDGE = /\b(may|might|could|possibly|perhaps|probably|likely|suggests?|preliminary|uncertain|unclear|unknown|not known|whether|early|small|limited|some evidence|mixed|it is possible|not yet|not shown|no study|inferred|theory|hypothes[ie]s)\b/i;
/**
 * A sentence that says what a study did or found ("in an open-label study", "had no control
 * group", "scores fell") attributes its claim to that study: not a very-low claim stated as fact.
 */
const ATTRIBUTED = /\b(stud(y|ies)|trials?|reports?|reviews?|surveys?|case series|open-label|control group|uncontrolled|scores?|(found|showed|reported|looked at|measured|enrolled|received))\b/i;
/** A negation just before a word (at most two words between): "not clearly", "does not mean ketamine works". */
const NEGATED_BEFORE = /\b(not|never|no)\s+(\S+\s+){0,2}$|n't\s+(\S+\s+){0,2}$/i;
/** A heading that hedges its section ("What we don't know", "Open questions"). */
const HEDGING_HEADING = /\b(don'?t know|do not know|not known|unknown|uncertain(ties)?|open questions?|unanswered|gaps? in|limitations?|what is unclear)\b/i;
const HUMAN = /\b(patients?|people|humans?|adults?|clients?|depressed (people|patients)|in depression|in ptsd)\b/i;
const ANIMAL = /\b(rats?|mice|mouse|rodents?|animals?|preclinical|in the lab)\b/i;
const CHECK_WORTHY = /\d|\b(effective|efficacy|effects?|antidepressant|symptoms|(reduc|improv|reliev|increas|rais|lower|caus|prevent|fad|last|help|work)\w*|risks?|safe(ly|ty)?|side effects?|approv\w*|trials?|stud(y|ies)|evidence|more than|better than|compared|faster|rapid(ly)?|response|remission|relapse|placebo|blocks?|in (rats|mice|people|patients))\b/i;
const HELP_INFO = /\b988\b|findahelpline|helpline|hotline|lifeline|crisis (line|text|service)|samaritans|emergency number|\b911\b|\b999\b|\b112\b/i;
const DOSE_UNIT = '\\d+(?:[.,]\\d+)?\\s?(?:mg|milligrams?|mcg|µg|ml|sprays?)(?:\\s?\\/\\s?kg)?\\b';
const DOSE_UNIT_NEAR = /\d\s?(?:mg|milligram|mcg|µg|ml|spray)/i;
// A dose instruction's three forms as three regexes, asked in turn: the same test as one regex
// of the three alternatives, and each compiles in less time than the one did (a fresh process
// compiles every regex it asks).
const DOSE_INSTRUCTION = [
  `^(?:take|use|start(?: with| at)?|begin(?: with)?|try|inject|give|administer|increase|double|microdose)\\b.{0,60}${DOSE_UNIT}`,
  `\\b(?:you|patients|people|one|clients)\\s+(?:should|must|can|need to|ought to)\\s+(?:take|use|start|begin|get|try|inject|be given)\\b.{0,60}${DOSE_UNIT}`,
  `\\b(?:the right|a good|a safe|the best|an ideal|your) dose\\b.{0,40}${DOSE_UNIT}`,
].map((source) => new RegExp(source, 'i'));

export const negations = (s: string, plain = false) => (s.match(caseless(NEGATION, plain)) ?? []).length;

/**
 * A rule's pattern (each is case-insensitive, its letters lower-case ASCII) for a sentence of a
 * plain draft, asked of the sentence lower-cased: without the i flag, which compiles in about
 * half the time. The same matches, at the same offsets: in plain text (letters ASCII only, see
 * plain-regex.ts) lower-casing changes only A-Z, and the i flag folds only them.
 */
const lowered = new Map<RegExp, RegExp>();
function caseless(re: RegExp, plain: boolean): RegExp {
  if (!plain) return re;
  let r = lowered.get(re);
  if (!r) lowered.set(re, (r = new RegExp(re.source, re.flags.replace('i', ''))));
  return r;
}
/** Characters from which a draft's terms are read all at once. */
const ALL_AT_ONCE = 4_000;
/** Terms a sentence needs to state one of the article's errors. */
const MIN_TERMS = 3;
const COMMITTED = /\bcommitt?(ed|ing|s)? suicide\b/i;
const citeOf = (keys: string[]) => `[${keys.map((k) => `@${k}`).join('; ')}]`;

export interface Draft {
  sentences: Sentence[];
  /** [start, end) of each section (between headings), for "help nearby". */
  sections: [number, number][];
  /** The prose the sentences come from (paragraph breaks tell "a citation nearby"). */
  text: string;
}

export function runRules(draft: Draft, index: LintIndex): Finding[] {
  const plain = isPlainText(draft.text);
  const rx = (re: RegExp) => caseless(re, plain);
  // The patterns most sentences are asked, each resolved when first asked: not a Map look-up a
  // sentence each.
  let reporting: RegExp | undefined, hypeRx: RegExp | undefined, certainRx: RegExp | undefined, hedgeRx: RegExp | undefined;
  let checkWorthy: RegExp | undefined, committed: RegExp | undefined, doseNear: RegExp | undefined;
  const refs = new Map(index.references.map((r) => [r.key, r]));
  // The article's wrong claims (known errors; index-build.ts).
  const wrong = index.wrong;
  const wrongQuotes = quoteMatcher(wrong);
  // The sources kap's errata say do not support what they are cited for (the first erratum of a
  // key), with the weight of what they are cited for.
  const unsupported = new Map<string, { er: LintErratum; tw: number }>();
  for (const e of index.errata) if (!e.supports && !unsupported.has(e.key)) unsupported.set(e.key, { er: e, tw: e.citedForWeight });
  const findings: Finding[] = [];
  // The finding made for this call is given its severity, not copied with it (a spread of an
  // object of one of many shapes, run cold); the key order is the same, severity last.
  const add = (f: Omit<Finding, 'severity'>) => {
    (f as Finding).severity = RULES[f.rule].severity;
    findings.push(f as Finding);
  };
  const lookup = citationLookup(index, refs);
  // What the citation checks found in each sentence: later rules say nothing more of a
  // sentence already flagged (`flagged`), or flagged as a known error (`known`).
  const citeFlags = draft.sentences.map(() => ({ flagged: false, known: false }));
  const cited = draft.sentences.map((s, i) =>
    citedKeys(s, index, refs, lookup, (f) => {
      citeFlags[i]!.flagged = true;
      if (f.rule === 'known-error') citeFlags[i]!.known = true;
      add(f);
    }),
  );
  // For each sentence: does it, or a later sentence of its paragraph, cite anything?
  const citesFromHere: boolean[] = [];
  for (let i = draft.sentences.length - 1; i >= 0; i--) {
    const s = draft.sentences[i]!;
    const next = draft.sentences[i + 1];
    // The paragraph break asked last: most sentences cite, or have no citing one after them.
    citesFromHere[i] = s.keys.length + s.authorYears.length > 0 || (next !== undefined && citesFromHere[i + 1]! && !blankLine(draft.text, s.end, next.start));
  }

  const underHedge = hedgedSections(draft);

  // A long plain draft's terms, every sentence's at once (match.ts draftTerms): 5,000 words
  // 250.5M -> 246.2M instructions; for a 100-word draft the module's compile cost more.
  const lowerText = plain ? draft.text.toLowerCase() : undefined;
  const terms = plain && draft.text.length >= ALL_AT_ONCE ? draftTerms(draft.sentences.map((s) => s.own), index) : undefined;
  // And their claim picks and the quotes they touch, every sentence's in two calls (draft-picks.ts):
  // 5,000 words 232.6M -> 227.9M instructions.
  const matched = terms && draftPicks(index, terms, wrongQuotes, wrong.map((w) => w.weight));

  draft.sentences.forEach((s, i) => {
    const keys = cited[i]!;
    const own = terms ? terms[i]! : sentenceTerms(s.own, index);
    const sw = own.weight;
    let sentNegations: number | undefined;
    // Reporting words outside the citations ("(Comer, 2022)" is a citation, not "Comer says").
    // What the patterns are asked of: the sentence, lower-cased in a plain draft (caseless).
    // A sentence that quotes nothing is its own voice (sentences.ts ownVoice): a slice of the
    // draft lower-cased once (in plain text lower-casing keeps every length).
    const ask = !plain ? s.own : s.own === s.text ? lowerText!.slice(s.start, s.end) : s.own.toLowerCase();
    const voice = !s.quoted && !(reporting ??= rx(REPORTING)).test(s.keys.length + s.authorYears.length ? withoutCitations(s, ask) : ask);
    // A question asserts nothing ("Does ketamine calm the stress response?"): no known error, no overstatement.
    const question = isQuestion(s.text);
    // 1. Known errors: the article's wrong claims, stated in the writer's own voice, in a
    // sentence of at least MIN_TERMS terms (a bold lead-in, "Abuse potential.", states nothing).
    let known = citeFlags[i]!.known;
    let flagged = citeFlags[i]!.flagged;
    // A finding of this sentence's is made with add() and sets these: no closure a sentence
    // (each was allocated, with a context for what it captured, run cold).
    // Only the wrong claims that share a term with the sentence can match (in their order).
    if (voice && !question && own.list.length >= MIN_TERMS) {
      // In the module's memory for a long draft, read where they are.
      const touched = matched ? matched.quotes : wrongQuotes.touchedBy(own);
      const to = matched ? matched.quotesFrom(i + 1) : touched.length;
      for (let q = matched ? matched.quotesFrom(i) : 0; q < to; q += 3) {
        const { claim: c, verdict, correction, negated, weight: tw, fixTerms, fixIdf } = wrong[touched[q]!]!;
        const shared = touched[q + 1]!;
        // Rare words of the quote ("homeostasis", "derivative") carry the error.
        const signals = touched[q + 2]!;
        const coverage = tw ? shared / tw : 0;
        const sentCoverage = sw ? shared / sw : 0;
        if (!(coverage >= 0.6 || (signals >= 2 && (coverage >= 0.25 || sentCoverage >= 0.6)))) continue;
        if ((sentNegations ??= negations(ask, plain)) > negated) continue;
        // Nearer kap's correction than the error, the sentence states the correction ("NMDA
        // itself is a chemical that switches this receptor on", of "NMDA is a glutamate receptor").
        if (sharedWeight(fixTerms, fixIdf, own.set) > shared) continue;
        known = flagged = true;
        add({ rule: 'known-error', start: s.start, end: s.end, claim: c.id, message: `repeats an error of the article (${verdict}): ${correction}`, fix: { replace: c.text, cite: citeOf(c.sources), references: refsOf(c.sources, refs) } });
        break;
      }
    }
    // 1b. Myths (a claim's `myths` in the content), in the writer's own voice, neither negated
    // nor hedged ("may prevent" guesses).
    const myth = !known && voice && !question && own.list.length >= MIN_TERMS ? statedMyth(index, own, s.own, terms !== undefined) : undefined;
    if (myth && !((sentNegations ??= negations(ask, plain)) > 0 || (hedgeRx ??= rx(HEDGE)).test(ask))) {
      const c = myth.claim;
      known = flagged = true;
      add({ rule: 'known-error', start: s.start, end: s.end, claim: c.id, message: `repeats a known error ("${myth.text}"); the evidence (${c.certainty} certainty, ${c.design}): ${c.text}`, fix: { replace: c.text, cite: citeOf(c.sources), references: refsOf(c.sources, refs) } });
    }
    // 3. Cited for something the source does not say (kap's errata).
    for (let ki = 0; ki < keys.length; ki++) {
      const key = keys[ki]!;
      const u = unsupported.get(key);
      if (!u) continue;
      const { er } = u;
      const o = overlap(index, own, er.citedForTerms, sw, u.tw);
      const shared = er.citedForTerms.filter((t) => own.set.has(t)).length;
      if (o.coverage < 0.3 || shared < 3) continue;
      const instead = er.instead.slice(0, 3);
      flagged = true;
      add({ rule: 'wrong-source', start: s.start, end: s.end, message: `${refs.get(key)?.inText ?? key} does not support this: the article cites it for the same point, and kap's check found it does not say so${instead.length ? `; cite instead ${instead.map((k) => refs.get(k)?.inText ?? k).join(', ')}` : ''}`, fix: instead.length ? { cite: citeOf(instead), references: refsOf(instead, refs) } : undefined });
    }
    // A retracted work cited as evidence (content guide: kap cites one only to say that it was
    // retracted, so a sentence that says so is left alone, as is a quotation).
    // The matches the rules below ask about (best-claims.ts claimPicks: the first, best first, of
    // each kind), made once, when the first of them asks.
    let matches: ClaimPicks | undefined;
    for (let ki = 0; ki < keys.length; ki++) {
      const key = keys[ki]!;
      const r = refs.get(key);
      if (!r?.retracted || s.quoted || /retract/i.test(s.own)) continue;
      // When the sentence states one of kap's claims, the sources kap cites for it are the evidence to cite instead.
      const stated = (matches ??= matched ? matched.picks(i) : claimPicks(index, own)).best;
      const instead = stated ? index.claim(stated.claim).sources.filter((k) => refs.has(k) && !refs.get(k)!.retracted).slice(0, 3) : [];
      const cite = instead.length ? `; for this claim kap cites ${instead.map((k) => refs.get(k)!.inText).join(', ')}` : '';
      flagged = true;
      add({ rule: 'wrong-source', start: s.start, end: s.end, message: `${r.inText} was retracted: a retracted work is not evidence for anything; cite it only to say that it was retracted${cite}`, fix: instead.length ? { cite: citeOf(instead), references: refsOf(instead, refs) } : undefined });
    }
    if (!voice) return;
    const { best, near, weak, animal } = (matches ??= matched ? matched.picks(i) : claimPicks(index, own));
    // 2. Stronger than the evidence: hype about any topic kap covers; certainty words and
    // animal-to-human claims only where the sentence clearly states one of kap's claims (the
    // best match, or one as close, since a sentence can state two: `near`, and `weak` of them).
    if (best && !known && !question) {
      // Hype about a topic kap covers: the sentence names one ("cures" of ham is no claim). The
      // topics are asked only of a sentence with a hype word.
      const hypeWord = (hypeRx ??= rx(HYPE)).exec(ask);
      const hype = hypeWord && namesTopic(own, index) ? hypeWord : null;
      // The claims a finding names, read only then.
      const certainWord = (certainRx ??= rx(CERTAIN)).exec(ask);
      // "did not clearly beat saline", "does not mean ketamine works": a negated certainty word claims nothing.
      const certain = certainWord && !NEGATED_BEFORE.test(ask.slice(Math.max(0, certainWord.index - 30), certainWord.index)) ? certainWord : null;
      const hedged = (hedgeRx ??= rx(HEDGE)).test(ask);
      if (hype) {
        const c = near && index.claim(near.claim);
        const anyStudy = `"${writtenIn(s, hype)}" overstates what any study of ketamine has shown: say what the studies found, with the certainty they give`;
        flagged = true;
        add({
          rule: 'overstated', ...spanOf(s, hype),
          ...(!c
            ? { message: `${anyStudy} (for example "may reduce symptoms for a short time")` }
            : c.certainty === 'high'
              ? // A high-certainty claim (often a label's "not approved for") is what to say instead, not a verb for the hype.
                { claim: c.id, message: `${anyStudy}; kap's nearest claim (${c.certainty} certainty, ${c.design}): "${firstSentence(c.text)}"` }
              : // No replacement: a certainty verb does not take a hype word's place ("Ketamine does depression").
                { claim: c.id, message: `"${writtenIn(s, hype)}" is stronger than the evidence: ${labelOf(c)}; say what the studies found, in words that fit it (the content guide's verb for it is "${VERB[c.certainty]}")` }),
        });
      } else if (certain && weak && !hedged && !underHedge.has(s)) {
        const w = index.claim(weak.claim);
        const instead = hedgedWords(writtenIn(s, certain), w.certainty);
        flagged = true;
        add({ rule: 'overstated', ...spanOf(s, certain), claim: w.id, message: `"${writtenIn(s, certain)}" states as certain what ${labelOf(w)}: say ${instead ? `"${instead}"` : `"${VERB[w.certainty]} …"`}`, ...(instead && { fix: { replace: instead } }) });
      } else if (animal && rx(HUMAN).test(ask) && !rx(ANIMAL).test(ask) && !hedged) {
        const a = index.claim(animal.claim);
        flagged = true;
        add({ rule: 'overstated', start: s.start, end: s.end, claim: a.id, message: `states an animal result as a human one: the evidence for this is preclinical (${a.id})`, fix: { replace: a.text } });
      } else if (weak && weak.flags & FLAG.veryLow && weak === best && !hedged && !underHedge.has(s) && own.list.length > MIN_TERMS && !rx(ATTRIBUTED).test(ask) && best.score >= 0.4 && best.rare >= 1) {
        const w = index.claim(weak.claim);
        flagged = true;
        add({ rule: 'overstated', start: s.start, end: s.end, claim: w.id, message: `states as fact what ${labelOf(w)}: say "${VERB['very-low']} …"`, fix: { replace: w.text } });
      }
    }
    // A suggestion only where nothing stronger was said about the same sentence.
    if (best && !flagged && best.score >= 0.4 && best.shared >= 3 && !(best.flags & FLAG.opinion) && !s.line && (checkWorthy ??= rx(CHECK_WORTHY)).test(ask) && !question) {
      if (!citesFromHere[i]) {
        const c = index.claim(best.claim);
        add({ rule: 'uncited', start: s.start, end: s.end, claim: c.id, message: `no citation: kap would cite ${c.sources.map((k) => refs.get(k)?.inText ?? k).join(', ')} for this (${c.certainty} certainty, ${c.design})`, fix: { cite: citeOf(c.sources), references: refsOf(c.sources, refs) } });
      }
    }
    // 6. Safety.
    if ((committed ??= rx(COMMITTED)).test(ask)) add({ rule: 'safety', start: s.start, end: s.end, message: 'safe-messaging practice says "died by suicide" (or "suicide"), not "committed suicide"', fix: { replace: 'died by suicide' } });
    // A dose instruction has a number and a unit in it (DOSE_UNIT): most sentences have none.
    const dose = (doseNear ??= rx(DOSE_UNIT_NEAR)).test(ask) && DOSE_INSTRUCTION.some((re) => rx(re).test(ask));
    if (dose) add({ rule: 'safety', start: s.start, end: s.end, message: 'reads as a dose instruction: describe what studies used ("trials gave 0.5 mg/kg over 40 minutes") and leave dosing to a clinician' });
  });
  findings.push(...suicideWithoutHelp(draft, plain));
  return findings.sort((a, b) => a.start - b.start || byCodeUnit(a.rule, b.rule));
}

/** Does text[from, to) hold a blank line (/\n[ \t]*\n/)? Read by char code: no slice and regex call a sentence. */
export function blankLine(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (text.charCodeAt(k) !== 10) continue;
    let j = k + 1;
    while (j < to && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    if (j < to && text.charCodeAt(j) === 10) return true;
  }
  return false;
}

/** Each section, [start, end), with its sentences: both run in offset order, so one pass hands each section its own. */
function bySection(draft: Draft): { at: [number, number]; sentences: Sentence[] }[] {
  const ss = draft.sentences;
  let k = 0;
  return draft.sections.map((at) => {
    while (k < ss.length && ss[k]!.start < at[0]) k++;
    const sentences: Sentence[] = [];
    for (; k < ss.length && ss[k]!.start < at[1]; k++) sentences.push(ss[k]!);
    return { at, sentences };
  });
}

/** The sentences in a section whose heading hedges what follows (HEDGING_HEADING). */
function hedgedSections(draft: Draft): Set<Sentence> {
  const out = new Set<Sentence>();
  for (const { at: [a, b], sentences } of bySection(draft)) {
    const lineEnd = draft.text.indexOf('\n', a);
    if (a > 0 && HEDGING_HEADING.test(draft.text.slice(a, lineEnd < 0 ? b : Math.min(lineEnd, b)))) for (const s of sentences) out.add(s);
  }
  return out;
}

/** One warning per section that mentions suicide and gives no help line anywhere in it. */
function suicideWithoutHelp(draft: Draft, plain: boolean): Finding[] {
  const out: Finding[] = [];
  for (const { sentences: inSection } of bySection(draft)) {
    // The section's sentences, a line each, asked once first: neither HELP_INFO nor a crisis
    // pattern loses a match in one sentence by the others around it (a match can span lines,
    // so a crisis found in all is looked for sentence by sentence).
    const all = inSection.map((s) => s.text).join('\n');
    // needsCrisis: helpNeeded's crisis answer, without asking its emergency patterns.
    if (caseless(HELP_INFO, plain).test(plain ? all.toLowerCase() : all) || !needsCrisis(all)) continue;
    const first = inSection.find((s) => needsCrisis(s.text));
    if (first)
      out.push({ rule: 'safety', severity: RULES.safety.severity, start: first.start, end: first.end, message: 'mentions suicide with no help information nearby: add, for example, "If you are thinking about suicide, in the US and Canada call or text 988; elsewhere, find a helpline at findahelpline.com"' });
  }
  return out;
}

/**
 * Does the text end with a question mark, closing quotes or brackets and spaces after it
 * (/\?["'”’)\]]*\s*$/)? Read back from the end: the two runs' characters are apart, so the
 * longest runs are the regex's.
 */
export function isQuestion(t: string): boolean {
  let k = t.length;
  while (k > 0 && isSpace(t.charCodeAt(k - 1))) k--;
  while (k > 0 && CLOSERS.includes(t[k - 1]!)) k--;
  return k > 0 && t.charCodeAt(k - 1) === 63;
}
const CLOSERS = '"\'”’)]';

/** Where a pattern's match is in the draft, and the words it matched as the writer wrote them. */
const spanOf = (s: Sentence, m: RegExpExecArray) => ({ start: s.start + m.index, end: s.start + m.index + m[0].length });
const writtenIn = (s: Sentence, m: RegExpExecArray) => s.own.slice(m.index, m.index + m[0].length);
const labelOf = (c: ClaimDetail) => `kap rates this ${c.certainty} certainty (${c.design})`;

/** The sentence without its citations, for words about the writer's stance. */
function withoutCitations(s: Sentence, own: string): string {
  let t = own;
  for (const c of [...s.keys, ...s.authorYears]) t = t.slice(0, c.start - s.start) + ' '.repeat(c.end - c.start) + t.slice(c.end - s.start);
  return t;
}

/** A claim's first sentence, for a message (a claim can run to three). */
function firstSentence(text: string): string {
  const m = /^.*?[.!?](?=\s+[A-Z(]|$)/.exec(text);
  return m ? m[0] : text;
}

/** The summed idf of the terms the sentence has. */
function sharedWeight(terms: readonly string[], idf: readonly number[], has: ReadonlySet<string>): number {
  let w = 0;
  for (let k = 0; k < terms.length; k++) if (has.has(terms[k]!)) w += idf[k]!;
  return w;
}
