/**
 * What --topic names → the module ids and tags the quiz filters on. A module id or a tag of the
 * bank is taken as it is; anything else is what `kap explain` accepts (a title, an alias, a
 * glossary term: its module), through resolveTopic. Pure.
 */
import { NotFoundError } from '../errors.js';
import { resolveTopic } from '../resolve.js';
import type { Catalog } from '../store.js';
import type { Selectable } from './engine.js';
import { nearest } from '../text/distance.js';
import { clean } from '../text/sanitize.js';

export function quizTopics(bank: Selectable[], catalog: () => Catalog, values: string[]): string[] {
  if (!values.length) return [];
  const names = [...new Set(bank.flatMap((q) => [q.module, ...q.tags]))].sort();
  const known = new Set(names);
  return values.map((value) => {
    const lower = value.toLowerCase();
    if (known.has(lower)) return lower;
    const shown = clean(value).slice(0, 60);
    // By a name only (id, title, alias, term, either spelling): a typo or a guess must not pick
    // the questions of a trainer's reproducible quiz; it gets suggestions instead.
    const resolved = resolveTopic(catalog(), [value]);
    const found = resolved.type !== 'none' && resolved.how !== 'name' ? { type: 'none' as const, suggestions: [resolved.type === 'module' ? resolved.id : resolved.term.module] } : resolved;
    const module = found.type === 'module' ? found.id : found.type === 'term' ? found.term.module : undefined;
    if (module && known.has(module)) return module;
    if (module) throw new NotFoundError(`no quiz questions on "${shown}" (its module, ${module}, has none)`, [], { then: `Topics with questions: ${names.join(', ')}` });
    // What to type instead: the nearest topic with questions, else what kap explain would suggest.
    const near = nearest(lower, names.map((n) => [n, n] as [string, string]));
    const suggestions = near.length ? near : found.type === 'none' ? found.suggestions : [];
    throw new NotFoundError(`no quiz questions on "${shown}"`, suggestions, { as: (s) => `--topic ${s}`, then: `Topics are module ids, tags, titles, aliases and glossary terms; with questions: ${names.join(', ')}` });
  });
}
