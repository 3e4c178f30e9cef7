import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { asciiSource, isPlainText, unicodeOrPlain } from '../../src/lint/plain-regex.js';
import { authorYears, keyCites, ownVoice, sentences } from '../../src/lint/sentences.js';
import { prose } from '../../src/lint/prose.js';

describe('ASCII twins of the Unicode regexes', () => {
  it('agree with \\p{L}, \\p{Lu} and \\p{N} on every code point plain text can hold', () => {
    const classes = ['[\\p{L}]', '[\\p{Lu}]', '[\\p{N}]', '[\\p{L}\\p{N}_]'];
    for (const c of classes) {
      const unicode = new RegExp(`^${c}$`, 'u');
      const plain = new RegExp(`^${asciiSource(c)}$`);
      for (let cp = 0; cp <= 0x2580; cp++) {
        const ch = String.fromCodePoint(cp);
        if (!isPlainText(ch)) continue;
        expect(plain.test(ch), `${c} U+${cp.toString(16)}`).toBe(unicode.test(ch));
      }
    }
  });

  it('plain text is only ASCII, General Punctuation and box drawing', () => {
    expect(isPlainText('Ketamine “works” – fast… ’90s ┌─┐')).toBe(true);
    expect(isPlainText('Müller et al. (2020)')).toBe(false);
  });

  it('give the same sentences, quotes and citations as the Unicode regexes on the labelled sets', () => {
    const texts = ['labelled', 'held-out'].flatMap((f) => (parse(readFileSync(`test/lint/${f}.yaml`, 'utf8')) as { text: string }[]).map((c) => c.text));
    // The same text with a letter beyond ASCII at its end takes the Unicode path.
    for (const t of texts) {
      const unicode = `${t} é`;
      expect(isPlainText(unicode)).toBe(false);
      expect(ownVoice(unicode).slice(0, t.length)).toBe(ownVoice(t));
      expect(keyCites(unicode)).toEqual(keyCites(t));
      expect(authorYears(unicode)).toEqual(authorYears(t));
      const strip = (ss: ReturnType<typeof sentences>) => ss.map((s) => [s.start, s.quoted, s.line]);
      expect(strip(sentences(prose(unicode))).slice(0, -1)).toEqual(strip(sentences(prose(t))).slice(0, -1));
    }
  });

  it('compile only the regex a text needs, once', () => {
    const pick = unicodeOrPlain('[\\p{Lu}]x', 'gu');
    expect(pick('Ax').flags).toBe('g');
    expect(pick('Éx').flags).toBe('gu');
    expect(pick('Bx')).toBe(pick('Cx'));
  });
});
