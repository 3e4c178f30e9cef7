/**
 * Run time: styled blocks (made at build time by markdown.ts) → terminal text at this width,
 * with or without colour. Only wrapping and table drawing happen here: no Markdown renderer,
 * no chalk on the start-up path.
 */
import { wrapLines } from './wrap.js';
import { drawTable, tableColumns } from './table.js';

export type Block = { text: string } | { table: string[][] } | { rule: true };

export interface PaintOptions {
  width: number;
  color: boolean;
}

const ANSI = /\u001b\[[0-9;]*m/g;
const BOLD = (s: string) => (s ? `\u001b[1m${s}\u001b[22m` : s);

/** `blocks` as rendered for `opts.color` (the build renders a coloured and a plain set). */
export function paintBlocks(blocks: Block[], opts: PaintOptions): string {
  const plain = (s: string) => s.replace(ANSI, '');
  let out = '';
  for (const b of blocks) {
    if ('text' in b) out += b.text;
    else if ('rule' in b) out += `${'-'.repeat(opts.width - 1)}\n\n`;
    else out += `${drawTable(b.table, tableColumns(b.table.map((r) => r.map(plain)), opts.width), opts.color ? BOLD : undefined)}\n\n`;
  }
  return wrapLines(out, opts.width);
}
