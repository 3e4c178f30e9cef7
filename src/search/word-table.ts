/**
 * Build time: the words of a text → a value each, looked up where they stand in the text,
 * without a string per word. At 10,000 modules the index reads ~13M words of ~30,000 distinct
 * ones: a match() array of fresh strings per text and a Map lookup per word (hashing each
 * fresh string) were most of the search index's time and much of the compile's garbage.
 * A word is made into a string only when first seen.
 */

/** FNV-1a, one UTF-16 unit at a time (the scan below hashes as it goes, the same way). */
export function wordHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** Open addressing with linear probing: a word's hash, the word and its value share a slot. */
export class WordTable<V> {
  private hashes = new Int32Array(1 << 12);
  private keys: string[] = new Array<string>(1 << 12);
  private values: V[] = new Array<V>(1 << 12);
  private size = 0;

  /** `make`: a word's value, asked once per distinct word. */
  constructor(private readonly make: (word: string) => V) {}

  /** The value of text[start, end), whose wordHash is `h`. */
  get(text: string, start: number, end: number, h: number): V {
    const mask = this.hashes.length - 1;
    const len = end - start;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const k = this.keys[at];
      if (k === undefined) break;
      if (this.hashes[at] === h && k.length === len && sameAt(k, text, start)) return this.values[at]!;
    }
    const word = text.slice(start, end);
    const v = this.make(word);
    if (++this.size * 2 > this.hashes.length) this.grow();
    for (let at = h & (this.hashes.length - 1); ; at = (at + 1) & (this.hashes.length - 1)) {
      if (this.keys[at] === undefined) {
        this.hashes[at] = h;
        this.keys[at] = word;
        this.values[at] = v;
        return v;
      }
    }
  }

  private grow(): void {
    const { hashes, keys, values } = this;
    const size = hashes.length * 2;
    const mask = size - 1;
    this.hashes = new Int32Array(size);
    this.keys = new Array<string>(size);
    this.values = new Array<V>(size);
    for (let i = 0; i < hashes.length; i++) {
      if (keys[i] === undefined) continue;
      let at = hashes[i]! & mask;
      while (this.keys[at] !== undefined) at = (at + 1) & mask;
      this.hashes[at] = hashes[i]!;
      this.keys[at] = keys[i]!;
      this.values[at] = values[i]!;
    }
  }

  clear(): void {
    this.hashes = new Int32Array(1 << 12);
    this.keys = new Array<string>(1 << 12);
    this.values = new Array<V>(1 << 12);
    this.size = 0;
  }
}

function sameAt(word: string, text: string, start: number): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** A character of a word in folded plain text (wordList's runs of a-z and 0-9). */
export const isAsciiWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
