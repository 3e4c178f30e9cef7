/** Quizlet paste-import: one card per line, term TAB definition (question → answer and explanation). */
import { oneLine, type Exporter } from './types.js';

export const quizlet: Exporter = (qs) => qs.map((q) => `${oneLine(q.question)}\t${oneLine(`${q.choices[q.key]!.text} — ${q.explanation}`)}`).join('\n') + '\n';
