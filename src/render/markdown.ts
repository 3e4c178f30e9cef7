/**
 * Pre-lexed Markdown tokens → terminal text, with marked-terminal's renderer. Mends on top:
 * inline Markdown inside tight list items (marked-terminal prints it raw with marked >= 13),
 * tables drawn to the width without cli-table3 (table.ts), and one wrapping pass (wrap.ts).
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
type TerminalRenderer = Fns & { options: unknown; parser: unknown };

export function renderTokens(tokens: unknown[], opts: MarkdownOptions): string {
  chalk.level = opts.color ? chalk.level || 1 : 0;
  // marked-terminal's own reflow does not know about the indents it adds afterwards (lists,
  // quotes) and is slow; paragraphs are rendered as one line each, and wrapLines wraps every
  // line once, keeping its indent and bullet as a hanging indent.
  const r = new Renderer({
    width: opts.width,
    reflowText: false,
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
  for (const name of ['code', 'html', 'heading', 'hr', 'list', 'listitem', 'blockquote', 'checkbox', 'strong', 'em', 'codespan', 'br', 'del', 'link', 'image', 'space'])
    fns[name] = (t) => r[name]!.call(r, t);
  // Soft line breaks from the source become spaces; hard breaks (\r from `br`) stay.
  const oneLine = (s: string) => s.replace(/\n/g, ' ');
  // Block text in a tight list item carries inline tokens: render them as one line.
  fns.text = (t) => (Array.isArray(t.tokens) ? oneLine(walker.parseInline(t.tokens as Token[])) : r.text!.call(r, t));
  fns.paragraph = (t) => `${oneLine(r.paragraph!.call(r, t).replace(/\n+$/, ''))}\n\n`;
  fns.table = (t) => {
    const cell = (c: unknown) => walker.parseInline((c as { tokens: Token[] }).tokens).replace(/[\r\n]+/g, ' ');
    const rows = [(t.header as unknown[]).map(cell), ...(t.rows as unknown[][]).map((row) => row.map(cell))];
    const plain = rows.map((r) => r.map((c) => c.replace(/\u001b\[[0-9;]*m/g, '')));
    return `${drawTable(rows, tableColumns(plain, opts.width), opts.color ? chalk.bold : undefined)}\n\n`;
  };
  fns.hr = () => `${'-'.repeat(opts.width - 1)}\n\n`;
  const walker = makeWalker(fns);
  r.options = { gfm: true };
  r.parser = walker;
  return wrapLines(walker.parse(tokens as Token[]), opts.width);
}
