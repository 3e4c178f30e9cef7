import { defineCommand } from '../command-def.js';

// Called by the completion scripts: `kap __complete -- <words after kap>`; one candidate a line.
export default defineCommand({
  name: '__complete',
  description: 'candidates for shell completion (used by the completion scripts)',
  hidden: true,
  args: [{ syntax: '[words...]', description: 'the words after kap; the last is the one being completed' }],
  options: [],
  warm: [['__complete', '--', 'explain', 'glu'], ['__complete', '--', 'cite', 'fur'], ['__complete', '--', 'quiz', '--mode', '']],
  run: async (c, r) => {
    const { completeCommand } = await import('../commands/complete.js');
    // Packs named on the line being completed count, as they would when it runs.
    const { contentFlags } = await import('../completion/complete.js');
    c.globals.content = [...(c.globals.content ?? []), ...contentFlags(c.args[0])];
    completeCommand(r, c.args[0]);
  },
});
