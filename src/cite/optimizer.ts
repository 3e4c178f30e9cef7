/**
 * Build time only. While the compiler formats a bibliography, V8's optimising compiler
 * (TurboFan) compiles citeproc-js's large, polymorphic functions on its background threads:
 * for the built-in content about 2 s of CPU, two fifths of the whole build and more than the
 * optimised code then saves on a few thousand renders. Formatting runs on V8's interpreter and
 * baseline compiler (Sparkplug) only; the optimiser is switched back on after it, so the rest
 * of a compile (10,000 modules' worth of Markdown) is optimised as before. A V8 flag changes
 * how fast code runs, never what it computes.
 */
import { setFlagsFromString } from 'node:v8';

/** The node options name the optimiser (--turbofan, --no-turbofan): theirs is kept as it is. */
const chosen = (): boolean => [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => /^--(?:no-)?(?:turbofan|opt)$/.test(a));

export function withoutOptimizer<T>(run: () => T): T {
  if (chosen()) return run();
  setFlagsFromString('--no-turbofan');
  try {
    return run();
  } finally {
    setFlagsFromString('--turbofan');
  }
}
