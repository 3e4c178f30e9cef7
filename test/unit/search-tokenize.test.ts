import { describe, expect, it } from 'vitest';
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
