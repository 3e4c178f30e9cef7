import { defineCommand, json } from '../command-def.js';
import { builtinContentDir } from '../paths.js';

export default defineCommand({
  name: 'check',
  description: 'validate a content folder (file:line messages, exit 4 on errors)',
  summary: "validate a content folder or pack: `file:line: severity: message` on stderr, exit 4 on errors; `--grades` prints the reading grade of every summary, claim text, definition and quiz explanation (the build fails above grade 9 for summaries, 10 for the rest)",
  args: [{ syntax: '[dir]', description: 'content folder', default: 'content', complete: 'dirs' }],
  options: [
    { flags: '--grades', description: "print the reading grade of every summary, claim text, definition and quiz explanation" },
    json('the problems, counts and verdict as one JSON document on stdout (exit 4 still on errors)'),
  ],
  help: 'Problems go to stderr as file:line: severity: message. Errors fail (exit 4);\nwarnings (hype words) and info (reading grade over 9) do not.',
  examples: ['kap check content', 'kap check my-pack --json'],
  run: async (c, r) => {
    const { check } = await import('../commands/check.js');
    check(await r.ctx(), c.args[0], c.opts, builtinContentDir(r.io.bundleDir).path);
  },
});
