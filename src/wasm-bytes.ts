/**
 * What kap's hand-written WebAssembly modules are made of (quiz/cyrb128-wasm.ts,
 * lint/postings-wasm.ts): LEB128 numbers, sections, and the little of the WebAssembly API
 * they use (kap's TypeScript library has no DOM or WebAssembly types).
 */

/** A signed LEB128 number (an i32.const's operand). */
export const sleb = (v: number): number[] => {
  const out: number[] = [];
  for (v |= 0; ; ) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && !(b & 0x40)) || (v === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
};

/** An unsigned LEB128 number (sizes, counts, indices). */
export function uleb(v: number): number[] {
  const out: number[] = [];
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return out;
}

/** A module section: its id, its size, its bytes. */
export const section = (id: number, bytes: number[]) => [id, ...uleb(bytes.length), ...bytes];

/** The module's header: magic and version 1. */
export const HEADER = [0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0];

/** What kap uses of WebAssembly; undefined under --jitless. */
export const Wasm = (globalThis as { WebAssembly?: unknown }).WebAssembly as {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
};
