/**
 * What to offer at the cursor, from the command definitions and the content: commands,
 * subcommands, options, option values (choices, or an option's `values`), topics, module ids,
 * reference keys, or "let the shell complete a file name". Pure: the words typed after `kap`
 * (the last one is the word being completed, maybe empty) and the content's names in, candidates out.
 */
import type { CommandSpec, CompleteKind, OptionSpec } from '../command-def.js';

export interface ContentNames {
  /** Names of topics; after `words` already typed, the next word of the names that go on (`nmda` → receptor). */
  topics(words: string[]): string[];
  modules(): string[];
  references(): string[];
}

export interface Completion {
  /** Candidates that start with the word being completed. */
  words: string[];
  /** The shell should also complete file or folder names. */
  files?: 'files' | 'dirs';
}

const HELP = '--help';

const flagName = (o: OptionSpec) => o.flags.split(' ')[0]!;
const takesValue = (o: OptionSpec) => o.flags.includes('<');

/** The --content folders named on the line: their topics complete too. */
export function contentFlags(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length - 1; i++) {
    if (words[i] === '--content' && i + 1 < words.length - 1) out.push(words[i + 1]!);
    else if (words[i]!.startsWith('--content=')) out.push(words[i]!.slice('--content='.length));
  }
  return out;
}

/** The commands under the path typed so far (`kap help quiz <TAB>` offers quiz's subcommands). */
function commandsUnder(path: string[], commands: readonly CommandSpec[]): string[] {
  let level = commands;
  for (const name of path) level = level.find((c) => c.name === name)?.subcommands ?? [];
  return level.filter((c) => !c.hidden).map((c) => c.name);
}

function valuesOf(kind: CompleteKind | undefined, fixed: readonly string[] | undefined, names: ContentNames, commands: readonly CommandSpec[], path: string[] = []): Completion {
  if (fixed) return { words: [...fixed] };
  switch (kind) {
    case 'topics':
      return { words: names.topics(path) };
    case 'modules':
      return { words: names.modules() };
    case 'references':
      return { words: names.references() };
    case 'commands':
      return { words: commandsUnder(path, commands) };
    case 'files':
    case 'dirs':
      return { words: [], files: kind };
    default:
      return { words: [] };
  }
}

export function complete(words: string[], commands: readonly CommandSpec[], globals: readonly OptionSpec[], names: ContentNames): Completion {
  const cur = words[words.length - 1] ?? '';
  const before = words.slice(0, -1);
  let level: readonly CommandSpec[] = commands;
  let command: CommandSpec | undefined;
  const positionals: string[] = [];
  let pending: OptionSpec | undefined;
  let afterDashes = false;
  const options = () => [...(command?.options ?? []), ...globals];
  const find = (flag: string) => options().find((o) => flagName(o) === flag);

  for (const w of before) {
    if (pending) {
      // bash splits `--mode=exam` at the `=` (COMP_WORDBREAKS): `--mode`, `=`, `exam`.
      if (w !== '=') pending = undefined;
      continue;
    }
    if (!afterDashes && w === '--') afterDashes = true;
    else if (!afterDashes && w.startsWith('-')) {
      const o = w.includes('=') ? undefined : find(w);
      if (o && takesValue(o)) pending = o;
    } else {
      const sub = positionals.length === 0 ? level.find((c) => c.name === w && !c.hidden) : undefined;
      if (sub) {
        command = sub;
        level = sub.subcommands ?? [];
      } else positionals.push(w);
    }
  }

  const filtered = (c: Completion): Completion => ({ ...c, words: [...new Set(c.words)].filter((w) => w.startsWith(cur)).sort() });

  // The value of an option: `--mode <TAB>` or `--mode=ex<TAB>`.
  if (pending && cur === '=') return valuesOf(pending.complete, pending.choices ?? pending.values, names, commands);
  if (pending) return filtered(valuesOf(pending.complete, pending.choices ?? pending.values, names, commands));
  const eq = cur.indexOf('=');
  if (!afterDashes && cur.startsWith('--') && eq > 0) {
    const o = find(cur.slice(0, eq));
    if (!o || !takesValue(o)) return { words: [] };
    const v = valuesOf(o.complete, o.choices ?? o.values, names, commands);
    return { ...v, words: v.words.filter((w) => w.startsWith(cur.slice(eq + 1))).map((w) => `${cur.slice(0, eq + 1)}${w}`).sort() };
  }
  if (!afterDashes && cur.startsWith('-')) return filtered({ words: [...options().map(flagName), HELP] });

  if (!command) return filtered({ words: commands.filter((c) => !c.hidden).map((c) => c.name) });
  const positional = positionals.length;
  const subs = positional === 0 ? (command.subcommands ?? []).filter((c) => !c.hidden).map((c) => c.name) : [];
  const args = command.args;
  const last = args[args.length - 1];
  const arg = args[positional] ?? (last?.syntax.includes('...') ? last : undefined);
  const v = arg ? valuesOf(arg.complete, arg.values, names, commands, positionals) : { words: [] };
  return filtered({ ...v, words: [...subs, ...v.words] });
}
