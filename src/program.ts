/**
 * Commander, built from the command definitions (command-table.ts), for every command line argv.ts leaves to it: help,
 * version, errors with suggestions, and the unusual forms. Its own bundle, loaded only then.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Io } from './cli.js';
import { oneLine } from './text/sanitize.js';
import { nearest } from './text/distance.js';
import { COMMANDS, ENVIRONMENT, GLOBAL_OPTIONS, ValueError, type Call, type CommandSpec, type OptionSpec } from './command-table.js';
import { VERSION } from './version.js';
import { EXIT_CODES } from './exit-codes.js';

/**
 * Commander quotes what was typed ("unknown option '…'"): a line break in it must not forge a
 * second line. Its own suggestion line, made from the table's names, is kept. Its "error: "
 * is kap's name, as kap's own messages begin ("kap: unknown option '--nope'").
 */
export function commanderMessage(s: string): string {
  const m = /^(?:error: )?([\s\S]*?)(\n\(Did you mean [^\n']*\?\))?\n*$/.exec(s)!;
  return `kap: ${oneLine(m[1]!)}${m[2] ?? ''}\n`;
}

export type Execute = (command: CommandSpec, call: Call) => Promise<void>;

const column = (rows: readonly (readonly [unknown, string])[]) => {
  const w = Math.max(...rows.map(([k]) => String(k).length));
  return rows.map(([k, v]) => `  ${String(k).padEnd(w)}  ${v}`).join('\n');
};
const PROGRAM_HELP = `
Exit codes:
${column(EXIT_CODES)}

Environment:
${column(ENVIRONMENT)}

Run 'kap help <command>' for a command's options and examples.`;

/** A command's help after its options: notes, then examples. */
export function helpAfter(spec: CommandSpec): string {
  const parts = [spec.help, spec.examples?.length && `Examples:\n${spec.examples.map((l) => `  ${l}`).join('\n')}`].filter(Boolean);
  return parts.length ? `\n${parts.join('\n\n')}` : '';
}

const GLOBAL_WITH_VALUE = new Set(GLOBAL_OPTIONS.filter((o) => o.flags.includes('<')).map((o) => o.flags.split(' ')[0]));

/**
 * The command a run names, when building only that one is enough: not for help, an unknown
 * command (its suggestions need them all) or no command at all.
 */
export function soleCommand(argv: string[]): string | undefined {
  if (argv.some((a) => a === '-h' || a === '--help')) return undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (GLOBAL_WITH_VALUE.has(a)) i++;
    else if (!a.startsWith('-')) return COMMANDS.some((c) => c.name === a) ? a : undefined;
  }
  return undefined;
}

function option(spec: OptionSpec): Option {
  const o = new Option(spec.flags, spec.description);
  if (spec.choices) o.choices(spec.choices);
  if (spec.default !== undefined) o.default(spec.default);
  const parse = spec.parse;
  if (parse)
    o.argParser((value: string, previous: unknown) => {
      try {
        return parse(value, previous);
      } catch (e) {
        throw e instanceof ValueError ? new InvalidArgumentError(e.message) : e;
      }
    });
  return o;
}

/**
 * A subcommand's options, less the defaults of those its parent was given: both declare the
 * quiz's selection options, and commander hands `kap quiz export --no-shuffle` (or
 * `kap quiz --no-shuffle export`) to the parent, so the child's default must not win.
 */
function ownOpts(c: Command, parent: Command): Record<string, unknown> {
  const opts = c.opts();
  for (const k of Object.keys(opts)) {
    const given = parent.getOptionValueSource(k);
    if (c.getOptionValueSource(k) === 'default' && given !== undefined && given !== 'default') delete opts[k];
  }
  return opts;
}

/** An unknown option that is another command's word for one of these (OptionSpec.meant) suggests that one. */
function suggestMeant(cmd: Command, options: readonly OptionSpec[]): void {
  const meant = new Map(options.flatMap((o) => (o.meant ?? []).map((m) => [m, o.flags.split(' ')[0]!] as const)));
  if (!meant.size) return;
  // Commander's own method (not in its typings): it makes the suggestion from spelling.
  const c = cmd as unknown as { unknownOption(flag: string): void };
  const spelling = c.unknownOption.bind(cmd);
  c.unknownOption = (flag: string) => {
    const instead = meant.get(flag.split('=')[0]!);
    if (!instead) return spelling(flag);
    cmd.error(`error: unknown option '${flag}'\n(Did you mean ${instead}?)`, { code: 'commander.unknownOption' });
  };
}

function addCommand(parent: Command, spec: CommandSpec, execute: Execute, topLevel: boolean): void {
  const cmd = parent.command(spec.name, { hidden: spec.hidden }).description(spec.description);
  for (const a of spec.args) cmd.argument(a.syntax, a.description, a.default);
  for (const o of spec.options) cmd.addOption(option(o));
  suggestMeant(cmd, spec.options);
  const after = helpAfter(spec);
  if (after) cmd.addHelpText('after', after);
  // A word after a command that has subcommands (kap quiz exprt) is a mistyped subcommand:
  // commander would call it "too many arguments"; said as an unknown command, with the nearest.
  const subcommands = Boolean(spec.subcommands?.length) && !spec.args.length;
  if (subcommands) cmd.allowExcessArguments(true);
  cmd.action(async (...params: unknown[]) => {
    const c = params[params.length - 1] as Command;
    if (subcommands && c.args.length) {
      const word = c.args[0]!;
      const near = nearest(word, spec.subcommands!.map((sub): [string, string] => [sub.name, sub.name]), 1);
      return c.error(`error: unknown command '${word}' for 'kap ${spec.name}'${near.length ? `\n(Did you mean ${near[0]}?)` : ''}`, { code: 'commander.unknownCommand' });
    }
    const { color, width, content, pager } = c.optsWithGlobals();
    await execute(spec, {
      args: params.slice(0, spec.args.length),
      opts: topLevel ? c.opts() : ownOpts(c, parent),
      globals: { color, width, content, pager },
      parentOpts: topLevel ? {} : parent.opts(),
    });
  });
  for (const sub of spec.subcommands ?? []) addCommand(cmd, sub, execute, false);
}

export function buildProgram(io: Io, execute: Execute, only?: string): Command {
  const program = new Command('kap')
    .description('Ketamine-assisted psychotherapy, explained: topics with their evidence, quizzes and citations.')
    .version(VERSION, '-v, --version', 'print the version');
  for (const o of GLOBAL_OPTIONS) program.addOption(option(o));
  program
    .helpOption('-h, --help', 'show help')
    // `kap help` is a command of its own (src/defs/help.ts): nested commands, unknown names.
    .helpCommand(false)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: (s, write) => write(commanderMessage(s)) })
    .addHelpText('after', PROGRAM_HELP);
  for (const spec of COMMANDS) if (!only || only === spec.name) addCommand(program, spec, execute, true);
  return program;
}
