/**
 * src/cite/optimizer.ts: the bibliography is formatted without V8's optimising compiler, which
 * is on again afterwards. Seen through V8's own report on a hot function (%GetOptimizationStatus).
 */
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { optimizerFor, SMALL_COMPILE, withoutOptimizer } from '../../src/cite/optimizer.js';

setFlagsFromString('--allow-natives-syntax');
const status = new Function('f', 'return %GetOptimizationStatus(f)') as (f: unknown) => number;
// V8's OptimizationStatus bits (src/runtime/runtime.h).
const OPTIMIZED = 1 << 4;
const NEVER_OPTIMIZE = 1 << 1;
// A new source each time: V8 shares one function's compiled code between equal sources.
let made = 0;
const hot = () => new Function('n', `let s = ${made++}; for (let i = 0; i < n; i++) s += i % 7; return s;`) as (n: number) => number;
const warm = (f: (n: number) => number) => {
  for (let i = 0; i < 20000; i++) f(200);
};

describe('withoutOptimizer', () => {
  it('runs without the optimising compiler, and gives it back', () => {
    const inside = hot();
    const value = withoutOptimizer(() => {
      warm(inside);
      return status(inside);
    });
    expect(value & OPTIMIZED).toBe(0);
    expect(value & NEVER_OPTIMIZE).not.toBe(0);
    const after = hot();
    warm(after);
    expect(status(after) & NEVER_OPTIMIZE).toBe(0);
  });

  it('gives it back when the work throws', () => {
    expect(() => withoutOptimizer(() => {
      throw new Error('bad');
    })).toThrow('bad');
    const after = hot();
    warm(after);
    expect(status(after) & NEVER_OPTIMIZE).toBe(0);
  });
});

describe('optimizerFor', () => {
  it('leaves a big compile its optimiser; a small one runs without it, to the end', () => {
    optimizerFor(SMALL_COMPILE + 1);
    const big = hot();
    warm(big);
    expect(status(big) & NEVER_OPTIMIZE).toBe(0);
    optimizerFor(SMALL_COMPILE);
    try {
      withoutOptimizer(() => 0);
      const small = hot();
      warm(small);
      expect(status(small) & OPTIMIZED).toBe(0);
      expect(status(small) & NEVER_OPTIMIZE).not.toBe(0);
    } finally {
      setFlagsFromString('--turbofan');
    }
  });
});
