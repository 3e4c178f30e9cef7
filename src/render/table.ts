/**
 * Box-drawn tables for the terminal. marked-terminal draws tables with cli-table3, which
 * costs ~10 ms on first use; kap's tables are simple (text cells, one header row), so this
 * draws them directly: columns sized by tableColumns, cells wrapped at spaces.
 */
import { visibleLength } from './wrap.js';

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


/** Split styled text into lines of at most `width` visible characters, at spaces where possible. */
export function wrapCell(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let cur = '';
    let len = 0;
    for (const word of para.split(/ +/)) {
      let w = word;
      let wl = visibleLength(w);
      if (cur && len + 1 + wl > width) {
        lines.push(cur);
        cur = '';
        len = 0;
      }
      // A word longer than the cell is cut (styles are not split: such words are plain text).
      while (wl > width) {
        lines.push(w.slice(0, width));
        w = w.slice(width);
        wl = visibleLength(w);
      }
      cur = cur ? `${cur} ${w}` : w;
      len += (len ? 1 : 0) + wl;
    }
    lines.push(cur);
  }
  return lines;
}

const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - visibleLength(s)));

/** rows[0] is the header. `widths` include one space of padding on each side. */
export function drawTable(rows: string[][], widths: number[], styleHeader: (s: string) => string = (s) => s): string {
  const line = (l: string, m: string, r: string) => l + widths.map((w) => '─'.repeat(w)).join(m) + r;
  const out = [line('┌', '┬', '┐')];
  rows.forEach((row, i) => {
    const cells = widths.map((w, j) => wrapCell(row[j] ?? '', Math.max(1, w - 2)));
    const height = Math.max(...cells.map((c) => c.length));
    for (let k = 0; k < height; k++)
      out.push(`│${cells.map((c, j) => ` ${pad(i === 0 ? styleHeader(c[k] ?? '') : (c[k] ?? ''), widths[j]! - 2)} `).join('│')}│`);
    out.push(i === rows.length - 1 ? line('└', '┴', '┘') : line('├', '┼', '┤'));
  });
  return out.join('\n');
}
