/**
 * The command lines people type most (`kap explain glutamate`, `kap search nmda --limit 3`),
 * parsed from the command table without loading commander, which costs ~4 ms of every start.
 * Anything else (help, a typo, `--`, short flags, a bad value, a missing argument) is left to
 * commander, which parses it the usual way and words the errors. A test runs both parsers over
 * generated command lines and checks they agree wherever this one answers.
 */
import { COMMANDS, GLOBAL_OPTIONS, type Call, type CommandSpec, type OptionSpec } from './command-table.js';

export interface QuickParse {
  command: CommandSpec;
  call: Call;
}

interface Flag {
  attr: string;
  takesValue: boolean;
  negate: boolean;
  spec: OptionSpec;
}

/** Commander's attribute name: `--in-text` → inText, `--no-color` → color. String work, no regexes: this runs on every start. */
function flagOf(spec: OptionSpec): [string, Flag] {
  const [name, value] = spec.flags.split(' ');
  const long = name!.slice(2);
  const negate = long.startsWith('no-');
  const parts = (negate ? long.slice(3) : long).split('-');
  const attr = parts[0] + parts.slice(1).map((p) => p[0]!.toUpperCase() + p.slice(1)).join('');
  return [long, { attr, takesValue: value !== undefined, negate, spec }];
}

/** The values before anything is typed: defaults, and true for a `--no-…` option. */
function initial(flags: Map<string, Flag>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of flags.values()) {
    if (f.negate) out[f.attr] = true;
    if (f.spec.default !== undefined) out[f.attr] = f.spec.default;
  }
  return out;
}

/** A parsed call, or undefined when commander should parse this command line. */
export function quickParse(argv: string[], commands: readonly CommandSpec[] = COMMANDS, globalOptions: readonly OptionSpec[] = GLOBAL_OPTIONS): QuickParse | undefined {
  const globalFlags = new Map(globalOptions.map(flagOf));
  const globals = initial(globalFlags);
  let command: CommandSpec | undefined;
  let flags = new Map<string, Flag>();
  let opts: Record<string, unknown> = {};
  const positional: string[] = [];
  // A subcommand (`kap quiz export`): as with commander, the parent keeps taking its own options
  // after the subcommand's name (`kap quiz export --seed x` sets the quiz's seed).
  let parent: { flags: Map<string, Flag>; opts: Record<string, unknown>; given: Set<string> } | undefined;
  /** The command's options given on the command line (not defaults). */
  let given = new Set<string>();

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    // A lone "-" (standard input: `kap lint -`) is an argument, as commander takes it.
    if (!a.startsWith('-') || a === '-') {
      const sub = command && !parent && !positional.length ? command.subcommands?.find((c) => c.name === a) : undefined;
      if (sub) {
        parent = { flags, opts, given };
        given = new Set();
        command = sub;
        flags = new Map(sub.options.map(flagOf));
        opts = initial(flags);
      } else if (command) positional.push(a);
      else {
        command = commands.find((c) => c.name === a && !c.commanderOnly);
        if (!command) return undefined;
        flags = new Map(command.options.map(flagOf));
        opts = initial(flags);
      }
      continue;
    }
    if (!a.startsWith('--') || a === '--') return undefined;
    const eq = a.indexOf('=');
    const long = a.slice(2, eq < 0 ? undefined : eq);
    const mine = parent?.flags.get(long);
    const own = mine ?? flags.get(long);
    const flag = own ?? globalFlags.get(long);
    if (!flag) return undefined;
    const target = mine ? parent!.opts : own ? opts : globals;
    if (mine) parent!.given.add(flag.attr);
    else if (own) given.add(flag.attr);
    if (!flag.takesValue) {
      if (eq >= 0) return undefined;
      target[flag.attr] = !flag.negate;
      continue;
    }
    const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('-'))) return undefined;
    if (flag.spec.choices && !flag.spec.choices.includes(value)) return undefined;
    try {
      target[flag.attr] = flag.spec.parse ? flag.spec.parse(value, target[flag.attr]) : value;
    } catch {
      return undefined;
    }
  }
  if (!command) return undefined;

  const args: unknown[] = [];
  let rest = 0;
  for (const spec of command.args) {
    const required = spec.syntax.startsWith('<');
    if (spec.syntax.endsWith('...>') || spec.syntax.endsWith('...]')) {
      const taken = positional.slice(rest);
      rest = positional.length;
      if (required && !taken.length) return undefined;
      args.push(taken);
    } else {
      if (required && rest >= positional.length) return undefined;
      args.push(positional[rest++] ?? spec.default);
    }
  }
  if (rest < positional.length) return undefined;
  if (parent) {
    // A default of the subcommand gives way to what the parent was given (program.ts ownOpts);
    // the parent takes every option both declare, so the subcommand was never given these.
    for (const k of parent.given) delete opts[k];
    return { command, call: { args, opts, globals, parentOpts: parent.opts } };
  }
  return { command, call: { args, opts, globals, parentOpts: {} } };
}

/**
 * An argument or option value that is empty or only spaces means nothing to any command, and
 * read as a word it went wrong quietly: `kap cite ""` printed an empty line, `kap quiz --topic
 * ""` asked the whole bank (a script's unset variable). Asked of the words as typed, before
 * either parser: the problem, worded for its place, or undefined. Completion's own words
 * (`kap __complete -- …`, the word being completed is often empty) are not asked.
 */
export function emptyArgument(argv: readonly string[]): { message: string; hint: string } | undefined {
  if (argv[0] === '__complete') return undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    if (eq >= 0 ? a.slice(eq + 1).trim() !== '' : a.trim() !== '') continue;
    // Worded for where it is: the command (and subcommand) named, an option's value or a word.
    const words = argv.filter((w) => !w.startsWith('-') && w.trim() !== '');
    const command = COMMANDS.find((c) => c.name === words[0]);
    const sub = command?.subcommands?.find((c) => c.name === words[1]);
    const help = command ? `\`kap ${command.name}${sub ? ` ${sub.name}` : ''} --help\` says what it takes.` : '`kap --help` lists the commands.';
    const options = [...GLOBAL_OPTIONS, ...(command?.options ?? []), ...(sub?.options ?? [])];
    const option = eq >= 0 ? a.slice(0, eq) : argv[i - 1];
    if (eq >= 0 || options.some((o) => o.flags.startsWith(`${option} `))) return { message: `${option} has an empty value`, hint: `Give it a value. ${help}` };
    return { message: 'an argument is empty', hint: `Leave it out, or give a word. ${help}` };
  }
  return undefined;
}
