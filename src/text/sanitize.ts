/**
 * Text that could steer a terminal or mislead a reader: C0 controls except tab and newline,
 * ESC, DEL, C1 (U+0080-U+009F, 0x9B is an 8-bit CSI), bidi controls and zero-width
 * characters. Two layers use this file:
 *  - content, arguments, file names and error messages are cleaned where they enter kap
 *    (clean, oneLine, cleanDeep: content packs when they are compiled, arguments where echoed);
 *  - every write leaving kap is scrubbed (scrub, in output-boundary.ts), keeping only the SGR
 *    colour sequences kap's own theme and renderer add after the first layer.
 */
// Kept as a string so each use builds its own RegExp (no shared lastIndex state across bundles).
const UNSAFE_SOURCE = '[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060\\u2066-\\u2069\\uFEFF]';
const UNSAFE = new RegExp(UNSAFE_SOURCE, 'g');
/** Is anything unsafe in `s`? (Tests and checks.) */
export const UNSAFE_CHAR = new RegExp(UNSAFE_SOURCE);

/** ESC is shown (so a reader sees that something was there); every other unsafe character goes. */
export const VISIBLE_ESC = '\u241B';
/** A line break inside a one-line message, shown rather than obeyed. */
export const VISIBLE_NEWLINE = '\u2424';

const replace = (c: string) => (c === '\u001b' ? VISIBLE_ESC : '');

export function clean(s: string): string {
  return s.replace(UNSAFE, replace);
}

/** Cleaned and on one line: for arguments, file names and messages echoed inside a message. */
export function oneLine(s: string): string {
  return clean(s.replace(/\r\n|[\n\r\u2028\u2029\u0085]/g, VISIBLE_NEWLINE));
}

/** Keys that would reach an object's prototype when copied. */
export const PROTO_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Every string of a JSON-like value cleaned, keys too; prototype keys dropped. */
export function cleanDeep<T>(v: T): T {
  if (typeof v === 'string') return clean(v) as T;
  if (Array.isArray(v)) return v.map(cleanDeep) as T;
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (!PROTO_KEYS.has(k)) out[clean(k)] = cleanDeep(x);
    return out as T;
  }
  return v;
}

/** JSON for output: every string value (and key) cleaned first. */
export function toJson(v: unknown, indent = 2): string {
  return JSON.stringify(cleanDeep(v), null, indent);
}

// The SGR parameters kap's theme and its build-time renderer emit (bold, dim, italic,
// underline, inverse, strike, their ends, the 8 colours and bright colours): never blink (5, 6)
// or conceal (8).
const SGR_PARAM = /^(0|1|2|3|4|7|9|2[2-9]|3[0-79]|4[0-79]|9[0-7]|10[0-7])?$/;
const SGR = /\u001b\[([0-9;]{0,32})m/y;
// Any CSI (cursor moves, erase): the interactive quiz's prompt library draws with these.
const CSI = /\u001b\[[0-?]{0,32}[ -/]{0,4}[@-~]/y;

export type Allow = 'none' | 'sgr' | 'csi';

/**
 * Text about to leave kap. `allow`: 'none' (a file, a pipe, no colour): every unsafe character
 * cleaned; 'sgr': kap's colour sequences kept; 'csi': any CSI sequence kept (the quiz prompt's
 * own drawing), never OSC, DCS or a lone ESC.
 */
export function scrub(s: string, allow: Allow = 'none'): string {
  if (!UNSAFE_CHAR.test(s)) return s;
  if (allow === 'none') return clean(s);
  let out = '';
  let from = 0;
  for (let i = s.indexOf('\u001b'); i >= 0; i = s.indexOf('\u001b', i + 1)) {
    const re = allow === 'csi' ? CSI : SGR;
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m || (allow === 'sgr' && !m[1]!.split(';').every((p) => SGR_PARAM.test(p)))) continue;
    out += clean(s.slice(from, i)) + m[0];
    from = i + m[0].length;
    i = from - 1;
  }
  return out + clean(s.slice(from));
}
