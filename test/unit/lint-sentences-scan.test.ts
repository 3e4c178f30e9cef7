/**
 * sentences.ts trims sentences by char code and reads citations by exec loops: held here to the
 * regex trim (\s) and the matchAll loops they replaced, on random drafts and every code unit.
 */
import { describe, expect, it } from 'vitest';
import { prose } from '../../src/lint/prose.js';
import { authorYears, keyCites, ownVoice, sentences } from '../../src/lint/sentences.js';
import { isPlainText } from '../../src/lint/plain-regex.js';

const trimmed = (s: string) => {
  let a = 0;
  let b = s.length;
  while (a < b && /\s/.test(s[a]!)) a++;
  while (b > a && /\s/.test(s[b - 1]!)) b--;
  return s.slice(a, b);
};

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'Furukawa', 'et al.', ', ', '2005', '2005a', '(', ')', '; ', ' & ', ' and ', 'Zanos', 'Gould', 'n.d.', '@furukawa2005', '[@li2010]', '@', 'a@b.c',
  ' ', '  ', '\n', '\n\n', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', '.', '. ', '? ', '! ', 'Ketamine works', 'van Dijk', '“quoted”', '"q"', 'Li', 'e.g.', 'x', 'Müller', 'Łukasz', '@ü2005', 'Ωmega',
];

describe('sentences: char-code trim, exec loops', () => {
  it('trims as \\s does, for every code unit', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (/[\p{L}\p{N}]/u.test(ch) || (c >= 0xd800 && c <= 0xdfff)) continue;
      const src = `${ch}Word one${ch}`;
      for (const s of sentences({ ...prose('x'), text: src, headings: [], lineBlocks: [], quotes: [] })) expect(s.text).toBe(trimmed(src.slice(s.start, s.end)));
    }
  });

  it('reads the citations the matchAll loops read', () => {
    const r = rng(7);
    let plain = 0;
    for (let n = 0; n < 3000; n++) {
      let s = '';
      const len = 1 + Math.floor(r() * 30);
      for (let k = 0; k < len; k++) s += PIECES[Math.floor(r() * PIECES.length)]!;
      for (const x of sentences(prose(s))) {
        expect(x.text).toBe(trimmed(x.text));
        // A plain draft's sentences are read with the regexes' twins, each sentence not asked again.
        expect(x.keys).toEqual(x.text.includes('@') ? keyCitesByMatchAll(x.text, x.start) : []);
        expect(x.authorYears).toEqual(/\b(1[5-9]|20)\d\d[a-z]?\b|n\.d\./.test(x.text) ? authorYearsByMatchAll(x.text, x.start) : []);
        expect(x.own).toBe(ownVoice(x.text));
      }
      expect(authorYears(s, 3)).toEqual(authorYearsByMatchAll(s, 3));
      expect(keyCites(s)).toEqual(keyCitesByMatchAll(s));
      if (isPlainText(s)) {
        plain++;
        expect(authorYears(s, 3, true)).toEqual(authorYearsByMatchAll(s, 3));
        expect(keyCites(s, 0, true)).toEqual(keyCitesByMatchAll(s));
        expect(ownVoice(s, true)).toBe(ownVoice(s));
      }
    }
    expect(plain).toBeGreaterThan(300);
  });
});

// The loops as they were (matchAll), over the same regexes' sources.
const NAME = "[\\p{Lu}][\\p{L}'’-]+(?:\\s(?:van|von|de|der|den|da|di|le|la)\\s[\\p{Lu}][\\p{L}'’-]+)?";
const AUTHORS = `(${NAME})(?:\\s+et\\s+al\\.?|,?\\s+(?:&|and)\\s+(${NAME})|((?:,\\s*${NAME})+,?\\s+(?:&|and)\\s+${NAME}))?`;
const YEAR = '(\\d{4}[a-z]?|n\\.d\\.)';
const PAREN = new RegExp(`${AUTHORS},?\\s+${YEAR}`, 'gu');
const NARRATIVE = new RegExp(`${AUTHORS}\\s+\\(${YEAR}\\)`, 'gu');
const KEY = /(?<![\w@.])-?@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*)/gu;
const NOT_NAMES = new Set(
  ('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'in since by from until after before during spring summer autumn fall winter early late mid the a an and or of for to as at on see also ' +
    'fda ema nice dea who cdc samhsa trial study phase version update updated revised approved published').split(' '),
);

function keyCitesByMatchAll(s: string, base = 0) {
  const out: { key: string; start: number; end: number }[] = [];
  for (const m of s.matchAll(KEY)) {
    const key = m[1]!.replace(/[.:,;?]+$/, '');
    const before = s[m.index - 1] ?? '';
    if (before === '.' || /[\p{L}\p{N}]/u.test(before)) continue;
    out.push({ key, start: base + m.index, end: base + m.index + m[0].length - (m[1]!.length - key.length) });
  }
  return out;
}

function authorYearsByMatchAll(s: string, base = 0) {
  const out: { text: string; families: string[]; year: string; start: number; end: number }[] = [];
  const add = (m: RegExpMatchArray, offset: number) => {
    if (NOT_NAMES.has(m[1]!.toLowerCase())) return;
    const families = [m[1]!];
    if (m[2]) families.push(m[2]);
    if (m[3]) families.push(...m[3].split(/,|&|\band\b/).map((x) => x.trim()).filter(Boolean));
    out.push({ text: m[0], families, year: m[4]!, start: base + offset + m.index!, end: base + offset + m.index! + m[0].length });
  };
  for (const g of s.matchAll(/\(([^()]*\d{4}[a-z]?[^()]*)\)/g)) for (const m of g[1]!.matchAll(PAREN)) add(m, g.index + 1);
  if (/\((?:\d{4}[a-z]?|n\.d\.)\)/.test(s)) for (const m of s.matchAll(NARRATIVE)) if (!out.some((a) => a.start <= base + m.index! && a.end > base + m.index!)) add(m, 0);
  return out.sort((a, b) => a.start - b.start);
}
