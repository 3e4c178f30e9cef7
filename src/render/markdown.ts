/**
 * Pre-lexed Markdown tokens → terminal text, with marked-terminal's renderer. Mends on top:
 * inline Markdown inside tight list items (marked-terminal prints it raw with marked >= 13),
 * tables drawn to the width without cli-table3 (table.ts), quotes reflowed inside their indent.
 */
import Renderer from 'marked-terminal';
import chalk from 'chalk';
import { wrapLines } from './wrap.js';
import { drawTable } from './table.js';
import { makeWalker, type Renderer as Fns } from './walk.js';

/**
 * Column widths that fit `width`: each column first gets room for its longest word (so no
 * word is cut), then the rest is shared out by how much text each column holds.
 */
export function tableColumns(cells: string[][], width: number): number[] {
  const n = Math.max(...cells.map((r) => r.length));
  const col = (i: number) => cells.map((r) => r[i] ?? '');
  const longest = Array.from({ length: n }, (_, i) => Math.max(3, ...col(i).map((c) => c.length)) + 2);
  const room = Math.max(n * 5, width - (n + 1));
  if (longest.reduce((a, b) => a + b, 0) <= room) return longest;
  const word = Array.from({ length: n }, (_, i) => Math.min(Math.floor(room / n), Math.max(3, ...col(i).flatMap((c) => c.split(/\s+/).map((w) => w.length))) + 2));
  const spare = room - word.reduce((a, b) => a + b, 0);
  const want = longest.map((l, i) => l - word[i]!);
  const totalWant = want.reduce((a, b) => a + b, 0) || 1;
  return word.map((w, i) => w + Math.floor((want[i]! / totalWant) * spare));
}

export interface MarkdownOptions {
  width: number;
  color: boolean;
}

type Token = { type: string; [k: string]: unknown };
type TerminalRenderer = Fns & { o: { width: number }; options: unknown; parser: unknown };

export function renderTokens(tokens: unknown[], opts: MarkdownOptions): string {
  chalk.level = opts.color ? chalk.level || 1 : 0;
  const r = new Renderer({
    width: opts.width,
    reflowText: true,
    showSectionPrefix: false,
    emoji: false,
    tab: 2,
    firstHeading: chalk.bold.underline,
    heading: chalk.bold,
    blockquote: chalk.italic,
    link: chalk.cyan,
    href: chalk.cyan.underline,
    codespan: chalk.cyan,
      }) as TerminalRenderer;
  const fns: Fns = {};
  for (const name of ['code', 'html', 'heading', 'hr', 'listitem', 'checkbox', 'strong', 'em', 'codespan', 'br', 'del', 'link', 'image', 'space'])
    fns[name] = (t) => r[name]!.call(r, t);
  // Block text in a tight list item carries inline tokens: render them, and join soft breaks
  // (wrapLines re-wraps to the width).
  fns.text = (t) => (Array.isArray(t.tokens) ? walker.parseInline(t.tokens as Token[]).replace(/[\r\n]+/g, ' ') : r.text!.call(r, t));
  fns.table = (t) => {
    const cell = (c: unknown) => walker.parseInline((c as { tokens: Token[] }).tokens).replace(/[\r\n]+/g, ' ');
    const rows = [(t.header as unknown[]).map(cell), ...(t.rows as unknown[][]).map((row) => row.map(cell))];
    const plain = rows.map((r) => r.map((c) => c.replace(/\u001b\[[0-9;]*m/g, '')));
    return `${drawTable(rows, tableColumns(plain, opts.width), opts.color ? chalk.bold : undefined)}\n\n`;
  };
  fns.blockquote = (t) => {
    r.o.width = opts.width - 2;
    try {
      return r.blockquote!.call(r, t);
    } finally {
      r.o.width = opts.width;
    }
  };
  // Paragraphs in loose list items: marked-terminal reflows them at the full width and then
  // indents them, so lines overflow. Inside a list, join the lines and let wrapLines wrap
  // them with a hanging indent.
  let listDepth = 0;
  fns.list = (t) => {
    listDepth++;
    try {
      return r.list!.call(r, t);
    } finally {
      listDepth--;
    }
  };
  fns.paragraph = (t) => {
    if (!listDepth) return r.paragraph!.call(r, t);
    const o = r.o as unknown as { reflowText: boolean };
    o.reflowText = false;
    try {
      return `${r.paragraph!.call(r, t).replace(/\n+$/, '').replace(/[\r\n]+/g, ' ')}\n\n`;
    } finally {
      o.reflowText = true;
    }
  };
  const walker = makeWalker(fns);
  r.options = { gfm: true };
  r.parser = walker;
  return wrapLines(walker.parse(tokens as Token[]), opts.width);
}
