/** kap search <query...>: ranked modules, sections, terms, claims and references. */
import type { Ctx } from '../context.js';
import { NotFoundError, UsageError } from '../errors.js';
import type { DocType } from '../search/documents.js';
import { readIndex } from '../search/read.js';
import { queryWords, search as runSearch } from '../search/query.js';
import { resultsJson, resultsView, searchHelp } from '../search/view.js';
import { nearest, typoBudget } from '../text/distance.js';
import { byOrd, readNames } from '../names.js';
import { NAMED_DEPTH, isNamed, namedFirst } from '../search/named.js';
import { normalizeKey } from '../content/normalize.js';
import { clean } from '../text/sanitize.js';
import { helpNeeded } from '../safety/index.js';

export interface SearchCliOptions {
  type?: string;
  tag?: string;
  limit?: number;
  json?: boolean;
}

export function search(ctx: Ctx, words: string[], opts: SearchCliOptions): void {
  const query = words.join(' ');
  const index = readIndex(ctx.dataDir);
  if (opts.tag && !index.meta.tags.includes(opts.tag.toLowerCase()))
    throw new UsageError(`no tag "${clean(opts.tag).slice(0, 40)}"`, `Tags: ${index.meta.tags.join(', ')}`);
  const limit = opts.limit ?? 10;
  const asked = { type: opts.type as DocType | undefined, tag: opts.tag, limit };
  let results = runSearch(index, query, asked);
  // The topic the query is a name of (what `kap explain <query>` opens) first, from further down if need be.
  let named = results.length ? readNames(ctx.dataDir).get(normalizeKey(query)) : undefined;
  if (named && opts.type && opts.type !== (named.startsWith('m:') ? 'module' : 'term')) named = undefined;
  if (named && limit > 0 && !results.some((r) => isNamed(r, named))) results = runSearch(index, query, { ...asked, limit: Math.max(limit, NAMED_DEPTH) });
  results = namedFirst(results, named, limit);
  if (!results.length) {
    // Nothing found, but the words themselves may call for help ("kill myself"): show it first.
    const asked = searchHelp(query, []);
    if (asked.length) {
      if (opts.json) ctx.json(resultsJson(query, [], asked));
      else ctx.out(resultsView([], ctx.theme, ctx.width, asked, ctx.isTTY));
    }
    const names = ctx.catalog().names;
    // Of the names a typo can be (names.ts): one per topic, the nearest, not "glutamate, glumate" (an alias of the same module).
    const topics = new Set<string>();
    const near = queryWords(query)
      .flatMap((w) => nearest(w, names.near(w, typoBudget(w.length)).sort(byOrd).map((e) => [e.name, e.name] as [string, string]), 2))
      .filter((name) => !topics.has(names.get(name)!) && Boolean(topics.add(names.get(name)!)))
      .slice(0, 4);
    const shown = clean(query).slice(0, 80);
    throw new NotFoundError(`nothing found for "${shown}"`, near, { otherwise: 'Try fewer or other words, or see every topic with `kap list`.' });
  }
  const help = searchHelp(query, results);
  if (opts.json) return ctx.json(resultsJson(query, results, help));
  ctx.out(resultsView(results, ctx.theme, ctx.width, help, ctx.isTTY, helpNeeded(query).length > 0));
}
