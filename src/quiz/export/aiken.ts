/**
 * Moodle Aiken: one-line question, lettered options, ANSWER line; no feedback, no comments.
 * Moodle reads any line that starts like an option (`U.` in "U.S. …", `A)`) as an option and
 * one that starts with `ANSWER:` as the end of a question; such a stem is written after a no-break
 * space, which Moodle keeps (PHP's trim() does not remove it). Not a zero-width space: kap's
 * output boundary removes those from everything it writes (text hidden from the reader).
 */
import { letter, oneLine, type Exporter } from './types.js';

const MISREAD = /^(?:[A-Z][).]|ANSWER:)|^.?$/;
export const GUARD = '\u00A0';

export const aikenStem = (s: string): string => (MISREAD.test(oneLine(s)) ? GUARD + oneLine(s) : oneLine(s));

export const aiken: Exporter = (qs) =>
  qs.map((q) => [aikenStem(q.question), ...q.choices.map((c, i) => `${letter(i)}. ${oneLine(c.text)}`), `ANSWER: ${letter(q.key)}`].join('\n')).join('\n\n') + '\n';
