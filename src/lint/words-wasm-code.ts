/**
 * The WebAssembly module that reads a plain draft's terms (words-wasm.ts runs it): its sentences'
 * text as UTF-8 bytes, cut into the runs of ASCII letters and digits (lower-cased), each word
 * numbered by a hash table when first met and its term made then, as the search stemmer and
 * lintTerm's cuts make it (match.ts; the Map of same-meaning terms is left to JavaScript), and
 * each term numbered by a second table. The words of plain text (plain-regex.ts), as wordList
 * reads them: there a letter or digit is ASCII, and every byte of a character beyond it is 0x80
 * or above. Its bytes are made at build time (scripts/wasm-modules.mjs).
 *
 *   scan(S, ends, first, out, wStart, wLen, wTerm, tStart, tLen, tMark, wTable, tTable, mask,
 *   area, stops, tHash) -> terms: sentence s is the bytes from ends[s - 1] (0 for the first) to
 *   ends[s]; the numbers of its terms, each once, in the order first met, go to out, from
 *   first[s] to first[s + 1]. The words of the first `stops` sentences are stop words (term -1,
 *   never written out). Word k is the bytes from wStart[k], wLen[k] long, its term wTerm[k];
 *   term t the bytes from tStart[t] (written in `area`), tLen[t] long, its FNV-1a hash tHash[t]
 *   (model.ts termShard's, which reads the term's shard from it). Both tables (mask + 1 slots,
 *   zeroed; number + 1, 0 empty) are probed by FNV-1a hash. Addresses are bytes'; the arrays are
 *   of i32.
 */
import { HEADER, section, sleb, uleb } from '../wasm-bytes.js';

type Code = number[];
const I32 = 0x7f;
const get = (i: number): Code => [0x20, i];
const set = (i: number, v: Code): Code => [...v, 0x21, i];
const int = (v: number): Code => [0x41, ...sleb(v)];
const op = (code: number) => (...args: Code[]): Code => [...args.flat(), code];
const add = op(0x6a), sub = op(0x6b), mul = op(0x6c), and = op(0x71), or = op(0x72), xor = op(0x73), shl = op(0x74), eqz = op(0x45);
const eq = op(0x46), ne = op(0x47), ltS = op(0x48), ltU = op(0x49), gtS = op(0x4a), geS = op(0x4e), geU = op(0x4f);
const at4 = (base: number, i: Code) => add(shl(i, int(2)), get(base));
const load = (base: number, i: Code): Code => [...at4(base, i), 0x28, 2, 0];
const store = (base: number, i: Code, v: Code): Code => [...at4(base, i), ...v, 0x36, 2, 0];
const byte = (addr: Code): Code => [...addr, 0x2d, 0, 0];
const storeByte = (addr: Code, v: Code): Code => [...addr, ...v, 0x3a, 0, 0];
const when = (c: Code, then: Code, otherwise?: Code): Code => [...c, 0x04, 0x40, ...then, ...(otherwise ? [0x05, ...otherwise] : []), 0x0b];
const block = (body: Code): Code => [0x02, 0x40, ...body, 0x0b];
const loop = (body: Code): Code => [0x03, 0x40, ...body, 0x0b];
const br = (depth: number): Code => [0x0c, depth];
const brIf = (depth: number, c: Code): Code => [...c, 0x0d, depth];
const inc = (l: number): Code => set(l, add(get(l), int(1)));
/** for (k = 0; k < n; k++) body (depths in body: 0 the loop, 1 its block). */
const upTo = (k: number, n: Code, body: Code): Code => [...set(k, int(0)), ...block(loop([...brIf(1, geU(get(k), n)), ...body, ...inc(k), ...br(0)]))];

