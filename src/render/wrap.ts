/** Terminal-width wrapping that keeps ANSI styles and hanging indents. */

const ANSI = /\u001b\[[0-9;]*m|\u001b\]8;[^\u0007\u001b]*(?:\u0007|\u001b\\)/g;
// Table lines (drawn by table.ts) are already sized; breaking them would tear the borders.
// Escaped: one non-ASCII character makes V8 keep a whole bundle's source as two-byte text.
const TABLE_LINE = /[\u2502\u250c\u2514\u251c\u2510\u2518\u2524\u252c\u2534\u253c\u2500]/;
const BULLET = /^(\s*)((?:[*\u2022-]|\d+\.)\s+)?/;

export function visibleLength(s: string): number {
  return s.includes('\u001b') ? s.replace(ANSI, '').length : s.length;
}

/** Wrap each line longer than `width` at spaces; continuation lines keep the indent and bullet width. */
export function wrapLines(text: string, width: number): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => line.trimEnd())
    .map((line) => (line.length <= width || visibleLength(line) <= width || TABLE_LINE.test(line) ? line : wrapLine(line, width)))
    .join('\n');
}

function wrapLine(line: string, width: number): string {
  const m = BULLET.exec(line.includes('\u001b') ? line.replace(ANSI, '') : line)!;
  const indent = ' '.repeat(Math.min(m[0].length, Math.floor(width / 2)));
  const lead = /^ */.exec(line)![0];
  const out: string[] = [];
  let cur = lead;
  let len = lead.length;
  let first = true;
  // Split at single spaces: a run of spaces becomes empty words, so it is kept as it was.
  for (const w of line.slice(lead.length).split(' ')) {
    const wl = visibleLength(w);
    if (!first && len + 1 + wl > width && wl > 0) {
      out.push(cur);
      cur = indent + w;
      len = indent.length + wl;
    } else {
      cur = first ? cur + w : `${cur} ${w}`;
      len += (first ? 0 : 1) + wl;
    }
    first = false;
  }
  out.push(cur);
  return out.join('\n');
}
