/**
 * Run time: the topic a query names exactly goes first. "spravato" is an alias of the esketamine
 * module, and `kap explain spravato` opens it; but the word is in the titles of ten references,
 * short fields that BM25F ranks above a module's list of aliases. Someone who types a topic's
 * name is looking for that topic, so search puts it where explain would go.
 */
import { normalizeKey } from '../content/normalize.js';
import type { IndexReader } from './read.js';
import { search, type SearchOptions, type SearchResult } from './query.js';

/** How far down search looks for the named topic when it is not among the first results. */
export const NAMED_DEPTH = 50;

/** The result type a name's target ("m:<module id>" or "t:<term id>", as names.ts gives it) is. */
const typeOf = (target: string) => (target.startsWith('m:') ? 'module' : 'term');

export const isNamed = (r: Pick<SearchResult, 'type' | 'id'>, target: string): boolean => r.type === typeOf(target) && r.id === target.slice(2);

/** `results` with the one `target` names first, cut to `limit`; unchanged without one. */
export function namedFirst(results: SearchResult[], target: string | undefined, limit: number): SearchResult[] {
  const i = target ? results.findIndex((r) => isNamed(r, target)) : -1;
  if (i <= 0) return results.slice(0, limit);
  return [results[i]!, ...results.slice(0, i), ...results.slice(i + 1)].slice(0, limit);
}

/**
 * search(), with the topic the whole query is a name of first (`nameOf`: the names index's get,
 * asked only when there are results to order). Looks NAMED_DEPTH deep for it when need be.
 */
export function searchNamedFirst(reader: IndexReader, query: string, opts: SearchOptions, nameOf: (key: string) => string | undefined): SearchResult[] {
  const results = search(reader, query, opts);
  if (!results.length || opts.limit <= 0) return results;
  const target = nameOf(normalizeKey(query));
  // A --type filter that leaves the named topic out: nothing to look for.
  if (!target || (opts.type && opts.type !== typeOf(target))) return results;
  const found = results.some((r) => isNamed(r, target)) ? results : search(reader, query, { ...opts, limit: Math.max(opts.limit, NAMED_DEPTH) });
  return namedFirst(found, target, opts.limit);
}
