/**
 * The bank's files as the compile writes them: quiz.json as it always was, kap review's
 * fingerprints (review-fp.json), and quiz-index.json
 * (read by bank.ts), so that a run reads only the questions it shows and the exports skip the
 * claims and the safety check they would otherwise redo per question on every run.
 */
import type { ClaimRow, CompiledQuiz } from '../store.js';
import { INDEX_FILE, INDEX_VERSION, QUIZ_FILE, toRow, type BankQuestion, type IndexEntry, type QuizIndex } from './bank.js';
import { MARKDOWN_FILE, MARKDOWN_VERSION, type MarkdownHead } from './markdown-bank.js';
import { DIGIT_BITS, DIGIT_ZERO, MOST_CHOICES, NUMBER_DIGITS, ROW_DIGITS } from './handout-layout.js';
import { mdQuestion, type MdQuestion } from './export/markdown.js';
import { evidenceLabels, toExport } from './export/types.js';
import { shownHelp } from './export/help.js';
import type { HelpKind } from '../safety/index.js';
import type { CompiledQuestion } from '../store.js';
import { fingerprintsFile } from '../review/fingerprint.js';
import { UNSAFE_CHAR } from '../text/sanitize.js';
import { FP_FILE } from '../review/fingerprints-file.js';

/** Every order of 0..n-1. */
function orders(n: number): number[][] {
  if (n <= 1) return [Array.from({ length: n }, (_, i) => i)];
  return orders(n - 1).flatMap((o) => Array.from({ length: n }, (_, at) => [...o.slice(0, at), n - 1, ...o.slice(at)]));
}

/**
 * The help an export asks for the question's shown text (its choices in the shown order), when
 * that is the same for every order; undefined when it is not (a run then asks itself). Detection
 * reads the texts joined, so in principle words could meet across two texts in one order only.
 */
export function orderFreeHelp(q: CompiledQuestion): HelpKind[] | undefined {
  if (q.choices.length > 6) return undefined;
  let kinds: string | undefined;
  for (const order of orders(q.choices.length)) {
    const k = shownHelp(toExport([{ question: q, order }])[0]!);
    if (kinds === undefined) kinds = k.join();
    else if (kinds !== k.join()) return undefined;
  }
  return kinds ? (kinds.split(',') as HelpKind[]) : [];
}

/** Question id → orderFreeHelp's answer, worked out earlier (the compile's memo). */
export type ShownHelp = Map<string, HelpKind[] | undefined>;

/**
 * [file, text] pairs: quiz.json and its index. `claims`: every compiled claim (claims.json's);
 * `known`: order-free help already worked out, by question id (the rest is worked out here).
 */
