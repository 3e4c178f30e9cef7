import { collect, defineCommand, defineOptions, json, wholeNumber, type OptsOf } from '../command-def.js';

/** Which questions, in which order: the quiz and its export both take these. */
const selection = defineOptions([
  { flags: '--topic <topic>', description: 'what kap explain takes (module id, title, alias, glossary term) or a tag (repeatable, or comma-separated)', parse: collect, complete: 'modules' },
  { flags: '--count <n>', description: 'how many questions (default: all that match; with answers given, as many as the answers)', parse: wholeNumber(1), meant: ['--limit', '--number', '--questions'] },
  { flags: '--seed <text>', description: 'same seed = same questions and order on every machine (default: a new one, shown)' },
  { flags: '--difficulty <level>', description: 'easy, medium or hard (repeatable, or comma-separated)', parse: collect, values: ['easy', 'medium', 'hard'] },
  { flags: '--no-shuffle', description: "keep the bank's question order and the written choice order" },
]);

const quizExport = defineCommand({
  name: 'export',
  description: 'write questions for trainers: a handout, Moodle, Canvas (QTI), Anki, Quizlet or a web page',
  summary: 'questions for trainers: `markdown` (handout + separate key), `gift` and `moodle` (Moodle XML), `qti` (a QTI 1.2 zip for Canvas, Blackboard, D2L), `aiken`, `anki`, `quizlet`, `html` (one self-contained page to project or print); see [Quiz exports](#quiz-exports)',
  args: [],
  options: [
    ...selection,
    { flags: '--format <format>', description: 'output format', choices: ['markdown', 'gift', 'moodle', 'qti', 'aiken', 'anki', 'quizlet', 'html'], default: 'markdown' },
    { flags: '--out <file>', description: 'write to this file instead of stdout (an existing file only with --force)', complete: 'files' },
    { flags: '--force', description: 'replace the --out file (and its .notes.txt) if it exists' },
    { flags: '--title <text>', description: 'title of the handout or page; also names the Moodle category, Anki deck and QTI quiz', default: 'kap quiz' },
    json('what was exported, as JSON: format, seed, question ids, warnings, files written, and the text itself without --out'),
  ],
  examples: [
    'kap quiz export --format markdown --seed class1 --count 10 > handout.md',
    'kap quiz export --format gift --topic glutamate --out glutamate.gift',
    'kap quiz export --format html --seed week3 --out quiz.html',
    'kap quiz export --format moodle --seed class1 --out class1.xml',
    'kap quiz export --format qti --seed class1 --out class1.zip',
  ],
  hot: true,
  warm: [['quiz', 'export', '--format', 'gift', '--seed', 'warm'], ['quiz', 'export', '--seed', 'warm', '--count', '10']],
  run: async (c, r) => {
    // Selection options may come before `export` (kap quiz --seed x export) or after it.
    const parent = c.parentOpts as OptsOf<typeof selection>;
    const opts = { ...parent, ...c.opts, topic: [...(parent.topic ?? []), ...(c.opts.topic ?? [])], difficulty: [...(parent.difficulty ?? []), ...(c.opts.difficulty ?? [])] };
    (await import('../commands/quiz-export.js')).quizExport(await r.ctx(), opts);
  },
});

export default defineCommand({
  name: 'quiz',
  description: 'test yourself: multiple-choice questions with explanations and sources',
  summary: "an interactive quiz (arrow keys, or a choice's letter or number): feedback with ✓/✗ in words, explanation, source and `kap explain …`, kept on screen until you press a key (`--no-pause`: go on at once); a score screen with topics, misses and a retry (choices in a new order, the answer at another letter). `--topic` takes what `kap explain` takes (id, title, alias, glossary term: its module) or a tag. `--answers B,A,C` (or one answer a line on stdin) scripts it: one answer per question (without `--count`, as many questions as answers; any other number is exit 2), one round, no retry",
  args: [],
  options: [
    ...selection,
    { flags: '--mode <mode>', description: 'practice: feedback after each; exam: at the end; present: for a trainer projecting to a class', choices: ['practice', 'exam', 'present'], default: 'practice' },
    json('print the results as JSON on stdout (questions and feedback go to stderr)'),
    { flags: '--out <file>', description: 'also write the results as JSON to this file (an existing file only with --force)', complete: 'files' },
    { flags: '--force', description: 'replace the --out file if it exists' },
    { flags: '--answers <list>', description: 'answer without a terminal, e.g. B,A,C (or one answer per line on stdin): one answer per question, no retry' },
    { flags: '--no-pause', description: 'practice mode: go on to the next question at once after the feedback (default: wait for a key)' },
  ],
  help: `Answer with the arrow keys and Enter, or press a choice's letter (A-E) or number (1-5).
In practice mode the feedback stays until you press a key (--no-pause: it does not wait).
Ctrl+C stops the quiz and shows the score so far (exit 130).`,
  examples: [
    'kap quiz                                  every question, shuffled (the seed is shown)',
    'kap quiz --topic glutamate --count 5      five questions on one topic',
    'kap quiz --seed class1 --mode exam        the same quiz for everyone, feedback at the end',
    'kap quiz --mode present --seed week3      one question at a time, for projecting',
    'kap quiz --seed x --answers B,A,B --json  scripted, results as JSON',
  ],
  hot: true,
  warm: [['quiz', '--seed', 'warm', '--answers', 'A,B,C'], ['quiz', '--seed', 'warm', '--answers', 'B', '--json']],
  run: async (c, r) => (await import('../commands/quiz.js')).quiz(await r.ctx(), c.opts),
  subcommands: [quizExport],
});
