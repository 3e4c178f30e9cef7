/**
 * A printable handout: the questions, then the answer key on a new page. Text is escaped so
 * that Markdown (and Pandoc's extensions) show it as written: raw HTML is text, `*x*` is not
 * emphasis, `C:\dir` keeps its backslash. The page break is a raw block for each output format
 * Pandoc writes (DOCX, ODT, LaTeX/PDF, HTML); each question is kept on one page where the
 * format allows it.
 */
import { helpFor, NOTICE } from './help.js';
import { MD_SPECIAL } from '../../text/markdown-escape.js';
import { WEB_ADDRESS } from './html-text.js';
import { countQuestions, letter, oneLine, type ExportMeta, type ExportQuestion, type Exporter } from './types.js';

// Smart dashes, ellipses and quotes are left to the renderer.
const escapeSpecial = (s: string): string => (/[\r\n\t]/.test(s) ? s.replace(/\s*[\r\n\t]+\s*/g, ' ') : s).replace(MD_SPECIAL, '\\$&');
// oneLine has taken the breaks out already: only the escapes are left to add.
export const mdEscape = (s: string): string => oneLine(s).replace(MD_SPECIAL, '\\$&');

// Web addresses as autolinks (no escapes inside them); the rest escaped. The text is made one
// line once, as a whole: trimmed piece by piece it lost the space before each address
// ("801–811.<https://doi.org/…>").
function mdLinked(s: string): string {
  const line = oneLine(s);
  const escape = (piece: string) => piece.replace(MD_SPECIAL, '\\$&');
  let out = '';
  let at = 0;
  for (const m of line.matchAll(WEB_ADDRESS)) {
    out += escape(line.slice(at, m.index)) + `<${m[0]}>`;
    at = m.index! + m[0].length;
  }
  return out + escape(line.slice(at));
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

/**
 * What the handout shows of one question, escaped, with its choices in `order`'s terms: the
 * compile writes these for the written order (quiz-markdown.txt, bank-build.ts), so that an
 * export only arranges them (markdown-bank.ts, as markdownOf does); markdown() makes them from
 * the questions it is given.
 */
export interface MdQuestion {
  id: string;
  question: string;
  /** Each choice's text, and its why-not ('' without one). */
  choices: string[];
  whys: string[];
  /** The index in `choices` of the key. */
  key: number;
  explanation: string;
  /** The help blocks' lines (each block followed by an empty line), joined: '' when none. */
  help: string;
  /** The answer key's lines after the why-nots (sources, evidence, where to read more), joined. */
  tail: string;
}

export function mdQuestion(q: ExportQuestion): MdQuestion {
  const tail: string[] = [];
  for (const s of q.sources) tail.push(`Source: ${mdLinked(s.reference)}`, '');
  if (q.evidence.length) tail.push(`Evidence: ${mdEscape(q.evidence.join('; '))}`, '');
  tail.push(`Read more: \`kap explain ${q.module}\` · ${mdEscape(q.id)}`, '');
  return {
    id: q.id,
    question: mdEscape(q.question),
    choices: q.choices.map((c) => mdEscape(c.text)),
    whys: q.choices.map((c) => (c.why ? mdEscape(c.why) : '')),
    key: q.key,
    explanation: mdEscape(q.explanation),
    help: helpFor(q).flatMap((b) => [...helpMd([`**${b.title}**`, ...b.lines]).map((l, i, a) => (i < a.length - 1 ? `${l}\\` : l)), '']).join('\n'),
    tail: tail.join('\n'),
  };
}

/** A question as shown, number `n`: `order[i]` is the index in `q.choices` of shown choice i. */
export interface MdShown {
  n: number;
  q: MdQuestion;
  order: number[];
}

// A question's stem and choices on one page: a minipage in LaTeX, CSS break-inside in HTML.
export const BLOCK_START = [...raw('latex', '\\begin{minipage}{\\linewidth}'), '::: {.question style="break-inside: avoid; page-break-inside: avoid"}'].join('\n');
export const BLOCK_END = ['', ':::', '', ...raw('latex', '\\end{minipage}\\medskip')].join('\n');
/** The handout's lines before its first question, joined. */
export const headOf = (count: number, meta: ExportMeta): string =>
  [`# ${mdEscape(meta.title)}`, '', `${countQuestions(count)} · seed ${mdEscape(meta.seed)}`, '', `*${mdEscape(NOTICE)}*`, '', '## Questions', ''].join('\n');
/** Its lines between the questions and the answer key, joined. */
export const KEY_START = [...PAGE_BREAK, '## Answer key', ''].join('\n');

/** The question's lines, pushed onto `out` (a joined block stands for its lines: the whole is joined with newlines). */
function questionBlock(out: string[], { n, q, order }: MdShown): void {
  out.push(BLOCK_START, `**${n}.** ${q.question}`, '');
  for (let i = 0; i < order.length; i++) out.push(`- ${letter(i)}. ${q.choices[order[i]!]}`);
  out.push(BLOCK_END);
  if (q.help) out.push(q.help);
}

/** The handout of these questions, in this order (markdown-bank.ts writes the compile's texts together the same way). */
export function markdownOf(shown: MdShown[], meta: ExportMeta): string {
  const out: string[] = [headOf(shown.length, meta)];
  for (let i = 0; i < shown.length; i++) questionBlock(out, shown[i]!);
  out.push(KEY_START);
  for (let s = 0; s < shown.length; s++) {
    const { n, q, order } = shown[s]!;
    const key = order.indexOf(q.key);
    out.push(`**${n}. ${letter(key)}** (${q.choices[q.key]})`, '', q.explanation, '');
    let wrong = false;
    for (let at = 0; at < order.length; at++) {
      const why = at === key ? '' : q.whys[order[at]!];
      if (!why) continue;
      if (!wrong) out.push('Why not the others:', '');
      wrong = true;
      out.push(`- ${letter(at)}: ${why}`);
    }
    if (wrong) out.push('');
    out.push(q.tail);
  }
  return out.join('\n');
}

export const markdown: Exporter = (qs, meta) => markdownOf(qs.map((q) => ({ n: q.n, q: mdQuestion(q), order: q.choices.map((_, i) => i) })), meta);
