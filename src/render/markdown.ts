/**
 * Pre-lexed Markdown tokens → terminal text, with marked-terminal. Two mends on top of it:
 * inline Markdown inside tight list items (marked-terminal renders it raw with marked >= 13),
 * and table columns sized to the terminal width.
 */
import { Marked, type Token, type Tokens } from 'marked';
import Renderer from 'marked-terminal';
import chalk from 'chalk';
import { wrapLines } from './wrap.js';

const FUNCS = ['text', 'code', 'blockquote', 'html', 'heading', 'hr', 'list', 'listitem', 'checkbox', 'paragraph', 'table', 'tablerow', 'tablecell', 'strong', 'em', 'codespan', 'br', 'del', 'link', 'image'] as const;

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

export function renderTokens(tokens: Token[], opts: MarkdownOptions): string {
  chalk.level = opts.color ? (chalk.level || 1) : 0;
  const r = new Renderer(
    {
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
      tableOptions: { wordWrap: true, style: { head: opts.color ? ['bold'] : [], border: [] } },
    },
    {},
  ) as unknown as Record<string, (...a: unknown[]) => string> & { options: unknown; parser: unknown; tableSettings: Record<string, unknown> };
  const base = r.tableSettings;
  const renderer: Record<string, (this: { options: unknown; parser: { parseInline(t: Token[]): string } }, ...a: unknown[]) => string | false> = {};
  for (const name of FUNCS) {
    renderer[name] = function (...args) {
      r.options = this.options;
      r.parser = this.parser;
      return r[name]!(...args);
    };
  }
  renderer.text = function (token) {
    const t = token as Tokens.Text;
    r.options = this.options;
    r.parser = this.parser;
    // Soft line breaks in a tight list item are spaces; wrapLines re-wraps to the width.
    return t.tokens ? this.parser.parseInline(t.tokens).replace(/[\r\n]+/g, ' ') : r.text!(token);
  };
  renderer.table = function (token) {
    const t = token as Tokens.Table;
    const cells = [t.header.map((c) => c.text), ...t.rows.map((row) => row.map((c) => c.text))];
    r.tableSettings = { ...base, colWidths: tableColumns(cells, opts.width) };
    r.options = this.options;
    r.parser = this.parser;
    return r.table!(token);
  };
  // A quote is indented by two columns: reflow its text two columns narrower.
  renderer.blockquote = function (token) {
    const o = (r as unknown as { o: { width: number } }).o;
    r.options = this.options;
    r.parser = this.parser;
    o.width = opts.width - 2;
    try {
      return r.blockquote!(token);
    } finally {
      o.width = opts.width;
    }
  };
  const marked = new Marked({ renderer, gfm: true } as never);
  return wrapLines(marked.parser(tokens) as string, opts.width);
}
