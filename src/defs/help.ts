import { defineCommand } from '../command-def.js';

export default defineCommand({
  name: 'help',
  description: 'show help for a command (kap help quiz export)',
  summary: 'help for kap or a command, nested ones too (`kap help quiz export`); `kap --help` and `kap <command> --help` too; an unknown command is a usage error (exit 2)',
  args: [{ syntax: '[command...]', description: 'a command, and a subcommand', complete: 'commands' }],
  options: [],
  commanderOnly: true,
  examples: ['kap help explain', 'kap help quiz export'],
  run: async (c, r) => (await import('../commands/help.js')).help(r.io, c.args[0]),
});
