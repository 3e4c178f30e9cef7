/**
 * src/cite/optimizer.ts: the bibliography is formatted without V8's optimising compiler, which
 * is on again afterwards. Seen through V8's own report on a hot function (%GetOptimizationStatus).
 */
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { withoutOptimizer } from '../../src/cite/optimizer.js';

setFlagsFromString('--allow-natives-syntax');
const status = new Function('f', 'return %GetOptimizationStatus(f)') as (f: unknown) => number;
// V8's OptimizationStatus bits (src/runtime/runtime.h).
const OPTIMIZED = 1 << 4;
const NEVER_OPTIMIZE = 1 << 1;
const hot = () => new Function('n', 'let s = 0; for (let i = 0; i < n; i++) s += i % 7; return s;') as (n: number) => number;
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
