/**
 * Moodle GIFT. Every field starts with an explicit [html] marker and is HTML (escaped, newlines
 * as <br>), so a leading `%25%` or `[markdown]` in the text is text, not a weight or a format
 * (Moodle reads the weight and the marker only at a field's start). Then GIFT's six special
 * characters (~ = # { } :) and the backslash are escaped.
 */
import { choiceFeedbackHtml, generalFeedbackHtml } from './feedback.js';
import { NOTICE } from './help.js';
import { textHtml } from './html-text.js';
import { countQuestions, oneLine, type Exporter } from './types.js';

export function giftEscape(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/[~=#{}:]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, '\\n');
}

const field = (html: string) => `[html]${giftEscape(html)}`;

export const gift: Exporter = (qs, meta) => {
  const out = [`// ${oneLine(meta.title)} · seed ${oneLine(meta.seed)} · ${countQuestions(qs.length)}`, `// ${NOTICE}`, ''];
  for (const q of qs) {
    out.push(`::${giftEscape(q.id)}:: ${field(textHtml(q.question))} {`);
    q.choices.forEach((c, i) => out.push(`  ${i === q.key ? '=' : '~'}${field(textHtml(c.text))} #${field(choiceFeedbackHtml(q, c, i))}`));
    out.push(`  ####${field(generalFeedbackHtml(q))}`, '}', '');
  }
  return out.join('\n');
};
