/**
 * Regexes with Unicode classes (\p{L}, \p{Lu}, \p{N}) cost a fresh process more to compile than
 * all of a lint run's other regexes together: ICU builds each class, for each use of it. Text
 * whose only characters beyond ASCII are General Punctuation (’ “ ” – …) or box drawing has no
 * letter or digit beyond ASCII, and on such text a regex's ASCII twin matches exactly what the
 * Unicode regex matches (test/unit/lint-plain-regex.test.ts checks every code point). Most
 * drafts are such text; the others get the Unicode regexes.
 */

import { isPlain } from '../search/tokenize.js';

/** Has the text no letter or digit beyond ASCII (as far as the ranges above tell)? The search tokenizer's test. */
export const isPlainText = isPlain;

/** The ASCII twin of a regex source: its Unicode classes, which stand inside [...], as ASCII ranges. */
export const asciiSource = (source: string) => source.replaceAll('\\p{Lu}', 'A-Z').replaceAll('\\p{L}', 'A-Za-z').replaceAll('\\p{N}', '0-9');

/**
 * A regex made (and compiled) only when first used: the Unicode one, or its twin for plain text.
 * `plain`: the text is known to be plain (a part of a plain draft), not asked again.
 */
export function unicodeOrPlain(source: string, flags: string): (text: string, plain?: boolean) => RegExp {
  let unicode: RegExp | undefined;
  let twin: RegExp | undefined;
  return (text, plain = false) => (plain || isPlainText(text) ? (twin ??= new RegExp(asciiSource(source), flags.replace('u', ''))) : (unicode ??= new RegExp(source, flags)));
}
