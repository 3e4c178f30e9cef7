/**
 * The WebAssembly instructions the claim matcher's module is written in (picks-wasm-code.ts, and
 * its draft-wide functions, draft-picks-wasm-code.ts): each helper returns the bytes of an
 * expression, its operands first.
 */
import { sleb, uleb } from '../wasm-bytes.js';

export type Code = number[];
export const I32 = 0x7f, F64 = 0x7c;
export const get = (i: number): Code => [0x20, i];
export const set = (i: number, v: Code): Code => [...v, 0x21, i];
export const int = (v: number): Code => [0x41, ...sleb(v)];
export const num = (v: number): Code => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, v, true);
  return [0x44, ...b];
};
const op = (code: number) => (...args: Code[]): Code => [...args.flat(), code];
export const add = op(0x6a), sub = op(0x6b), mul = op(0x6c), shl = op(0x74), shr = op(0x76), and = op(0x71), or = op(0x72), eqz = op(0x45);
export const lt = op(0x48), ge = op(0x4e);
export const fadd = op(0xa0), fsub = op(0xa1), fmul = op(0xa2), fdiv = op(0xa3), fgt = op(0x64), fge = op(0x66), f = op(0xb7);
export const at4 = (i: Code) => shl(i, int(2));
/** 1 or 0, for a bitwise `and` of conditions (comparisons give 1 or 0; a flag test its bit). */
export const nonzero = (c: Code) => eqz(eqz(c));
/** Element i of the i32 region whose byte offset local `base` holds; f64 regions at 8 bytes an element. */
export const load = (base: number, i: Code): Code => [...add(at4(i), get(base)), 0x28, 2, 0];
export const store = (base: number, i: Code, v: Code): Code => [...add(at4(i), get(base)), ...v, 0x36, 2, 0];
export const loadF = (base: number, i: Code): Code => [...add(shl(i, int(3)), get(base)), 0x2b, 3, 0];
export const storeF = (base: number, i: Code, v: Code): Code => [...add(shl(i, int(3)), get(base)), ...v, 0x39, 3, 0];
/** A byte address's i32 (for the query and the entries, whose addresses are bytes). */
export const loadAt = (addr: Code, offset = 0): Code => [...addr, 0x28, 2, ...uleb(offset)];
export const storeAt = (addr: Code, v: Code, offset = 0): Code => [...addr, ...v, 0x36, 2, ...uleb(offset)];
export const when = (c: Code, then: Code, otherwise?: Code): Code => [...c, 0x04, 0x40, ...then, ...(otherwise ? [0x05, ...otherwise] : []), 0x0b];
/** for (k = from; k < n; k++) body */
export const fromTo = (k: number, from: Code, n: Code, body: Code): Code => [...set(k, from), 0x02, 0x40, 0x03, 0x40, ...ge(get(k), n), 0x0d, 1, ...body, ...set(k, add(get(k), int(1))), 0x0c, 0, 0x0b, 0x0b];
/** for (k = 0; k < n; k++) body */
export const upTo = (k: number, n: Code, body: Code): Code => fromTo(k, int(0), n, body);
