/** Process entry, called by bin/kap with the folder of this bundle: real streams in, exit code out. */
import { run } from './cli.js';
import { lazyOutput, openOutput } from './output.js';
import { readStdin, stdinIsTTY } from './stdin.js';

export { run };

/** A terminal stream: `kap … | head` closing early is the reader's choice, not an error. */
function quietOnEpipe(s: NodeJS.WriteStream): NodeJS.WriteStream {
  s.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(Number(process.exitCode ?? 0));
    throw e;
  });
  return s;
}

/**
 * V8 flags for the rest of this process. Only for the process's own run: a code cache written
 * after a flag change is rejected by a run with Node's defaults, so the build's warm-up, which
 * writes the caches, never changes them.
 */
function tuneV8(flags: string[]): void {
  const set = flagSetter();
  for (const f of flags) set(f);
}

type Binding = { setFlagsFromString?: (flags: string) => void };

/**
 * node:v8's setFlagsFromString is its binding's, checked for a string. Loading node:v8 loads
 * Node's streams with it (internal/heap_utils): ~11M instructions, 4-6 ms of a lint run that
 * needs the flags. The binding itself, through process.binding('v8'), costs next to nothing;
 * that access is deprecated (DEP0111, a one-time warning), kept quiet for the call by
 * process.noDeprecation. Where the binding is refused or gone (a later Node, the permission
 * model), node:v8.
 */
function flagSetter(): (flags: string) => void {
  const p = process as unknown as { binding?: (name: string) => Binding; noDeprecation?: boolean; emitWarning: (...args: unknown[]) => void };
  const quiet = p.noDeprecation;
  const warn = p.emitWarning;
  try {
    p.noDeprecation = true;
    // process.binding calls process.emitWarning, which makes the warning (an Error, its stack
    // captured) before it sees noDeprecation: ~0.25M instructions of a search, none with this.
    p.emitWarning = () => {};
    const set = p.binding?.('v8').setFlagsFromString;
    if (typeof set === 'function') return set;
  } catch {
    /* refused: node:v8 below */
  } finally {
    p.noDeprecation = quiet;
    p.emitWarning = warn;
  }
  return (require('node:v8') as typeof import('node:v8')).setFlagsFromString;
}

type Exiting = { reallyExit?: (code: number) => never };

/**
 * process.exit less its 'exit' event when nothing listens for it (nothing does in a run that
 * writes with writeSync): process.exit is JavaScript that a run compiles first, with the
 * emitter's off() it calls (~0.4M instructions, `kap quiz --seed bench --answers A,B,C`).
 * process.reallyExit is the native exit it ends with; where it is missing, process.exit.
 */
function quickExit(code: number): void {
  const really = (process as unknown as Exiting).reallyExit;
  if (typeof really === 'function' && process.listenerCount('exit') === 0) really.call(process, code);
  process.exit(code);
}

/** `argv` and `exit` are the process's own; the build's warm-up run (scripts/code-cache.cjs) passes its own. */
export function main(bundleDir: string, argv = process.argv.slice(2), ownExit?: (c: number) => void): Promise<void> {
  const exit = ownExit ?? quickExit;
  // Ctrl+C outside a prompt (inquirer handles its own) keeps Node's default: kap ends by the
  // signal at once, with no stack, and the shell reports 130. That is also what lets a script
  // running kap stop on Ctrl+C (an exit(130) would let it carry on), and it costs no handler.
  // What a closed reader (EPIPE, output.ts) ends the run with: what the command said it would end with.
  let pending = 0;
  const code = () => Number(process.exitCode ?? pending);
  // A terminal gets a Node stream (see output.ts); note when one is made.
  let streamed = false;
  const stream = (s: () => NodeJS.WriteStream) => () => {
    streamed = true;
    return quietOnEpipe(s());
  };
  return run({
    argv,
    env: process.env,
    stdout: openOutput(1, stream(() => process.stdout), code),
    stderr: lazyOutput(() => openOutput(2, stream(() => process.stderr), code)),
    // Only the quiz, review and `lint -` ask (stdin.ts).
    stdinIsTTY,
    readStdin,
    bundleDir,
    // node:os is not loaded at start-up; $HOME answers nearly always.
    home: () => (require('node:os') as typeof import('node:os')).homedir(),
    tuneV8: ownExit ? undefined : tuneV8,
    endsWith: (c) => {
      pending = c;
    },
  }).then((c) => {
    // Output written with writeSync is all out by now: leave at once rather than let Node
    // tear the heap down first (~0.3 ms in an interleaved A/B of 80 runs). A terminal stream
    // may still be writing (asynchronously on Windows; the quiz's prompts use one): let Node
    // end as usual then.
    if (streamed) process.exitCode = c;
    else exit(c);
  });
}
