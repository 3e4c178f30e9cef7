/**
 * kap's reference record → what the citation processor and the exports receive. Pure.
 *
 * A record of content/references.json is CSL-JSON plus kap's fact-check, which lives in the
 * record's `custom` object (CSL-JSON's place for data without a CSL variable):
 *   "custom": {
 *     "kap-verified": "where each field was checked",
 *     "kap-unverified": ["author", "page", ...]
 *   }
 * "author" in `kap-unverified` means the author list is known to be incomplete; "author-given"
 * that some given names are not verified. The fact-check is never printed by a style nor exported:
 * reference managers import CSL `note` (Zotero: Extra) and `custom` as if they were bibliographic.
 */
import type { CslItem } from '../content/model.js';

export type Name = { family?: string; given?: string; literal?: string; suffix?: string; 'non-dropping-particle'?: string; 'dropping-particle'?: string };

export interface Verification {
  /** Where the record was checked, if the record says. */
  verified?: string;
  /** CSL variables whose value is missing or not verified ("author": the list is incomplete). */
  unverified: string[];
}

const KAP_FIELDS = ['kap-verified', 'kap-unverified'];

/**
 * The name that stands for the authors not on record; rendered as the style's "et al.". Given
 * to the processor as a family name, not a literal: citeproc-js joins a literal (an
 * institution) without the style's delimiter-precedes-last, so one known author came out
 * "Zaki, N. et al." where APA, MLA and Chicago write "Zaki, N., et al." (pandoc did).
 */
export const MORE_AUTHORS = 'et al.';

const custom = (item: CslItem): Record<string, unknown> =>
  (item.custom && typeof item.custom === 'object' ? item.custom : {}) as Record<string, unknown>;

export function verification(item: CslItem): Verification {
  const c = custom(item);
  const unverified = Array.isArray(c['kap-unverified']) ? (c['kap-unverified'] as unknown[]).filter((f): f is string => typeof f === 'string') : [];
  // A record written before `custom` existed keeps its fact-check in `note`.
  const verified = typeof c['kap-verified'] === 'string' ? c['kap-verified'] : typeof item.note === 'string' ? item.note : undefined;
  return { ...(verified && { verified }), unverified };
}

/** The author list is known to be incomplete: no style may print it as the whole list. */
export const authorsIncomplete = (item: CslItem): boolean => verification(item).unverified.includes('author');

/** The record without kap's fact-check: `note` and the kap fields of `custom`. */
export function bibliographic(item: CslItem): CslItem {
  const { note: _note, custom: _custom, ...rest } = item;
  const kept = Object.fromEntries(Object.entries(custom(item)).filter(([k]) => !KAP_FIELDS.includes(k)));
  return (Object.keys(kept).length ? { ...rest, custom: kept } : rest) as CslItem;
}

/** "Peng-fei" → "Peng-Fei" for styles that print initials: citeproc keeps a lower-case part whole ("Cheng P fei"). */
const initialsAfterHyphen = (given: string) => given.replace(/-(\p{Ll})/gu, (_, c: string) => `-${c.toUpperCase()}`);

/**
 * The record as a style formats it. An incomplete author list ends in "et al." names, as many
 * as make the list reach `minNames` (the style's in-text et-al-min): citeproc then counts more
 * names than are known and applies the style's own et-al rules, so the in-text citation it
 * disambiguates is the one kap prints ("Zaki et al.", not "Zaki and et al." cut down later);
 * `fixMoreAuthors` removes the "&"/"and" a style puts before them and merges a run of them.
 */
export function forStyle(item: CslItem, initials: boolean, minNames = 1): CslItem {
  const out = bibliographic(item);
  let authors = out.author as Name[] | undefined;
  if (authors && initials) authors = authors.map((n) => (n.given ? { ...n, given: initialsAfterHyphen(n.given) } : n));
  if (authors && authorsIncomplete(item)) authors = [...authors, ...Array.from({ length: Math.max(1, minNames - authors.length) }, () => ({ family: MORE_AUTHORS }))];
  return authors ? { ...out, author: authors } : out;
}

/** "Rutter, S. B., & et al." → "Rutter, S. B., et al."; "Wan & et al., 2015" → "Wan et al., 2015"; "et al., et al." → "et al.". */
export const fixMoreAuthors = (s: string): string =>
  s.replace(/ (?:&#38;|&amp;|&|and) (?=et al\.)/g, ' ').replace(/et al\.(?:,? (?:(?:&#38;|&amp;|&|and) )?et al\.)+/g, 'et al.');

/** The record a reference manager imports: no fact-check, and kap's key kept (Zotero reads `citation-key`). */
export const forExport = (item: CslItem): CslItem => ({ ...bibliographic(item), 'citation-key': item.id });

/** Names as the exports write them: without the "et al." stand-in. */
export const knownAuthors = (item: CslItem): Name[] => ((item.author ?? []) as Name[]).filter((n) => n.literal !== MORE_AUTHORS && n.family !== MORE_AUTHORS);
