import { describe, expect, it } from 'vitest';
import { wordHash, WordTable } from '../../src/search/word-table.js';

describe('WordTable', () => {
  it('makes each distinct word once and finds it again where it stands in any text', () => {
    const made: string[] = [];
    const table = new WordTable((w) => (made.push(w), `v:${w}`));
    // Enough words to grow the table several times; a short alphabet gives words sharing prefixes and lengths.
    const words = Array.from({ length: 20000 }, (_, i) => i.toString(3).replace(/0/g, 'a').replace(/1/g, 'b').replace(/2/g, 'c'));
    for (const w of words) expect(table.get(w, 0, w.length, wordHash(w, 0, w.length))).toBe(`v:${w}`);
    const text = ` ${words.join(' ')} `;
    let at = 1;
    for (const w of words) {
      expect(table.get(text, at, at + w.length, wordHash(text, at, at + w.length))).toBe(`v:${w}`);
      at += w.length + 1;
    }
    expect(made).toEqual(words);
  });

  it('tells apart words whose hashes are the same', () => {
    const table = new WordTable((w) => w.toUpperCase());
    expect(table.get('ab', 0, 2, 42)).toBe('AB');
    expect(table.get('cd', 0, 2, 42)).toBe('CD');
    expect(table.get('abc', 0, 3, 42)).toBe('ABC');
    expect(table.get('xcd', 1, 3, 42)).toBe('CD');
  });
});
