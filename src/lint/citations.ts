/**
 * Rule 5's look-ups: the reference keys and author-year citations a sentence has, each found
 * among kap's references, or the nearest one to suggest (unknown or misspelt citations); the
 * article's misspellings (errata). Run time, except nearKeysOf, which the build also writes.
 */
import { couldBeWithin, editDistance, lettersOf, moreBitsThan, typoBudget } from '../text/distance.js';
import { fold } from '../text/fold.js';
import type { LintErratum, LintReference, NearKeys } from './model.js';
import type { LintIndex } from './read.js';
import type { Finding } from './rules.js';
import type { AuthorYear, Sentence } from './sentences.js';

export function refsOf(keys: string[], refs: Map<string, LintReference>): string[] {
  return keys.flatMap((k) => (refs.has(k) ? [refs.get(k)!.reference] : []));
}

/** The reference keys a sentence cites; unknown keys and misspelt author-years become findings. */
export function citedKeys(s: Sentence, index: LintIndex, refs: Map<string, LintReference>, lookup: CitationLookup, add: (f: Omit<Finding, 'severity'>) => void): string[] {
  const keys: string[] = [];
  // Indexed loops, not for…of: no iterator a sentence in a fresh process.
  for (let n = 0; n < s.keys.length; n++) {
    const k = s.keys[n]!;
    if (refs.has(k.key)) {
      keys.push(k.key);
      continue;
    }
    const near = lookup.nearKey(k.key);
    const hint = near ? `; did you mean @${near}?` : '';
    add({ rule: 'unknown-citation', start: k.start, end: k.end, message: `no reference has the key @${k.key}${hint}`, fix: near ? { cite: `@${near}`, references: refsOf([near], refs) } : undefined });
  }
  for (let n = 0; n < s.authorYears.length; n++) {
    const ay = s.authorYears[n]!;
    const { found, erratum: er, near } = lookup.authorYear(ay);
    if (found) {
      keys.push(found.key);
      continue;
    }
    if (er) {
      const ref = refs.get(er.key);
      add({ rule: 'known-error', start: ay.start, end: ay.end, message: `"${ay.text}" repeats the article's misspelt citation: ${ref?.inText ?? er.key} [@${er.key}]`, fix: { replace: ref?.inText.replace(/^\(|\)$/g, ''), cite: `[@${er.key}]`, references: refsOf([er.key], refs) } });
      keys.push(er.key);
      continue;
    }
    if (near)
      add({ rule: 'unknown-citation', start: ay.start, end: ay.end, message: `no reference matches "${ay.text}"; did you mean ${near.inText} [@${near.key}]?`, fix: { replace: near.inText.replace(/^\(|\)$/g, ''), cite: `[@${near.key}]`, references: [near.reference] } });
  }
  return keys;
}

export interface CitationLookup {
  /** The nearest known key to an unknown one (a typo), if any. */
  nearKey(key: string): string | undefined;
  /** An author-year citation: the reference it names, the erratum it misspells, or the nearest reference. */
  authorYear(ay: AuthorYear): { found?: LintReference; erratum?: LintErratum; near?: LintReference };
}

/** Citation look-ups, each answered once per run: a draft cites the same few sources again and again. */
export function citationLookup(index: LintIndex, refs: Map<string, LintReference>): CitationLookup {
  const keys = new Map<string, string | undefined>();
  const authorYears = new Map<string, ReturnType<CitationLookup['authorYear']>>();
  // The known keys' lengths and letter groups, made when a draft first cites a key that no
  // reference has (most cite none), from the index's (written at build time: 106 keys' letter
  // groups, run cold, cost ~1.5M instructions).
  let knownKeys: KnownKeys | undefined;
  const byCount: NameForms[] = [];
  // The references by year, in their order, made when the first author-year is looked up: a
  // reference of another year is neither the one cited nor a near one (resolve, nearReference),
  // and a draft's few author-years were each compared with every reference, run cold.
  let years: ReferenceYears | undefined;
  return {
    nearKey(key) {
      if (!keys.has(key)) keys.set(key, nearestKey(key, (knownKeys ??= knownKeysOf(index.nearKeys?.() ?? nearKeysOf(refs.keys())))));
      return keys.get(key);
    },
    authorYear(ay) {
      const id = `${ay.families.join('\n')}\t${ay.year}`;
      let answer = authorYears.get(id);
      if (!answer) {
        years ??= referenceYears(index.references);
        const found = resolve(ay, years);
        const erratum = found ? undefined : index.errata.find((e) => e.misspelt.some((m) => m.year === ay.year && sameNames(m.families, ay.families)));
        answer = { found, erratum, near: found || erratum ? undefined : nearReference(ay, index.references, years, (byCount[ay.families.length] ??= nameForms())) };
        authorYears.set(id, answer);
      }
      return answer;
    },
  };
}

/** The reference keys, in order, with what nearestKey asks of each before their text. */
export interface KnownKeys {
  keys: string[];
  lower: string[];
  /** Each key's length, its lower-case form's, and its letter groups (text/distance.ts lettersOf). */
  lengths: Int32Array;
  lowerLengths: Int32Array;
  letters: Int32Array;
}

/** The keys as nearestKey reads them (the index has them: model.ts LintHead nearKeys). */
export function nearKeysOf(refKeys: Iterable<string>): NearKeys {
  const keys = [...refKeys];
  return { keys, lower: keys.map((k) => k.toLowerCase()), letters: keys.map(lettersOf) };
}

export function knownKeysOf({ keys, lower, letters }: NearKeys): KnownKeys {
  const n = keys.length;
  const out: KnownKeys = { keys, lower, lengths: new Int32Array(n), lowerLengths: new Int32Array(n), letters: Int32Array.from(letters) };
  for (let i = 0; i < n; i++) {
    out.lengths[i] = keys[i]!.length;
    out.lowerLengths[i] = lower[i]!.length;
  }
  return out;
}

