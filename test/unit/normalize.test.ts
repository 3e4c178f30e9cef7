/**
 * usSpelling (src/content/normalize.ts) asks its six rules only of words that have what one of
 * them needs: the same spelling as asking all six of every word, for the content's words and
 * for generated ones made of the letters the rules look for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-kap.js';
import { normalizeKey, ukRules, usSpelling } from '../../src/content/normalize.js';

/** The six rules asked of every word, as usSpelling was written before its check. */
const everyRule = (w: string): string => (w.length < 5 || /\d/.test(w) ? w : ukRules(w));

describe('usSpelling', () => {
  it('spells every word of the content as all six rules do', () => {
    const dir = join(ROOT, 'content');
    const words = new Set<string>();
    for (const f of readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.(md|ya?ml)$/.test(f)))
      for (const w of normalizeKey(readFileSync(join(dir, f), 'utf8')).split(' ')) words.add(w);
    expect(words.size).toBeGreaterThan(2000);
    for (const w of words) expect(usSpelling(w), w).toBe(everyRule(w));
  });

  it('spells UK spellings and words made of the letters the rules look for as all six rules do', () => {
    for (const w of ['depersonalisation', 'anaesthetic', 'oesophagus', 'behaviour', 'centre', 'dialogue', 'analysed', 'colours', 'catalogues', 'organising'])
      expect(usSpelling(w), w).toBe(everyRule(w));
    const letters = fc.constantFrom(...'aeiourstygnzcdl');
    fc.assert(fc.property(fc.array(letters, { minLength: 4, maxLength: 14 }), (cs) => usSpelling(cs.join('')) === everyRule(cs.join(''))), { numRuns: 20_000 });
  });
});
