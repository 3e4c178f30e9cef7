/**
 * cyrb128 (rng.ts hashSeed) as a WebAssembly function, for a run that hashes many seeds: an
 * export or a quiz of the whole bank shuffles every question's choices by its own seed. In
 * JavaScript each step's 32-bit products are heap numbers and the hot loop is compiled again by
 * the optimiser in every fresh process: 149 seeds cost ~13M instructions; here ~2.5M, with the
 * module compiled in ~0.3M. Same numbers as hashSeed (a property test holds them together).
 * The module: cyrb128-wasm-code.ts.
 */
import { Wasm } from '../wasm-bytes.js';
import { cyrb128Module } from './cyrb128-wasm-code.js';

/** The module's bytes, made by the build (base64); tests, which run the sources, make them. */
declare const __KAP_CYRB128_WASM__: string;
const moduleBytes = () => (typeof __KAP_CYRB128_WASM__ === 'string' ? Buffer.from(__KAP_CYRB128_WASM__, 'base64') : cyrb128Module());

/** The most code units h() takes: the page less the 16 bytes of the result. */
export const MAX_UNITS = (65536 - 16) / 2;

/** A cyrb128 of texts up to MAX_UNITS long; undefined where WebAssembly is not available (node --jitless). */
export function wasmHasher(): ((text: string) => [number, number, number, number]) | undefined {
  let exports: { m: { buffer: ArrayBuffer }; h: (n: number) => void };
  try {
    exports = new Wasm.Instance(new Wasm.Module(moduleBytes())).exports as typeof exports;
  } catch {
    return undefined;
  }
  const memory = Buffer.from(exports.m.buffer) as Buffer & { ucs2Write(s: string, offset: number, length: number): number };
  const words = new Uint32Array(exports.m.buffer, 0, 4);
  const { h } = exports;
  return (text) => {
    // Node copies the code units (lone surrogates too) in C++: a charCodeAt loop here cost
    // ~0.6M instructions over the bank's 149 seeds. Its C++ copy itself (what write() calls
    // after checking its arguments): write() cost ~1.1M more over them.
    memory.ucs2Write(text, 16, 2 * text.length);
    h(text.length);
    return [words[0]!, words[1]!, words[2]!, words[3]!];
  };
}
