/** What every export format receives: questions in their shown order, with the key's position. */
import { LETTERS, keyIndex, type QuizItem } from '../engine.js';
import { DESIGN_LABELS } from '../../content/model.js';
import type { ClaimRow } from '../../store.js';
import type { HelpKind } from '../../safety/index.js';
import type { BankQuestion } from '../bank.js';

export interface ExportChoice {
  text: string;
  why?: string;
  /** Position in the written order: a stable identifier for the choice whatever the shuffle. */
  written: number;
}

export interface ExportQuestion {
  n: number;
  id: string;
  module: string;
  moduleTitle: string;
  /** The module's tags. */
  tags: string[];
  difficulty: string;
  question: string;
  /** Shown order. */
  choices: ExportChoice[];
  /** Index of the key in `choices`. */
  key: number;
  explanation: string;
  sources: { key: string; inText: string; reference: string }[];
  /** Evidence labels ("RCT · low certainty") of the module's claims that cite the question's sources. */
  evidence: string[];
  /** The help its shown text needs, when the compile worked it out (help.ts helpFor asks otherwise). */
  shownHelp?: HelpKind[];
}

export interface ExportMeta {
  title: string;
  seed: string;
}

/** "1 question", "12 questions". */
export const countQuestions = (n: number): string => `${n} question${n === 1 ? '' : 's'}`;

export type Exporter = (qs: ExportQuestion[], meta: ExportMeta) => string;

// YAML `|` blocks end with a newline that no format wants (a GIFT `\n`, a Markdown break).
const tidy = (s: string) => s.trim();

/** The labels of the module's claims that cite these keys (the compile stores them per question: bank-build.ts). */
export function evidenceLabels(module: string, keys: string[], claims: ClaimRow[]): string[] {
  const labels = claims
    .filter((c) => c.module === module && c.sources.some((s) => keys.includes(s.key)))
    .map((c) => `${DESIGN_LABELS[c.design] ?? c.design} · ${c.certainty} certainty`);
  return [...new Set(labels)];
}

/** `claims`: those of the questions' modules, for questions whose evidence the bank does not carry. */
export function toExport(items: QuizItem[], claims: ClaimRow[] = []): ExportQuestion[] {
  return items.map((item, i) => {
    const q: BankQuestion = item.question;
    return {
      n: i + 1,
      id: q.id,
      module: q.module,
      moduleTitle: tidy(q.moduleTitle),
      tags: q.tags ?? [],
      difficulty: q.difficulty,
      question: tidy(q.question),
      choices: item.order.map((j) => ({ text: tidy(q.choices[j]!.text), ...(q.choices[j]!.why && { why: tidy(q.choices[j]!.why!) }), written: j })),
      key: keyIndex(item),
      explanation: tidy(q.explanation),
      sources: q.sources.map((s) => ({ key: s.key, inText: s.inText, reference: tidy(s.reference) })),
      evidence: q.evidence ?? evidenceLabels(q.module, q.sources.map((s) => s.key), claims),
      ...(q.shownHelp && { shownHelp: q.shownHelp }),
    };
  });
}

export const letter = (i: number) => LETTERS[i]!;
const BREAKS = /[\r\n\t]/;
/** One line: breaks and tabs (with the spaces around them) as one space, trimmed. Most text has none: tested first. */
export const oneLine = (s: string) => (BREAKS.test(s) ? s.replace(/\s*[\r\n\t]+\s*/g, ' ') : s).trim();
