/** Moodle Aiken: one-line question, lettered options, ANSWER line. No feedback in this format. */
import { letter, oneLine, type Exporter } from './types.js';

export const aiken: Exporter = (qs) =>
  qs.map((q) => [oneLine(q.question), ...q.choices.map((c, i) => `${letter(i)}. ${oneLine(c.text)}`), `ANSWER: ${letter(q.key)}`].join('\n')).join('\n\n') + '\n';
