/**
 * Build time only: when the compiler runs without V8's optimising compiler (TurboFan). Its
 * compiles run on background threads and count in the CPU a compile costs: while a
 * bibliography is formatted, compiling citeproc-js's large, polymorphic functions cost about
 * 2 s, two fifths of the built-in build and more than the optimised code then saved on a few
 * thousand renders; and a compile as small as the built-in content or a trainer's pack spends
 * more compiling the rest of the compiler than the optimised code saves (built-in build, per
 * thread: 4.5 s of CPU without, 5.0 s with). A big compile keeps it: its loops run for minutes.
 * A V8 flag changes how fast code runs, never what it computes.
 */
import { setFlagsFromString } from 'node:v8';

/** Up to this many module files (content and packs), the whole compile runs without TurboFan. */
export const SMALL_COMPILE = 200;

/** The compiler's node command line names the optimiser (--turbofan, --no-turbofan): that choice is kept. */
const chosen = (): boolean => process.execArgv.some((a) => /^--(?:no-)?(?:turbofan|opt)$/.test(a));
/** Off for the whole process (a small compile): nothing switches it back on. */
let off = false;

/** A compile of `modules` module files: a small one runs without TurboFan from here on. */
export function optimizerFor(modules: number): void {
  if (modules > SMALL_COMPILE || off || chosen()) return;
  setFlagsFromString('--no-turbofan');
  off = true;
}

export function withoutOptimizer<T>(run: () => T): T {
  if (off || chosen()) return run();
  setFlagsFromString('--no-turbofan');
  try {
    return run();
  } finally {
    setFlagsFromString('--turbofan');
  }
}