// Parameters 0-15; i32 locals from 16.
const S = 0, ENDS = 1, FIRST = 2, OUT = 3, W_START = 4, W_LEN = 5, W_TERM = 6, T_START = 7, T_LEN = 8, T_MARK = 9, W_TABLE = 10, T_TABLE = 11, mask = 12, AREA = 13, stops = 14, T_HASH = 15;
const s = 16, i = 17, e = 18, b = 19, start = 20, h = 21, c = 22, words = 23, slot = 24, v = 25, id = 26, len = 27, k = 28, same = 29, terms = 30, tend = 31, n = 32, tid = 33, digit = 34;
const LOCALS = 19;
const FNV_OFFSET = 2166136261 | 0, FNV_PRIME = 16777619;

/**
 * The key of `keyLen` bytes at `key` (hash `hash`) found in `table`, or added (numbered `count`,
 * then `onNew`): its number in `result`. Depths in onNew: 0 an if, 1 the probe loop, 2 its block.
 */
function intern(table: number, starts: number, lens: number, key: number, keyLen: number, hash: number, count: number, result: number, onNew: Code): Code {
  return [
    ...set(slot, and(get(hash), get(mask))),
    ...block(
      loop([
        ...set(v, load(table, get(slot))),
        ...when(eqz(get(v)), [
          ...set(result, get(count)),
          ...inc(count),
          ...store(table, get(slot), add(get(result), int(1))),
          ...store(starts, get(result), get(key)),
          ...store(lens, get(result), get(keyLen)),
          ...onNew,
          ...br(2),
        ]),
        ...set(result, sub(get(v), int(1))),
        ...when(eq(load(lens, get(result)), get(keyLen)), [
          ...set(same, int(1)),
          ...upTo(k, get(keyLen), when(ne(byte(add(load(starts, get(result)), get(k))), byte(add(get(key), get(k)))), [...set(same, int(0)), ...br(2)])),
          ...brIf(2, get(same)),
        ]),
        ...set(slot, and(add(get(slot), int(1)), get(mask))),
        ...br(0),
      ]),
    ),
  ];
}

/** Does the term (n bytes at tend) end with `suffix`? */
const ends = (suffix: string): Code => {
  let c: Code = geS(get(n), int(suffix.length));
  for (let j = 0; j < suffix.length; j++) c = and(c, eq(byte(add(get(tend), sub(get(n), int(suffix.length - j)))), int(suffix.charCodeAt(j))));
  return c;
};
const longer = (than: number) => gtS(get(n), int(than));
const cut = (k: number): Code => set(n, sub(get(n), int(k)));
const last = (back: number) => byte(add(get(tend), sub(get(n), int(back))));
/** "stopp" → "stop": a doubled final consonant (not a, e, i, o, u, l or s) halved (tokenize.ts undouble). */
const undouble = (): Code =>
  when(
  and(geS(get(n), int(2)), eq(last(1), last(2))),
  when(eqz([...'aeiouls'].map((ch) => eq(last(1), int(ch.charCodeAt(0)))).reduce((x, y) => or(x, y))), cut(1)),
);

/** The new word's term, made at tend, n bytes long: the search stemmer (tokenize.ts stem), then lintTerm's cuts. */
const stem = (): Code => [
  ...upTo(k, get(len), storeByte(add(get(tend), get(k)), byte(add(get(start), get(k))))),
  ...set(n, get(len)),
  ...set(digit, int(0)),
  ...upTo(k, get(len), when(ltU(sub(byte(add(get(start), get(k))), int(48)), int(10)), set(digit, int(1)))),
  ...when(and(longer(3), eqz(get(digit))), [
    ...when(
      and(ends('ies'), longer(4)),
      [...cut(3), ...storeByte(add(get(tend), get(n)), int(121)), ...inc(n)],
      when(ends('sses'), cut(2), when(and(ends('s'), eqz(or(or(ends('ss'), ends('us')), ends('is')))), cut(1))),
    ),
    ...when(and(ends('ing'), longer(5)), [...cut(3), ...undouble()], when(and(ends('ed'), longer(4)), [...cut(2), ...undouble()], when(and(ends('ly'), longer(5)), cut(2)))),
    ...when(and(ends('e'), longer(3)), cut(1)),
  ]),
  // lintTerm's cuts.
  ...when(
    and(longer(7), ends('ical')),
    cut(4),
    when(and(longer(7), ends('ally')), cut(4), when(and(longer(6), or(ends('ion'), ends('ity'))), cut(3), when(and(longer(6), or(ends('al'), ends('iv'))), cut(2), when(and(longer(6), ends('y')), cut(1))))),
  ),
];

