/**
 * Moodle GIFT. Every field escapes GIFT's six special characters (~ = # { } :) and the
 * backslash; newlines become \n, since a question may not contain a blank line.
 */
import { countQuestions, sourceLine, type Exporter } from './types.js';

export function giftEscape(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/[~=#{}:]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, '\\n');
}

export const gift: Exporter = (qs, meta) => {
  const out = [`// ${meta.title.replace(/\n/g, ' ')} · seed ${meta.seed.replace(/\n/g, ' ')} · ${countQuestions(qs.length)}`, ''];
  for (const q of qs) {
    out.push(`::${giftEscape(q.id)}:: ${giftEscape(q.question)} {`);
    q.choices.forEach((c, i) => {
      const feedback = i === q.key ? 'Correct.' : `Incorrect. ${c.why ?? ''}`.trim();
      out.push(`  ${i === q.key ? '=' : '~'}${giftEscape(c.text)} #${giftEscape(feedback)}`);
    });
    const general = [q.explanation, q.sources.length ? `Source: ${sourceLine(q)}` : ''].filter(Boolean).join(' ');
    out.push(`  ####${giftEscape(general)}`, '}', '');
  }
  return out.join('\n');
};
