/**
 * Searching content text the way a reader sees it: quotations are someone else's words,
 * so checks can look past them, and every hit is given a line in its file.
 */

/**
 * The text with quoted spans blanked out (same length, newlines kept): "…" and “…” pairs
 * within a paragraph, and block-quote lines (`> …`).
 */
export function maskQuotes(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return text
    .split(/(\n[ \t]*\n)/)
    .map((para) =>
      para
        .replace(/^[ \t]*>.*$/gm, blank)
        .replace(/"[^"]*"|\u201c[^\u201d]*\u201d/g, blank),
    )
    .join('');
}

export interface Hit {
  /** 1-based line within the text. */
  line: number;
  match: string;
}

/** Every match of `pattern` (made global) in `text`, with its line. */
export function findAll(text: string, pattern: RegExp): Hit[] {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  return [...text.matchAll(re)].map((m) => ({ line: text.slice(0, m.index).split('\n').length, match: m[0] }));
}

/**
 * The line of `needle` in a file, searching from `from` (a field's first line) for up to
 * `span` lines; a folded YAML value may put the word a few lines below its key.
 */
export function locate(fileLines: string[], from: number, needle: string, span = 40): number {
  const want = needle.toLowerCase().split(/\s+/)[0]!;
  for (let i = from; i < Math.min(fileLines.length + 1, from + span); i++) if (fileLines[i - 1]?.toLowerCase().includes(want)) return i;
  return from;
}
