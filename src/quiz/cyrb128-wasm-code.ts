/**
 * The WebAssembly module of cyrb128 (rng.ts hashSeed; cyrb128-wasm.ts runs it), written out by
 * hand: memory 0 (one page, exported as "m"); h(n) reads n UTF-16 code units from byte 16 on
 * (what charCodeAt gives) and writes h1..h4 at bytes 0-15. Its bytes are made at build time
 * (scripts/wasm-modules.mjs defines __KAP_CYRB128_WASM__ from cyrb128Module()): made in a fresh
 * process, with a spread for every instruction, they cost ~2.7M instructions, more than
 * hashing all 149 seeds.
 */
import { HEADER, section, sleb, uleb } from '../wasm-bytes.js';

const GET = 0x20, SET = 0x21, CONST = 0x41, ADD = 0x6a, MUL = 0x6c, XOR = 0x73, SHR_U = 0x76, GE_U = 0x4f;
const get = (i: number) => [GET, i];
const set = (i: number) => [SET, i];
const int = (v: number) => [CONST, ...sleb(v)];
// Locals: 0 n (the parameter), 1 i, 2 k, 3-6 h1-h4.
const [N, I, K, H1, H2, H3, H4] = [0, 1, 2, 3, 4, 5, 6];
const C = [597399067, 2869860233, 951274213, 2716044179];
/** h[a] = h[b] ^ imul(h[a] ^ k, c): one of a character's four steps. */
const step = (k: number, a: number, b: number, c: number) => [...get(b), ...get(a), ...get(k), XOR, ...int(c), MUL, XOR, ...set(a)];
/** h[a] = imul(h[b] ^ (h[a] >>> s), c): one of the four final mixes. */
const mix = (a: number, b: number, s: number, c: number) => [...get(b), ...get(a), ...int(s), SHR_U, XOR, ...int(c), MUL, ...set(a)];
const store = (h: number, at: number) => [...int(0), ...get(h), 0x36, 2, at];

/** The four words' start (in locals h = [h1, h2, h3, h4]): for another module that hashes as hashSeed does (handout-wasm-code.ts). */
export const cyrb128Start = ([h1, h2, h3, h4]: number[]) => [...int(1779033703), ...set(h1!), ...int(3144134277), ...set(h2!), ...int(1013904242), ...set(h3!), ...int(2773480762), ...set(h4!)];
/** One code unit's steps (the unit in local k): h1 from the old h2, h2 from the old h3, h3 from the old h4, h4 from the new h1, as hashSeed. */
export const cyrb128Unit = (k: number, [h1, h2, h3, h4]: number[]) => [...step(k, h1!, h2!, C[0]!), ...step(k, h2!, h3!, C[1]!), ...step(k, h3!, h4!, C[2]!), ...step(k, h4!, h1!, C[3]!)];
/** The final mixes: the locals then hold hashSeed's four words. */
export const cyrb128End = ([h1, h2, h3, h4]: number[]) => [
  ...mix(h1!, h3!, 18, C[0]!), ...mix(h2!, h4!, 22, C[1]!), ...mix(h3!, h1!, 17, C[2]!), ...mix(h4!, h2!, 19, C[3]!),
  ...get(h1!), ...get(h2!), ...get(h3!), XOR, ...get(h4!), XOR, XOR, ...set(h1!),
  ...get(h2!), ...get(h1!), XOR, ...set(h2!),
  ...get(h3!), ...get(h1!), XOR, ...set(h3!),
  ...get(h4!), ...get(h1!), XOR, ...set(h4!),
];

export function cyrb128Module(): Uint8Array {
  const h = [H1, H2, H3, H4];
  const body = [
    ...cyrb128Start(h),
    0x02, 0x40, 0x03, 0x40, // block, loop
    ...get(I), ...get(N), GE_U, 0x0d, 1, // i >= n: out of the block
    ...get(I), ...get(I), ADD, ...int(16), ADD, 0x2f, 1, 0, ...set(K), // k = load16_u(16 + 2i)
    ...cyrb128Unit(K, h),
    ...get(I), ...int(1), ADD, ...set(I),
    0x0c, 0, 0x0b, 0x0b, // br to the loop; end loop, end block
    ...cyrb128End(h),
    ...store(H1, 0), ...store(H2, 4), ...store(H3, 8), ...store(H4, 12),
    0x0b,
  ];
  const func = [1, 6, 0x7f, ...body]; // six i32 locals besides n
  return Uint8Array.from([
    ...HEADER,
    ...section(1, [1, 0x60, 1, 0x7f, 0]), // type 0: (i32) -> ()
    ...section(3, [1, 0]), // function 0 of type 0
    ...section(5, [1, 0, 1]), // one memory, one page
    ...section(7, [2, 1, 0x6d, 2, 0, 1, 0x68, 0, 0]), // exports "m" (memory 0), "h" (function 0)
    ...section(10, [1, ...uleb(func.length), ...func]),
  ]);
}