/** The term's hash, FNV-1a over its bytes. */
const termHash = (): Code => [...set(h, int(FNV_OFFSET)), ...upTo(k, get(n), set(h, mul(xor(get(h), byte(add(get(tend), get(k)))), int(FNV_PRIME))))];

/** The word from `start` to i: numbered (its term made when new), and its term written out once a sentence. */
const finish = (): Code => [
  ...set(len, sub(get(i), get(start))),
  ...intern(W_TABLE, W_START, W_LEN, start, len, h, words, id, [
    ...when(
      ltS(get(s), get(stops)),
      store(W_TERM, get(id), int(-1)),
      [
        ...stem(),
        ...termHash(),
        ...intern(T_TABLE, T_START, T_LEN, tend, n, h, terms, tid, [...store(T_MARK, get(tid), int(0)), ...store(T_HASH, get(tid), get(h)), ...set(tend, add(get(tend), get(n)))]),
        ...store(W_TERM, get(id), get(tid)),
      ],
    ),
  ]),
  ...set(tid, load(W_TERM, get(id))),
  ...when(and(geS(get(tid), int(0)), ne(load(T_MARK, get(tid)), add(get(s), int(1)))), [
    ...store(T_MARK, get(tid), add(get(s), int(1))),
    ...store(OUT, get(c), get(tid)),
    ...inc(c),
  ]),
  ...set(start, int(-1)),
];

function scanBody(): Code {
  return [
    ...set(start, int(-1)),
    ...set(tend, get(AREA)),
    ...block(
      loop([
        ...brIf(1, geS(get(s), get(S))),
        ...store(FIRST, get(s), get(c)),
        ...set(e, load(ENDS, get(s))),
        ...block(
          loop([
            ...brIf(1, geS(get(i), get(e))),
            ...set(b, byte(get(i))),
            // A-Z lower-cased, in place: a new word's term is made from these bytes.
            ...when(ltU(sub(get(b), int(65)), int(26)), [...set(b, add(get(b), int(32))), ...storeByte(get(i), get(b))]),
            ...when(
              or(ltU(sub(get(b), int(97)), int(26)), ltU(sub(get(b), int(48)), int(10))),
              [...when(ltS(get(start), int(0)), [...set(start, get(i)), ...set(h, int(FNV_OFFSET))]), ...set(h, mul(xor(get(h), get(b)), int(FNV_PRIME)))],
              when(geS(get(start), int(0)), finish()),
            ),
            ...inc(i),
            ...br(0),
          ]),
        ),
        // A word ends with its sentence.
        ...when(geS(get(start), int(0)), finish()),
        ...inc(s),
        ...br(0),
      ]),
    ),
    ...store(FIRST, get(S), get(c)),
    ...get(terms),
    0x0b,
  ];
}

/** The module: its memory (one page; words-wasm.ts grows it to the draft's size) and scan. */
export function wordsModule(): Uint8Array {
  const body = [1, LOCALS, I32, ...scanBody()];
  const name = (x: string) => [x.length, ...Array.from(x, (ch) => ch.charCodeAt(0))];
  return Uint8Array.from([
    ...HEADER,
    ...section(1, [1, 0x60, 16, ...Array<number>(16).fill(I32), 1, I32]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0, 1]),
    ...section(7, [2, ...name('m'), 2, 0, ...name('scan'), 0, 0]),
    ...section(10, [1, ...uleb(body.length), ...body]),
  ]);
}
