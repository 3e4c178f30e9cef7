/**
 * Quizlet paste-import: one card per line, term TAB definition (question → answer and
 * explanation, then any help the question needs). Cards have no room for the notice.
 */
import { blockLines, helpFor } from './help.js';
import { oneLine, type Exporter } from './types.js';

export const quizlet: Exporter = (qs) =>
  qs.map((q) => `${oneLine(q.question)}\t${oneLine([`${q.choices[q.key]!.text} — ${q.explanation}`, ...helpFor(q).flatMap(blockLines)].join(' '))}`).join('\n') + '\n';
