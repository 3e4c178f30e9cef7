/** A printable handout: the questions, then a separate answer key with explanations and sources. */
import { countQuestions, letter, type Exporter } from './types.js';

export const markdown: Exporter = (qs, meta) => {
  const out: string[] = [`# ${meta.title}`, '', `${countQuestions(qs.length)} · seed \`${meta.seed}\``, '', '## Questions', ''];
  for (const q of qs) {
    out.push(`**${q.n}.** ${q.question}`, '');
    q.choices.forEach((c, i) => out.push(`- ${letter(i)}. ${c.text}`));
    out.push('');
  }
  out.push('<div style="page-break-before: always"></div>', '', '## Answer key', '');
  for (const q of qs) {
    out.push(`**${q.n}. ${letter(q.key)}** (${q.choices[q.key]!.text})`, '', q.explanation, '');
    const wrong = q.choices.map((c, i) => (i !== q.key && c.why ? `- ${letter(i)}: ${c.why}` : '')).filter(Boolean);
    if (wrong.length) out.push('Why not the others:', '', ...wrong, '');
    for (const s of q.sources) out.push(`Source: ${s.reference}`, '');
    out.push(`Read more: \`kap explain ${q.module}\` · ${q.id}`, '');
  }
  return out.join('\n');
};
