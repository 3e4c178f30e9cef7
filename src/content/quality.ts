/**
 * Editorial quality checks, beyond the schema: sources, hype words, the article's errors
 * repeated as fact, the suicide help block, fact-check coverage and reading grade (grades.ts). Pure:
 * a loaded content set in, problems out.
 */
import type { Problem } from '../errors.js';
import { fileLinesOf, type ContentSet } from './load.js';
import { splitBody } from './body.js';
import { mayNeedCrisis, needsCrisis } from '../safety/index.js';
import { helpForModule, helpForQuestion, helpForTerm } from '../safety/items.js';
import type { Module, Question, Term } from './model.js';

// One detector, the safety layer's: what the renderers show is what this check sees.
const mentionsSuicide = (m: Module) => helpForModule(m).includes('crisis');
const termMentionsSuicide = (t: Term) => helpForTerm(t).includes('crisis');
const questionMentionsSuicide = (q: Question) => helpForQuestion(q).includes('crisis');
import { findAll, locate, maskQuotes } from './scan.js';
import { gradeProblems } from './grades.js';
import { compute, type Remember } from './remember.js';

/** Items in fact-check.md §4, each of which needs exactly one claim with `article.factcheck`. */
export const FACTCHECK_ITEMS = 15;

export const HYPE = /\b(?:cure[sd]?|miracle|breakthrough|proven)\b/i;

/** The article's errors that content must not repeat as fact (outside quotations). */
export const ARTICLE_ERRORS: { pattern: RegExp; why: string }[] = [
  { pattern: /\besketamine,?\s+(?:is\s+)?a\s+derivative\b/i, why: 'esketamine is the S-enantiomer of ketamine, not a derivative (fact-check item 1)' },
  { pattern: /\bapproved\s+for\s+(?:treating\s+)?a\s+range\s+of\s+conditions\b/i, why: 'esketamine is approved for two depression indications only (fact-check item 2)' },
  { pattern: /\bFurikawa\b/, why: '"Furikawa" misspells Furukawa (fact-check 1.1)' },
  { pattern: /\bRush\s+(?:&|and)\s+These\b/, why: '"These" misspells Thase (fact-check 1.4)' },
  { pattern: /\b118-1198\b/, why: 'the page range "118-1198" is wrong (fact-check 1.4)' },
  { pattern: /\bglumate\b/i, why: '"glumate" misspells glutamate (fact-check item 6)' },
  { pattern: /\bNMDA\)?,?\s+is\s+a\s+glutamate\s+receptor\b/i, why: 'NMDA is the agonist; the receptor is the NMDA receptor (fact-check item 6)' },
  { pattern: /\boptimal\s+homeostasis\b/i, why: 'no evidence supports "optimal homeostasis" (fact-check item 7)' },
];

/** One piece of text a reader sees, with where it starts. */
interface Text {
  file: string;
  /** First line of the text (body: exact; YAML field: the line to search from). */
  line: number;
  exact: boolean;
  field: string;
  text: string;
  /** Wrong on purpose (a quiz distractor): exempt from the article-error check. */
  wrong?: boolean;
}

function texts(set: ContentSet): Text[] {
  const out: Text[] = [];
  for (const { module: m, lines } of set.modules) {
    const at = (line: number, field: string, text: string, exact = false) => out.push({ file: m.file, line, exact, field, text });
    at(1, 'title', m.title);
    at(lines.summary, 'summary', m.summary);
    at(lines.body, 'body', m.body, true);
    for (const c of m.claims) {
      const line = lines.claims.get(c.id) ?? 1;
      at(line, `claims.${c.id}.text`, c.text);
      if (c.article) at(line, `claims.${c.id}.article.correction`, c.article.correction);
    }
  }
  for (const { term: t, line, file } of set.terms) out.push({ file, line, exact: false, field: `${t.id}.definition`, text: t.definition });
  for (const { question: q, line, file } of set.questions) {
    const at = (field: string, text: string, wrong = false) => out.push({ file, line, exact: false, field: `${q.id}.${field}`, text, wrong });
    at('question', q.question);
    q.choices.forEach((c, i) => {
      at(`choices[${i}].text`, c.text, !c.correct);
      if (c.why) at(`choices[${i}].why`, c.why);
    });
    at('explanation', q.explanation);
  }
  return out;
}

/** Hype words (warnings) and the article's errors (errors), outside quotations. */
function wording(set: ContentSet, fileLines: (file: string) => string[], remember: Remember): Problem[] {
  const out: Problem[] = [];
  for (const t of texts(set)) {
    // Where in the text: a function of the text alone (remembered); where in the file, of the file.
    const found = remember('wording', t.text, () => {
      const visible = maskQuotes(t.text);
      return { hype: findAll(visible, HYPE), errors: ARTICLE_ERRORS.map((e) => findAll(visible, e.pattern)) };
    });
    const lineOf = (hit: { line: number; match: string }) => (t.exact ? t.line + hit.line - 1 : locate(fileLines(t.file), t.line, hit.match));
    for (const hit of found.hype)
      out.push({ file: t.file, line: lineOf(hit), severity: 'warning', message: `${t.field}: hype word "${hit.match}": say what the evidence shows, with its certainty (or quote it)` });
    if (t.wrong) continue;
    ARTICLE_ERRORS.forEach((e, i) => {
      for (const hit of found.errors[i]!)
        out.push({ file: t.file, line: lineOf(hit), severity: 'error', message: `${t.field}: repeats an error of the article as fact: ${e.why}; correct it, or quote the article in quotation marks` });
    });
  }
  return out;
}


