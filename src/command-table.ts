/**
 * kap's commands, their arguments and options, as data. Two parsers read it: argv.ts for the
 * plain command lines people type (no commander on the start-up path) and program.ts
 * (commander) for everything else: help, errors, suggestions, unusual forms.
 */
import { MAX_WIDTH, MIN_WIDTH } from './terminal.js';
import { builtinContentDir, cacheDir, contentPacks, dataDir } from './paths.js';
import type { Ctx } from './context.js';
import type { Io } from './cli.js';

/** A bad option value; program.ts turns it into commander's "option '…' argument '…' is invalid". */
export class ValueError extends Error {}

export interface OptionSpec {
  /** Commander's syntax: `--json`, `--limit <n>`, `--no-color` (long options only). */
  flags: string;
  description: string;
  choices?: readonly string[];
  default?: unknown;
  /** Turns the text typed into the value (and may combine it with the previous one); throws ValueError. */
  parse?: (value: string, previous: unknown) => unknown;
}

export interface ArgSpec {
  /** Commander's syntax: `<topic...>` is required, `[key...]` optional; `...` takes the rest. */
  syntax: string;
  description: string;
  default?: string;
}

/** The options common to every command (before or after the command's name). */
export interface Globals {
  color?: boolean;
  width?: number;
  content?: string[];
}

/** A parsed command line, whichever parser made it. */
export interface Call {
  args: unknown[];
  opts: Record<string, unknown>;
  globals: Globals;
  /** The options given to a parent command (`kap quiz --seed x export`). */
  parentOpts: Record<string, unknown>;
}

/** What a command's run needs besides its call: the context (made on demand) and the process. */
export interface Runner {
  ctx(): Promise<Ctx>;
  io: Io;
}

export interface CommandSpec {
  name: string;
  description: string;
  args: ArgSpec[];
  options: OptionSpec[];
  /** Help text after the options (examples). */
  help?: string;
  subcommands?: CommandSpec[];
  /** Only commander parses it (it has subcommands, or is never on a hot path). */
  commanderOnly?: boolean;
  run(call: Call, runner: Runner): Promise<void>;
}

function wholeNumber(min: number, max = Infinity): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new ValueError(max === Infinity ? `expected a whole number of ${min} or more` : `expected a whole number from ${min} to ${max}`);
    return n;
  };
}

const collect = (v: string, prev: unknown) => [...((prev as string[] | undefined) ?? []), v];

export const GLOBAL_OPTIONS: OptionSpec[] = [
  { flags: '--no-color', description: 'no colour, even in a terminal' },
  { flags: '--width <columns>', description: 'wrap output at this width', parse: wholeNumber(MIN_WIDTH, MAX_WIDTH) },
  { flags: '--content <dir>', description: 'add a content pack (repeatable; later packs override earlier ones and the built-in content)', parse: collect },
];

// Spelled out here so that `kap --help` needs no content modules at start-up.
export const CLAIM_VERDICTS = ['supported', 'partly-supported', 'overstated', 'unsupported', 'misattributed', 'any'];

const json = (what = 'as JSON'): OptionSpec => ({ flags: '--json', description: what });
const examples = (...lines: string[]) => `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}`;

const selection: OptionSpec[] = [
  { flags: '--topic <topic>', description: 'what kap explain takes (module id, title, alias, glossary term) or a tag (repeatable, or comma-separated)', parse: collect },
  { flags: '--count <n>', description: 'how many questions (default: all that match; with answers given, as many as the answers)', parse: wholeNumber(1) },
  { flags: '--seed <text>', description: 'same seed = same questions and order on every machine (default: a new one, shown)' },
  { flags: '--difficulty <level>', description: 'easy, medium or hard (repeatable, or comma-separated)', parse: collect },
  { flags: '--no-shuffle', description: "keep the bank's question order and the written choice order" },
];

