/** What a writer typed → reference keys: a key, a DOI, or an author and a year. Pure. */
import { nearest } from '../text/distance.js';

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

/** Lowercase without accents, so "gouaux" finds "Gouaux" and "muller" finds "Müller". */
export const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

const YEAR = /^(\d{4}[a-z]?|n\.?d\.?)$/;
const FILLER = /^(et|al\.?|and|&)$/i;
const DOI_PREFIX = /^(https?:\/\/(dx\.)?doi\.org\/|doi:)/i;

/** "Furukawa et al., 2005" and "furukawa 2005" give the same tokens: furukawa, 2005. */
export function tokens(words: string[]): string[] {
  return words.flatMap((w) => w.split(/[\s,;]+/)).filter((t) => t && !FILLER.test(t));
}

const yearMatches = (entry: Findable, year: string) => fold(entry.year).replace(/\./g, '') === year.replace(/\./g, '') || entry.year === year.slice(0, 4);

/** Entries whose first author (else any author) has this family name. */
function byAuthor(entries: Findable[], name: string): Findable[] {
  const first = entries.filter((e) => e.authors[0] && fold(e.authors[0]) === name);
  return first.length ? first : entries.filter((e) => e.authors.some((a) => fold(a) === name));
}

export function findReferences(entries: Findable[], words: string[]): Lookup {
  const keys: string[] = [];
  const missing: Lookup['missing'] = [];
  const byKey = new Map(entries.map((e) => [fold(e.key), e.key]));
  const byDoi = new Map(entries.filter((e) => e.doi).map((e) => [fold(e.doi!), e.key]));
  const ts = tokens(words);
  for (let i = 0; i < ts.length; i++) {
    const raw = ts[i]!;
    const t = fold(raw);
    const direct = byKey.get(t) ?? byDoi.get(t.replace(DOI_PREFIX, ''));
    if (direct) {
      keys.push(direct);
      continue;
    }
    const authored = byAuthor(entries, t);
    const next = ts[i + 1] !== undefined ? fold(ts[i + 1]!) : undefined;
    if (authored.length && next && YEAR.test(next)) {
      const dated = authored.filter((e) => yearMatches(e, next));
      i++;
      if (dated.length) keys.push(...dated.map((e) => e.key));
      else missing.push({ query: `${raw} ${ts[i]}`, suggestions: authored.map((e) => e.key).slice(0, 3) });
      continue;
    }
    if (authored.length) {
      keys.push(...authored.map((e) => e.key));
      continue;
    }
    const candidates: [string, string][] = entries.flatMap((e) => [[fold(e.key), e.key] as [string, string], ...e.authors.map((a) => [fold(a), e.key] as [string, string])]);
    missing.push({ query: raw, suggestions: nearest(t, candidates) });
  }
  return { keys: [...new Set(keys)], missing };
}
