/**
 * Build time: how often each term occurs in each field of each document (its key, a number the
 * index builder gives), kept as one stream of (term, key, count) triples in the order they come
 * and grouped by term only when the index is written. Counts as a growing array per term were
 * the same numbers, but every word touched its own term's array somewhere in a big heap: at
 * 10,000 modules, with Markdown rendered between documents, caches are cold and that was a
 * tenth of the compile. Here a word costs its term's number and one slot of a table of them.
 */

/** Triples per chunk of the stream: chunks are never copied to grow, and go as they are grouped. */
const CHUNK = 1 << 16;

export class TermCounts {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Per term: the key of its last triple (-1: none yet), and that triple's place in the stream. */
  private lastKey = new Int32Array(1024).fill(-1);
  private lastAt = new Int32Array(1024);
  private chunks: Int32Array[] = [];
  private n = 0;

  /** The term's number, given in the order terms are first seen. */
  id(term: string): number {
    let id = this.ids.get(term);
    if (id !== undefined) return id;
    id = this.terms.length;
    this.ids.set(term, id);
    this.terms.push(term);
    if (id === this.lastKey.length) {
      const key = new Int32Array(id * 2).fill(-1);
      key.set(this.lastKey);
      const at = new Int32Array(id * 2);
      at.set(this.lastAt);
      [this.lastKey, this.lastAt] = [key, at];
    }
    return id;
  }

  /** One more occurrence of term `id` under `key`: a run of the same key is one triple. */
  add(id: number, key: number): void {
    if (this.lastKey[id] === key) {
      const at = this.lastAt[id]!;
      this.chunks[Math.floor(at / CHUNK)]![(at % CHUNK) * 3 + 2]!++;
      return;
    }
    const i = this.n % CHUNK;
    if (i === 0) this.chunks.push(new Int32Array(CHUNK * 3));
    const chunk = this.chunks[this.chunks.length - 1]!;
    chunk[i * 3] = id;
    chunk[i * 3 + 1] = key;
    chunk[i * 3 + 2] = 1;
    this.lastKey[id] = key;
    this.lastAt[id] = this.n++;
  }

  /**
   * Each term, in sorted order, with its [key, count, …] pairs in the order they came, at
   * `pairs[start..end)`. The stream is given up as it is read: call once.
   */
  group(): { pairs: Int32Array; byTerm: [term: string, start: number, end: number][] } {
    const starts = new Int32Array(this.terms.length + 1);
    const each = (chunk: Int32Array, c: number) => (c === this.chunks.length - 1 ? this.n - c * CHUNK : CHUNK) * 3;
    this.chunks.forEach((chunk, c) => {
      for (let j = 0, end = each(chunk, c); j < end; j += 3) starts[chunk[j]! + 1]! += 2;
    });
    for (let t = 1; t < starts.length; t++) starts[t]! += starts[t - 1]!;
    const pairs = new Int32Array(this.n * 2);
    const next = starts.slice(0, -1);
    this.chunks.forEach((chunk, c) => {
      for (let j = 0, end = each(chunk, c); j < end; j += 3) {
        const at = next[chunk[j]!]!;
        pairs[at] = chunk[j + 1]!;
        pairs[at + 1] = chunk[j + 2]!;
        next[chunk[j]!] = at + 2;
      }
      this.chunks[c] = new Int32Array(0);
    });
    this.chunks = [];
    const byTerm = [...this.terms].sort().map((term): [string, number, number] => {
      const id = this.ids.get(term)!;
      return [term, starts[id]!, starts[id + 1]!];
    });
    return { pairs, byTerm };
  }
}
