import { describe, expect, it } from 'vitest';
import { countGap, knownKeysOf, nameForms, nearestKey, nearKeysOf, nearReference, referenceYears } from '../../src/lint/citations.js';
import { couldBeWithin, editDistance, lettersOf, typoBudget } from '../../src/text/distance.js';
import { fold } from '../../src/text/fold.js';
import type { LintReference } from '../../src/lint/model.js';
import type { AuthorYear } from '../../src/lint/sentences.js';

// rules.ts nearestKey and nearReference are the look-ups as they were written first (below),
// with couldBeWithin written out over typed arrays and no list of the years' references: the
// same answers, the first of equals, on many random keys, names and years.

function nearKeyAsFirst(key: string, refKeys: string[]): string | undefined {
  const lower = key.toLowerCase();
  let near: string | undefined;
  let best = 4;
  const letters = lettersOf(lower);
  const known = refKeys.map((r) => ({ r, lower: r.toLowerCase(), letters: lettersOf(r) }));
  for (let i = 0; i < known.length && best > 0; i++) {
    const { r, lower: l, letters: rl } = known[i]!;
    if (l !== lower && !couldBeWithin(letters, lower.length, rl, r.length, best - 1)) continue;
    const d = l === lower ? 0 : Math.abs(lower.length - r.length) >= best || countGap(lower, r) >= best ? best : editDistance(lower, r, best - 1);
    if (d < best) {
      best = d;
      near = r;
    }
  }
  return near;
}

const year = (y: string) => y.replace(/[a-z]$/, '');
function nearReferenceAsFirst(ay: AuthorYear, refs: LintReference[]): LintReference | undefined {
  const floor = new Map<number, number[]>();
  const numbers = refs.map((r) => Number(r.year));
  numbers.forEach((n, i) => Number.isFinite(n) && floor.set(Math.floor(n), [...(floor.get(Math.floor(n)) ?? []), i]));
  const written = ay.families.map(fold).join(' ');
  const letters = lettersOf(written);
  const y = Number(year(ay.year));
  const f = Math.floor(y);
  const near = Number.isFinite(y) ? [...(floor.get(f - 1) ?? []), ...(floor.get(f) ?? []), ...(floor.get(f + 1) ?? [])].sort((a, b) => a - b) : [];
  let best: { r: LintReference; d: number } | undefined;
  for (const i of near) {
    const r = refs[i]!;
    const ry = numbers[i]!;
    if (!r.families[0] || Math.abs(ry - y) > 1) continue;
    const names = r.families.slice(0, ay.families.length).join(' ');
    if (!couldBeWithin(letters, written.length, lettersOf(names), names.length, 2)) continue;
    const d = countGap(written, names) > 2 ? 3 : editDistance(written, names, 3);
    const score = ry === y && d > 0 && d <= Math.min(2, typoBudget(written.length)) ? d : d === 0 && Math.abs(ry - y) === 1 ? 2.5 : Infinity;
    if (score < (best?.d ?? Infinity)) best = { r, d: score };
  }
  return best?.r;
}

let seed = 7;
const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
const ALPHABET = 'aabcdeeinorstuz0129_-.:KZéİ';
const word = (min: number, max: number) => Array.from({ length: min + rnd(max - min + 1) }, () => ALPHABET[rnd(ALPHABET.length)]).join('');
/** A few edits of a string: typos, as drafts make them. */
function typo(s: string, most = 4): string {
  let b = s;
  for (let k = rnd(most + 1); k > 0; k--) {
    const at = rnd(b.length + 1);
    const op = rnd(5);
    if (op === 0) b = b.slice(0, at) + ALPHABET[rnd(ALPHABET.length)] + b.slice(at);
    else if (op === 1) b = b.slice(0, at) + b.slice(at + 1);
    else if (op === 2) b = b.slice(0, at) + ALPHABET[rnd(ALPHABET.length)] + b.slice(at + 1);
    else if (op === 3) b = b.slice(0, at) + b.slice(at + 1, at + 2) + b.slice(at, at + 1) + b.slice(at + 2);
    else b = b.toUpperCase();
  }
  return b;
}

describe('nearestKey', () => {
  it('names the key the first look-up named, on many random keys and typos of them', () => {
    let named = 0;
    for (let round = 0; round < 300; round++) {
      const refKeys = [...new Set(Array.from({ length: 1 + rnd(40) }, () => word(1, 14)))];
      const known = knownKeysOf(nearKeysOf(new Map(refKeys.map((k) => [k, 1])).keys()));
      for (let q = 0; q < 20; q++) {
        const key = q % 4 === 0 ? word(0, 14) : typo(refKeys[rnd(refKeys.length)]!);
        const expected = nearKeyAsFirst(key, refKeys);
        expect(nearestKey(key, known), `${key} among ${refKeys.join(' ')}`).toBe(expected);
        if (expected !== undefined) named++;
      }
    }
    expect(named).toBeGreaterThan(2000);
  });
});

describe('nearReference', () => {
  it('names the reference the first look-up named, on many random names and years', () => {
    const YEARS = ['2004', '2005', '2005a', '2006', '2007', 'n.d.', 'in press', '2005.5'];
    let named = 0;
    for (let round = 0; round < 1000; round++) {
      const refs: LintReference[] = Array.from({ length: 1 + rnd(30) }, (_, i) => {
        const families = Array.from({ length: rnd(4) }, () => fold(word(2, 9)));
        return { key: `r${i}`, families, year: YEARS[rnd(YEARS.length)]!, inText: '', reference: '' };
      });
      const years = referenceYears(refs);
      const forms = nameForms();
      const withFamilies = refs.filter((r) => r.families.length);
      for (let q = 0; q < 20; q++) {
        const from = withFamilies.length ? withFamilies[rnd(withFamilies.length)]! : undefined;
        // Mostly a reference's names with a typo or two in one of them, of its year or one off.
        const families = from && q % 3 ? from.families.slice(0, 1 + rnd(from.families.length)) : [word(2, 9)];
        if (rnd(4)) families[rnd(families.length)] = typo(families[0]!, 2);
        const near = from ? Number(from.year.replace(/[a-z]$/, '')) + rnd(3) - 1 : NaN;
        const ay: AuthorYear = { text: '', families, year: from && rnd(3) && Number.isFinite(near) ? String(near) : YEARS[rnd(YEARS.length)]!, start: 0, end: 0 };
        // One set of name forms per count of names, as citationLookup keeps them.
        const expected = nearReferenceAsFirst(ay, refs);
        expect(nearReference(ay, refs, years, families.length === 1 ? forms : nameForms()), `${families.join(', ')} ${ay.year}`).toBe(expected);
        if (expected) named++;
      }
    }
    expect(named).toBeGreaterThan(300);
  });
});