export const COMMANDS: CommandSpec[] = [
  {
    name: 'explain',
    description: 'explain a topic: a module, or a glossary term',
    args: [{ syntax: '<topic...>', description: 'module id, title, alias or glossary term (several words are joined)' }],
    options: [
      { flags: '--brief', description: 'only the summary' },
      { flags: '--raw', description: "the module's Markdown source" },
      json('the structured module (front matter, sections, claims, citations)'),
    ],
    help: examples('kap explain glutamate', 'kap explain nmda receptor --brief', 'kap explain bdnf'),
    run: async (c, r) => (await import('./commands/explain.js')).explain(await r.ctx(), c.args[0] as string[], c.opts),
  },
  {
    name: 'claims',
    description: "list the content's claims with their evidence: all, or one topic's",
    args: [{ syntax: '[topic...]', description: 'module id, title, alias or glossary term' }],
    options: [
      { flags: '--verdict <verdict>', description: "only the article's claims with this verdict (any: all of the article's claims)", choices: CLAIM_VERDICTS },
      { flags: '--source <key>', description: 'only claims citing this reference key' },
      json(),
    ],
    help: `\nPiped, one line per claim: id, module, design, certainty, verdict, source keys, text (tab-separated).\n${examples('kap claims glutamate', 'kap claims --verdict any', 'kap claims --source zanos2018 --json')}`,
    run: async (c, r) => (await import('./commands/claims.js')).claims(await r.ctx(), c.args[0] as string[], c.opts),
  },
  {
    name: 'search',
    description: 'search modules, sections, glossary terms, claims and references',
    args: [{ syntax: '<query...>', description: 'words; "quoted words" must appear together; typos and word starts are fine' }],
    options: [
      { flags: '--type <type>', description: 'only this kind of result', choices: ['module', 'section', 'term', 'claim', 'reference'] },
      { flags: '--tag <tag>', description: 'only results from modules with this tag' },
      { flags: '--limit <n>', description: 'at most n results', default: 10, parse: wholeNumber(1, 100) },
      json(),
    ],
    help: examples('kap search why does ketamine work so fast', 'kap search neuroplast', `kap search '"nmda receptor"' --type claim`, 'kap search furukawa 2005 --type reference'),
    run: async (c, r) => (await import('./commands/search.js')).search(await r.ctx(), c.args[0] as string[], c.opts),
  },
  {
    name: 'list',
    description: 'list every topic, grouped by kind',
    args: [],
    options: [
      { flags: '--source', description: 'show where each module came from (built-in or a content pack)' },
      json('as JSON (modules carry their origin)'),
    ],
    run: async (c, r) => (await import('./commands/list.js')).list(await r.ctx(), c.opts),
  },
  {
    name: 'quiz',
    description: 'test yourself: multiple-choice questions with explanations and sources',
    args: [],
    commanderOnly: true,
    options: [
      ...selection,
      { flags: '--mode <mode>', description: 'practice: feedback after each; exam: at the end; present: for a trainer projecting to a class', choices: ['practice', 'exam', 'present'], default: 'practice' },
      json('print the results as JSON on stdout (questions and feedback go to stderr)'),
      { flags: '--out <file>', description: 'also write the results as JSON to this file' },
      { flags: '--answers <list>', description: 'answer without a terminal, e.g. B,A,C (or one answer per line on stdin): one answer per question, no retry' },
      { flags: '--no-pause', description: 'practice mode: go on to the next question at once after the feedback (default: wait for a key)' },
    ],
    help: `
Answer with the arrow keys and Enter, or press a choice's letter (A-E) or number (1-5).
In practice mode the feedback stays until you press a key (--no-pause: it does not wait).
Ctrl+C stops the quiz and shows the score so far (exit 130).
${examples(
  'kap quiz                                  every question, shuffled (the seed is shown)',
  'kap quiz --topic glutamate --count 5      five questions on one topic',
  'kap quiz --seed class1 --mode exam        the same quiz for everyone, feedback at the end',
  'kap quiz --mode present --seed week3      one question at a time, for projecting',
  'kap quiz --seed x --answers B,A,C --json  scripted, results as JSON',
)}`,
    run: async (c, r) => (await import('./commands/quiz.js')).quiz(await r.ctx(), c.opts),
    subcommands: [
      {
        name: 'export',
        description: 'write questions for trainers: a handout, Moodle, Anki, Quizlet or a web page',
        args: [],
        options: [
          ...selection,
          { flags: '--format <format>', description: 'output format', choices: ['markdown', 'gift', 'aiken', 'anki', 'quizlet', 'html'], default: 'markdown' },
          { flags: '--out <file>', description: 'write to this file instead of stdout' },
          { flags: '--title <text>', description: 'title of the handout or page', default: 'kap quiz' },
        ],
        help: examples(
          'kap quiz export --format markdown --seed class1 --count 10 > handout.md',
          'kap quiz export --format gift --topic glutamate --out glutamate.gift',
          'kap quiz export --format html --seed week3 --out quiz.html',
        ),
        run: async (c, r) => {
          // Selection options may come before `export` (kap quiz --seed x export) or after it.
          const both = (k: string) => [...((c.parentOpts[k] as string[]) ?? []), ...((c.opts[k] as string[]) ?? [])];
          const opts = { ...c.parentOpts, ...c.opts, topic: both('topic'), difficulty: both('difficulty') };
          (await import('./commands/quiz.js')).quizExport(await r.ctx(), opts);
        },
      },
    ],
  },
  {
    name: 'cite',
    description: 'print formatted references (APA, MLA, Chicago, Vancouver, Harvard; BibTeX, RIS, CSL-JSON)',
    args: [{ syntax: '[key...]', description: 'reference key, DOI, or author and year (case-insensitive)' }],
    options: [
      { flags: '--style <style>', description: 'apa (APA 7), mla (MLA 9), chicago (author-date), vancouver, harvard', default: 'apa' },
      { flags: '--format <format>', description: 'text, html, bibtex, biblatex, ris or csl-json', default: 'text' },
      { flags: '--in-text', description: 'the in-text citation, e.g. (Furukawa et al., 2005)' },
      { flags: '--all', description: 'every reference (an export: kap cite --all --format bibtex > kap.bib)' },
    ],
    help: `\nHow the source article cited a reference wrongly is printed on stderr; stdout stays clean.\n${examples('kap cite furukawa2005', 'kap cite furukawa 2005 --style vancouver', 'kap cite 10.1038/nature04089 --in-text', 'kap cite rush2018 --format ris', 'kap cite --all --format bibtex > kap.bib')}`,
    run: async (c, r) => (await import('./commands/cite.js')).cite(await r.ctx(), c.args[0] as string[], c.opts),
  },
  {
    name: 'refs',
    description: "list the references; a module's references; the article's errata; what a source is cited for",
    args: [],
    options: [
      { flags: '--topic <module>', description: 'only the references a module cites' },
      { flags: '--errata', description: 'how the source article cited each of its references wrongly' },
      { flags: '--claims <key>', description: "the claims a reference is cited for, and the verdict on the article's use of it" },
      json(),
    ],
    help: `\nPiped, each reference is one line: key<TAB>author-year<TAB>title.\n${examples('kap refs', 'kap refs --topic glutamate', 'kap refs --errata', 'kap refs --claims furukawa2005')}`,
    run: async (c, r) => (await import('./commands/refs.js')).refs(await r.ctx(), c.opts),
  },
  {
    name: 'paths',
    description: 'show where kap reads content and caches packs, and where each setting came from',
    args: [],
    options: [json()],
    run: async (c, r) => {
      const { paths } = await import('./commands/paths.js');
      const { io } = r;
      paths(await r.ctx(), {
        builtinContent: builtinContentDir(io.bundleDir),
        compiledContent: dataDir(io.env, io.bundleDir),
        packs: contentPacks(c.globals.content ?? [], io.env),
        cache: cacheDir(io.env, io.home),
      }, c.opts);
    },
  },
  {
    name: 'check',
    description: 'validate a content folder (file:line messages, exit 4 on errors)',
    args: [{ syntax: '[dir]', description: 'content folder', default: 'content' }],
    options: [{ flags: '--grades', description: "print each module's reading grade (summary paragraph and one-line summary)" }],
    help: '\nProblems go to stderr as file:line: severity: message. Errors fail (exit 4);\nwarnings (hype words) and info (reading grade over 9) do not.',
    run: async (c, r) => {
      const { check } = await import('./commands/check.js');
      check(await r.ctx(), c.args[0] as string, c.opts, builtinContentDir(r.io.bundleDir).path);
    },
  },
];