export function quizFiles(quiz: CompiledQuiz, claims: ClaimRow[], known?: ShownHelp): [string, string][] {
  const text = JSON.stringify(quiz);
  const byModule = new Map<string, ClaimRow[]>();
  for (const c of claims) {
    const rows = byModule.get(c.module);
    if (rows) rows.push(c);
    else byModule.set(c.module, [c]);
  }
  // Lists many questions share, written once: each row names its list by number.
  const shared = () => {
    const lists: string[][] = [];
    const seen = new Map<string, number>();
    return { lists, at: (l: string[]) => seen.get(JSON.stringify(l)) ?? (seen.set(JSON.stringify(l), lists.push(l) - 1), lists.length - 1) };
  };
  const tags = shared();
  const evidence = shared();
  const help = shared();
  // Where each question's JSON sits: JSON.stringify writes them one after another, comma-separated.
  let at = text.indexOf('[', text.indexOf('"questions"')) + 1;
  let byte = Buffer.byteLength(text.slice(0, at));
  const handout: (Omit<MdQuestion, 'help'> & { help: string | null })[] = [];
  const rows = quiz.questions.map((q) => {
    const json = JSON.stringify(q);
    if (text.slice(at, at + json.length) !== json) throw new Error(`quiz index: question ${q.id} is not where it was expected in ${QUIZ_FILE}`);
    const bytes = Buffer.byteLength(json);
    const span: [number, number] = [byte, byte + bytes];
    at += json.length + 1;
    byte += bytes + 1;
    const shown = known?.has(q.id) ? known.get(q.id) : orderFreeHelp(q);
    const e: IndexEntry = {
      id: q.id,
      module: q.module,
      tags: q.tags,
      difficulty: q.difficulty,
      choices: q.choices.length,
      help: q.help!,
      start: span[0],
      end: span[1],
      evidence: evidenceLabels(q.module, q.sources.map((s) => s.key), byModule.get(q.module) ?? []),
      shown: shown ?? null,
    };
    // The handout's text of the question, in the written order; its help only when no order changes it.
    const question: BankQuestion = { ...q, evidence: e.evidence, ...(shown && { shownHelp: shown }) };
    const md = mdQuestion(toExport([{ question, order: q.choices.map((_, i) => i) }])[0]!);
    handout.push({ ...md, help: shown ? md.help : null });
    return toRow(e, tags.at(e.tags), evidence.at(e.evidence), (l) => help.at(l));
  });
  const index: QuizIndex = { version: INDEX_VERSION, bytes: Buffer.byteLength(text), tags: tags.lists, evidence: evidence.lists, help: help.lists as HelpKind[][], questions: rows };
  return [
    [QUIZ_FILE, text],
    [INDEX_FILE, JSON.stringify(index)],
    [MARKDOWN_FILE, markdownBank(handout, index.bytes)],
    [FP_FILE, fingerprintsFile(quiz.questions, claims)],
  ];
}

/**
 * quiz-markdown.txt: a head line (JSON), a line of the table, then the texts, UTF-8, one after
 * another (markdown-bank.ts reads it, handout-wasm-code.ts writes handouts from it). The table
 * has a row per question, in the bank's order, of ROW_NUMBERS numbers (handout-layout.ts): how many choices, the key, where its texts start, then the end of each text (id,
 * question, MOST_CHOICES choices and why-nots, the missing ones empty, explanation, help,
 * tail), in bytes from the texts' start; a row of the highest digits for a question whose help depends on the
 * order of its choices (or with more choices, or, in principle, with a character the boundary
 * would refuse): it is left to the exporter.
 */
function markdownBank(questions: (Omit<MdQuestion, 'help'> & { help: string | null })[], quizBytes: number): string {
  const texts: string[] = [];
  let at = 0;
  const add = (t: string) => {
    texts.push(t);
    return (at += Buffer.byteLength(t));
  };
  const most = 2 ** (DIGIT_BITS * NUMBER_DIGITS) - 1;
  const digits = (n: number) => {
    if (!(n >= 0 && n < most)) throw new Error(`${MARKDOWN_FILE}: ${n} does not fit its table`);
    let s = '';
    for (let d = NUMBER_DIGITS - 1; d >= 0; d--) s += String.fromCharCode(DIGIT_ZERO + ((n >> (DIGIT_BITS * d)) & (2 ** DIGIT_BITS - 1)));
    return s;
  };
  const rows = questions.map((q) => {
    // Cleaned when escaped (mdEscape's oneLine), and checked again: the file holds nothing the
    // output boundary would not write as it is (such a question is left to the exporter).
    if (q.help === null || q.choices.length > MOST_CHOICES || [q.id, q.question, ...q.choices, ...q.whys, q.explanation, q.help, q.tail].some((t) => UNSAFE_CHAR.test(t))) return String.fromCharCode(DIGIT_ZERO + 2 ** DIGIT_BITS - 1).repeat(ROW_DIGITS);
    const pad = (ends: number[]) => [...ends, ...Array<number>(MOST_CHOICES - ends.length).fill(at)];
    const row = [q.choices.length, q.key, at, add(q.id), add(q.question)];
    row.push(...pad(q.choices.map(add)));
    row.push(...pad(q.whys.map(add)), add(q.explanation), add(q.help), add(q.tail));
    return row.map(digits).join('');
  });
  const head: MarkdownHead = { version: MARKDOWN_VERSION, bytes: quizBytes, rows: rows.length, size: at };
  return `${JSON.stringify(head)}\n${rows.join('')}\n${texts.join('')}`;
}
