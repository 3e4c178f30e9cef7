/**
 * Property-based tests over what users type: the resolver, search and the quiz engine never
 * throw, and answer sanely, for any string (regex characters, 10,000 characters, accents,
 * CJK, emoji, right-to-left text, empty).
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-kap.js';
import { readCatalog, readQuiz } from '../../src/store.js';
import { resolveTopic } from '../../src/resolve.js';
import { readIndex } from '../../src/search/read.js';
import { search } from '../../src/search/query.js';
import { answer, choiceAt, keyIndex, parseAnswer, retryItems, score, select, start } from '../../src/quiz/engine.js';

const DATA = join(ROOT, 'dist', 'content');
const catalog = readCatalog(DATA);
const reader = readIndex(DATA);
const bank = readQuiz(DATA).questions;

// Strings a user might type, weighted towards the awkward ones.
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '.*', '(?:', '[', '\\', '$^', '"', '""', '"nmda', '--', '-', '🧠', '氯胺酮', 'كيتامين', 'קטמין', 'Ketamin\u0301', '\u202Eevil', '\u0000', 'x'.repeat(10_000)),
  fc.array(fc.constantFrom('nmda', 'glutamate', 'ketamine', '*', '?', '"', '(', ')', '🧪', 'ß', 'İ'), { maxLength: 8 }).map((w) => w.join(' ')),
);

describe('properties', () => {
  it('resolveTopic: never throws; a hit names an existing module or term; each suggestion opens a topic', () => {
    const ids = new Set([...catalog.modules.map((m) => m.id), ...catalog.terms.map((t) => t.id)]);
    fc.assert(
      fc.property(fc.array(hostile, { maxLength: 4 }), (words) => {
        const r = resolveTopic(catalog, words);
        if (r.type === 'module') expect(ids.has(r.id)).toBe(true);
        if (r.type === 'term') expect(ids.has(r.term.id)).toBe(true);
        // Suggestions are what to type (a module id, or a term's own name): each opens by name.
        if (r.type === 'none') for (const s of r.suggestions) expect(resolveTopic(catalog, [s])).toMatchObject({ how: 'name' });
      }),
      { numRuns: 300 },
    );
  });

  it('search: never throws, respects the limit, results are ranked and open with a command', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 1, max: 20 }), (q, limit) => {
        const results = search(reader, q, { limit });
        expect(results.length).toBeLessThanOrEqual(limit);
        for (let i = 1; i < results.length; i++) expect(results[i - 1]!.score).toBeGreaterThanOrEqual(results[i]!.score);
        for (const r of results) expect(r.command).toMatch(/^kap (explain|cite) \S+( \S+)*$/);
      }),
      { numRuns: 200 },
    );
  });

  it('quiz engine: any seed gives a permutation of real choices with one key; same seed, same quiz', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 0, max: 30 }), (seed, count) => {
        const a = select(bank, { seed, count });
        expect(select(bank, { seed, count })).toEqual(a);
        expect(a.length).toBe(count > 0 ? Math.min(count, bank.length) : bank.length);
        for (const item of a) {
          expect([...item.order].sort((x, y) => x - y)).toEqual(item.question.choices.map((_, i) => i));
          expect(item.question.choices.filter((c) => c.correct)).toHaveLength(1);
          expect(choiceAt(item, keyIndex(item)).correct).toBe(true);
        }
        // Answer everything with the first choice: the score adds up, retry is the missed set.
        let state = start(a);
        for (const _ of a) state = answer(state, 0).state;
        const s = score(state);
        expect(s.answered).toBe(a.length);
        const again = retryItems(state, 'p');
        expect(again.length).toBe(a.length - s.correct);
        // Each retried question keeps its choices and its one right answer, at another letter.
        again.forEach((r, i) => {
          const missed = s.missed[i]!.item;
          expect([...r.order].sort((x, y) => x - y)).toEqual([...missed.order].sort((x, y) => x - y));
          expect(keyIndex(r)).not.toBe(keyIndex(missed));
        });
      }),
      { numRuns: 150 },
    );
  });

  it('parseAnswer: never throws; accepts only a letter or number in range', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 2, max: 5 }), (text, n) => {
        const r = parseAnswer(text, n);
        if (r !== undefined) {
          expect(r >= 0 && r < n).toBe(true);
          expect(['ABCDE'[r], String(r + 1)]).toContain(text.trim().toUpperCase());
        }
      }),
      { numRuns: 300 },
    );
  });
});
