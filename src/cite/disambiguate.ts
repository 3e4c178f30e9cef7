/**
 * What is not on record never tells two works apart. A style disambiguates in-text citations
 * by adding names, then given names, then a year suffix or a short title (CSL 1.0.2,
 * "Disambiguation"). Given the records as they are, citeproc would:
 *  - add the "et al." stand-in of an incomplete list as if it were the next name, so
 *    "(Wilkinson, et al., et al.)" is told from "(Wilkinson, Ballard, et al.)", which kap can
 *    only print as "(Wilkinson et al.)" again;
 *  - take an initial recorded for want of the full given name ("N. Zaki") and the full name in
 *    another record ("Naim Zaki") for two people: "(N. Zaki et al.)", "(Naim Zaki et al.)",
 *    where MLA and Chicago treat the works as one author's (a short title, a year).
 * The view of the records the processor disambiguates the in-text citations with: an initial
 * stands for any given name with that initial, in every record, and an incomplete list goes on
 * as the list of a work whose names match its known ones (so its unknown names tell nothing
 * apart). Only the in-text citations are taken from it: entries print what is on record. Pure.
 */
import type { CslItem } from '../content/model.js';
import { MORE_AUTHORS, authorsIncomplete, type Name } from './record.js';

const INITIALS_ONLY = /^(?:\p{Lu}\.[\s-]?)+$/u;
const initials = (given: string) => given.split(/[\s.-]+/).filter(Boolean).map((w) => w[0]).join('');
const standIn = (n: Name) => n.family === MORE_AUTHORS;
const same = (a: Name, b: Name) => a.family === b.family && a.literal === b.literal && (a.given ?? '') === (b.given ?? '') && !standIn(a) && !standIn(b);

export interface View {
  /** The processor input for the in-text citations, in the order of `data`. */
  items: CslItem[];
  /** Ids whose view differs from their record's processor input. */
  changed: Set<string>;
  /** Per changed incomplete record: the family names it was given from another work (never to be printed). */
  borrowed: Map<string, string[]>;
  /**
   * The records a changed one can be confused with (those of the same first author), changed
   * ones included: all a style's disambiguation of their entries depends on.
   */
  related: Set<string>;
}

/** The first author as an in-text citation starts with it: works with different ones never cite alike. */
const firstAuthor = (d: CslItem) => {
  const n = ((d.author ?? []) as Name[])[0];
  return n ? (n.family ?? n.literal ?? '') : undefined;
};

/**
 * `data`: the processor input (forStyle) of `items`, same order. Undefined when the view is the
 * input itself. `keep`: a list this long is cut short by the style's citations and entries alike
 * (longer than both et-al-min, no et-al-use-last), so that the style prints no name past it.
 */
export function disambiguationView(items: CslItem[], data: CslItem[], keep?: number): View | undefined {
  const authors = data.map((d) => ((d.author ?? []) as Name[]).map((n) => ({ ...n })));
  // Only works of the same first author can cite alike: each group is seen on its own.
  const groups = new Map<string, number[]>();
  data.forEach((d, i) => {
    const first = firstAuthor(d);
    if (first) groups.set(first, [...(groups.get(first) ?? []), i]);
  });
  const borrowed = new Map<string, string[]>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // An initial-only given name stands for any given name with those initials.
    const vague = new Map<string, string[]>();
    for (const i of group)
      for (const n of authors[i]!) if (n.family && n.given && INITIALS_ONLY.test(n.given)) vague.set(n.family, [...(vague.get(n.family) ?? []), n.given]);
    for (const i of group)
      for (const n of authors[i]!) {
        const short = n.family && n.given ? vague.get(n.family)?.find((g) => g !== n.given && initials(n.given!).startsWith(initials(g))) : undefined;
        if (short) n.given = short;
      }
    // An incomplete list continues as that of a work whose names match its known ones. Where
    // such works go on with different names, no one of them may stand for the unknown names.
    for (const i of group) {
      const item = items[i]!;
      if (!authorsIncomplete(item)) continue;
      const known = authors[i]!.filter((n) => !standIn(n));
      const k = known.length;
      const partners = group.filter((j) => j !== i && authors[j]!.length > k && known.every((n, m) => same(n, authors[j]![m]!))).map((j) => authors[j]!);
      if (!partners.length || partners.some((list) => JSON.stringify(list[k]) !== JSON.stringify(partners[0]![k]))) continue;
      const tail = partners[0]!.slice(k);
      authors[i] = [...known, ...tail];
      borrowed.set(item.id, tail.filter((n) => !standIn(n)).map((n) => n.family ?? n.literal ?? '').filter((f) => f && !known.some((m) => m.family === f)));
    }
  }
  const changed = new Set<string>();
  data.forEach((d, i) => JSON.stringify(authors[i]) !== JSON.stringify(d.author ?? []) && changed.add(d.id));
  if (!changed.size) return undefined;
  // Works of one first author whose lists are the same throughout (an incomplete list that
  // continues as its partner's) are never told apart by names, however many are added: citeproc
  // still adds them one by one, each with its given name, through the whole list (38 names,
  // 0.45 s of MLA's formatting). Cut to `keep` names, they print the same citations and, where
  // their own record, the same entries: not a change of the view (`changed`).
  if (keep !== undefined)
    for (const group of groups.values()) {
      const list = JSON.stringify(authors[group[0]!]);
      if (group.length > 1 && authors[group[0]!]!.length > keep && group.every((i) => JSON.stringify(authors[i]) === list)) for (const i of group) authors[i] = authors[i]!.slice(0, keep);
    }
  const view = data.map((d, i) => (JSON.stringify(authors[i]) === JSON.stringify(d.author ?? []) ? d : { ...d, author: authors[i] }));
  const related = new Set<string>();
  for (const group of groups.values()) if (group.some((i) => changed.has(data[i]!.id))) for (const i of group) related.add(data[i]!.id);
  return { items: view, changed, borrowed, related };
}
