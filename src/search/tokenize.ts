/**
 * Words to index terms, the same way at build time and at run time: lowercase, accents
 * dropped, a light English stemmer (plurals, -ing, -ed, -ly, final e), stop words out.
 */

import { fold } from '../text/fold.js';

/** Words too common to search for; a question's "why does … so" carries no topic. */
export const STOP_WORDS = new Set(
  ('a about after all also am an and any are as at be been before being between both but by can could did do does doing ' +
    'during each even ever for from get gets got had has have having he her here hers him his how however i if in into is it its ' +
    'itself just me might more most much must my no nor not of off on once only or other our out over own really same she should ' +
    'so some such than that the their them then there these they this those through to too under until up very was we were what ' +
    'when where which while who whom why will with would you your yours thing things someone something people person use used ' +
    'tell know want mean means like make makes').split(' '),
);

export { fold };

/**
 * A word character: a letter or digit (Unicode \p{L} or \p{N}). Not one big /[\p{L}\p{N}]+/gu
 * regex: compiling and first running that costs ~2 ms in a fresh process, a fifth of what a
 * whole search may take. ASCII is decided inline; other characters once each, by a one-character
 * regex compiled only when a text has any (a test checks every code point against the class).
 */
let letterOrDigit: RegExp | undefined;
const decided = new Map<number, boolean>();

export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  // General Punctuation (dashes, quotes, ellipsis) and box drawing: common, and never words.
  if ((c >= 0x2000 && c <= 0x206f) || (c >= 0x2500 && c <= 0x257f)) return false;
  let is = decided.get(c);
  if (is === undefined) {
    letterOrDigit ??= /^[\p{L}\p{N}]$/u;
    decided.set(c, (is = letterOrDigit.test(String.fromCodePoint(c))));
  }
  return is;
}

/** Is the character at `i` (a UTF-16 index, not inside a surrogate pair) a word character? */
export function isWordAt(text: string, i: number): boolean {
  return isWordCode(text.codePointAt(i)!);
}

/** Text whose only characters beyond ASCII are punctuation and box drawing (true of most content). */
const PLAIN = /^[\x00-\x7f\u2000-\u206f\u2500-\u257f]*$/;
const ASCII_WORD = /[a-z0-9]+/g;

/** Is folded text plain, so that its words are exactly the runs of a-z and 0-9? */
export const isPlain = (folded: string) => PLAIN.test(folded);

/** The words of a text with their offsets in it (for snippets). */
export function words(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  const folded = fold(text);
  // NFKD can change length; only trust offsets when it did not.
  const same = folded.length === text.length;
  if (isPlain(folded)) {
    // Words are runs of a-z and 0-9 (folded text is lowercase): a native regex scan, much
    // faster than the loop below in a process that has just started.
    ASCII_WORD.lastIndex = 0;
    for (let m = ASCII_WORD.exec(folded); m; m = ASCII_WORD.exec(folded))
      out.push({ word: m[0], start: same ? m.index : -1, end: same ? m.index + m[0].length : -1 });
    return out;
  }
  let from = -1;
  for (let i = 0; i <= folded.length; ) {
    const c = i < folded.length ? folded.codePointAt(i)! : 32;
    if (isWordCode(c)) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      out.push({ word: folded.slice(from, i), start: same ? from : -1, end: same ? i : -1 });
      from = -1;
    }
    i += c > 0xffff ? 2 : 1;
  }
  return out;
}

/** The words of a text, without offsets: one native scan and no object per word for plain text. */
export function wordList(text: string): string[] {
  const folded = fold(text);
  if (isPlain(folded)) return folded.match(ASCII_WORD) ?? [];
  return words(text).map((w) => w.word);
}

/**
 * A light stemmer: close enough to the word that typo matching on stems still works. It only
 * trims or changes a word's end, so a stem starts with its word's first letter (snippets rely
 * on that). String tests, not regexes: it runs on every word of a result's text.
 */
export function stem(w: string): string {
  if (w.length <= 3 || hasDigit(w)) return w;
  let s = w;
  if (s.endsWith('ies') && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us') && !s.endsWith('is')) s = s.slice(0, -1);
  if (s.endsWith('ing') && s.length > 5) s = undouble(s.slice(0, -3));
  else if (s.endsWith('ed') && s.length > 4) s = undouble(s.slice(0, -2));
  else if (s.endsWith('ly') && s.length > 5) s = s.slice(0, -2);
  if (s.endsWith('e') && s.length > 3) s = s.slice(0, -1);
  return s;
}

function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** "stopp" → "stop": a doubled final consonant (but not a, e, i, o, u, l or s) is halved. */
function undouble(s: string): string {
  const last = s[s.length - 1];
  return last !== undefined && last === s[s.length - 2] && !'aeiouls'.includes(last) ? s.slice(0, -1) : s;
}

/** Index terms of a text, in order, stop words removed. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const { word } of words(text)) if (!STOP_WORDS.has(word)) out.push(stem(word));
  return out;
}
