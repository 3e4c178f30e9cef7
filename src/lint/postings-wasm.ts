/**
 * The two loops of claim matching over documents (best-claims.ts addPostings and passing) as
 * WebAssembly functions. In JavaScript they run cold for the first hundred sentences of a
 * draft, until the optimiser's compile of them arrives; WebAssembly is compiled before its
 * first call. The same sums and the same tests (a property test holds the two together).
 *
 * The module, written out by hand below. Its memory holds, for D documents, five arrays of D
 * i32 (shared, count, rare, touched, weights; `stride` = 4D bytes apart) and after them room
 * for one term entry ([idf, topic, ...postings], at most D + 2 numbers).
 *   add(e, len, w, r, n, stride) -> n: the postings of the entry at byte e added, as addPostings.
 *   pass(n, sw, stride) -> m: the touched documents that pass moved to the front, as passing,
 *   its tests in f64 as JavaScript's numbers make them.
 */
import { HEADER, section, sleb, uleb, Wasm } from '../wasm-bytes.js';

const GET = 0x20, SET = 0x21, CONST = 0x41, ADD = 0x6a, SHL = 0x74, GE_S = 0x4e, EQZ = 0x45, OR = 0x72, AND = 0x71;
const F_MUL = 0xa2, F_ADD = 0xa0, F_GE = 0x66, F_FROM_I = 0xb7;
const get = (i: number) => [GET, i];
const set = (i: number) => [SET, i];
const int = (v: number) => [CONST, ...sleb(v)];
const f64 = (v: number) => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, v, true);
  return [0x44, ...b];
};
const load = [0x28, 2, 0];
const store = [0x36, 2, 0];
/** i * 4 + base (local indices): the byte of element i of the array at byte base. */
const at = (base: number[], i: number[]) => [...i, ...int(2), SHL, ...base, ADD];
/** block, loop … br 0, end, end: a loop left by `exit` (br_if 1). */
const loop = (exit: number[], body: number[]) => [0x02, 0x40, 0x03, 0x40, ...exit, 0x0d, 1, ...body, 0x0c, 0, 0x0b, 0x0b];
const times = (stride: number, k: number) => [...get(stride), ...int(k), 0x6c];

// add: 0 e, 1 len, 2 w, 3 r, 4 n, 5 stride; locals 6 j, 7 d, 8 a (4d), 9 x.
const addBody = [
  ...int(2), ...set(6),
  ...loop([...get(6), ...get(1), GE_S], [
    ...at(get(0), get(6)), ...load, ...set(7),
    ...get(7), ...int(2), SHL, ...set(8),
    ...get(8), ...load, ...set(9),
    ...get(9), EQZ, 0x04, 0x40, // if the document is touched first now
    ...at(times(5, 3), get(4)), ...get(7), ...store,
    ...get(4), ...int(1), ADD, ...set(4),
    0x0b,
    ...get(8), ...get(9), ...get(2), ADD, ...store,
    ...get(8), ...get(5), ADD, ...get(8), ...get(5), ADD, ...load, ...int(1), ADD, ...store,
    ...get(8), ...times(5, 2), ADD, ...get(8), ...times(5, 2), ADD, ...load, ...get(3), ADD, ...store,
    ...get(6), ...int(1), ADD, ...set(6),
  ]),
  ...get(4), 0x0b,
];

// pass: 0 n, 1 sw (f64), 2 stride; locals 3 k, 4 m, 5 d, 6 a (4d), then f64 7 w, 8 tw.
const w = get(7), tw = get(8), sw = get(1);
const passBody = [
  ...loop([...get(3), ...get(0), GE_S], [
    ...at(times(2, 3), get(3)), ...load, ...set(5),
    ...get(5), ...int(2), SHL, ...set(6),
    ...get(6), ...load, F_FROM_I, ...set(7),
    ...get(6), ...times(2, 4), ADD, ...load, F_FROM_I, ...set(8),
    // 40w >= 3(tw + sw) || (5w >= 3sw && 20w >= 3tw), as passing() writes it.
    ...f64(40), ...w, F_MUL, ...f64(3), ...tw, ...sw, F_ADD, F_MUL, F_GE,
    ...f64(5), ...w, F_MUL, ...f64(3), ...sw, F_MUL, F_GE,
    ...f64(20), ...w, F_MUL, ...f64(3), ...tw, F_MUL, F_GE, AND, OR,
    0x04, 0x40,
    ...at(times(2, 3), get(4)), ...get(5), ...store,
    ...get(4), ...int(1), ADD, ...set(4),
    0x05,
    ...get(6), ...int(0), ...store,
    ...get(6), ...get(2), ADD, ...int(0), ...store,
    ...get(6), ...times(2, 2), ADD, ...int(0), ...store,
    0x0b,
    ...get(3), ...int(1), ADD, ...set(3),
  ]),
  ...get(4), 0x0b,
];

const I32 = 0x7f, F64 = 0x7c;
function moduleBytes(pages: number): Uint8Array {
  const add = [1, 4, I32, ...addBody];
  const pass = [2, 4, I32, 2, F64, ...passBody];
  const name = (s: string) => [s.length, ...Array.from(s, (c) => c.charCodeAt(0))];
  return Uint8Array.from([
    ...HEADER,
    ...section(1, [2, 0x60, 6, I32, I32, I32, I32, I32, I32, 1, I32, 0x60, 3, I32, F64, I32, 1, I32]),
    ...section(3, [2, 0, 1]),
    ...section(5, [1, 0, ...uleb(pages)]),
    ...section(7, [3, ...name('m'), 2, 0, ...name('add'), 0, 0, ...name('pass'), 0, 1]),
    ...section(10, [2, ...uleb(add.length), ...add, ...uleb(pass.length), ...pass]),
  ]);
}

/** The scratch arrays of `docs` documents in WebAssembly memory, and the two loops over them. */
export interface WasmPostings {
  shared: Int32Array;
  count: Int32Array;
  rare: Int32Array;
  touched: Int32Array;
  /** addPostings: one term's postings added; how many documents are touched now. */
  add(entry: readonly number[], w: number, r: number, n: number): number;
  /** passing: how many of the n touched documents pass, moved to the front. */
  pass(n: number, sw: number): number;
}

/** The loops for these documents' weights; undefined where WebAssembly is not available (node --jitless). */
export function wasmPostings(weights: readonly number[]): WasmPostings | undefined {
  const d = weights.length;
  const stride = 4 * d;
  let exports: { m: { buffer: ArrayBuffer }; add: (...a: number[]) => number; pass: (n: number, sw: number, stride: number) => number };
  try {
    exports = new Wasm.Instance(new Wasm.Module(moduleBytes(Math.max(1, Math.ceil((6 * d + 2) * 4 / 65536))))).exports as typeof exports;
  } catch {
    return undefined;
  }
  const view = (i: number, n = d) => new Int32Array(exports.m.buffer, i * stride, n);
  view(4).set(weights);
  const entry = view(5, d + 2);
  const { add, pass } = exports;
  return {
    shared: view(0),
    count: view(1),
    rare: view(2),
    touched: view(3),
    add(e, w, r, n) {
      entry.set(e);
      return add(5 * stride, e.length, w, r, n, stride);
    },
    pass: (n, sw) => pass(n, sw, stride),
  };
}
