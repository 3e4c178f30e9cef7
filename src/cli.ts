/**
 * The command line: one Ctx per run, and the one place that turns errors into exit codes. Commands never exit the process themselves.
 */
import { ExitCode, UsageError, environmentError, isKapError, type ContentError, formatProblem } from './errors.js';
import { makeCtx, type Ctx } from './context.js';
import { decideColor, decideWidth } from './terminal.js';
import { emptyArgument, quickParse } from './argv.js';
import type { Call, CommandSpec, Globals } from './command-def.js';
import { VERSION } from './version.js';
import { builtinContentDir, cacheDir, contentPacks, dataDir } from './paths.js';
import { join } from 'node:path';
import { guardStreams, type Boundary } from './output-boundary.js';
import { textOf, type Utf8 } from './text/utf8-text.js';
import { oneLine } from './text/sanitize.js';

export interface Io {
  argv: string[];
  env: Record<string, string | undefined>;
  stdout: { write(s: string): unknown; writeBytes?(b: Uint8Array): unknown; isTTY?: boolean; columns?: number; rows?: number };
  stderr: { write(s: string): unknown };
  stdinIsTTY(): boolean;
  /** All of standard input, as bytes (Ctx decodes it; kap lint checks it as it checks a file). */
  readStdin?: () => Promise<Uint8Array>;
  /** Folder of the running bundle: compiled content is found beside it. */
  bundleDir: string;
  /** The user's home folder, asked only when $HOME is unset (for the default cache location). */
  home(): string;
  /** Sets V8 flags for the rest of the process; absent when the process is not kap's own run (main.ts). */
  tuneV8?: (flags: string[]) => void;
  /** The status a closed reader ends the run with (Ctx.endsWith); 0 until a command says otherwise. */
  endsWith?: (code: number) => void;
}

/** Turn anything thrown into an exit code, printing what a user should see. */
export function report(e: unknown, io: Io): number {
  const say = (s: string) => {
    try {
      io.stderr.write(s.endsWith('\n') ? s : `${s}\n`);
    } catch {
      // stderr itself is broken (a full device): the exit code still says what happened.
    }
  };
  // Commander's errors (it lives in a bundle loaded only when needed): a code, not a class.
  if (String((e as { code?: unknown })?.code).startsWith('commander.')) {
    // Commander has printed its message; help and version asked for exit 0, the rest is misuse.
    return (e as { exitCode?: number }).exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
  }
  // A fault of the machine (disk full, permission, not a folder) thrown by any file operation.
  e = environmentError(e) ?? e;
  // Commands live in bundles of their own, each with its own copy of errors.ts: recognise
  // kap's errors by shape, not by class identity.
  if (isKapError(e)) {
    for (const p of (e as ContentError).problems ?? []) say(formatProblem(p));
    // A message is one line: a newline in an argument it quotes must not forge another.
    say(`kap: ${oneLine(e.message)}`);
    if (e.hint) say(oneLine(e.hint));
    return e.exitCode;
  }
  if ((e as Error)?.name === 'ExitPromptError') return ExitCode.Interrupted;
  say(`kap: internal error: ${oneLine((e as Error)?.message ?? String(e))}`);
  if (io.env.KAP_DEBUG) say(String((e as Error)?.stack ?? e));
  else say('This is a bug in kap. Run again with KAP_DEBUG=1 to see the stack trace, and report it.');
  return ExitCode.Internal;
}

/** Where a command's stdout goes: straight out, or held for the pager until it ends. */
interface Sink {
  write(s: string): void;
  /** UTF-8 bytes (text/utf8-text.ts), through the boundary's writeUtf8. */
  writeUtf8(u: Utf8): void;
  /** Write or page what was held; an exit code when the pager says so (Ctrl+C in it). */
  end(): number | undefined;
}

/** `boundary`: its stdout, and its scrub for text that goes to the pager rather than through io.stdout. */
function sinkFor(command: CommandSpec, g: Globals, io: Io, boundary: Boundary<Io['stdout'], Io['stderr']>): Sink {
  const clean = boundary.clean;
  const direct: Sink = { write: (s) => void io.stdout.write(s), writeUtf8: (u) => boundary.stdout.writeUtf8(u), end: () => undefined };
  if (!command.paged || g.pager === false || !io.stdout.isTTY || !io.stdout.rows) return direct;
  let held = '';
  return {
    write: (s) => void (held += s),
    writeUtf8: (u) => void (held += textOf(u)),
    end: () => {
      const text = held;
      held = '';
      if (!text) return undefined;
      const { choosePager, overflows, page } = require('./pager.js') as typeof import('./pager.js');
      const pager = choosePager(io.env);
      if (pager && overflows(text, io.stdout.rows!, io.stdout.columns || 80)) {
        const code = page(clean(text), pager, io.env);
        if (code !== false) return code;
      }
      io.stdout.write(text);
      return undefined;
    },
  };
}

export async function run(rawIo: Io): Promise<number> {
  // Every write from here on passes the output boundary (see output-boundary.ts).
  const boundary = guardStreams(rawIo.stdout, rawIo.stderr);
  const io: Io = { ...rawIo, stdout: boundary.stdout, stderr: boundary.stderr };
  // The version alone needs neither commander nor the definitions.
  if (io.argv.length === 1 && (io.argv[0] === '--version' || io.argv[0] === '-v' || io.argv[0] === '-V')) {
    io.stdout.write(`${VERSION}\n`);
    return ExitCode.Ok;
  }
  const ctxFor = async (g: Globals, sink: Sink): Promise<Ctx> => {
    const facts = { isTTY: Boolean(io.stdout.isTTY), columns: io.stdout.columns, env: io.env };
    const packs = contentPacks(g.content ?? [], io.env);
    let data = dataDir(io.env, io.bundleDir).path;
    if (packs.length) {
      const { ensurePacks } = await import('./packs.js');
      data = ensurePacks({
        builtinContent: builtinContentDir(io.bundleDir).path,
        builtinData: data,
        compiler: join(io.bundleDir, 'build-content.mjs'),
        cacheDir: cacheDir(io.env, io.home).path,
        packs,
      }, (m) => io.stderr.write(`${m}\n`));
    }
    const color = decideColor(g.color, facts);
    boundary.setColor(color);
    return makeCtx({
      write: (s) => sink.write(s),
      writeUtf8: (u) => sink.writeUtf8(u),
      writeErr: (s) => io.stderr.write(s),
      color,
      width: decideWidth(g.width, facts),
      isTTY: facts.isTTY,
      stdinIsTTY: io.stdinIsTTY,
      dataDir: data,
      readStdin: io.readStdin,
      tuneV8: io.tuneV8,
      endsWith: io.endsWith,
    });
  };
  let sink: Sink | undefined;
  try {
    const execute = async (command: CommandSpec, call: Call) => {
      const s = (sink = sinkFor(command, call.globals, io, boundary));
      await command.run(call, { io, ctx: () => ctxFor(call.globals, s) });
    };
    const empty = emptyArgument(io.argv);
    if (empty) throw new UsageError(empty.message, empty.hint);
    const quick = quickParse(io.argv);
    if (quick) await execute(quick.command, quick.call);
    else {
      const { buildProgram, soleCommand } = await import('./program.js');
      await buildProgram(io, execute, soleCommand(io.argv)).parseAsync(io.argv, { from: 'user' });
    }
    return sink?.end() ?? ExitCode.Ok;
  } catch (e) {
    // What a command wrote before it failed is still shown (paged if long), then the error.
    sink?.end();
    return report(e, io);
  }
}
