/**
 * What the build and the README make of the command definitions (build time only, never on the
 * start-up path): the manifest scripts/build.mjs and scripts/code-cache.cjs read (entry bundles,
 * warm-up runs), the man page, and the README's command table.
 */
import { COMMANDS, GLOBAL_OPTIONS } from './command-table.js';
import type { CommandSpec, OptionSpec } from './command-def.js';

export { manPage } from './man-page.js';

/** Warm-up runs of kap itself, not of a command. */
const PROGRAM_WARM = [['--help'], ['--version'], ['help', 'explain']];

export interface Manifest {
  /** Commands that get an entry bundle dist/kap-<name>.cjs (a subcommand: <command>-<subcommand>, its file src/commands/<command>-<subcommand>.ts). */
  hot: string[];
  /** Command lines the build runs before saving the code caches (through the core, kap.cjs). */
  warm: string[][];
  /** Those of warm run through an entry bundle, kap-<command>.cjs (entryWarm, else warm). */
  entryWarm: string[][];
}

const all = (cs: readonly CommandSpec[]): CommandSpec[] => cs.flatMap((c) => [c, ...all(c.subcommands ?? [])]);

export function manifest(commands: readonly CommandSpec[] = COMMANDS): Manifest {
  return {
    hot: commands.flatMap((c) => [...(c.hot ? [c.name] : []), ...(c.subcommands ?? []).filter((s) => s.hot).map((s) => `${c.name}-${s.name}`)]),
    warm: [...PROGRAM_WARM, ...all(commands).flatMap((c) => (c.warm ?? []).map((w) => [...w]))],
    entryWarm: all(commands).flatMap((c) => (c.entryWarm ?? c.warm ?? []).map((w) => [...w])),
  };
}

/** How an option reads in the README: `--limit <n>` (default 10), `--type module|section`. */
export function optionUsage(o: OptionSpec): string {
  const [flag, value] = o.flags.split(' ');
  const choices = o.choices ?? o.values;
  const shown = value && choices ? `${flag} ${choices.join('\\|')}` : o.flags;
  const dflt = o.default !== undefined && !(value && choices) ? ` (default ${String(o.default)})` : '';
  return `\`${shown}\`${dflt}`;
}

const usage = (path: string[], c: CommandSpec) => `\`kap ${[...path, c.name, ...c.args.map((a) => a.syntax)].join(' ')}\``;

/** The README's command table (between its `commands` markers), one row per visible command. */
export function readmeTable(commands: readonly CommandSpec[] = COMMANDS): string {
  const rows: string[] = [];
  const add = (path: string[], c: CommandSpec) => {
    if (c.hidden) return;
    const opts = c.options.map(optionUsage).join(', ');
    const text = (c.summary ?? c.description).replaceAll('|', '\\|');
    rows.push(`| ${usage(path, c)} | ${text}${opts ? `. Options: ${opts}` : ''} |`);
    for (const s of c.subcommands ?? []) add([...path, c.name], s);
  };
  for (const c of commands) add([], c);
  const globals = GLOBAL_OPTIONS.map(optionUsage).join(', ');
  return ['| command | what it does |', '|---|---|', ...rows, '', `Global options (before or after the command): ${globals}; \`-v\`, \`--version\`; \`-h\`, \`--help\`.`].join('\n');
}

const START = '<!-- commands: generated from src/defs/ by `npm run readme`; edit the definitions, not this table -->';
const END = '<!-- end of commands -->';

/** The README with its command table replaced (the markers are kept). */
export function replaceTable(readme: string, table: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md: no command table markers (${START} … ${END})`);
  return `${readme.slice(0, a + START.length)}\n${table}\n${readme.slice(b)}`;
}

/** The README's command table as it stands, markers excluded. */
export function currentTable(readme: string): string | undefined {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  return a < 0 || b < a ? undefined : readme.slice(a + START.length, b).trim();
}
