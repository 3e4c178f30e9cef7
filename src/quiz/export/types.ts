/** What every export format receives: questions in their shown order, with the key's position. */
import { LETTERS, keyIndex, type QuizItem } from '../engine.js';

export interface ExportQuestion {
  n: number;
  id: string;
  module: string;
  moduleTitle: string;
  difficulty: string;
  question: string;
  /** Shown order. */
  choices: { text: string; why?: string }[];
  /** Index of the key in `choices`. */
  key: number;
  explanation: string;
  sources: { inText: string; reference: string }[];
}

export interface ExportMeta {
  title: string;
  seed: string;
}

/** "1 question", "12 questions". */
export const countQuestions = (n: number): string => `${n} question${n === 1 ? '' : 's'}`;

export type Exporter = (qs: ExportQuestion[], meta: ExportMeta) => string;

export function toExport(items: QuizItem[]): ExportQuestion[] {
  return items.map((item, i) => {
    const q = item.question;
    return {
      n: i + 1,
      id: q.id,
      module: q.module,
      moduleTitle: q.moduleTitle,
      difficulty: q.difficulty,
      question: q.question,
      choices: item.order.map((j) => ({ text: q.choices[j]!.text, ...(q.choices[j]!.why && { why: q.choices[j]!.why }) })),
      key: keyIndex(item),
      explanation: q.explanation,
      sources: q.sources.map((s) => ({ inText: s.inText, reference: s.reference })),
    };
  });
}

export const letter = (i: number) => LETTERS[i]!;
export const oneLine = (s: string) => s.replace(/\s*[\r\n\t]+\s*/g, ' ').trim();
export const sourceLine = (q: ExportQuestion) => q.sources.map((s) => s.reference).join(' ');
