import { describe, expect, it } from 'vitest';
import { synonymsOf } from '../../src/search/synonyms.js';

describe('synonymsOf', () => {
  it("gives a word's synonyms, weakest last, from its own entry only", () => {
    expect(synonymsOf('fast')).toEqual(['rapid', 'quickly']);
    expect(synonymsOf('wrong')).toEqual(['misattributed', 'unsupported', 'errors', 'fact-check']);
    expect(synonymsOf('brain')).toEqual(['neurons', 'neural']);
    // Punctuation goes before the look-up ("self-harm", "k-hole").
    expect(synonymsOf('self-harm')).toEqual(['suicidal', 'help']);
    expect(synonymsOf('k-hole')).toEqual(['dissociation']);
  });

  it('gives nothing for a word without an entry, its start, its extension or an object key', () => {
    for (const w of ['', 'fas', 'fastt', 'ast', 'constructor', 'toString', '__proto__', 'hasOwnProperty', '-', 'rapid']) expect(synonymsOf(w)).toEqual([]);
  });
});
