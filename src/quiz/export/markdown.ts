/**
 * A printable handout: the questions, then the answer key on a new page. Text is escaped so
 * that Markdown (and Pandoc's extensions) show it as written: raw HTML is text, `*x*` is not
 * emphasis, `C:\dir` keeps its backslash. The page break is a raw block for each output format
 * Pandoc writes (DOCX, ODT, LaTeX/PDF, HTML); each question is kept on one page where the
 * format allows it.
 */
import { helpFor, NOTICE } from './help.js';
import { WEB_ADDRESS } from './html-text.js';
import { countQuestions, letter, oneLine, type ExportQuestion, type Exporter } from './types.js';

// CommonMark and Pandoc let any ASCII punctuation be escaped; these are the ones that mean
// something inline (emphasis, code, links, raw HTML, entities, math, citations, sub/superscript,
// strike-out, tables, smart dashes, ellipses and quotes are left to the renderer).
const SPECIAL = /[\\`*_{}[\]<>&$@~^|#]/g;
const escapeSpecial = (s: string): string => (/[\r\n\t]/.test(s) ? s.replace(/\s*[\r\n\t]+\s*/g, ' ') : s).replace(SPECIAL, '\\$&');
// oneLine has taken the breaks out already: only the escapes are left to add.
export const mdEscape = (s: string): string => oneLine(s).replace(SPECIAL, '\\$&');

// Web addresses as autolinks (no escapes inside them); the rest escaped.
function mdLinked(s: string): string {
  let out = '';
  let at = 0;
  for (const m of oneLine(s).matchAll(WEB_ADDRESS)) {
    out += mdEscape(oneLine(s).slice(at, m.index)) + `<${m[0]}>`;
    at = m.index! + m[0].length;
  }
  return out + mdEscape(oneLine(s).slice(at));
}

const raw = (format: string, text: string) => ['```{=' + format + '}', text, '```', ''];

const PAGE_BREAK = [
  ...raw('openxml', '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'),
  // ODT: needs a paragraph style "Pagebreak" (break before: page) in the reference document.
  ...raw('opendocument', '<text:p text:style-name="Pagebreak"/>'),
  ...raw('latex', '\\newpage'),
  ...raw('html', '<div style="break-before: page; page-break-before: always"></div>'),
];

/** Bold help block lines, escaped except for their `**` marks. */
const helpMd = (lines: string[]) => lines.map((l) => `> ${l.split(/\*\*(.+?)\*\*/g).map((p, i) => (i % 2 ? `**${escapeSpecial(p)}**` : escapeSpecial(p))).join('')}`);

function questionBlock(q: ExportQuestion): string[] {
  const help = helpFor(q).flatMap((b) => [...helpMd([`**${b.title}**`, ...b.lines]).map((l, i, a) => (i < a.length - 1 ? `${l}\\` : l)), '']);
  return [
    // A question's stem and choices on one page: a minipage in LaTeX, CSS break-inside in HTML.
    ...raw('latex', '\\begin{minipage}{\\linewidth}'),
    '::: {.question style="break-inside: avoid; page-break-inside: avoid"}',
    `**${q.n}.** ${mdEscape(q.question)}`,
    '',
    ...q.choices.map((c, i) => `- ${letter(i)}. ${mdEscape(c.text)}`),
    '',
    ':::',
    '',
    ...raw('latex', '\\end{minipage}\\medskip'),
    ...help,
  ];
}

export const markdown: Exporter = (qs, meta) => {
  const out: string[] = [`# ${mdEscape(meta.title)}`, '', `${countQuestions(qs.length)} · seed ${mdEscape(meta.seed)}`, '', `*${mdEscape(NOTICE)}*`, '', '## Questions', ''];
  for (const q of qs) out.push(...questionBlock(q));
  out.push(...PAGE_BREAK, '## Answer key', '');
  for (const q of qs) {
    out.push(`**${q.n}. ${letter(q.key)}** (${mdEscape(q.choices[q.key]!.text)})`, '', mdEscape(q.explanation), '');
    const wrong = q.choices.map((c, i) => (i !== q.key && c.why ? `- ${letter(i)}: ${mdEscape(c.why)}` : '')).filter(Boolean);
    if (wrong.length) out.push('Why not the others:', '', ...wrong, '');
    for (const s of q.sources) out.push(`Source: ${mdLinked(s.reference)}`, '');
    if (q.evidence.length) out.push(`Evidence: ${mdEscape(q.evidence.join('; '))}`, '');
    out.push(`Read more: \`kap explain ${q.module}\` · ${mdEscape(q.id)}`, '');
  }
  return out.join('\n');
};

