/**
 * The bank's files as the compile writes them: quiz.json as it always was, kap review's
 * fingerprints (review-fp.json), and quiz-index.json
 * (read by bank.ts), so that a run reads only the questions it shows and the exports skip the
 * claims and the safety check they would otherwise redo per question on every run.
 */
import type { ClaimRow, CompiledQuiz } from '../store.js';
import { INDEX_FILE, INDEX_VERSION, QUIZ_FILE, toRow, type BankQuestion, type IndexEntry, type QuizIndex } from './bank.js';
import { MARKDOWN_FILE, MARKDOWN_VERSION, type MarkdownHead } from './markdown-bank.js';
import { mdQuestion, type MdQuestion } from './export/markdown.js';
import { evidenceLabels, toExport } from './export/types.js';
import { shownHelp } from './export/help.js';
import type { HelpKind } from '../safety/index.js';
import type { CompiledQuestion } from '../store.js';
import { fingerprintsFile } from '../review/fingerprint.js';
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
      at: span,
      evidence: evidenceLabels(q.module, q.sources.map((s) => s.key), byModule.get(q.module) ?? []),
      ...(shown && { shown }),
    };
    // The handout's text of the question, in the written order; its help only when no order changes it.
    const question: BankQuestion = { ...q, evidence: e.evidence, ...(shown && { shownHelp: shown }) };
    const md = mdQuestion(toExport([{ question, order: q.choices.map((_, i) => i) }])[0]!);
    handout.push({ ...md, help: shown ? md.help : null });
    return toRow(e, tags.at(e.tags), evidence.at(e.evidence));
  });
  const index: QuizIndex = { version: INDEX_VERSION, bytes: Buffer.byteLength(text), tags: tags.lists, evidence: evidence.lists, questions: rows };
  return [
    [QUIZ_FILE, text],
    [INDEX_FILE, JSON.stringify(index)],
    [MARKDOWN_FILE, markdownBank(handout, index.bytes)],
    [FP_FILE, fingerprintsFile(quiz.questions, claims)],
  ];
}

// ASCII (\u escapes): the file's characters are its bytes, and it decodes as one-byte text.
const ascii = (json: string) => json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** quiz-markdown.json: a head line (where each question's line is), then a line per question, in the bank's order. */
function markdownBank(questions: unknown[], quizBytes: number): string {
  const lines = questions.map((q) => ascii(JSON.stringify(q)));
  const spans = (start: number) => {
    let at = start;
    return lines.map((l): [number, number] => [at, (at += l.length + 1) - 1]);
  };
  // The head's length depends on the spans it lists: grown until it holds still (twice at most).
  let head = '';
  for (let guess = 0; ; ) {
    const h: MarkdownHead = { version: MARKDOWN_VERSION, bytes: quizBytes, at: spans(guess) };
    head = `${JSON.stringify(h)}\n`;
    if (head.length === guess) break;
    guess = head.length;
  }
  return head + lines.join('\n') + '\n';
}
