/**
 * How a command is declared: `defineCommand({...})` in its own file under src/defs/. Everything
 * else (both parsers, help, the build's bundles and code caches, completion, the man page, the
 * README's table) is generated from those definitions. The option types are inferred from the
 * declarations, so a command's run receives typed options and `tsc` rejects a mismatch with
 * the function it calls. At run time defineCommand is the identity: this file stays on the
 * start-up path and must stay cheap (no commander, no content).
 */
import type { Ctx } from './context.js';
import type { Io } from './cli.js';

/** A bad option value; program.ts turns it into commander's "option '…' argument '…' is invalid". */
export class ValueError extends Error {}

/** What completion offers for an option's value or an argument, besides an option's choices. */
export type CompleteKind = 'topics' | 'modules' | 'references' | 'commands' | 'files' | 'dirs';

export interface OptionSpec {
  /** Commander's syntax: `--json`, `--limit <n>`, `--no-color` (long options only). */
  readonly flags: string;
  readonly description: string;
  readonly choices?: readonly string[];
  readonly default?: unknown;
  /** Turns the text typed into the value (and may combine it with the previous one); throws ValueError. */
  readonly parse?: (value: string, previous: any) => unknown;
  /** Values completion offers when there are no `choices` (the value is checked elsewhere). */
  readonly values?: readonly string[];
  readonly complete?: CompleteKind;
  /**
   * Options of other commands that people type for this one (review's `--new` for quiz's
   * `--count`): the unknown option's suggestion, where spelling alone would suggest another.
   */
  readonly meant?: readonly string[];
}

export interface ArgSpec {
  /** Commander's syntax: `<topic...>` is required, `[key...]` optional; `...` takes the rest. */
  readonly syntax: string;
  readonly description: string;
  readonly default?: string;
  /** What completion offers for it. */
  readonly complete?: CompleteKind;
  readonly values?: readonly string[];
}

/** The options common to every command (before or after the command's name). */
export interface Globals {
  color?: boolean;
  width?: number;
  content?: string[];
  pager?: boolean;
}

/** A parsed command line, whichever parser made it. */
export interface Call<A extends readonly unknown[] = unknown[], O = Record<string, unknown>> {
  args: A;
  opts: O;
  globals: Globals;
  /** The options given to a parent command (`kap quiz --seed x export`). */
  parentOpts: Record<string, unknown>;
}

/** What a command's run needs besides its call: the context (made on demand) and the process. */
export interface Runner {
  ctx(): Promise<Ctx>;
  io: Io;
}

/** A command as the parsers, help and build read it: the typed definition with its types erased. */
export interface CommandSpec {
  readonly name: string;
  readonly description: string;
  readonly args: readonly ArgSpec[];
  readonly options: readonly OptionSpec[];
  /** Help text after the options, before the examples. */
  readonly help?: string;
  readonly examples?: readonly string[];
  /** The README table's second column (the options are listed after it); else the description. */
  readonly summary?: string;
  readonly subcommands?: readonly CommandSpec[];
  /** Only commander parses it (it has subcommands, or is never on a hot path). */
  readonly commanderOnly?: boolean;
  /** Not listed in help, completion, the man page or the README (`kap __complete`). */
  readonly hidden?: boolean;
  /** The build gives it an entry bundle of its own, dist/kap-<name>.cjs (the core with it built in); a subcommand's is kap-<command>-<name>.cjs, named in bin/kap. */
  readonly hot?: boolean;
  /** Command lines (after `kap`) the build runs to warm the code caches. */
  readonly warm?: readonly (readonly string[])[];
  /**
   * Those of warm its entry bundle (hot) is warmed with, when not all: every function a warm-up
   * compiles is in the entry's cache and deserialised by every run from it, while one left out
   * is compiled only by the runs that call it. The core and the shared bundles get all of warm.
   */
  readonly entryWarm?: readonly (readonly string[])[];
  /** Long output in a terminal goes through the pager. */
  readonly paged?: boolean;
  run(call: Call<any, any>, runner: Runner): Promise<void>;
}

// ---- Types inferred from the declarations -------------------------------------------------

type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
/** Commander's attribute name: `--in-text` → inText, `--no-color` → color, `--limit <n>` → limit. */
export type AttrOf<F extends string> = F extends `--${infer Long} <${string}>`
  ? Camel<Long>
  : F extends `--no-${infer Long}`
    ? Camel<Long>
    : F extends `--${infer Long}`
      ? Camel<Long>
      : never;

type ValueOf<O extends OptionSpec> = O['flags'] extends `${string}<${string}>`
  ? O extends { parse: (...a: any[]) => infer R }
    ? R
    : O extends { choices: readonly (infer C)[] }
      ? C
      : string
  : boolean;

/** Always present: a default, or a `--no-…` flag (true until given). */
type Given<O extends OptionSpec> = O extends { default: {} } ? true : O['flags'] extends `--no-${string}` ? true : false;

/** The options object a command's run receives, from its option declarations. */
export type OptsOf<Os extends readonly OptionSpec[]> = {
  [O in Os[number] as Given<O> extends true ? AttrOf<O['flags']> : never]: ValueOf<O>;
} & {
  [O in Os[number] as Given<O> extends true ? never : AttrOf<O['flags']>]?: ValueOf<O>;
};

type ArgValue<A extends ArgSpec> = A['syntax'] extends `${string}...${string}`
  ? string[]
  : A['syntax'] extends `<${string}`
    ? string
    : A extends { default: string }
      ? string
      : string | undefined;

/** The arguments a command's run receives: a list for `...`, else one word (maybe missing). */
export type ArgsOf<As extends readonly ArgSpec[]> = { -readonly [K in keyof As]: As[K] extends ArgSpec ? ArgValue<As[K]> : never };

export interface Definition<As extends readonly ArgSpec[], Os extends readonly OptionSpec[]> extends Omit<CommandSpec, 'args' | 'options' | 'run'> {
  readonly args: As;
  readonly options: Os;
  run(call: Call<ArgsOf<As>, OptsOf<Os>>, runner: Runner): Promise<void>;
}

/** A command, declared once; `const` keeps the flags, choices and defaults as literal types. */
export function defineCommand<const As extends readonly ArgSpec[], const Os extends readonly OptionSpec[]>(d: Definition<As, Os>): CommandSpec {
  return d;
}

/** Options shared by several commands, kept as literal types for defineCommand. */
export function defineOptions<const Os extends readonly OptionSpec[]>(os: Os): Os {
  return os;
}

// ---- Value parsers shared by the definitions ----------------------------------------------

export function wholeNumber(min: number, max = Infinity): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new ValueError(max === Infinity ? `expected a whole number of ${min} or more` : `expected a whole number from ${min} to ${max}`);
    return n;
  };
}

/** A repeatable option: every value given, in order. */
export const collect = (v: string, prev: string[] | undefined): string[] => [...(prev ?? []), v];

export const json = <const D extends string = 'as JSON'>(description?: D) => ({ flags: '--json', description: (description ?? 'as JSON') as D }) as const;
