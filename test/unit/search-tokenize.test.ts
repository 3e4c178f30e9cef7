import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stem, terms, words } from '../../src/search/tokenize.js';
import { parseQuery } from '../../src/search/query.js';

describe('search tokenizer', () => {
  it('folds case and accents and keeps word offsets', () => {
    expect(words('Über NMDA-receptors')).toEqual([
      { word: 'uber', start: 0, end: 4 },
      { word: 'nmda', start: 5, end: 9 },
      { word: 'receptors', start: 10, end: 19 },
    ]);
  });

  it('stems word forms to one term', () => {
    for (const [a, b] of <[string, string][]>[['receptors', 'receptor'], ['blocking', 'blocked'], ['doses', 'dosing'], ['rapidly', 'rapid'], ['therapies', 'therapy']])
      expect(stem(a), `${a} ~ ${b}`).toBe(stem(b));
    expect(stem('2005')).toBe('2005');
    expect(stem('gas')).toBe('gas');
  });

  it('drops stop words from running text', () => {
    expect(terms('Why does ketamine work so fast?')).toEqual([stem('ketamine'), 'work', 'fast']);
  });

  it('parses quoted phrases; a lone quoted stop word is kept', () => {
    expect(parseQuery('"NMDA receptor" blocks the')).toEqual([
      { phrase: true, words: ['nmda', 'receptor'] },
      { phrase: false, words: ['blocks'] },
    ]);
    expect(parseQuery('"it"')).toEqual([{ phrase: false, words: ['it'] }]);
    expect(parseQuery('why is it')).toEqual([]);
  });
});

describe('word characters', () => {
  // words() decides letters and digits without one big Unicode regex (it is slow to start);
  // it must agree with that regex on every character.
  const reference = (text: string) => [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);
  it('agree with [\\p{L}\\p{N}] on every code point of the Basic Multilingual Plane and a sample beyond', () => {
    const mismatches: string[] = [];
    const check = (c: number) => {
      const ch = String.fromCodePoint(c);
      // Between two ASCII letters: a word character joins them into one word, anything else splits.
      const text = `a${ch}b`;
      const got = words(text).map((w) => w.word).join('|');
      const want = reference(text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()).join('|');
      if (got !== want) mismatches.push(`U+${c.toString(16)}`);
    };
    for (let c = 0; c <= 0xffff; c++) check(c);
    for (let c = 0x10000; c <= 0x10ffff; c += 97) check(c);
    for (const c of [0x1d400, 0x1f600, 0x20000, 0x1f1e6]) check(c);
    expect(mismatches.slice(0, 20)).toEqual([]);
  });

  it('keeps offsets for text that folding does not change', () => {
    expect(words('NMDA – “GABA” ├─ β-arrestin 東京')).toEqual([
      { word: 'nmda', start: 0, end: 4 },
      { word: 'gaba', start: 8, end: 12 },
      { word: 'β', start: 17, end: 18 },
      { word: 'arrestin', start: 19, end: 27 },
      { word: '東京', start: 28, end: 30 },
    ]);
  });
});

describe('stem', () => {
  // The stemmer as first written, with regexes; the string-test version must give the same stems.
  function reference(w: string): string {
    if (w.length <= 3 || /\d/.test(w)) return w;
    let s = w;
    const undouble = (x: string) => (/([^aeiouls])\1$/.test(x) ? x.slice(0, -1) : x);
    if (s.endsWith('ies') && s.length > 4) s = `${s.slice(0, -3)}y`;
    else if (s.endsWith('sses')) s = s.slice(0, -2);
    else if (s.endsWith('s') && !/(ss|us|is)$/.test(s)) s = s.slice(0, -1);
    if (s.endsWith('ing') && s.length > 5) s = undouble(s.slice(0, -3));
    else if (s.endsWith('ed') && s.length > 4) s = undouble(s.slice(0, -2));
    else if (s.endsWith('ly') && s.length > 5) s = s.slice(0, -2);
    if (s.endsWith('e') && s.length > 3) s = s.slice(0, -1);
    return s;
  }

  it('gives the same stems as the regex version for every word of the content, and starts with the same letter', () => {
    const text = readdirSync('content', { recursive: true })
      .map(String)
      .filter((f) => /\.(md|ya?ml|json)$/.test(f))
      .map((f) => readFileSync(join('content', f), 'utf8'))
      .join('\n');
    const all = new Set(words(text).map((w) => w.word));
    for (const extra of ['stopped', 'stopping', 'falls', 'kisses', 'bus', 'iris', 'studies', 'ies', 'aies', 'x2ing', 'hopping', 'calling', 'passing']) all.add(extra);
    expect(all.size).toBeGreaterThan(2000);
    const differ = [...all].filter((w) => stem(w) !== reference(w) || stem(w)[0] !== w[0]);
    expect(differ).toEqual([]);
  });
});
