/**
 * Build time only: how much V8's optimising compiler (TurboFan) does while the compiler runs.
 * Its compiles run on background threads and count in the CPU a compile costs: while a
 * bibliography is formatted, compiling citeproc-js's large, polymorphic functions as soon as
 * they are warm cost about 2 s, two fifths of the built-in build and more than the optimised
 * code then saved on a few thousand renders. Off altogether, every property access of
 * citeproc-js's render loop goes through an inline-cache stub (a quarter of the build's
 * instructions). In between, TurboFan is kept for the code that runs HOT_ONLY times as long as
 * V8 waits by default: the render loop's few hottest functions, compiled once each.
 * Bibliography harness (precomputeEntries on content/references.json, callgrind): 15.7G
 * instructions without TurboFan, 14.0G at 22 times, 14.6G at 60 times; at the default, more
 * than without. A big compile keeps the default outside its bibliography: its loops run for
 * minutes. A V8 flag changes how fast code runs, never what it computes.
 */
import { setFlagsFromString } from 'node:v8';

/** Up to this many module files (content and packs), the whole compile runs hot-only. */
export const SMALL_COMPILE = 200;

/** V8's own interrupt budget (Node 20, V8 11.3): the work between two looks at whether to optimise a function. */
export const DEFAULT_BUDGET = 67584;
/** How many times V8's budget a function runs before TurboFan is asked to optimise it. */
export const HOT_ONLY = 22;
/**
 * The flags of a hot-only run, and those that undo them. scripts/build-content-entry.mjs writes
 * the citation engine's code cache under HOT_ONLY_FLAGS (V8 takes a cache only under the flags
 * it was made with): keep the two equal (test/unit/cite-optimizer.test.ts).
 */
export const HOT_ONLY_FLAGS = `--turbofan --interrupt-budget=${DEFAULT_BUDGET * HOT_ONLY}`;
export const DEFAULT_FLAGS = `--turbofan --interrupt-budget=${DEFAULT_BUDGET}`;

/** The compiler's node command line names the optimiser or its budget (--turbofan, --no-turbofan, --interrupt-budget): that choice is kept. */
const chosen = (): boolean => process.execArgv.some((a) => /^--(?:no-)?(?:turbofan|opt)$|^--interrupt-budget\b/.test(a));
/** Hot-only for the whole process (a small compile): nothing switches it back. */
let off = false;

/** A compile of `modules` module files: a small one runs hot-only from here on. */
export function optimizerFor(modules: number): void {
  if (modules > SMALL_COMPILE || off || chosen()) return;
  setFlagsFromString(HOT_ONLY_FLAGS);
  off = true;
}

/** `run` hot-only (the bibliography), V8's default after. */
export function withoutOptimizer<T>(run: () => T): T {
  if (off || chosen()) return run();
  setFlagsFromString(HOT_ONLY_FLAGS);
  try {
    return run();
  } finally {
    setFlagsFromString(DEFAULT_FLAGS);
  }
}
