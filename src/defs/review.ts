import { collect, defineCommand, json, ValueError, wholeNumber } from '../command-def.js';
import { userDataDir } from '../paths.js';

export default defineCommand({
  name: 'review',
  description: 'spaced repetition of the quiz: due questions first, then new ones; remembers you between days',
  summary: 'spaced repetition (FSRS) of the quiz bank: due questions first, then new ones up to a daily limit; `--stats` per module; history kept safely in the data folder (see [Spaced repetition](#spaced-repetition-kap-review))',
  args: [],
  options: [
    { flags: '--new <n>', description: 'new questions a day at most (default 10)', parse: wholeNumber(0, 1000), meant: ['--count', '--limit'] },
    { flags: '--topic <topic>', description: 'module id or tag (repeatable, or comma-separated)', parse: collect, complete: 'modules' },
    {
      flags: '--retention <r>',
      description: 'desired retention, 0.70-0.99 (default 0.9): higher means more reviews',
      parse: (v: string) => {
        const r = Number(v);
        if (!/^0?\.\d+$/.test(v) || r < 0.7 || r > 0.99) throw new ValueError('expected a number from 0.70 to 0.99');
        return r;
      },
    },
    { flags: '--stats', description: 'progress per module: new, learning, due, learned; recall; next due' },
    json('print the results (or --stats) as JSON on stdout (questions and feedback go to stderr)'),
    { flags: '--answers <list>', description: 'answer without a terminal, e.g. B,A,C (or one answer per line on stdin)' },
    { flags: '--now <date>', description: 'a fixed clock (ISO date), for scripts and tests' },
    { flags: '--seed <text>', description: 'choice order (default: new each session)' },
    { flags: '--reset', description: 'forget the review history (moved aside, not deleted; asks first)' },
    { flags: '--yes', description: 'with --reset: do not ask' },
  ],
  help: `Press a choice's letter (A-E) or number to mark it, or move with the arrow keys; Enter confirms.
Ratings (FSRS): wrong = Again, right = Good, right after changing your mark = Hard (never for a
wrong answer). History lives in the data folder (kap paths); every answer is saved at once.`,
  examples: [
    'kap review                          due questions, then up to 10 new ones',
    'kap review --new 5 --topic ptsd     fewer new questions, one topic',
    'kap review --stats                  progress per module',
    'kap review --answers B,A --json     scripted, results as JSON',
  ],
  // scripts/code-cache.cjs points KAP_DATA_DIR at a throwaway folder for these.
  warm: [['review', '--stats'], ['review', '--answers', 'A,B', '--now', '2026-01-01', '--json'], ['review', '--stats', '--json']],
  run: async (c, r) => (await import('../commands/review.js')).review(await r.ctx(), c.opts, userDataDir(r.io.env, r.io.home).path),
});
