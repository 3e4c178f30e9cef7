/** Rows of the distance table, and the second string's code units, kept between calls: a typo is checked against many names. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
let units = new Int32Array(64);

/**
 * Edit distance with adjacent transpositions (optimal string alignment): "glutamte" is 1 from
 * "glutamate". The table's loop asks no built-in (Math.min, charCodeAt) a cell: it runs cold in a
 * fresh process, where each such call costs more than the cell's arithmetic.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (rows[0]!.length <= n) {
    rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
    units = new Int32Array(n + 1);
  }
  const bs = units;
  for (let j = 0; j < n; j++) bs[j] = b.charCodeAt(j);
  // prev2, prev, cur: the rows for i - 2, i - 1 and i, rotated rather than allocated.
  let prev2 = rows[0]!;
  let prev = rows[1]!;
  let cur = rows[2]!;
  for (let j = 0; j <= n; j++) prev[j] = j;
  let aBefore = -1;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    let left = i;
    for (let j = 1; j <= n; j++) {
      const bj = bs[j - 1]!;
      const up = prev[j]! + 1;
      const diagonal = prev[j - 1]! + (ai === bj ? 0 : 1);
      let v = left + 1;
      if (up < v) v = up;
      if (diagonal < v) v = diagonal;
      if (i > 1 && j > 1 && ai === bs[j - 2] && aBefore === bj) {
        const swap = prev2[j - 2]! + 1;
        if (swap < v) v = swap;
      }
      cur[j] = v;
      left = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    aBefore = ai;
    // Not a destructuring swap: in a fresh process that allocates an array every row.
    const free = prev2;
    prev2 = prev;
    prev = cur;
    cur = free;
  }
  return prev[n]!;
}

/**
 * Which of 30 letter groups a code unit is in: a-z, space, 0-4, 5-9, anything else. The groups
 * a string has give a lower bound of its distance to another without the table (couldBeWithin).
 */
function letterBit(c: number): number {
  if (c >= 97 && c <= 122) return 1 << (c - 97);
  if (c === 32) return 1 << 26;
  if (c >= 48 && c <= 57) return 1 << (c <= 52 ? 27 : 28);
  return 1 << 29;
}

/** The letter groups `s` has. */
export function lettersOf(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) m |= letterBit(s.charCodeAt(i));
  return m;
}

/** Whether more than `limit` bits are set (clears the lowest set bit at most limit + 1 times). */
export function moreBitsThan(x: number, limit: number): boolean {
  for (let n = 0; x; n++) {
    if (n === limit) return true;
    x &= x - 1;
  }
  return false;
}

/**
 * Whether a name of `length` with the letter groups `letters` can be within `budget` edits
 * (optimal string alignment, text/distance.ts) of a key of `keyLength` with `keyLetters`.
 * A lower bound of the distance, never above it: take an alignment of cost d with D deletions,
 * I insertions, S substitutions. Each group the key has and the name lacks needs a key
 * character of its own deleted or substituted (a kept or transposed one is still in the name),
 * so D + S >= a; likewise I + S >= b for the groups only the name has. As I - D is the length
 * difference, d >= D + S + I >= a + max(0, length - keyLength), and d >= b + max(0, keyLength -
 * length). Grouping letters only makes a and b smaller, so the bound still holds.
 */
export function couldBeWithin(keyLetters: number, keyLength: number, letters: number, length: number, budget: number): boolean {
  const longer = Math.max(0, length - keyLength);
  const shorter = Math.max(0, keyLength - length);
  if (longer > budget || shorter > budget) return false;
  return !moreBitsThan(keyLetters & ~letters, budget - longer) && !moreBitsThan(letters & ~keyLetters, budget - shorter);
}

/** How many edits still count as a typo of a word this long. */
export function typoBudget(length: number): number {
  return length <= 3 ? 1 : length <= 7 ? 2 : 3;
}

/**
 * The candidates closest to `input`, best first: typos within budget, then names that
 * start with the input. Each candidate maps to a target; targets are listed once.
 */
export function nearest(input: string, candidates: Iterable<[name: string, target: string]>, limit = 3): string[] {
  const scored: { target: string; score: number }[] = [];
  const budget = typoBudget(input.length);
  for (const [name, target] of candidates) {
    const d = editDistance(input, name, budget);
    if (d <= budget) scored.push({ target, score: d });
    else if (input.length >= 3 && (name.startsWith(input) || input.startsWith(name + ' '))) scored.push({ target, score: budget + 0.5 });
  }
  scored.sort((x, y) => x.score - y.score || byCodeUnit(x.target, y.target));
  return [...new Set(scored.map((s) => s.target))].slice(0, limit);
}

/**
 * Plain string order. localeCompare would load ICU collation data, which costs ~20 ms on
 * first use: more than the rest of a `kap list`.
 */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
