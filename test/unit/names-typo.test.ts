/**
 * The typo prefilter (names-typo.ts) may skip a name only when the name cannot be within the
 * typo budget: held to the edit distance itself over generated typos of generated names, and
 * over every name of the shipped content with a few hundred typos of each kind.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupsWithin, lengthFiles, lengthGroups } from '../../src/names-typo.js';
import { memoryNames, readNames } from '../../src/names.js';
import { readCatalog } from '../../src/store.js';
import { couldBeWithin, editDistance, lettersOf, typoBudget } from '../../src/text/distance.js';
import { ROOT } from '../helpers/run-kap.js';

/** Letters of every group: most of a-z, digits of both halves, a space, non-ASCII. */
const letter = fc.constantFrom(...'abcdeglmnrstuz0479 é-ß'.split(''));
const name = fc.array(letter, { minLength: 1, maxLength: 14 }).map((cs) => cs.join(''));

/** One edit of `s` at `i`: drop, double, swap with the next, or replace with `c`. */
function edit(s: string, i: number, kind: number, c: string): string {
  i %= s.length;
  if (kind === 0) return s.slice(0, i) + s.slice(i + 1);
  if (kind === 1) return s.slice(0, i) + s[i] + s.slice(i);
  if (kind === 2) return s.slice(0, i) + (s[i + 1] ?? '') + s[i] + s.slice(i + 2);
  return s.slice(0, i) + c + s.slice(i + 1);
}
const typoOf = (s: string) => fc.array(fc.tuple(fc.nat(), fc.nat(3), letter), { minLength: 1, maxLength: 4 }).map((es) => es.reduce((t, [i, k, c]) => (t ? edit(t, i, k, c) : t), s));

const within = (key: string, n: string, budget: number) => couldBeWithin(lettersOf(key), key.length, lettersOf(n), n.length, budget);

describe('typo prefilter', () => {
  it('never skips a name within the budget (generated typos of generated names)', () => {
    fc.assert(
      fc.property(name.chain((n) => fc.tuple(fc.constant(n), typoOf(n))), fc.integer({ min: 0, max: 4 }), ([n, typo], budget) => {
        if (!typo) return;
        if (editDistance(typo, n, budget) <= budget) expect(within(typo, n, budget)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('never skips a name within the budget (unrelated pairs)', () => {
    fc.assert(fc.property(name, name, fc.integer({ min: 0, max: 4 }), (a, b, budget) => void (editDistance(a, b, budget) <= budget && expect(within(a, b, budget)).toBe(true))), { numRuns: 20_000 });
  });

  it('skips names that cannot be within it (so the test above can fail)', () => {
    expect(within('glutamte', 'gen 1234', 3)).toBe(false);
    expect(within('glutamte', 'glutamate', 3)).toBe(true);
    // Three letters the name lacks, and a name one longer: four edits at least.
    expect(within('abcdxyz', 'abcdqrst', 3)).toBe(false);
    expect(within('abcdxyz', 'abcdqrs', 3)).toBe(true);
  });

  it('finds every name of the shipped content within the budget of its typos, as a scan does', () => {
    const shipped = readCatalog(`${ROOT}dist/content`);
    const entries = shipped.names.all();
    const files = lengthFiles(entries);
    const all = () => true;
    // Each length's groups kept across typos, as a run keeps them: later scans use the letters the first parsed.
    const groups = new Map([...files].map(([f, text]) => [f, lengthGroups(text)]));
    let typos = 0;
    let compared = 0;
    fc.assert(
      fc.property(fc.constantFrom(...entries.map((e) => e.name)).chain((n) => typoOf(n)), (typo) => {
        if (!typo) return;
        typos++;
        const budget = typoBudget(typo.length);
        const kept = new Set<string>();
        for (let len = Math.max(0, typo.length - budget); len <= typo.length + budget; len++) {
          const lg = groups.get(`l${len}.txt`);
          if (lg) for (const e of groupsWithin(lg, len, typo, lettersOf(typo), budget, all)) kept.add(e.name);
        }
        for (const e of entries) if (editDistance(typo, e.name, budget) <= budget) expect(kept).toContain(e.name);
        compared += kept.size;
      }),
      { numRuns: 600 },
    );
    // The filter does filter: far fewer names compared than a scan of their lengths.
    expect(compared).toBeLessThan(typos * entries.length * 0.1);
    expect(memoryNames({}).all()).toEqual([]);
    expect(readNames(`${ROOT}dist/content`).near('glutamte', 3).map((e) => e.name)).toContain('glutamate');
  }, 60_000);
});
