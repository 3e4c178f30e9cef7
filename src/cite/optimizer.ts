/**
 * Build time only: how much V8's optimising compiler (TurboFan) does while the compiler runs.
 * Its compiles run on background threads and count in the CPU a compile costs: while a
 * bibliography is formatted, compiling citeproc-js's large, polymorphic functions as soon as
 * they are warm cost about 2 s, two fifths of the built-in build and more than the optimised
 * code then saved on a few thousand renders. Off altogether, every property access of
 * citeproc-js's render loop goes through an inline-cache stub (a quarter of the build's
 * instructions). So the bibliography keeps TurboFan for the code that runs HOT_ONLY times as
 * long as V8 waits by default: the render loop's hottest functions, compiled once each.
 * Bibliography harness (precomputeEntries on content/references.json, callgrind): 15.7G
 * instructions without TurboFan, 14.0G at 22 times (14.1G at 8, 13.9G at 14, 14.6G at 60); at
 * the default, more than without. Outside the bibliography a compile as small as the built-in
 * content or a trainer's pack runs without TurboFan (it spends more compiling the rest of the
 * compiler, its YAML parser first, than the optimised code saves); a big compile keeps V8's
 * default there: its loops run for minutes. A V8 flag changes how fast code runs, never what it
 * computes.
 */
import { setFlagsFromString } from 'node:v8';

/** Up to this many module files (content and packs), the compile runs without TurboFan outside its bibliography. */
export const SMALL_COMPILE = 200;

/** V8's own interrupt budget (Node 20, V8 11.3): the work between two looks at whether to optimise a function. */
export const DEFAULT_BUDGET = 67584;
/** How many times V8's budget a function of the bibliography runs before TurboFan is asked to optimise it. */
export const HOT_ONLY = 22;
/**
 * The flags of the bibliography, of the rest of a small compile, and V8's defaults.
 * scripts/build-content-entry.mjs writes the compiler's code cache under DEFAULT_FLAGS and the
 * citation engine's, loaded by the bibliography, under HOT_ONLY_FLAGS (V8 takes a cache only
 * under the flags it was made with): keep them equal (test/unit/cite-optimizer.test.ts).
 */
export const HOT_ONLY_FLAGS = `--turbofan --interrupt-budget=${DEFAULT_BUDGET * HOT_ONLY}`;
export const OFF_FLAGS = `--no-turbofan --interrupt-budget=${DEFAULT_BUDGET}`;
export const DEFAULT_FLAGS = `--turbofan --interrupt-budget=${DEFAULT_BUDGET}`;

/** The compiler's node command line names the optimiser or its budget (--turbofan, --no-turbofan, --interrupt-budget): that choice is kept. */
const chosen = (): boolean => process.execArgv.some((a) => /^--(?:no-)?(?:turbofan|opt)$|^--interrupt-budget\b/.test(a));
/** A small compile: without TurboFan outside the bibliography, to the end. */
let off = false;
/** How many hotOnlyOptimizer calls are running (the bibliography's registration and formatting nest). */
let depth = 0;

/** A compile of `modules` module files: a small one runs without TurboFan from here on, but in its bibliography. */
export function optimizerFor(modules: number): void {
  if (modules > SMALL_COMPILE || off || chosen()) return;
  if (depth === 0) setFlagsFromString(OFF_FLAGS);
  off = true;
}

/** `run` (the bibliography) with TurboFan for its hottest code only; after it, what was before. */
export function hotOnlyOptimizer<T>(run: () => T): T {
  if (chosen()) return run();
  if (depth++ === 0) setFlagsFromString(HOT_ONLY_FLAGS);
  try {
    return run();
  } finally {
    if (--depth === 0) setFlagsFromString(off ? OFF_FLAGS : DEFAULT_FLAGS);
  }
}
