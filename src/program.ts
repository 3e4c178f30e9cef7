/**
 * The commands and their options (commander). Each action loads its command's bundle only
 * when it runs; building only the command a run names keeps the rest off the start-up path.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Ctx } from './context.js';
import type { Io } from './cli.js';
import { MAX_WIDTH, MIN_WIDTH } from './terminal.js';
import { builtinContentDir, cacheDir, contentPacks, dataDir } from './paths.js';

declare const __KAP_VERSION__: string;
const VERSION = typeof __KAP_VERSION__ === 'string' ? __KAP_VERSION__ : '0.0.0-dev';


// Spelled out here so that `kap --help` needs no content modules at start-up.
export const CLAIM_VERDICTS = ['supported', 'partly-supported', 'overstated', 'unsupported', 'misattributed', 'any'];

const EXIT_CODES_HELP = `
Exit codes:
  0    success
  1    internal error (a bug: KAP_DEBUG=1 shows the stack)
  2    usage error (unknown command or option, bad value)
  3    not found (unknown topic; suggestions on stderr)
  4    invalid content (file:line messages on stderr)
  130  interrupted (Ctrl+C)

Environment:
  NO_COLOR     no colour          FORCE_COLOR  colour even when piped
  COLUMNS      width when piped   KAP_DATA     compiled content folder
  KAP_DEBUG=1  show stack traces for internal errors`;

function parseWidth(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < MIN_WIDTH || n > MAX_WIDTH) throw new InvalidArgumentError(`expected a whole number from ${MIN_WIDTH} to ${MAX_WIDTH}`);
  return n;
}

function parseLimit(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new InvalidArgumentError('expected a whole number from 1 to 100');
  return n;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

function parseCount(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return n;
}

const QUIZ_HELP = `
Answer with the arrow keys and Enter, or press a choice's letter (A-E) or number (1-5).
Ctrl+C stops the quiz and shows the score so far (exit 130).

Examples:
  kap quiz                                  every question, shuffled (the seed is shown)
  kap quiz --topic glutamate --count 5      five questions on one topic
  kap quiz --seed class1 --mode exam        the same quiz for everyone, feedback at the end
  kap quiz --mode present --seed week3      one question at a time, for projecting
  kap quiz --seed x --answers B,A,C --json  scripted, results as JSON`;

/** The commands, by name: `soleCommand` lets a run build only the one it needs. */
export const COMMANDS = ['explain', 'claims', 'search', 'list', 'quiz', 'cite', 'refs', 'paths', 'check'];

const GLOBAL_WITH_VALUE = new Set(['--width', '--content']);

/**
 * The command a run names, when building only that one is enough: not for help, an unknown
 * command (its suggestions need them all) or no command at all.
 */
export function soleCommand(argv: string[]): string | undefined {
  if (argv.some((a) => a === '-h' || a === '--help')) return undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (GLOBAL_WITH_VALUE.has(a)) i++;
    else if (!a.startsWith('-')) return COMMANDS.includes(a) ? a : undefined;
  }
  return undefined;
}

