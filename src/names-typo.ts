/**
 * The names a typo can be, found without comparing it with every name. `l<length>.txt` holds
 * the names of one length grouped by which letters they have (a 30-bit set: a-z, space, two
 * halves of the digits, anything else), one group a line: `<set in base 36> TAB entries`.
 * A typo reads the lengths within its budget and parses only the groups that can be within it
 * (text/distance.ts couldBeWithin): at 10,000 generated modules ~1,000 groups stand for the
 * ~14,000 names of a typo's lengths.
 */
import { RS, US, type NameEntry } from './names.js';
import { couldBeWithin, lettersOf } from './text/distance.js';

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
 * Run time: the entries of one length file whose letter groups can be within `budget` of the
 * key, and for which `keep` (given the text and where the name lies in it) is true.
 */
export function groupsWithin(text: string, length: number, key: string, keyLetters: number, budget: number, keep: (text: string, from: number, to: number) => boolean): NameEntry[] {
  const out: NameEntry[] = [];
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const tab = text.indexOf('\t', at);
    if (couldBeWithin(keyLetters, key.length, parseInt(text.slice(at, tab), 36), length, budget)) {
      // A group that can be within: its line alone, so that looking for RS never runs past it.
      const line = text.slice(tab + 1, end);
      for (let e = 0; e < line.length; ) {
        let stop = line.indexOf(RS, e);
        if (stop < 0) stop = line.length;
        const a = line.indexOf(US, e);
        const b = line.indexOf(US, a + 1);
        if (keep(line, a + 1, b)) out.push({ ord: Number(line.slice(e, a)), name: line.slice(a + 1, b), t: line.slice(b + 1, stop) });
        e = stop + 1;
      }
    }
    at = end + 1;
  }
  return out;
}
