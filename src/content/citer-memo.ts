/**
 * A Citer that answers each question once: a compile asks the same reference's text and the same
 * cluster's in-text form thousands of times (every module's sources are sorted by their text, and
 * at 10,000 modules each reference is listed by hundreds of them). The answers are pure functions
 * of the built bibliography, so keeping them changes nothing but the time.
 */
import type { Citer } from '../cite/csl.js';

export function memoCiter(citer: Citer): Citer {
  const inText = new Map<string, string>();
  const text = new Map<string, string>();
  const html = new Map<string, string>();
  const once = (memo: Map<string, string>, key: string, make: () => string) => {
    let v = memo.get(key);
    if (v === undefined) memo.set(key, (v = make()));
    return v;
  };
  // Keys are CSL ids (no NUL); a style is a name.
  return {
    inText: (keys) => once(inText, keys.join('\0'), () => citer.inText(keys)),
    referenceHtml: (key, style) => once(html, `${style ?? ''}\0${key}`, () => citer.referenceHtml(key, style)),
    referenceText: (key, style) => once(text, `${style ?? ''}\0${key}`, () => citer.referenceText(key, style)),
  };
}
