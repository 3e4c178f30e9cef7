import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { bestWindow, flatten, hitsIn, plain, positionsOf, snippet, storedHits } from '../../src/search/snippet.js';
import { fold, stem, words } from '../../src/search/tokenize.js';

const hitsOf = (...ws: string[]) => new Set(ws.map(stem));

describe('search snippets', () => {
  it('marks matched words, in any form, as hits', () => {
    expect(snippet('Ketamine blocks NMDA receptors.', hitsOf('receptor', 'nmda'))).toEqual([
      { text: 'Ketamine blocks ', hit: false },
      { text: 'NMDA', hit: true },
      { text: ' ', hit: false },
      { text: 'receptors', hit: true },
      { text: '.', hit: false },
    ]);
  });

  it('cuts a long text around the matches, at word boundaries, with ellipses', () => {
    const text = `${'filler words here '.repeat(20)}the bladder can be harmed ${'more filler text '.repeat(20)}`;
    const s = snippet(text, hitsOf('bladder'), 80);
    const p = plain(s);
    expect(p.startsWith('…')).toBe(true);
    expect(p.endsWith('…')).toBe(true);
    expect(p.length).toBeLessThanOrEqual(82);
    expect(s.filter((x) => x.hit).map((x) => x.text)).toEqual(['bladder']);
  });

  it('starts at the beginning when nothing matched', () => {
    expect(plain(snippet('Short text.', new Set()))).toBe('Short text.');
  });
});

