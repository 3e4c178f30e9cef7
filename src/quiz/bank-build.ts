/**
 * The bank's files as the compile writes them: quiz.json as it always was, and quiz-index.json
 * (read by bank.ts), so that a run reads only the questions it shows and the exports skip the
 * claims and the safety check they would otherwise redo per question on every run.
 */
import type { ClaimRow, CompiledQuiz } from '../store.js';
import { INDEX_FILE, INDEX_VERSION, QUIZ_FILE, toRow, type IndexEntry, type QuizIndex } from './bank.js';
import { evidenceLabels, toExport } from './export/types.js';
import { shownHelp } from './export/help.js';
import type { HelpKind } from '../safety/index.js';
import type { CompiledQuestion } from '../store.js';

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
    return toRow(e, tags.at(e.tags), evidence.at(e.evidence));
  });
  const index: QuizIndex = { version: INDEX_VERSION, bytes: Buffer.byteLength(text), tags: tags.lists, evidence: evidence.lists, questions: rows };
  return [
    [QUIZ_FILE, text],
    [INDEX_FILE, JSON.stringify(index)],
  ];
}
