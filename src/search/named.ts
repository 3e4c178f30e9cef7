/**
 * Run time: the topic a query names exactly goes first. "spravato" is an alias of the esketamine
 * module, and `kap explain spravato` opens it; but the word is in the titles of ten references,
 * short fields that BM25F ranks above a module's list of aliases. Someone who types a topic's
 * name is looking for that topic, so search puts it where explain would go.
 */
import type { SearchResult } from './query.js';

/** How far down search looks for the named topic when it is not among the first results. */
export const NAMED_DEPTH = 50;

/** `target`, as names.ts gives it: "m:<module id>" or "t:<term id>". */
export function isNamed(r: Pick<SearchResult, 'type' | 'id'>, target: string): boolean {
  return (target.startsWith('m:') && r.type === 'module' && r.id === target.slice(2)) || (target.startsWith('t:') && r.type === 'term' && r.id === target.slice(2));
}

/** `results` with the one `target` names first, cut to `limit`; unchanged without one. */
export function namedFirst(results: SearchResult[], target: string | undefined, limit: number): SearchResult[] {
  const i = target ? results.findIndex((r) => isNamed(r, target)) : -1;
  if (i <= 0) return results.slice(0, limit);
  return [results[i]!, ...results.slice(0, i), ...results.slice(i + 1)].slice(0, limit);
}