/**
 * The first of the known keys nearest to `key` within 3 edits: each later key need only be
 * nearer, so the distance is bounded by the best so far (editDistance stops past its bound).
 * text/distance.ts couldBeWithin's test, written out over typed arrays: a fresh process runs
 * this loop cold, a call and an object read a key (9 unknown keys of 106: ~5.6M instructions).
 */
export function nearestKey(key: string, known: KnownKeys): string | undefined {
  const lower = key.toLowerCase();
  const length = lower.length;
  const letters = lettersOf(lower);
  const { keys, lengths, lowerLengths, letters: keyLetters } = known;
  let near: string | undefined;
  let best = 4;
  for (let i = 0; i < keys.length && best > 0; i++) {
    const same = lowerLengths[i] === length && known.lower[i] === lower;
    let d = 0;
    if (!same) {
      // Not within best - 1 edits: no nearer than the best so far (couldBeWithin).
      const budget = best - 1;
      const n = lengths[i]!;
      const longer = n > length ? n - length : 0;
      const shorter = length > n ? length - n : 0;
      if (longer > budget || shorter > budget) continue;
      const rl = keyLetters[i]!;
      if (moreBitsThan(letters & ~rl, budget - longer) || moreBitsThan(rl & ~letters, budget - shorter)) continue;
      // Each edit changes the counts of at most two characters by one (a transposition none),
      // so half the counts' difference is a floor of the distance: most keys left are skipped on it.
      const r = keys[i]!;
      d = countGap(lower, r) >= best ? best : editDistance(lower, r, best - 1);
    }
    if (d < best) {
      best = d;
      near = keys[i];
    }
  }
  return near;
}

/** Half the difference of two strings' character counts, rounded up: no more than their edit distance. */
const gapCounts = new Int32Array(128);
export function countGap(a: string, b: string): number {
  // ASCII only (keys and folded names nearly always are); 0, no floor, otherwise.
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) >= 128) return 0;
  for (let i = 0; i < b.length; i++) if (b.charCodeAt(i) >= 128) return 0;
  for (let i = 0; i < a.length; i++) gapCounts[a.charCodeAt(i)]! += 1;
  for (let i = 0; i < b.length; i++) gapCounts[b.charCodeAt(i)]! -= 1;
  return (drain(a) + drain(b) + 1) >> 1;
}

/** The counts' differences over a string's characters, each counted once (then reset to 0). */
function drain(s: string): number {
  let gap = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    gap += Math.abs(gapCounts[c]!);
    gapCounts[c] = 0;
  }
  return gap;
}

const year = (y: string) => y.replace(/[a-z]$/, '');
const sameNames = (a: string[], b: string[]) => a.length > 0 && a.every((n, i) => i >= b.length || fold(b[i]!) === n) && fold(b[0]!) === a[0];

/** The references by year as written (`text`, references, in the references' order). */
export interface ReferenceYears {
  text: Map<string, LintReference[]>;
  /** Each reference's year as a number (NaN, never within a year of another, for one that is no number). */
  numbers: number[];
}

export function referenceYears(refs: LintReference[]): ReferenceYears {
  const text = new Map<string, LintReference[]>();
  const numbers: number[] = [];
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i]!;
    const n = Number(r.year);
    numbers.push(n);
    const t = text.get(r.year);
    if (t) t.push(r);
    else text.set(r.year, [r]);
  }
  return { text, numbers };
}

/** The first reference of the year cited whose first names are the ones written. */
function resolve(ay: AuthorYear, years: ReferenceYears): LintReference | undefined {
  const names = ay.families.map(fold);
  return years.text.get(year(ay.year))?.find((r) => names.every((f, i) => r.families[i] === f));
}

/** Each reference's first `count` names as one string (what an author-year of as many names is held to) and its letter groups, made when first asked. */
export interface NameForms {
  names: (string | undefined)[];
  letters: number[];
}

export const nameForms = (): NameForms => ({ names: [], letters: [] });

/** A reference one typo away in the first author's name (same year), or the same names a year off. */
export function nearReference(ay: AuthorYear, refs: LintReference[], years: ReferenceYears, forms: NameForms): LintReference | undefined {
  const written = ay.families.map(fold).join(' ');
  const letters = lettersOf(written);
  const y = Number(year(ay.year));
  const count = ay.families.length;
  const numbers = years.numbers;
  let best: { r: LintReference; d: number } | undefined;
  // Only the same year, or a year off, can score (below): asked first, of each reference in
  // order, as one compare (none for a year that is no number, NaN). Not a list of the years'
  // references made first: its spreads and sort cost a fresh process more than this loop.
  for (let i = 0; i < numbers.length; i++) {
    const ry = numbers[i]!;
    if (!(Math.abs(ry - y) <= 1)) continue;
    const r = refs[i]!;
    if (!r.families[0]) continue;
    // The names as written against the reference's first as many names.
    let names = forms.names[i];
    if (names === undefined) {
      forms.names[i] = names = r.families.slice(0, count).join(' ');
      forms.letters[i] = lettersOf(names);
    }
    // Only a distance of 2 or less scores (below): the letter groups, then the counts' floor,
    // rule most references out.
    if (!couldBeWithin(letters, written.length, forms.letters[i]!, names.length, 2)) continue;
    const d = countGap(written, names) > 2 ? 3 : editDistance(written, names, 3);
    const score = ry === y && d > 0 && d <= Math.min(2, typoBudget(written.length)) ? d : d === 0 && Math.abs(ry - y) === 1 ? 2.5 : Infinity;
    if (score < (best?.d ?? Infinity)) best = { r, d: score };
  }
  return best?.r;
}
