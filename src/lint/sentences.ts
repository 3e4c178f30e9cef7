/**
 * Prose into sentences, each with its offsets and the citations it makes: Pandoc `[@key]`
 * (and bare `@key`), and author-year forms, "(Furukawa et al., 2005)" or "Furukawa et al. (2005)".
 */
import type { Prose } from './prose.js';
import { isPlainText, unicodeOrPlain } from './plain-regex.js';

export interface AuthorYear {
  /** As written: "Furikawa et al., 2005". */
  text: string;
  /** Family names as written, first author first ("et al." dropped). */
  families: string[];
  year: string;
  start: number;
  end: number;
}

export interface KeyCite {
  key: string;
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** In a block quote: the writer quotes, not claims. */
  quoted: boolean;
  /** Text with quoted spans ("…", “…”) blanked: what the writer states in their own voice. */
  own: string;
  keys: KeyCite[];
  authorYears: AuthorYear[];
  /** A heading, list item or table row (a line, not a full sentence). */
  line: boolean;
}

/** Where a sentence may end: a full stop (or ! ?) before a capital or a digit, or at the end. */
const SENTENCE_END = unicodeOrPlain(String.raw`[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\d]|\s*$)`, 'gu');

/** A year, or "n.d.": a sentence without one has no author-year citation to parse. */
const HAS_YEAR = /\b(1[5-9]|20)\d\d[a-z]?\b|n\.d\./;

// Abbreviations after which a full stop does not end a sentence.
const ABBREV = /(?:\b(?:e\.g|i\.e|et al|etc|vs|cf|dr|mr|mrs|ms|prof|fig|no|vol|pp?|approx|ca|u\.s|u\.k|st|jr|sr|inc|ltd|co|dept|ed|eds)|\b[A-Z])\.$/i;

export function sentences(p: Prose): Sentence[] {
  const t = p.text;
  const out: Sentence[] = [];
  // Where sentences end, in any order and maybe twice: sorted below, and an end met again is
  // passed over. exec loops, not matchAll: no iterator object per match in a fresh process.
  const ends: number[] = [];
  // Paragraph breaks and line blocks end sentences.
  const paragraph = /\n[ \t]*\n/g;
  for (let m = paragraph.exec(t); m; m = paragraph.exec(t)) ends.push(m.index);
  for (const [, e] of p.lineBlocks) ends.push(e);
  for (const [s, e] of p.quotes) ends.push(s, e);
  // A plain draft's sentences are plain: each regex below is its ASCII twin, not asked of each.
  const plain = isPlainText(t);
  const end = SENTENCE_END(t, plain);
  end.lastIndex = 0;
  for (let m = end.exec(t); m; m = end.exec(t)) {
    if (m[0][0] === '.' && ABBREV.test(t.slice(Math.max(0, m.index - 8), m.index + 1))) continue;
    ends.push(m.index + m[0].length);
  }
  // A typed array sorts numbers natively, without a comparison function to call.
  const sorted = Int32Array.from(ends).sort();
  let from = 0;
  for (let k = 0; k <= sorted.length; k++) {
    const e = k < sorted.length ? sorted[k]! : t.length;
    if (e <= from) continue;
    push(from, e);
    from = e;
  }
  function push(a: number, b: number) {
    while (a < b && isSpace(t.charCodeAt(a))) a++;
    while (b > a && isSpace(t.charCodeAt(b - 1))) b--;
    if (b <= a) return;
    const text = t.slice(a, b);
    if (!LETTER_OR_DIGIT(text, plain).test(text)) return;
    out.push({
      start: a,
      end: b,
      text,
      quoted: within(p.quotes, a),
      own: ownVoice(text, plain),
      keys: text.includes('@') ? keyCites(text, a, plain) : [],
      authorYears: HAS_YEAR.test(text) ? authorYears(text, a, plain) : [],
      line: within(p.lineBlocks, a),
    });
  }
  return out;
}

/**
 * Is the code unit one that a regex's \s matches (ECMAScript's WhiteSpace and LineTerminator)?
 * A compare, not a regex call a character: each sentence's ends are trimmed.
 */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Is the offset in one of the [start, end) ranges? */
function within(ranges: [number, number][], at: number): boolean {
  for (let i = 0; i < ranges.length; i++) if (at >= ranges[i]![0] && at < ranges[i]![1]) return true;
  return false;
}

const LETTER_OR_DIGIT = unicodeOrPlain(String.raw`[\p{L}\p{N}]`, 'u');

