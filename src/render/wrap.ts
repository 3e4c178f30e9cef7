/** Terminal-width wrapping that keeps ANSI styles and hanging indents. */

const ANSI = /\u001b\[[0-9;]*m|\u001b\]8;[^\u0007\u001b]*(?:\u0007|\u001b\\)/g;
// Lines drawn by cli-table3 are already sized; breaking them would tear the borders.
const TABLE_LINE = /[│┌└├┐┘┤┬┴┼─]/;
const BULLET = /^(\s*)((?:[*•-]|\d+\.)\s+)?/;

export function visibleLength(s: string): number {
  return s.replace(ANSI, '').length;
}

/** Wrap each line longer than `width` at spaces; continuation lines keep the indent and bullet width. */
export function wrapLines(text: string, width: number): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => (visibleLength(line) <= width || TABLE_LINE.test(line) ? line : wrapLine(line, width)))
    .join('\n');
}

function wrapLine(line: string, width: number): string {
  const plain = line.replace(ANSI, '');
  const m = BULLET.exec(plain)!;
  const indent = ' '.repeat(Math.min(m[0].length, Math.floor(width / 2)));
  const words = line.split(/(?<=\S) (?=\S)/);
  const out: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && visibleLength(cur) + 1 + visibleLength(w) > width) {
      out.push(cur);
      cur = indent + w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  out.push(cur);
  return out.join('\n');
}