describe('snippet hits', () => {
  // The straightforward way: split the text into words and keep those whose stem is a term.
  const reference = (text: string, terms: Set<string>) =>
    words(text).filter((w) => w.start >= 0 && terms.has(stem(w.word))).map(({ start, end }) => ({ start, end }));
  // Where folding changes a text's length ("…" → "..."), fold it a character at a time,
  // split that, and map the words back to the text's own offsets.
  const referenceEach = (text: string, terms: Set<string>) => {
    let folded = '';
    const from: number[] = [];
    let at = 0;
    for (const ch of text) {
      const piece = fold(ch);
      for (let k = 0; k < piece.length; k++) from.push(at);
      folded += piece;
      at += ch.length;
    }
    from.push(text.length);
    return reference(folded, terms).map(({ start, end }) => ({ start: from[start], end: from[end] }));
  };
  const keepsLength = (text: string) => fold(text).length === text.length;

  it('are the words a full split finds, on every stored document with every relevance query', () => {
    const dir = 'dist/content/search/docs';
    const texts = readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text.replace(/\s+/g, ' ').trim()));
    const queries = (JSON.parse(readFileSync('test/search/queries.json', 'utf8')) as { queries: { q: string }[] }).queries.map((x) => x.q);
    const termSets = queries.map((q) => new Set(words(q).map((w) => stem(w.word))));
    termSets.push(new Set(['stud', 'therapy', 'spy', 'us', 'a', 'nmda', 'dose', 'glutam']));
    expect(texts.length).toBeGreaterThan(300);
    let compared = 0;
    let withHits = 0;
    for (const text of texts)
      for (const terms of termSets) {
        const want = referenceEach(text, terms);
        if (keepsLength(text) && !/[\ud800-\udfff]/.test(text)) expect(reference(text, terms)).toEqual(want);
        expect(hitsIn(text, terms)).toEqual(want);
        compared++;
        if (want.length) withHits++;
      }
    expect(compared).toBeGreaterThan(20_000);
    expect(withHits).toBeGreaterThan(1000);
  });

  it('are found where folding changes the length (an ellipsis, a ligature, a combining accent, an astral letter)', () => {
    const show = (text: string, ...ws: string[]) => hitsIn(text, new Set(ws.map(stem))).map(({ start, end }) => text.slice(start, end));
    expect(show('Ketamine… blocks NMDA… receptors', 'ketamine', 'nmda')).toEqual(['Ketamine', 'NMDA']);
    expect(show('the ﬁnding was clear', 'finding')).toEqual(['ﬁnding']);
    expect(show('a cafe\u0301 near the clinic', 'cafe', 'clinic')).toEqual(['cafe\u0301', 'clinic']);
    // Same folded length overall (𝐀 is two UTF-16 units, "a" one; "ﬁ" one, "fi" two), different places.
    expect(show('𝐀 ﬁ', 'a', 'fi')).toEqual(['𝐀', 'ﬁ']);
  });

  it('are the words a full split finds, on any text (property)', () => {
    const piece = fc.constantFrom('studies', 'Study', 'spies', 'spy', 'NMDA', 'nmdar', 'xnmda', 'dosing', 'doses', 'é', 'Über', '–', '“', '𝐀', '😀', '東京', 'ﬁ', 'e\u0301', ' ', '-', '2005', 'uses', 'us');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 12 }), fc.array(piece, { maxLength: 4 }), (parts, termWords) => {
        const text = parts.join('');
        const terms = new Set(termWords.flatMap((w) => words(w).map((x) => stem(x.word))));
        expect(hitsIn(text, terms)).toEqual(referenceEach(text, terms));
        // Each hit is one word of the text itself whose stem is a term.
        for (const h of hitsIn(text, terms)) {
          const w = words(fold(text.slice(h.start, h.end)));
          expect(w.length).toBe(1);
          expect(terms.has(stem(w[0]!.word))).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('stored snippet positions', () => {
  it('give the hits a scan of the text finds, on every stored document with every relevance query and each of its stems', () => {
    const dir = 'dist/content/search/docs';
    const docs = readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; pos: string }));
    const queries = (JSON.parse(readFileSync('test/search/queries.json', 'utf8')) as { queries: { q: string }[] }).queries.map((x) => x.q);
    const termSets = queries.map((q) => new Set(words(q).map((w) => stem(w.word))));
    termSets.push(new Set(['stud', 'therapy', 'spy', 'us', 'a', 'nmda', 'dose', 'glutam', 'use', 'the']));
    expect(docs.length).toBeGreaterThan(300);
    let withHits = 0;
    for (const d of docs) {
      expect(d.pos).toBe(positionsOf(d.text));
      for (const terms of termSets) {
        const want = hitsIn(d.text, terms);
        expect(storedHits(d.pos, terms)).toEqual(want);
        if (want.length) withHits++;
      }
      for (const [, t] of d.pos.matchAll(/;([^:]+):/g)) expect(storedHits(d.pos, new Set([t!]))).toEqual(hitsIn(d.text, new Set([t!])));
      expect(snippet(d.text, termSets[0]!, undefined, d.pos)).toEqual(snippet(d.text, termSets[0]!));
    }
    expect(withHits).toBeGreaterThan(1000);
  });

  it('give the hits a scan of the text finds, on any text (property)', () => {
    const piece = fc.constantFrom('studies', 'Study', 'spies', 'spy', 'NMDA', 'nmdar', 'xnmda', 'dosing', 'doses', 'é', 'Über', '–', '“', '𝐀', '😀', '東京', 'ﬁ', 'e\u0301', ' ', '-', '2005', 'uses', 'us', 'running', 'bullies');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 12 }), fc.array(piece, { maxLength: 4 }), (parts, termWords) => {
        const text = flatten(parts.join(''));
        const terms = new Set(termWords.flatMap((w) => words(w).map((x) => stem(x.word))));
        expect(storedHits(positionsOf(text), terms)).toEqual(hitsIn(text, terms));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('snippet window', () => {
  // The straightforward way: count, for each candidate start, the hits inside the window.
  function reference(hits: { start: number; end: number }[], width: number): number {
    let best = -1;
    let start = 0;
    for (const h of hits) {
      const from = Math.max(0, h.start - 30);
      const count = hits.filter((o) => o.start >= from && o.end <= from + width).length;
      if (count > best) [best, start] = [count, from];
    }
    return start;
  }

  it('starts where the straightforward count says, for any words in order', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ gap: fc.nat(60), len: fc.integer({ min: 1, max: 40 }) }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 20, max: 200 }), (words, width) => {
        let at = 0;
        const hits = words.map(({ gap, len }) => {
          const start = at + gap;
          at = start + len + 1;
          return { start, end: start + len };
        });
        expect(bestWindow(hits, width)).toBe(reference(hits, width));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('flatten', () => {
  it('collapses any whitespace run to one space, and leaves flat text as it is', () => {
    expect(flatten('  a\n\tb   c\u00a0\u00a0d \r\n')).toBe('a b c d');
    expect(flatten('a b')).toBe('a b');
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(' ', '\n', '\t', '\r', '\u00a0', '\u2028', '\u3000', 'a', 'b') }), (s) => {
      expect(flatten(s)).toBe(s.replace(/\s+/g, " ").trim());
    }));
  });
});
