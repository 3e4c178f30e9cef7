/**
 * A module's Markdown, made safe to render anywhere: raw HTML is text (a `<script>` in a pack
 * must not run after `pandoc -s`, nor become markup in any renderer), and character references
 * that decode to control, bidi or zero-width characters (`&#x1b;`, `&rlm;`) are removed, since
 * renderers decode them after the file's own characters were checked. Code is left alone.
 */
import { UNSAFE_CHAR } from '../text/sanitize.js';

// A tag, closing tag, comment, declaration or processing instruction: what CommonMark and
// Pandoc take as raw HTML. Autolinks (<https://…>, <a@b.c>) are not matched.
const HTML_START = /<(?=[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|\/[A-Za-z]|!|\?)/g;
const NUMERIC_REF = /&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,9}));/g;
const NAMED_UNSAFE = /&(?:lrm|rlm|zwj|zwnj|ZeroWidthSpace|NegativeVeryThinSpace|NegativeThinSpace|NegativeMediumSpace|NegativeThickSpace|NoBreak);/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CODE_SPAN = /(`+)[\s\S]*?[^`]\1(?!`)|(`+)\2/g;
/** Raw HTML starts with a <, a character reference with an &: a line with neither is left as it is (most lines). */
const MAY_CHANGE = /[<&]/;

function inline(s: string): string {
  return s
    .replace(HTML_START, '&lt;')
    .replace(NAMED_UNSAFE, '')
    .replace(NUMERIC_REF, (ref, hex: string | undefined, dec: string | undefined) => {
      const n = hex ? parseInt(hex, 16) : Number(dec);
      return n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) || UNSAFE_CHAR.test(String.fromCodePoint(n)) ? '' : ref;
    });
}

/** Outside code spans only. */
function outsideCode(line: string): string {
  let out = '';
  let from = 0;
  for (const m of line.matchAll(CODE_SPAN)) {
    out += inline(line.slice(from, m.index)) + m[0];
    from = m.index! + m[0].length;
  }
  return out + inline(line.slice(from));
}

/** The Markdown with raw HTML as text and unsafe character references removed; lines unchanged in number. */
export function markdownAsText(md: string): string {
  return markdownAsTextFrom(md, 0).whole;
}

/**
 * markdownAsText(md), and that of md's lines from line `from` (0-based) on, in one pass: a
 * module file's source and its body. `rest` is undefined where a fence is open at that line
 * (on its own the body would start outside it): then the caller asks for the body alone.
 */
export function markdownAsTextFrom(md: string, from: number): { whole: string; rest?: string } {
  let fence: string | undefined;
  let open = false;
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i === from) open = fence !== undefined;
    const line = lines[i]!;
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && !line.slice(f[0].length).trim()) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    if (MAY_CHANGE.test(line)) lines[i] = outsideCode(line);
  }
  const whole = lines.join('\n');
  if (from === 0) return { whole, rest: whole };
  return { whole, ...(!open && { rest: lines.slice(from).join('\n') }) };
}
