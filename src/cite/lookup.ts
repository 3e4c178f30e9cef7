/** What a writer typed → reference keys: a key, a DOI, or an author and a year. Pure. */
import { nearest } from '../text/distance.js';
import { fold } from '../text/fold.js';

export interface Findable {
  key: string;
  authors: string[];
  year: string;
  doi?: string;
}

export interface Lookup {
  keys: string[];
  /** Words that matched nothing, each with the keys it is closest to. */
  missing: { query: string; suggestions: string[] }[];
}

const YEAR = /^(\d{4}[a-z]?|n\.?d\.?)$/;
const FILLER = /^(et|al\.?|and|&)$/i;
const DOI_PREFIX = /^(https?:\/\/(dx\.)?doi\.org\/|doi:)/i;

/** "Furukawa et al., 2005" and "furukawa 2005" give the same tokens: furukawa, 2005. */
export function tokens(words: string[]): string[] {
  return words.flatMap((w) => w.split(/[\s,;]+/)).filter((t) => t && !FILLER.test(t));
}

const yearMatches = (entry: Findable, year: string) => fold(entry.year).replace(/\./g, '') === year.replace(/\./g, '') || entry.year === year.slice(0, 4);

/** Entries by these authors: the first name as first author (else anywhere), the others anywhere. */
function byAuthors(entries: Findable[], names: string[]): Findable[] {
  const all = (e: Findable) => names.every((n) => e.authors.some((a) => fold(a) === n));
  const first = entries.filter((e) => e.authors[0] && fold(e.authors[0]) === names[0] && all(e));
  return first.length ? first : entries.filter(all);
}

/** The longest author name starting at token `at`: names of organisations span several words. */
function nameAt(ts: string[], at: number, names: Set<string>): { name: string; length: number } | undefined {
  for (let len = Math.min(6, ts.length - at); len > 0; len--) {
    const name = fold(ts.slice(at, at + len).join(' '));
    if (names.has(name)) return { name, length: len };
  }
  return undefined;
}

export function findReferences(entries: Findable[], words: string[]): Lookup {
  const keys: string[] = [];
  const missing: Lookup['missing'] = [];
  const byKey = new Map(entries.map((e) => [fold(e.key), e.key]));
  const byDoi = new Map(entries.filter((e) => e.doi).map((e) => [fold(e.doi!), e.key]));
  // Every author name, folded: only needed when a word is not a key or a DOI.
  let folded: Set<string> | undefined;
  const authorNames = () => (folded ??= new Set(entries.flatMap((e) => e.authors.map(fold))));
  const ts = tokens(words);
  for (let i = 0; i < ts.length; i++) {
    const raw = ts[i]!;
    const t = fold(raw);
    const direct = byKey.get(t) ?? byDoi.get(t.replace(DOI_PREFIX, ''));
    if (direct) {
      keys.push(direct);
      continue;
    }
    // "Rush Thase 2018": a run of author names, then perhaps a year, is one query.
    const names: string[] = [];
    let j = i;
    for (let n = nameAt(ts, j, authorNames()); n; n = nameAt(ts, j, authorNames())) {
      names.push(n.name);
      j += n.length;
    }
    if (names.length) {
      const next = ts[j] !== undefined ? fold(ts[j]!) : undefined;
      const dated = next !== undefined && YEAR.test(next);
      const query = ts.slice(i, j + (dated ? 1 : 0)).join(' ');
      i = j - 1 + (dated ? 1 : 0);
      const authored = byAuthors(entries, names);
      const found = dated ? authored.filter((e) => yearMatches(e, next)) : authored;
      if (found.length) keys.push(...found.map((e) => e.key));
      else missing.push({ query, suggestions: (authored.length ? authored : byAuthors(entries, names.slice(0, 1))).map((e) => e.key).slice(0, 3) });
      continue;
    }
    missing.push({ query: raw, suggestions: nearestKeys(t, entries) });
  }
  return { keys: [...new Set(keys)], missing };
}

/**
 * The keys nearest a word, by key or by an author's name. A key found through a co-author's
 * name says whose ("trivedi2006 (Norquist)" for "nonexist"), since the key alone does not show
 * why it was suggested; a name the key already holds ("furukwa" -> furukawa2005) needs no note.
 */
function nearestKeys(word: string, entries: Findable[]): string[] {
  // What each suggestion shows -> its key: nearest() gives back what is shown.
  const keyOf = new Map<string, string>();
  const candidates: [string, string][] = entries.flatMap((e) => {
    const key = fold(e.key);
    keyOf.set(e.key, e.key);
    return [[key, e.key] as [string, string], ...e.authors.map((a) => {
      const shown = key.includes(fold(a)) ? e.key : `${e.key} (${a})`;
      keyOf.set(shown, e.key);
      return [fold(a), shown] as [string, string];
    })];
  });
  const seen = new Set<string>();
  // nearest() orders by distance, then by text: a key alone comes before the same key with a name.
  return nearest(word, candidates, Infinity)
    .filter((shown) => !seen.has(keyOf.get(shown)!) && seen.add(keyOf.get(shown)!))
    .slice(0, 3);
}