/** Quoted spans blanked: "…", “…”, and '…' when it stands apart from words. `plain`: s is known to be plain text. */
export function ownVoice(s: string, plain = false): string {
  // Most sentences quote nothing: skip the Unicode-aware scan for them.
  if (!/["“'‘]/.test(s)) return s;
  return s.replace(QUOTED(s, plain), (q) => ' '.repeat(q.length));
}

const QUOTED = unicodeOrPlain(String.raw`"[^"\n]*"|“[^”\n]*”|(?<![\p{L}])'[^'\n]{3,}'(?![\p{L}])|‘[^’\n]*’`, 'gu');

const KEY = unicodeOrPlain(String.raw`(?<![\w@.])-?@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*)`, 'gu');

export function keyCites(s: string, base = 0, plain = false): KeyCite[] {
  const out: KeyCite[] = [];
  // exec loops, not matchAll: no iterator object (and regex copy) per sentence in a fresh process.
  const key = KEY(s, plain);
  key.lastIndex = 0;
  for (let m = key.exec(s); m; m = key.exec(s)) {
    // Trailing punctuation belongs to the sentence, as Pandoc reads it.
    const k = m[1]!.replace(/[.:,;?]+$/, '');
    const before = s[m.index - 1] ?? '';
    if (before === '.' || LETTER_OR_DIGIT(before, plain).test(before)) continue; // an e-mail address
    out.push({ key: k, start: base + m.index, end: base + m.index + m[0].length - (m[1]!.length - k.length) });
  }
  return out;
}

const NAME = "[\\p{Lu}][\\p{L}'’-]+(?:\\s(?:van|von|de|der|den|da|di|le|la)\\s[\\p{Lu}][\\p{L}'’-]+)?";
const AUTHORS = `(${NAME})(?:\\s+et\\s+al\\.?|,?\\s+(?:&|and)\\s+(${NAME})|((?:,\\s*${NAME})+,?\\s+(?:&|and)\\s+${NAME}))?`;
const YEAR = '(\\d{4}[a-z]?|n\\.d\\.)';
const PAREN = unicodeOrPlain(`${AUTHORS},?\\s+${YEAR}`, 'gu');
const NARRATIVE = unicodeOrPlain(`${AUTHORS}\\s+\\(${YEAR}\\)`, 'gu');
/** A parenthesised group with a year: "(Furukawa et al., 2005; Zanos & Gould, 2018)". */
const GROUP = /\(([^()]*\d{4}[a-z]?[^()]*)\)/g;
const NARRATIVE_YEAR = /\((?:\d{4}[a-z]?|n\.d\.)\)/;

// Capitalised words that stand before a year and are not authors: "(since March 2019)".
const NOT_NAMES = new Set(
  ('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'in since by from until after before during spring summer autumn fall winter early late mid the a an and or of for to as at on see also ' +
    'fda ema nice dea who cdc samhsa trial study phase version update updated revised approved published').split(' '),
);

export function authorYears(s: string, base = 0, plain = false): AuthorYear[] {
  const out: AuthorYear[] = [];
  const add = (m: RegExpMatchArray, offset: number) => {
    if (NOT_NAMES.has(m[1]!.toLowerCase())) return;
    const families = [m[1]!];
    if (m[2]) families.push(m[2]);
    if (m[3]) families.push(...m[3].split(/,|&|\band\b/).map((x) => x.trim()).filter(Boolean));
    out.push({ text: m[0], families, year: m[4]!, start: base + offset + m.index!, end: base + offset + m.index! + m[0].length });
  };
  // Inside parentheses: "(Furukawa et al., 2005; Zanos & Gould, 2018)".
  // exec loops, as in keyCites (none of these regexes matches the empty string).
  GROUP.lastIndex = 0;
  for (let g = GROUP.exec(s); g; g = GROUP.exec(s)) {
    const inner = g[1]!;
    const paren = PAREN(inner, plain);
    paren.lastIndex = 0;
    for (let m = paren.exec(inner); m; m = paren.exec(inner)) add(m, g.index + 1);
  }
  // The narrative form needs a year in parentheses: most sentences have none.
  if (NARRATIVE_YEAR.test(s)) {
    const narrative = NARRATIVE(s, plain);
    narrative.lastIndex = 0;
    for (let m = narrative.exec(s); m; m = narrative.exec(s)) if (!out.some((a) => a.start <= base + m!.index && a.end > base + m!.index)) add(m, 0);
  }
  return out.sort((a, b) => a.start - b.start);
}
