/**
 * A draft (Markdown or plain text) as the prose a writer's reader sees, with every offset kept:
 * front matter, code blocks, inline code, HTML comments, link targets and Markdown markers are
 * blanked to spaces (newlines kept), so an offset in the prose is the same offset in the file.
 * Block quotes are marked (quoted text is never flagged as the writer's own claim), and
 * `<!-- kap-lint disable|enable|disable-next-line [rule…] -->` comments become directives.
 */
import { unicodeOrPlain } from './plain-regex.js';

export interface Directive {
  /** Offset of the comment in the file. */
  at: number;
  action: 'disable' | 'enable' | 'disable-next-line';
  /** Rules named; empty means every rule. */
  rules: string[];
}

export interface Prose {
  /** Same length as the input; what is not prose is spaces. */
  text: string;
  /** [start, end) offsets of block-quote lines. */
  quotes: [number, number][];
  /** [start, end) offsets of headings, list items, table rows: each ends a sentence at its line end. */
  lineBlocks: [number, number][];
  /** Offsets where headings start: each begins a section. */
  headings: number[];
  directives: Directive[];
}

/** Buffer's UTF-16LE bindings, which its TypeScript types do not list. */
type Ucs2Buffer = Buffer & { ucs2Write(s: string, offset: number, length: number): number; ucs2Slice(start: number, end: number): string };
/** Only where the machine is big-endian: made there, when first needed. */
let utf16: { decode(codes: Uint16Array): string } | undefined;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const INLINE = unicodeOrPlain(String.raw`(${'`'}+)[^${'`'}]+?\1|!\[[^\]\n]*\]\([^)\n]*\)|\[([^\]\n@]*)\]\([^)\n]*\)|<(?:https?:\/\/|mailto:)[^>\s]+>|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|\*+|~~|(?<![\p{L}\p{N}])__|__(?![\p{L}\p{N}])`, 'gu');
const DIRECTIVE = /^<!--\s*kap-lint\s+(disable-next-line|disable|enable)\b([^>]*?)-->$/;

export function prose(input: string): Prose {
  // UTF-16 code units, blanked in place: a 5,000-word draft as one-character strings cost more
  // to join than all the rules cost to run.
  const codes = new Uint16Array(input.length);
  // Written and read natively where the machine stores UTF-16LE as Uint16Array does (a loop
  // over a draft's characters is slow in a fresh process), by Buffer's own ucs2 bindings: no
  // TextDecoder or Buffer.from(string) code for a fresh process to compile (5,000 words: ~1M
  // instructions). They keep lone surrogates, and give a one-byte string for Latin-1 text.
  const bytes = Buffer.from(codes.buffer) as Ucs2Buffer;
  if (LITTLE_ENDIAN) bytes.ucs2Write(input, 0, bytes.length);
  else for (let i = 0; i < input.length; i++) codes[i] = input.charCodeAt(i);
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (codes[i] !== 10) codes[i] = 32;
  };
  const asText = () => (LITTLE_ENDIAN ? bytes.ucs2Slice(0, bytes.length) : (utf16 ??= new TextDecoder('utf-16le')).decode(codes));
  const quotes: [number, number][] = [];
  const lineBlocks: [number, number][] = [];
  const directives: Directive[] = [];
  const headings: number[] = [];

  // Front matter: a YAML block at the very start.
  const fm = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(input);
  if (fm) blank(0, fm[0].length);

  // HTML comments first (they may hold directives, and may span lines).
  for (const m of input.matchAll(/<!--[\s\S]*?-->/g)) {
    if (fm && m.index < fm[0].length) continue;
    const d = DIRECTIVE.exec(m[0]);
    if (d) directives.push({ at: m.index, action: d[1] as Directive['action'], rules: d[2]!.split(/[\s,]+/).filter(Boolean) });
    blank(m.index, m.index + m[0].length);
  }

  let offset = 0;
  let fence: string | undefined;
  let prevBlank = true;
  let inList = false;
  /** The block of the list item the lines now read belong to, until a blank line or another block. */
  let openItem: [number, number] | undefined;
  for (const line of input.split('\n')) {
    const start = offset;
    const end = start + line.length;
    offset = end + 1;
    if (fm && start < fm[0].length) continue;
    // A line that starts with an ASCII letter (most of a draft's) is none of the blocks the
    // regexes below look for: each needs a space, a tab or a mark first. No regex call for it.
    const c0 = line.charCodeAt(0) | 32;
    const letterFirst = c0 >= 97 && c0 <= 122;
    const fenceMark = letterFirst ? null : /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      blank(start, end);
      if (fenceMark && fenceMark[1]![0] === fence[0] && fenceMark[1]!.length >= fence.length && !line.slice(fenceMark[0].length).trim()) fence = undefined;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark[1];
      openItem = undefined;
      blank(start, end);
      continue;
    }
    const isBlank = !line.trim();
    // An indented code block: four spaces or a tab after a blank line, outside a list.
    if (!isBlank && prevBlank && !inList && !letterFirst && /^( {4}|\t)/.test(line)) {
      blank(start, end);
      continue;
    }
    if (isBlank) {
      prevBlank = true;
      openItem = undefined;
      continue;
    }
    const quote = letterFirst ? null : /^ {0,3}(> ?)+/.exec(line);
    if (quote) {
      quotes.push([start, end]);
      blank(start, start + quote[0].length);
    }
    const body = start + (quote?.[0].length ?? 0);
    const rest = line.slice(body - start);
    const heading = letterFirst ? null : /^ {0,3}#{1,6}(\s|$)/.exec(rest);
    const item = letterFirst ? null : /^ {0,3}([-*+]|\d{1,9}[.)])\s+/.exec(rest);
    const table = !letterFirst && /^\s*\|/.test(rest);
    if (heading) {
      blank(body, body + heading[0].length);
      headings.push(start);
    }
    if (item) blank(body, body + item[0].length);
    if (table) for (let i = body; i < end; i++) if (codes[i] === 124) codes[i] = 32;
    if (!letterFirst && (/^ {0,3}([-*_])(\s*\1){2,}\s*$/.test(rest) || /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(rest))) blank(start, end);
    if (heading || item || table) {
      const block: [number, number] = [start, end];
      lineBlocks.push(block);
      openItem = item ? block : undefined;
    } else if (openItem && !quote) {
      // A list item's next line, indented or not (CommonMark's continuation and lazy lines), is
      // more of the item: its sentence ends where the item does, not at the first line's end.
      openItem[1] = end;
    } else openItem = undefined;
    if (item) inList = true;
    else if (prevBlank && (letterFirst || !/^\s/.test(line))) inList = false;
    prevBlank = false;
  }

  // Inline code, image and link targets, autolinks, raw HTML tags and emphasis markers, in one
  // pass over the text (one regex, one join: a 5,000-word draft is read at every run).
  const text = asText();
  for (const m of text.matchAll(INLINE(text))) {
    const at = m.index;
    // [text](url): blank "[" and "](url)", keep the text; everything else is blanked whole.
    if (m[2] !== undefined) {
      blank(at, at + 1);
      blank(at + 1 + m[2].length, at + m[0].length);
    } else blank(at, at + m[0].length);
  }
  const out = asText();
  return { text: out, quotes, lineBlocks, headings, directives };
}
