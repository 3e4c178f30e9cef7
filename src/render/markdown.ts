/**
 * Build time: pre-lexed Markdown tokens → styled blocks, with marked-terminal's renderer.
 * Mends on top: inline Markdown inside tight list items (marked-terminal prints it raw with
 * marked >= 13), tables kept as cells for blocks.ts to draw at the terminal's width.
 */
import Renderer from 'marked-terminal';
import chalk from 'chalk';
import { paintBlocks, type Block } from './blocks.js';
import { makeWalker, type Renderer as Fns } from './walk.js';

type Token = { type: string; [k: string]: unknown };
type TerminalRenderer = Fns & { options: unknown; parser: unknown };

/** Tables nested inside lists or quotes (none in kap's content) are drawn at this width. */
const NESTED_TABLE_WIDTH = 76;

/**
 * Build time: tokens → blocks, styled with ANSI codes (chalk level 1) or plain. Everything but tables
 * and rules is independent of the terminal's width (paragraphs are single lines), so the
 * run time only wraps lines and draws tables: see blocks.ts.
 */
export function renderBlocks(tokens: unknown[], color: boolean): Block[] {
  // Rendered once with colour and once without (marked-terminal's list layout differs when its
  // styles add codes): stripping the codes afterwards would not give the plain layout. Its
  // styles read chalk's level as they paint, so it is set for each call; the renderer holds no
  // state between tokens, so one per setting serves every call (making one per call, four a
  // module, was ~1 s of a 10,000-module compile).
  chalk.level = color ? 1 : 0;
  let paint = painters.get(color);
  if (!paint) painters.set(color, (paint = painter(color)));
  return (tokens as Token[]).map(paint);
}

const painters = new Map<boolean, (t: Token) => Block>();

function painter(color: boolean): (t: Token) => Block {
  // marked-terminal's own reflow does not know about the indents it adds afterwards (lists,
  // quotes) and is slow; paragraphs are rendered as one line each, and paintBlocks wraps
  // every line once, keeping its indent and bullet as a hanging indent.
  const r = new Renderer({
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
  for (const name of ['code', 'html', 'heading', 'list', 'listitem', 'blockquote', 'checkbox', 'strong', 'em', 'codespan', 'br', 'del', 'link', 'image', 'space'])
    fns[name] = (t) => r[name]!.call(r, t);
  // Soft line breaks from the source become spaces; hard breaks (\r from `br`) stay.
  const oneLine = (s: string) => s.replace(/\n/g, ' ');
  // Block text in a tight list item carries inline tokens: render them as one line.
  fns.text = (t) => (Array.isArray(t.tokens) ? oneLine(walker.parseInline(t.tokens as Token[])) : r.text!.call(r, t));
  fns.paragraph = (t) => `${oneLine(r.paragraph!.call(r, t).replace(/\n+$/, ''))}\n\n`;
  const cells = (t: Token) => {
    const cell = (c: unknown) => walker.parseInline((c as { tokens: Token[] }).tokens).replace(/[\r\n]+/g, ' ');
    return [(t.header as unknown[]).map(cell), ...(t.rows as unknown[][]).map((row) => row.map(cell))];
  };
  fns.table = (t) => `${paintBlocks([{ table: cells(t) }], { width: NESTED_TABLE_WIDTH, color })}\n\n`;
  fns.hr = () => `${'-'.repeat(NESTED_TABLE_WIDTH)}\n\n`;
  const walker = makeWalker(fns);
  r.options = { gfm: true };
  r.parser = walker;
  return (t): Block => {
    if (t.type === 'table') return { table: cells(t) };
    if (t.type === 'hr') return { rule: true };
    return { text: walker.parse([t]) };
  };
}
