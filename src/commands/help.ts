/** kap help [command...]: commander's help for kap or any command, nested ones too. */
import type { Command } from 'commander';
import type { Io } from '../cli.js';
import { UsageError } from '../errors.js';
import { nearest } from '../text/distance.js';
import { buildProgram } from '../program.js';

/** The visible commands under `cmd` (commander marks hidden ones with _hidden). */
const visible = (cmd: Command) => cmd.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden);

export function help(io: Io, names: string[]): void {
  let cmd = buildProgram(io, async () => {});
  for (const [i, name] of names.entries()) {
    const next = visible(cmd).find((c) => c.name() === name);
    if (!next) {
      const asked = names.slice(0, i + 1).join(' ');
      const near = nearest(name, visible(cmd).map((c): [string, string] => [c.name(), c.name()]), 3);
      const prefix = names.slice(0, i).map((n) => `${n} `).join('');
      throw new UsageError(
        `unknown command '${asked}'`,
        near.length ? `Did you mean: ${near.map((n) => `kap help ${prefix}${n}`).join(', ')}?` : `Run 'kap help${prefix ? ` ${prefix.trim()}` : ''}' for the commands.`,
      );
    }
    cmd = next;
  }
  cmd.outputHelp();
}
