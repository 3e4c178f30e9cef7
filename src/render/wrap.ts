/** Terminal-width wrapping by display width, keeping ANSI styles and hanging indents. */
// Loaded on first use, as is WIDE below: their Unicode-property regexes cost ~0.5 ms of every
// start when created from the code cache, and most text kap prints never needs them.
let truncatedWidth: typeof import('fast-string-truncated-width').default | undefined;
const fullWidth = (s: string): number => (truncatedWidth ??= (require('fast-string-truncated-width') as typeof import('fast-string-truncated-width')).default)(s).width;

const ANSI = /\u001b\[[0-9;]*m|\u001b\]8;[^\u0007\u001b]*(?:\u0007|\u001b\\)/g;
/** The text without its styles and hyperlinks (most text has none: no replace then). */
const unstyled = (s: string): string => (s.includes('\u001b') ? s.replace(ANSI, '') : s);
// Table lines (drawn by table.ts) are already sized; breaking them would tear the borders.
// Escaped: one non-ASCII character makes V8 keep a whole bundle's source as two-byte text.
const TABLE_LINE = /[\u2502\u250c\u2514\u251c\u2510\u2518\u2524\u252c\u2534\u253c\u2500]/;
// A lettered choice ("A) ") and a quiz verdict (check or cross mark) hang like a bullet, so their
// second line starts under their text.
const BULLET = /^(\s*)((?:[*\u2022\u2713\u2717-]|\d+\.|[A-E]\))\s+)?/;
// Characters one column wide each (ASCII, Latin-1, dashes, quotes, ellipsis, box drawing, the
// quiz's marks): most lines kap prints, measured without the full measure.
const ONE_COLUMN = /^[\x20-\x7e\u00a0-\u00ff\u2010-\u2027\u2030-\u205e\u2190-\u2193\u2500-\u257f\u2713\u2717\u276f]*$/;
// Scripts written without spaces between words: a line may break between any two of their characters.
let wide: RegExp | undefined;
const WIDE = { test: (s: string) => (wide ??= /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uff60]/u).test(s) };
// All of them are at U+2E80 or above (or astral: surrogates): a cheap test first.
const MAYBE_WIDE = /[\u2e80-\uffff]/;
// ...but not before closing punctuation or after opening punctuation (kinsoku).
const NO_BREAK_BEFORE = /^[\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff01\uff1f\u300d\u300f\u3011\uff09\u30fc\u3005)\].,;:!?]/;
const NO_BREAK_AFTER = /[\u300c\u300e\u3010\uff08(\[]$/;

/**
 * Columns a string takes in a terminal: wide CJK characters and emoji 2, combining marks 0,
 * ANSI styles and hyperlinks 0. The measure @inquirer/core uses, so prompts agree with it.
 */
export function visibleLength(s: string): number {
  const bare = unstyled(s);
  return ONE_COLUMN.test(bare) ? bare.length : fullWidth(bare);
}

/**
 * A line whose every character is one column wide, with no styles but colour (SGR, which holds
 * no space): each of its words is as wide as its length less its styles, so wrapping it needs
 * no measure per word. Nearly every line kap prints; the first wrap of a long module took ~3 ms
 * when each word was measured.
 */
function isSimple(line: string): boolean {
  if (!line.includes('\u001b')) return ONE_COLUMN.test(line);
  return !line.includes('\u001b]') && ONE_COLUMN.test(line.replace(ANSI, ''));
}

/** Wrap each line wider than `width` at spaces (and between CJK characters); continuation lines keep the indent and bullet width. */
export function wrapLines(text: string, width: number): string {
  // Nearly all text has no carriage return: split then without a regular expression (compiled
  // in every run, to machine code for a text of a thousand characters).
  return (text.includes('\r') ? text.split(/\r\n?|\n/) : text.split('\n'))
    .map((line) => line.trimEnd())
    .map((line) => {
      const simple = isSimple(line);
      const columns = simple ? unstyled(line).length : visibleLength(line);
      return columns <= width || TABLE_LINE.test(line) ? line : wrapLine(line, width, simple);
    })
    .join('\n');
}

interface Piece {
  text: string;
  width: number;
  /** A space separates it from the piece before. */
  space: boolean;
}

function wrapLine(line: string, width: number, simple: boolean): string {
  const m = BULLET.exec(unstyled(line))!;
  const indent = ' '.repeat(Math.min(m[0].length, Math.floor(width / 2)));
  const lead = /^ */.exec(line)![0];
  if (simple && !line.includes('\u001b')) return wrapPlain(line.slice(lead.length), width, lead, indent);
  const out: string[] = [];
  let cur = lead;
  let len = lead.length;
  let first = true;
  for (const p of simple ? simplePieces(line.slice(lead.length)) : pieces(line.slice(lead.length))) {
    const gap = p.space && !first ? 1 : 0;
    if (!first && len + gap + p.width > width && p.width > 0) {
      out.push(cur.trimEnd());
      cur = indent + p.text;
      len = indent.length + p.width;
    } else {
      cur += (gap ? ' ' : '') + p.text;
      len += gap + p.width;
    }
    first = false;
  }
  out.push(cur);
  return out.join('\n');
}

/**
 * wrapLine's loop for a line of one-column characters without styles (every line kap prints to
 * a pipe), a line at a time rather than a word at a time: each output line takes the words that
 * end within the width (the first always, however long), and breaks before the first word with
 * a character past it; spaces where it breaks go (empty words of a run of spaces never break a
 * line). Most of a piped quiz's and search's run was this loop, uncompiled.
 */
function wrapPlain(text: string, width: number, lead: string, indent: string): string {
  const out: string[] = [];
  let prefix = lead;
  let start = 0;
  for (;;) {
    // text[start, end) fits on this line.
    const end = start + width - prefix.length;
    if (text.length <= end) break;
    let first = text.indexOf(' ', start);
    if (first < 0) first = text.length;
    // The word that breaks the line: the one holding text[end], else the next after the space there.
    let at = first >= end ? first : text.charCodeAt(end) === 32 ? end : text.lastIndexOf(' ', end);
    while (text.charCodeAt(at) === 32) at++;
    if (at >= text.length) break;
    out.push((prefix + text.slice(start, at - 1)).trimEnd());
    prefix = indent;
    start = at;
  }
  out.push(prefix + text.slice(start));
  return out.join('\n');
}

/**
 * The line's words, split at single spaces (a run of spaces becomes empty words, so it is kept
 * as it was); a CJK run splits between its characters. A longer word (a URL) stays whole: a
 * line break inside it would break copying it, and the terminal shows it either way.
 */
function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  for (const word of text.split(' ')) {
    if (!MAYBE_WIDE.test(word) || !WIDE.test(word)) {
      out.push({ text: word, width: visibleLength(word), space: true });
      continue;
    }
    let space = true;
    for (const part of breakWord(word)) {
      out.push({ ...part, space });
      space = false;
    }
  }
  return out;
}

/** Tests: a line wrapped with every word measured, as a line that is not simple is. */
export const wrapLineMeasured = (line: string, width: number): string => wrapLine(line.trimEnd(), width, false);

/** pieces() of a simple line (isSimple): the same words, each as wide as its unstyled length. */
function simplePieces(text: string): Piece[] {
  return text.split(' ').map((word) => ({ text: word, width: unstyled(word).length, space: true }));
}

let graphemes: Intl.Segmenter | undefined;

/** A CJK word as characters (graphemes; styles ride with the character before them), joined again where no line may break. */
function breakWord(word: string): { text: string; width: number }[] {
  const atoms: { text: string; width: number }[] = [];
  let at = 0;
  const add = (s: string) => {
    graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    for (const { segment } of graphemes.segment(s)) atoms.push({ text: segment, width: visibleLength(segment) });
  };
  for (const m of word.matchAll(ANSI)) {
    add(word.slice(at, m.index));
    if (atoms.length) atoms[atoms.length - 1]!.text += m[0];
    else atoms.push({ text: m[0], width: 0 });
    at = m.index + m[0].length;
  }
  add(word.slice(at));
  const parts: { text: string; width: number }[] = [];
  let prev = '';
  for (const a of atoms) {
    const last = parts[parts.length - 1];
    const bare = a.text.replace(ANSI, '');
    const breakable = (WIDE.test(prev) || WIDE.test(bare)) && !NO_BREAK_BEFORE.test(bare) && !NO_BREAK_AFTER.test(prev);
    if (last && !breakable && bare !== '') {
      last.text += a.text;
      last.width += a.width;
    } else if (last && bare === '') last.text += a.text;
    else parts.push({ ...a });
    if (bare) prev = bare;
  }
  return parts;
}
