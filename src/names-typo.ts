/**
 * The names a typo can be, found without comparing it with every name. `l<length>.txt` holds
 * the names of one length grouped by which letters they have (a 30-bit set: a-z, space, two
 * halves of the digits, anything else), one group a line: `<set in base 36> TAB entries`.
 * A typo reads the lengths within its budget and parses only the groups that can be within it
 * (text/distance.ts couldBeWithin): at 10,000 generated modules ~1,000 groups stand for the
 * ~14,000 names of a typo's lengths.
 */
import { RS, US, type NameEntry } from './names.js';
import { lettersOf } from './text/distance.js';

/** Build time: `l<length>.txt` for every length a name has. */
export function lengthFiles(entries: NameEntry[]): Map<string, string> {
  const byLength = new Map<number, Map<number, string[]>>();
  for (const e of entries) {
    const groups = byLength.get(e.name.length) ?? byLength.set(e.name.length, new Map()).get(e.name.length)!;
    const letters = lettersOf(e.name);
    (groups.get(letters) ?? groups.set(letters, []).get(letters)!).push(`${e.ord}${US}${e.name}${US}${e.t}`);
  }
  const files = new Map<string, string>();
  for (const [len, groups] of byLength) files.set(`l${len}.txt`, [...groups].map(([letters, es]) => `${letters.toString(36)}\t${es.join(RS)}`).join('\n'));
  return files;
}

/**
 * Run time: a length file's groups, their letter sets parsed on the first scan and kept (a
 * question asks near() of several keys of one length: "glutamatx receptr", then "glutamate
 * receptr").
 */
export interface LengthGroups {
  text: string;
  /** Per group: its letter set, and where its entries are in `text` ([from, to)); empty until the first scan. */
  letters: number[];
  from: number[];
  to: number[];
}

export const lengthGroups = (text: string): LengthGroups => ({ text, letters: [], from: [], to: [] });

/**
 * Run time: the entries of one length's groups that can be within `budget` of the key (text/
 * distance.ts couldBeWithin, written out: a call per group made it one of the functions a
 * no-match question at 10,000 modules had the optimising compiler build), and for which `keep`
 * (given the text and where the name lies in it) is true.
 */
export function groupsWithin(groups: LengthGroups, length: number, key: string, keyLetters: number, budget: number, keep: (text: string, from: number, to: number) => boolean): NameEntry[] {
  const out: NameEntry[] = [];
  const longer = Math.max(0, length - key.length);
  const shorter = Math.max(0, key.length - length);
  if (longer > budget || shorter > budget) return out;
  // The letter groups the key has and a name lacks (and the other way) each cost an edit.
  const lacks = budget - longer;
  const extra = budget - shorter;
  const { text, letters, from, to } = groups;
  const first = letters.length === 0;
  for (let g = 0, at = 0; first ? at < text.length : g < letters.length; g++) {
    if (first) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      const tab = text.indexOf('\t', at);
      letters.push(parseInt(text.slice(at, tab), 36));
      from.push(tab + 1);
      to.push(end);
      at = end + 1;
    }
    const l = letters[g]!;
    let x = keyLetters & ~l;
    let n = 0;
    for (; x && n <= lacks; n++) x &= x - 1;
    if (n > lacks) continue;
    x = l & ~keyLetters;
    n = 0;
    for (; x && n <= extra; n++) x &= x - 1;
    if (n > extra) continue;
    // A group that can be within: its entries alone, so that looking for RS never runs past them.
    const line = text.slice(from[g]!, to[g]!);
    for (let e = 0; e < line.length; ) {
      let stop = line.indexOf(RS, e);
      if (stop < 0) stop = line.length;
      const a = line.indexOf(US, e);
      const b = line.indexOf(US, a + 1);
      if (keep(line, a + 1, b)) out.push({ ord: Number(line.slice(e, a)), name: line.slice(a + 1, b), t: line.slice(b + 1, stop) });
      e = stop + 1;
    }
  }
  return out;
}
