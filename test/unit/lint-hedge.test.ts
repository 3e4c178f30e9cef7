/** kap lint's replacement for a certainty word: it must read right where it goes. */
import { describe, expect, it } from 'vitest';
import { hedgedWords } from '../../src/lint/hedge.js';

/** The sentence with `word` replaced as the fix says. */
const fixed = (sentence: string, word: string, certainty: 'moderate' | 'low' | 'very-low') => {
  const r = hedgedWords(word, certainty);
  return r === undefined ? undefined : sentence.replace(word, r);
};

describe('hedged words', () => {
  it('replace a certainty word with words that fit the sentence, for moderate and low certainty', () => {
    expect(fixed('Ketamine works by blocking NMDA receptors.', 'works', 'low')).toBe('Ketamine may work by blocking NMDA receptors.');
    expect(fixed('Ketamine works by blocking NMDA receptors.', 'works', 'moderate')).toBe('Ketamine probably works by blocking NMDA receptors.');
    expect(fixed('Ketamine has been shown to reduce suicidal thoughts.', 'has been shown to', 'low')).toBe('Ketamine may reduce suicidal thoughts.');
    expect(fixed('Ketamine will lift your mood.', 'will', 'low')).toBe('Ketamine may lift your mood.');
    expect(fixed('Ketamine is effective for PTSD.', 'is effective', 'low')).toBe('Ketamine may be effective for PTSD.');
    expect(fixed('Studies have shown that therapy helps.', 'Studies have shown', 'low')).toBe('Studies suggest that therapy helps.');
    expect(fixed('Research shows that therapy helps.', 'Research shows', 'moderate')).toBe('Research indicates that therapy helps.');
    expect(fixed('It clearly reduces symptoms.', 'clearly', 'low')).toBe('It possibly reduces symptoms.');
  });

  it('offer none at very-low certainty (the sentence needs rewriting) or for a word it does not know', () => {
    expect(hedgedWords('works', 'very-low')).toBeUndefined();
    expect(hedgedWords('studies have shown', 'very-low')).toBeUndefined();
    expect(hedgedWords('nonsense', 'low')).toBeUndefined();
  });
});
