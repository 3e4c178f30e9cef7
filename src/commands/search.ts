/** kap search <query...>: ranked modules, sections, terms, claims and references. */
import type { Ctx } from '../context.js';
import { NotFoundError, UsageError } from '../errors.js';
import type { DocType } from '../search/documents.js';
import { readIndex } from '../search/read.js';
import { queryWords } from '../search/query.js';
import { resultsJson, resultsView, searchHelp } from '../search/view.js';
import { nearest, typoBudget } from '../text/distance.js';
import { byOrd, readNames } from '../names.js';
import { searchNamedFirst } from '../search/named.js';
import { clean } from '../text/sanitize.js';
import { helpNeeded } from '../safety/index.js';
import { SHORT_RUN_DOCS, SHORT_RUN_FLAGS } from '../short-run.js';

export interface SearchCliOptions {
  type?: string;
  tag?: string;
  limit?: number;
  json?: boolean;
}

export function search(ctx: Ctx, words: string[], opts: SearchCliOptions): void {
  const query = words.join(' ');
  const index = readIndex(ctx.dataDir);
  if (index.meta.docs <= SHORT_RUN_DOCS) ctx.tuneV8(SHORT_RUN_FLAGS);
  if (opts.tag && !index.meta.tags.includes(opts.tag.toLowerCase()))
    throw new UsageError(`no tag "${clean(opts.tag).slice(0, 40)}"`, `Tags: ${index.meta.tags.join(', ')}`);
  // The topic the whole query names (what `kap explain <query>` opens) first: search/named.ts.
  const results = searchNamedFirst(index, query, { type: opts.type as DocType | undefined, tag: opts.tag, limit: opts.limit ?? 10 }, (key) => readNames(ctx.dataDir).get(key));
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