/**
 * Lines of a file, from `from` to before `to`, that mention suicide (ids and keys excluded).
 * `text`, the file's whole text, is asked first: most files never mention it, and a line that
 * does still does within the whole (normalise drops or swaps characters one by one and only
 * shortens runs of white space, joining a hyphen to the next line: a line's match stays a match,
 * its edges still word boundaries), so a text without a mention has no line with one.
 */
function suicideLines(text: string, linesOf: () => string[], from: number, to: number): number[] {
  if (!needsCrisis(text)) return [];
  const out: number[] = [];
  const lines = linesOf();
  for (let i = from; i < Math.min(to, lines.length + 1); i++) {
    const l = lines[i - 1]!;
    if (mayNeedCrisis(l) && needsCrisis(l) && !/^\s*-?\s*(?:id|module|tags|related|sources):/.test(l)) out.push(i);
  }
  return out;
}

/** The renderers' suicide detection, injectable so that tests can show the check firing. */
export interface SuicideDetection {
  module: typeof mentionsSuicide;
  term: typeof termMentionsSuicide;
  question: typeof questionMentionsSuicide;
}
const DETECTION: SuicideDetection = { module: mentionsSuicide, term: termMentionsSuicide, question: questionMentionsSuicide };

/** Wherever a file mentions suicide, the renderer's detection must see it, so the help block shows. */
function helpBlocks(set: ContentSet, fileLines: (file: string) => string[], detect: SuicideDetection, remember: Remember): Problem[] {
  const out: Problem[] = [];
  const miss = (file: string, line: number, what: string) =>
    out.push({ file, line, severity: 'error', message: `mentions suicide, but ${what} would show no help block (update the detection in src/safety/detect.ts)` });
  // The renderers' own detection is a function of the item's text (a module's: its file); one injected by a test is asked each time.
  const own = detect === DETECTION;
  for (const { module: m } of set.modules) {
    const hits = remember('crisis-lines', m.raw, () => suicideLines(m.raw, () => m.raw.split('\n'), 1, Infinity).filter((l) => !/^\s*aliases:/.test(m.raw.split('\n')[l - 1]!)));
    if (hits.length && !(own ? remember('module-crisis', m.raw, () => detect.module(m)) : detect.module(m))) miss(m.file, hits[0]!, `module "${m.id}"`);
  }
  const items = <T extends { line: number; file: string }>(list: T[], detect: (x: T) => boolean, text: (x: T) => unknown, name: (x: T) => string) => {
    const sorted = [...list].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    const byFile = new Map<string, number[]>();
    const fileHits = (file: string) => byFile.get(file) ?? (byFile.set(file, remember('crisis-lines', set.texts.get(file) ?? '', () => suicideLines(set.texts.get(file) ?? '', () => fileLines(file), 1, Infinity))), byFile.get(file)!);
    sorted.forEach((x, i) => {
      const next = sorted[i + 1]?.file === x.file ? sorted[i + 1]!.line : Infinity;
      const hits = fileHits(x.file).filter((l) => l >= x.line && l < next);
      if (hits.length && !(own ? remember('item-crisis', JSON.stringify(text(x)), () => detect(x)) : detect(x))) miss(x.file, hits[0]!, name(x));
    });
  };
  items(set.terms, (t) => detect.term(t.term), (t) => t.term, (t) => `the term view of "${t.term.id}"`);
  items(set.questions, (q) => detect.question(q.question), (q) => q.question, (q) => `the feedback of "${q.question.id}"`);
  return out;
}

/** Each module needs a source; each fact-check item 1-15 exactly one claim (main content only). */
function coverage(set: ContentSet): Problem[] {
  const out: Problem[] = [];
  for (const { module: m, lines } of set.modules)
    if (!m.cites.length && !m.claims.some((c) => c.sources.length))
      out.push({ file: m.file, line: lines.id, severity: 'error', message: 'sources: the module cites nothing; cite a source in the body ([@key]) or give a claim its sources' });

  const seen = new Map<number, string>();
  let first: { file: string; line: number } | undefined;
  for (const { module: m, lines } of set.modules)
    for (const c of m.claims) {
      const n = c.article?.factcheck;
      if (n === undefined) continue;
      const line = lines.claims.get(c.id) ?? 1;
      first ??= { file: m.file, line };
      const field = `claims.${c.id}.article.factcheck`;
      if (n < 1 || n > FACTCHECK_ITEMS) out.push({ file: m.file, line, severity: 'error', message: `${field}: ${n} is not an item of fact-check.md section 4 (1-${FACTCHECK_ITEMS})` });
      else if (seen.has(n)) out.push({ file: m.file, line, severity: 'error', message: `${field}: item ${n} already has a claim ("${seen.get(n)}"); each item has exactly one` });
      else seen.set(n, c.id);
    }
  const missing = Array.from({ length: FACTCHECK_ITEMS }, (_, i) => i + 1).filter((n) => !seen.has(n));
  if (first && missing.length)
    out.push({ file: first.file, line: first.line, severity: 'error', message: `fact-check items with no claim: ${missing.join(', ')} (each item 1-${FACTCHECK_ITEMS} of fact-check.md section 4 needs one claim with article.factcheck)` });
  return out;
}

/** `remember`: per-text results kept from earlier compiles (remember.ts). */
export function checkQuality(set: ContentSet, detect: SuicideDetection = DETECTION, remember: Remember = compute): Problem[] {
  const fileLines = fileLinesOf(set);
  return [...coverage(set), ...wording(set, fileLines, remember), ...helpBlocks(set, fileLines, detect, remember), ...gradeProblems(set, remember)];
}
