/** words-wasm.ts: a plain draft's terms read in WebAssembly are the terms sentenceTerms reads. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { draftTerms, sentenceTerms } from '../../src/lint/match.js';
import { readLintIndex } from '../../src/lint/read.js';
import { prose } from '../../src/lint/prose.js';
import { sentences } from '../../src/lint/sentences.js';
import { isPlainText } from '../../src/lint/plain-regex.js';
import { STOP_WORDS } from '../../src/search/tokenize.js';
import { draftTermIds } from '../../src/lint/words-wasm.js';
import { termHash } from '../../src/lint/model.js';
import { ROOT } from '../helpers/run-kap.js';

const index = readLintIndex(`${ROOT}dist/content`);
const same = (texts: string[]) => {
  const all = draftTerms(texts, index)!;
  expect(all).toBeDefined();
  texts.forEach((t, i) => {
    const one = sentenceTerms(t, index);
    expect([all[i]!.list, all[i]!.idf, all[i]!.weight]).toEqual([one.list, one.idf, one.weight]);
    all[i]!.entry.forEach((e, k) => expect(e).toBe(one.entry[k]));
  });
};

// Word parts that reach every branch of the stemmer and lintTerm's cuts.
const stems = ['ketamine', 'stud', 'glutamat', 'sympathet', 'psycholog', 'relie', 'stop', 'run', 'hop', 'dissociat', 'rat', 'mouse', 'ab', 'x', 'fiz', 'call', 'pass', 'bu', 'th', 'covid1'];
const ends = ['', 's', 'es', 'ies', 'sses', 'ss', 'us', 'is', 'ing', 'ed', 'ly', 'e', 'ical', 'ally', 'ion', 'ity', 'al', 'iv', 'y', 'ied', 'pping', 'lled', 'ive', 'ically', 'ations', '9'];
const word = fc.oneof(
  fc.tuple(fc.constantFrom(...stems), fc.constantFrom(...ends), fc.boolean()).map(([s, e, up]) => (up ? (s + e).toUpperCase() : s + e)),
  fc.constantFrom(...STOP_WORDS, 'reliev', 'relieves', 'sleepy', 'constructor', '__proto__'),
  fc.stringMatching(/^[a-zA-Z0-9]{1,12}$/),
);
const gap = fc.constantFrom(' ', ', ', '. ', '-', "'", '’', '“', '” ', ' — ', '\n', '…', '(', ') ', '/', ' 2 ');
const sentence = fc.array(fc.tuple(word, gap).map(([w, g]) => w + g), { maxLength: 30 }).map((p) => p.join(''));

describe('a draft\'s terms in WebAssembly', () => {
  it('are each sentence\'s terms, as sentenceTerms reads them', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 8 }), (texts) => {
        fc.pre(texts.every((t) => isPlainText(t)));
        same(texts);
      }),
      { numRuns: 300 },
    );
  });
  it('come with their hashes, termHash\'s (a term\'s shard is read from it)', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 8 }), (texts) => {
        fc.pre(texts.every((t) => isPlainText(t)));
        const scanned = draftTermIds(texts)!;
        for (let t = 0; t < scanned.count; t++) expect(scanned.hash(t)).toBe(termHash(scanned.term(t)));
      }),
      { numRuns: 300 },
    );
  });
  it('are the sentences\' terms of the lint fixtures', () => {
    for (const f of ['test/fixtures/lint/draft.md', 'README.md']) {
      const text = readFileSync(`${ROOT}${f}`, 'utf8');
      if (!isPlainText(text)) continue;
      same(sentences(prose(text)).map((s) => s.own));
    }
  });
});
