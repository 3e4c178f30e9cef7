/**
 * Commander, built from the command table, for every command line argv.ts leaves to it: help,
 * version, errors with suggestions, and the unusual forms. Its own bundle, loaded only then.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Io } from './cli.js';
import { oneLine } from './text/sanitize.js';
import { COMMANDS, GLOBAL_OPTIONS, ValueError, type Call, type CommandSpec, type OptionSpec } from './command-table.js';

declare const __KAP_VERSION__: string;
const VERSION = typeof __KAP_VERSION__ === 'string' ? __KAP_VERSION__ : '0.0.0-dev';

/**
 * Commander quotes what was typed ("unknown option '…'"): a line break in it must not forge a
 * second line. Its own suggestion line, made from the table's names, is kept.
 */
export function commanderMessage(s: string): string {
  const m = /^([\s\S]*?)(\n\(Did you mean [^\n']*\?\))?\n*$/.exec(s)!;
  return `${oneLine(m[1]!)}${m[2] ?? ''}\n`;
}

export type Execute = (command: CommandSpec, call: Call) => Promise<void>;

const EXIT_CODES_HELP = `
Exit codes:
  0    success
  1    internal error (a bug: KAP_DEBUG=1 shows the stack)
  2    usage error (unknown command or option, bad value)
  3    not found (unknown topic; suggestions on stderr)
  4    invalid content (file:line messages on stderr)
  5    the machine refused (disk full, permission, not a folder, read-only)
  130  interrupted (Ctrl+C)

Environment:
  NO_COLOR     no colour          FORCE_COLOR  colour even when piped
  COLUMNS      width when piped   KAP_DATA     compiled content folder
  KAP_DEBUG=1  show stack traces for internal errors`;

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

function addCommand(parent: Command, spec: CommandSpec, execute: Execute, topLevel: boolean): void {
  const cmd = parent.command(spec.name).description(spec.description);
  for (const a of spec.args) cmd.argument(a.syntax, a.description, a.default);
  for (const o of spec.options) cmd.addOption(option(o));
  if (spec.help) cmd.addHelpText('after', spec.help);
  cmd.action(async (...params: unknown[]) => {
    const c = params[params.length - 1] as Command;
    const { color, width, content } = c.optsWithGlobals();
    await execute(spec, {
      args: params.slice(0, spec.args.length),
      opts: topLevel ? c.opts() : ownOpts(c, parent),
      globals: { color, width, content },
      parentOpts: topLevel ? {} : parent.opts(),
    });
  });
  for (const sub of spec.subcommands ?? []) addCommand(cmd, sub, execute, false);
}

export function buildProgram(io: Io, execute: Execute, only?: string): Command {
  const program = new Command('kap')
    .description('Ketamine-assisted psychotherapy, explained: topics with their evidence, quizzes and citations.')
    .version(VERSION, '-V, --version', 'print the version');
  for (const o of GLOBAL_OPTIONS) program.addOption(option(o));
  program
    .helpOption('-h, --help', 'show help')
    .addHelpCommand('help [command]', 'show help for a command')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: (s, write) => write(commanderMessage(s)) })
    .addHelpText('after', EXIT_CODES_HELP);
  for (const spec of COMMANDS) if (!only || only === spec.name) addCommand(program, spec, execute, true);
  return program;
}
