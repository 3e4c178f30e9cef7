/**
 * src/cite/optimizer.ts: the bibliography runs with TurboFan kept for the hottest code only;
 * outside it, a small compile runs without TurboFan and a big one with V8's default. Seen through V8's own report on a function
 * (%GetOptimizationStatus), compiled on the main thread so that the report is final. When a warm function is optimised is not asserted: V8's tiering moves it by a
 * factor of three from run to run (checked); what the budget saves is measured by callgrind.
 */
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FLAGS, OFF_FLAGS, optimizerFor, SMALL_COMPILE, hotOnlyOptimizer } from '../../src/cite/optimizer.js';

setFlagsFromString('--allow-natives-syntax');
setFlagsFromString('--no-concurrent-recompilation');
const status = new Function('f', 'return %GetOptimizationStatus(f)') as (f: unknown) => number;
// V8's OptimizationStatus bits (src/runtime/runtime.h).
const OPTIMIZED = 1 << 4;
// A new source each time: V8 shares one function's compiled code between equal sources.
let made = 0;
const fresh = () => new Function('a', `let s = ${made++}; s += a * 3; s ^= a << 2; s += (a & 5) ? 1 : 2; s -= a % 11; return s;`) as (a: number) => number;
/** Whether a fresh function called `calls` times is optimised. */
const optimisedAfter = (calls: number) => {
  const f = fresh();
  let x = 0;
  for (let i = 0; i < calls; i++) x += f(i);
  return x !== 0.5 && (status(f) & OPTIMIZED) !== 0;
};
// Under V8's default budget such a function is optimised after 10,000-100,000 calls, hot-only after 30,000-300,000 (checked).
const DEFAULT_HOT = 300_000;
const VERY_HOT = 3_000_000;

describe('hotOnlyOptimizer', () => {
  it('optimises very hot code inside (not whether warm code waits: that is measured, not asserted), and gives V8 its default back', () => {
    expect(hotOnlyOptimizer(() => optimisedAfter(VERY_HOT))).toBe(true);
    expect(optimisedAfter(DEFAULT_HOT)).toBe(true);
  });

  it('gives the default back when the work throws', () => {
    expect(() => hotOnlyOptimizer(() => {
      throw new Error('bad');
    })).toThrow('bad');
    expect(optimisedAfter(DEFAULT_HOT)).toBe(true);
  });
});

describe('optimizerFor', () => {
  it('leaves a big compile the default; a small one runs without TurboFan to the end, but in its bibliography', () => {
    optimizerFor(SMALL_COMPILE + 1);
    expect(optimisedAfter(DEFAULT_HOT)).toBe(true);
    optimizerFor(SMALL_COMPILE);
    try {
      expect(optimisedAfter(VERY_HOT)).toBe(false);
      // Nested, as the styles' registration and the formatting are: hot-only until the outer one ends.
      expect(hotOnlyOptimizer(() => [hotOnlyOptimizer(() => optimisedAfter(VERY_HOT)), optimisedAfter(VERY_HOT)])).toEqual([true, true]);
      expect(optimisedAfter(VERY_HOT)).toBe(false);
    } finally {
      setFlagsFromString(DEFAULT_FLAGS);
    }
  });
});

describe('the code caches', () => {
  // That V8 takes them under these flags: test/unit/build-manifest.test.ts (the entry script writes them with these exports).
  it('name the budget at its default outside the bibliography', () => {
    // V8 hashes only the flags that differ from its defaults: OFF_FLAGS names its budget at the default.
    expect(OFF_FLAGS).toBe(DEFAULT_FLAGS.replace('--turbofan', '--no-turbofan'));
  });
});