export function buildProgram(io: Io, ctxFor: (cmd: Command) => Promise<Ctx>, only?: string): Command {
  const want = (name: string) => !only || only === name;
  const program = new Command('kap')
    .description('Ketamine-assisted psychotherapy, explained: topics with their evidence, quizzes and citations.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--no-color', 'no colour, even in a terminal')
    .addOption(new Option('--width <columns>', 'wrap output at this width').argParser(parseWidth))
    .addOption(new Option('--content <dir>', 'add a content pack (repeatable; later packs override earlier ones and the built-in content)').argParser(collect))
    .helpOption('-h, --help', 'show help')
    .addHelpCommand('help [command]', 'show help for a command')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .addHelpText('after', EXIT_CODES_HELP);

  if (want('explain')) {
    program
      .command('explain')
      .description('explain a topic: a module, or a glossary term')
      .argument('<topic...>', 'module id, title, alias or glossary term (several words are joined)')
      .option('--brief', 'only the summary')
      .option('--raw', "the module's Markdown source")
      .option('--json', 'the structured module (front matter, sections, claims, citations)')
      .addHelpText('after', '\nExamples:\n  kap explain glutamate\n  kap explain nmda receptor --brief\n  kap explain bdnf')
      .action(async (words: string[], opts, cmd: Command) => {
        const { explain } = await import('./commands/explain.js');
        await explain(await ctxFor(cmd), words, opts);
      });
  }

  if (want('claims')) {
    program
      .command('claims')
      .description("list the content's claims with their evidence: all, or one topic's")
      .argument('[topic...]', 'module id, title, alias or glossary term')
      .addOption(new Option('--verdict <verdict>', "only the article's claims with this verdict (any: all of the article's claims)").choices(CLAIM_VERDICTS))
      .option('--source <key>', 'only claims citing this reference key')
      .option('--json', 'as JSON')
      .addHelpText('after', '\nPiped, one line per claim: id, module, design, certainty, verdict, source keys, text (tab-separated).\n\nExamples:\n  kap claims glutamate\n  kap claims --verdict any\n  kap claims --source zanos2018 --json')
      .action(async (words: string[], opts, cmd: Command) => {
        const { claims } = await import('./commands/claims.js');
        claims(await ctxFor(cmd), words, opts);
      });
  }

  if (want('search')) {
    program
      .command('search')
      .description('search modules, sections, glossary terms, claims and references')
      .argument('<query...>', 'words; "quoted words" must appear together; typos and word starts are fine')
      .addOption(new Option('--type <type>', 'only this kind of result').choices(['module', 'section', 'term', 'claim', 'reference']))
      .option('--tag <tag>', "only results from modules with this tag")
      .addOption(new Option('--limit <n>', 'at most n results').default(10).argParser(parseLimit))
      .option('--json', 'as JSON')
      .addHelpText('after', '\nExamples:\n  kap search why does ketamine work so fast\n  kap search neuroplast\n  kap search \'"nmda receptor"\' --type claim\n  kap search furukawa 2005 --type reference')
      .action(async (words: string[], opts, cmd: Command) => {
        const { search } = await import('./commands/search.js');
        search(await ctxFor(cmd), words, opts);
      });
  }

  if (want('list')) {
    program
      .command('list')
      .description('list every topic, grouped by kind')
      .option('--source', 'show where each module came from (built-in or a content pack)')
      .option('--json', 'as JSON (modules carry their origin)')
      .action(async (opts, cmd: Command) => {
        const { list } = await import('./commands/list.js');
        list(await ctxFor(cmd), opts);
      });
  }

  if (want('quiz')) {
    const selection = (cmd: Command) =>
      cmd
        .option('--topic <topic>', 'module id or tag (repeatable, or comma-separated)', collect)
        .option('--count <n>', 'how many questions (default: all that match)', parseCount)
        .option('--seed <text>', 'same seed = same questions and order on every machine (default: a new one, shown)')
        .option('--difficulty <level>', 'easy, medium or hard (repeatable, or comma-separated)', collect)
        .option('--no-shuffle', "keep the bank's question order and the written choice order");

    const quiz = selection(program.command('quiz').description('test yourself: multiple-choice questions with explanations and sources'))
      .addOption(new Option('--mode <mode>', 'practice: feedback after each; exam: at the end; present: for a trainer projecting to a class').choices(['practice', 'exam', 'present']).default('practice'))
      .option('--json', 'print the results as JSON on stdout (questions and feedback go to stderr)')
      .option('--out <file>', 'also write the results as JSON to this file')
      .option('--answers <list>', 'answer without a terminal, e.g. B,A,C (or one answer per line on stdin)')
      .addHelpText('after', QUIZ_HELP)
      .action(async (opts, cmd: Command) => {
        const { quiz } = await import('./commands/quiz.js');
        await quiz(await ctxFor(cmd), opts);
      });
    selection(quiz.command('export').description('write questions for trainers: a handout, Moodle, Anki, Quizlet or a web page'))
      .addOption(new Option('--format <format>', 'output format').choices(['markdown', 'gift', 'aiken', 'anki', 'quizlet', 'html']).default('markdown'))
      .option('--out <file>', 'write to this file instead of stdout')
      .option('--title <text>', 'title of the handout or page', 'kap quiz')
      .addHelpText('after', '\nExamples:\n  kap quiz export --format markdown --seed class1 --count 10 > handout.md\n  kap quiz export --format gift --topic glutamate --out glutamate.gift\n  kap quiz export --format html --seed week3 --out quiz.html')
      .action(async (opts, cmd: Command) => {
        const { quizExport } = await import('./commands/quiz.js');
        // Selection options may come before `export` (kap quiz --seed x export) or after it.
        const parent = cmd.parent?.opts() ?? {};
        const both = (k: 'topic' | 'difficulty') => [...(parent[k] ?? []), ...(opts[k] ?? [])];
        quizExport(await ctxFor(cmd), { ...parent, ...opts, topic: both('topic'), difficulty: both('difficulty') });
      });
  }

  if (want('cite')) {
    program
      .command('cite')
      .description('print formatted references (APA, MLA, Chicago, Vancouver, Harvard; BibTeX, RIS, CSL-JSON)')
      .argument('[key...]', 'reference key, DOI, or author and year (case-insensitive)')
      .option('--style <style>', 'apa (APA 7), mla (MLA 9), chicago (author-date), vancouver, harvard', 'apa')
      .option('--format <format>', 'text, html, bibtex, biblatex, ris or csl-json', 'text')
      .option('--in-text', 'the in-text citation, e.g. (Furukawa et al., 2005)')
      .option('--all', 'every reference (an export: kap cite --all --format bibtex > kap.bib)')
      .addHelpText('after', '\nHow the source article cited a reference wrongly is printed on stderr; stdout stays clean.\n\nExamples:\n  kap cite furukawa2005\n  kap cite furukawa 2005 --style vancouver\n  kap cite 10.1038/nature04089 --in-text\n  kap cite rush2018 --format ris\n  kap cite --all --format bibtex > kap.bib')
      .action(async (keys: string[], opts, cmd: Command) => {
        const { cite } = await import('./commands/cite.js');
        cite(await ctxFor(cmd), keys, opts);
      });
  }

  if (want('refs')) {
    program
      .command('refs')
      .description("list the references; a module's references; the article's errata; what a source is cited for")
      .option('--topic <module>', 'only the references a module cites')
      .option('--errata', 'how the source article cited each of its references wrongly')
      .option('--claims <key>', 'the claims a reference is cited for, and the verdict on the article\'s use of it')
      .option('--json', 'as JSON')
      .addHelpText('after', '\nPiped, each reference is one line: key<TAB>author-year<TAB>title.\n\nExamples:\n  kap refs\n  kap refs --topic glutamate\n  kap refs --errata\n  kap refs --claims furukawa2005')
      .action(async (opts, cmd: Command) => {
        const { refs } = await import('./commands/refs.js');
        refs(await ctxFor(cmd), opts);
      });
  }

  if (want('paths')) {
    program
      .command('paths')
      .description('show where kap reads content and caches packs, and where each setting came from')
      .option('--json', 'as JSON')
      .action(async (opts, cmd: Command) => {
        const { paths } = await import('./commands/paths.js');
        const g = cmd.optsWithGlobals() as { content?: string[] };
        paths(await ctxFor(cmd), {
          builtinContent: builtinContentDir(io.bundleDir),
          compiledContent: dataDir(io.env, io.bundleDir),
          packs: contentPacks(g.content ?? [], io.env),
          cache: cacheDir(io.env, io.home),
        }, opts);
      });
  }

  if (want('check')) {
    program
      .command('check')
      .description('validate a content folder (file:line messages, exit 4 on errors)')
      .argument('[dir]', 'content folder', 'content')
      .option('--grades', "print each module's reading grade (summary paragraph and one-line summary)")
      .addHelpText('after', '\nProblems go to stderr as file:line: severity: message. Errors fail (exit 4);\nwarnings (hype words) and info (reading grade over 9) do not.')
      .action(async (dir: string, opts: { grades?: boolean }, cmd: Command) => {
        const { check } = await import('./commands/check.js');
        check(await ctxFor(cmd), dir, opts, builtinContentDir(io.bundleDir).path);
      });
  }

  return program;
}
