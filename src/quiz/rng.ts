/**
 * A seeded PRNG from a text seed: the same seed gives the same numbers on every machine
 * (32-bit integer arithmetic only). cyrb128 hashes the text; sfc32 generates.
 */
import { MAX_UNITS, wasmHasher } from './cyrb128-wasm.js';

/** Four 32-bit words from a string (cyrb128, public domain). */
export function hashSeed(text: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * hashSeed of each text. Many texts (an export or a quiz of the whole bank) are hashed by the
 * WebAssembly copy (cyrb128-wasm.ts: the JavaScript loop costs ~90,000 instructions a seed in a
 * fresh process, with the optimiser's compile of it); a few, or any too long, by hashSeed.
 */
export function hashSeeds(texts: readonly string[]): [number, number, number, number][] {
  const wasm = texts.length >= MANY_SEEDS ? wasmHasher() : undefined;
  return texts.map((t) => (wasm && t.length <= MAX_UNITS ? wasm(t) : hashSeed(t)));
}
/** From how many seeds hashSeeds compiles the WebAssembly copy (~0.6M instructions, ~20 seeds' worth). */
const MANY_SEEDS = 32;

/** Uniform numbers in [0, 1) from a text seed (sfc32). */
export function rngFrom(seed: string): () => number {
  return sfc32(hashSeed(seed));
}

/** Uniform numbers in [0, 1) from a seed's hash (hashSeed's four words). */
export function sfc32(h: readonly [number, number, number, number]): () => number {
  // The state is kept as int32 (every step below ends in | 0 or a bitwise operation, which read
  // a word the same whether it is held signed or unsigned): an unsigned word of 2^31 or more is a
  // heap number, allocated at every step (~0.2M instructions of a run that shuffles the bank).
  let a = h[0] | 0, b = h[1] | 0, c = h[2] | 0, d = h[3] | 0;
  return () => {
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A shuffled copy (Fisher-Yates). */
export function shuffled<T>(items: readonly T[], rng: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    // A swap through a variable: a destructuring swap runs the array iterator in the interpreter.
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}

