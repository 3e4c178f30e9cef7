/**
 * Content packs over the built-in content: one content set, where a later pack's module,
 * term, question, reference or erratum replaces an earlier one with the same id.
 * Order: built-in, then KAP_CONTENT_PATH's folders, then --content folders, as given.
 */
import type { ContentSet } from './load.js';

export const BUILT_IN = 'built-in';

function byId<T>(lists: T[][], id: (t: T) => string): T[] {
  const out = new Map<string, T>();
  for (const list of lists) for (const item of list) {
    const k = id(item);
    out.delete(k); // re-insert, so an override takes the overriding pack's place in the order
    out.set(k, item);
  }
  return [...out.values()];
}

export function mergeSets(sets: { set: ContentSet; origin: string }[]): ContentSet {
  const withOrigin = sets.map(({ set, origin }) => ({
    ...set,
    modules: set.modules.map((pm) => ({ ...pm, module: { ...pm.module, origin } })),
  }));
  const lines = new Map<string, number>();
  for (const s of withOrigin) for (const [k, v] of s.references.lines) lines.set(k, v);
  const last = withOrigin[withOrigin.length - 1]!;
  return {
    dir: last.dir,
    modules: byId(withOrigin.map((s) => s.modules), (m) => m.module.id),
    terms: byId(withOrigin.map((s) => s.terms), (t) => t.term.id),
    questions: byId(withOrigin.map((s) => s.questions), (q) => q.question.id),
    errata: byId(withOrigin.map((s) => s.errata), (e) => e.erratum.key),
    references: {
      items: byId(withOrigin.map((s) => s.references.items), (r) => r.id),
      lines,
      file: withOrigin.length > 1 ? 'the bibliography (built-in and packs)' : last.references.file,
    },
    problems: withOrigin.flatMap((s) => s.problems),
    texts: new Map(withOrigin.flatMap((s) => [...s.texts])),
  };
}
