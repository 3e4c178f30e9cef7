/** What a student typed → a module or a glossary term, or suggestions. Pure. */
import { normalizeKey } from './content/normalize.js';
import { nearest } from './text/distance.js';
import type { Catalog } from './store.js';
import type { Term } from './content/model.js';

export type Resolution =
  | { type: 'module'; id: string }
  | { type: 'term'; term: Term }
  | { type: 'none'; suggestions: string[] };

const MAX_QUERY = 200;

export function resolveTopic(catalog: Catalog, words: string[]): Resolution {
  const key = normalizeKey(words.join(' ').slice(0, MAX_QUERY));
  const hit = key && Object.hasOwn(catalog.keys, key) ? catalog.keys[key] : undefined;
  if (hit?.startsWith('m:')) return { type: 'module', id: hit.slice(2) };
  if (hit?.startsWith('t:')) {
    const term = catalog.terms.find((t) => t.id === hit.slice(2));
    if (term) return { type: 'term', term };
  }
  if (!key) return { type: 'none', suggestions: [] };
  // Suggest what to type: a module's id, or a term's id, never a long alias.
  const candidates = Object.entries(catalog.keys).map(([name, target]) => [name, target.slice(2)] as [string, string]);
  return { type: 'none', suggestions: nearest(key, candidates) };
}
