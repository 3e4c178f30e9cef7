/**
 * Every surface that shows content, as a table: test/e2e/safety-surfaces.test.ts runs each row
 * over every shipped module (with its terms, questions and claims) or every query, and checks
 * that the right help blocks and the notice appear where the row says they must.
 *
 * Adding a surface (a new command, view or format): add a row here, or to EXPORT_SURFACES in
 * ./export-surfaces.ts for `kap quiz export` formats. A row names the command it covers
 * (`command`, as in src/command-table.ts, subcommands after a space); the test fails for a
 * command of the table that has no row and is not in NOT_TEACHING with a reason.
 */
import { run } from '../../src/cli.js';
import { ROOT } from '../helpers/run-kap.js';
import { helpNeeded, type HelpKind } from '../../src/safety/index.js';
import { filterBank, select } from '../../src/quiz/engine.js';
import type { CompiledQuiz } from '../../src/store.js';
import { DATA, type Group, type Item } from './content-items.js';
import { erratumTexts } from '../../src/safety/items.js';
import type { Erratum } from '../../src/content/model.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORT_SURFACES } from './export-surfaces.js';

/** What one part of an output must show. */
export interface Seen {
  /** Where, for the failure message: "explain side-effects", "feedback of side-effects-03". */
  where: string;
  /** The kinds of help that must show there, and no other. */
  expect: HelpKind[];
  /** Text a person reads: a block shows when all its lines are there (whitespace ignored). */
  text?: string;
  /** Or JSON: `help` as block objects ({kind, title, lines}) or as kinds ('crisis'). */
  json?: { help?: unknown; notice?: unknown };
  /** true: the notice must be there; false: it must not (output meant to be pasted or parsed). */
  notice?: boolean;
}

interface Base {
  /** As a user would type it, for messages: "kap explain <module> --brief". */
  name: string;
  /** The command of src/command-table.ts this row covers ("explain", "quiz export"). */
  command: string;
}
/** Run for each module with what belongs to it (terms, questions, claims). */
export interface GroupSurface extends Base {
  over: 'group';
  observe(g: Group): Promise<Seen[]>;
}
/** Run for each search query of content-items.ts QUERIES. */
export interface QuerySurface extends Base {
  over: 'query';
  /** `page`: the help a page of these results needs (the query's words and every result); `result`: one result's own. */
  observe(query: string, page: (results: Result[]) => HelpKind[], result: (r: Result) => HelpKind[]): Promise<Seen[]>;
}
/** Run once. */
export interface OnceSurface extends Base {
  over: 'once';
  observe(): Promise<Seen[]>;
}
export type Surface = GroupSurface | QuerySurface | OnceSurface;
export type Result = { type: string; id: string };

export interface Output {
  stdout: string;
  stderr: string;
  status: number;
}

/** kap in this process (the binary's own code, from source): fast enough to run hundreds of times. */
export async function kapIn(argv: string[], o: { tty?: boolean; color?: boolean; width?: number } = {}): Promise<Output> {
  let stdout = '';
  let stderr = '';
  const status = await run({
    argv,
    env: { KAP_DATA: DATA, HOME: '/nonexistent', ...(o.color ? { FORCE_COLOR: '1' } : { NO_COLOR: '1' }) },
    stdout: { write: (s: string) => (stdout += s), isTTY: Boolean(o.tty), columns: o.width ?? 100 },
    stderr: { write: (s: string) => (stderr += s) },
    stdinIsTTY: () => false,
    readStdin: async () => '',
    bundleDir: join(ROOT, 'dist'),
    home: () => '/nonexistent',
  });
  return { stdout, stderr, status };
}

const SEED = 'surfaces';
let bank: CompiledQuiz['questions'] | undefined;
/** The questions `kap quiz --topic <module> --seed surfaces` asks, in its order. */
function quizOrder(module: string): string[] {
  bank ??= (JSON.parse(readFileSync(join(DATA, 'quiz.json'), 'utf8')) as CompiledQuiz).questions;
  if (!filterBank(bank, { topics: [module], difficulty: [] }).length) return [];
  return select(bank, { topics: [module], difficulty: [], seed: SEED }).map((i) => i.question.id);
}

const QUESTION = /^Question \d+ of \d+ · /m;
const byId = (items: Item[]) => new Map(items.map((i) => [i.id, i.help]));
const union = (...lists: HelpKind[][]): HelpKind[] => (['crisis', 'emergency'] as const).filter((k) => lists.some((l) => l.includes(k)));
const must = (o: Output, what: string) => {
  if (o.status !== 0) throw new Error(`${what}: exit ${o.status}\n${o.stderr}`);
  return o;
};

/** A quiz run over one module's questions: per-question parts and the closing screen. */
async function quizRun(g: Group, mode: 'practice' | 'exam' | 'present'): Promise<Seen[]> {
  const order = quizOrder(g.module.id);
  if (!order.length) return [];
  const help = byId(g.questions);
  const all = (id: string) => help.get(id) ?? questionHelpOutside(id);
  const args = ['quiz', '--topic', g.module.id, '--seed', SEED, '--mode', mode];
  const o = must(await kapIn(mode === 'present' ? args : [...args, '--answers', order.map(() => 'A').join(',')], { tty: true }), `quiz ${mode}`);
  const text = o.stdout;
  const name = `kap quiz --mode ${mode} --topic ${g.module.id}`;
  const [start, ...rest] = text.split(QUESTION);
  const seen: Seen[] = [{ where: `${name}: start screen`, expect: [], text: start, notice: true }];
  let parts = rest;
  if (mode === 'exam') {
    // The questions are asked first; the feedback comes after "Answers".
    const at = text.search(/^Answers$/m);
    parts = text.slice(at).split(QUESTION).slice(1);
  }
  const last = parts.length - 1;
  const endAt = parts[last]!.search(mode === 'present' ? /^End of the /m : /^Score: /m);
  const closing = parts[last]!.slice(endAt);
  parts[last] = parts[last]!.slice(0, endAt);
  parts.forEach((p, i) => seen.push({ where: `${name}: feedback of ${order[i]}`, expect: all(order[i]!), text: p }));
  seen.push({ where: `${name}: ${mode === 'present' ? 'end' : 'score'} screen`, expect: union(...order.map(all)), text: closing, notice: true });
  return seen;
}

/** A question selected by tag from another module: its help from that module's group. */
let everyQuestion: Map<string, HelpKind[]> | undefined;
export function setAllQuestions(m: Map<string, HelpKind[]>): void {
  everyQuestion = m;
}
function questionHelpOutside(id: string): HelpKind[] {
  const h = everyQuestion?.get(id);
  if (!h) throw new Error(`question ${id}: not in the shipped content`);
  return h;
}

export const SURFACES: Surface[] = [
  {
    name: 'kap explain <module>', command: 'explain', over: 'group',
    observe: async (g) => [{ where: `kap explain ${g.module.id}`, expect: g.module.help, text: must(await kapIn(['explain', g.module.id], { tty: true }), 'explain').stdout, notice: true }],
  },
  {
    name: 'kap explain <module> --brief', command: 'explain', over: 'group',
    observe: async (g) => [{ where: `kap explain ${g.module.id} --brief`, expect: g.module.help, text: must(await kapIn(['explain', g.module.id, '--brief'], { tty: true }), 'brief').stdout, notice: true }],
  },
  {
    name: 'kap explain <module> --json', command: 'explain', over: 'group',
    observe: async (g) => [{ where: `kap explain ${g.module.id} --json`, expect: g.module.help, json: JSON.parse(must(await kapIn(['explain', g.module.id, '--json']), 'json').stdout), notice: true }],
  },
  {
    name: 'kap explain <term>', command: 'explain', over: 'group',
    observe: async (g) => Promise.all(g.terms.map(async (t) => ({ where: `kap explain ${t.id}`, expect: t.help, text: must(await kapIn(['explain', t.id], { tty: true }), 'term').stdout, notice: true }))),
  },
  {
    name: 'kap explain <term> --json', command: 'explain', over: 'group',
    observe: async (g) => Promise.all(g.terms.map(async (t) => ({ where: `kap explain ${t.id} --json`, expect: t.help, json: JSON.parse(must(await kapIn(['explain', t.id, '--json']), 'term json').stdout), notice: true }))),
  },
  { name: 'kap quiz (practice)', command: 'quiz', over: 'group', observe: (g) => quizRun(g, 'practice') },
  { name: 'kap quiz --mode exam', command: 'quiz', over: 'group', observe: (g) => quizRun(g, 'exam') },
  { name: 'kap quiz --mode present', command: 'quiz', over: 'group', observe: (g) => quizRun(g, 'present') },
  {
    name: 'kap quiz --answers … --json', command: 'quiz', over: 'group',
    observe: async (g) => {
      const order = quizOrder(g.module.id);
      if (!order.length) return [];
      const o = must(await kapIn(['quiz', '--topic', g.module.id, '--seed', SEED, '--answers', order.map(() => 'A').join(','), '--json']), 'quiz json');
      const r = JSON.parse(o.stdout) as { help: unknown; notice: unknown; score: { questions: { id: string; help: unknown }[] } };
      const help = (id: string) => byId(g.questions).get(id) ?? questionHelpOutside(id);
      return [
        { where: `kap quiz --topic ${g.module.id} --json`, expect: union(...order.map(help)), json: r, notice: true },
        ...r.score.questions.map((q) => ({ where: `kap quiz --json: ${q.id}`, expect: help(q.id), json: { help: q.help } })),
      ];
    },
  },
  {
    name: 'kap claims <module>', command: 'claims', over: 'group',
    observe: async (g) => (g.claims.length ? [{ where: `kap claims ${g.module.id}`, expect: union(...g.claims.map((c) => c.help)), text: must(await kapIn(['claims', g.module.id], { tty: true, width: 100 }), 'claims').stdout, notice: true }] : []),
  },
  {
    name: 'kap claims <module> --json', command: 'claims', over: 'group',
    observe: async (g) => {
      if (!g.claims.length) return [];
      const rows = JSON.parse(must(await kapIn(['claims', g.module.id, '--json']), 'claims json').stdout) as { id: string; help: unknown }[];
      const help = byId(g.claims);
      return rows.map((r) => ({ where: `kap claims ${g.module.id} --json: ${r.id}`, expect: help.get(r.id) ?? [], json: { help: r.help } }));
    },
  },
  {
    name: 'kap claims <module> | …', command: 'claims', over: 'group',
    // Tab-separated lines for scripts: no blocks, no notice.
    observe: async (g) => (g.claims.length ? [{ where: `kap claims ${g.module.id} (piped)`, expect: [], text: must(await kapIn(['claims', g.module.id]), 'claims piped').stdout, notice: false }] : []),
  },
  {
    name: 'kap search <query>', command: 'search', over: 'query',
    observe: async (q, expected) => {
      const results = (JSON.parse(must(await kapIn(['search', q, '--json']), 'search json').stdout) as { results: { type: string; id: string }[] }).results;
      const text = must(await kapIn(['search', q], { tty: true }), 'search').stdout;
      return [{ where: `kap search ${q}`, expect: expected(results), text, notice: true }];
    },
  },
  {
    name: 'kap search <query> --json', command: 'search', over: 'query',
    observe: async (q, expected, own) => {
      const r = JSON.parse(must(await kapIn(['search', q, '--json']), 'search json').stdout) as { help: unknown; notice: unknown; results: { type: string; id: string; help: unknown }[] };
      return [
        { where: `kap search ${q} --json`, expect: expected(r.results), json: r, notice: true },
        ...r.results.map((x) => ({ where: `kap search ${q} --json: ${x.type} ${x.id}`, expect: own(x), json: { help: x.help } })),
      ];
    },
  },
  {
    name: 'kap search <query> | …', command: 'search', over: 'query',
    // Piped: the blocks still show (they are content); the notice is for a terminal.
    observe: async (q, expected) => {
      const results = (JSON.parse(must(await kapIn(['search', q, '--json']), 'search json').stdout) as { results: { type: string; id: string }[] }).results;
      return [{ where: `kap search ${q} (piped)`, expect: expected(results), text: must(await kapIn(['search', q]), 'search piped').stdout, notice: false }];
    },
  },
  {
    name: 'kap list | …, kap refs | …, kap cite --all', command: 'list', over: 'once',
    // Meant to be pasted or parsed line by line: neither blocks nor the notice.
    observe: async () => [
      { where: 'kap list (piped)', expect: [], text: must(await kapIn(['list']), 'list').stdout, notice: false },
      { where: 'kap refs (piped)', expect: [], text: must(await kapIn(['refs']), 'refs').stdout, notice: false },
      { where: 'kap cite --all', expect: [], text: must(await kapIn(['cite', '--all']), 'cite').stdout, notice: false },
    ],
  },
  {
    name: 'kap refs --claims <key>', command: 'refs', over: 'once',
    // What each reference is cited for: claim text, so help where it needs it; the notice in a terminal.
    observe: async () => {
      const keys = (JSON.parse(must(await kapIn(['refs', '--json']), 'refs json').stdout) as { key: string }[]).map((r) => r.key);
      return (await Promise.all(keys.map(async (key) => {
        const [v] = JSON.parse(must(await kapIn(['refs', '--claims', key, '--json']), 'refs claims json').stdout) as { title: string; claims: { text: string }[]; errata: Erratum | null; help: unknown }[];
        const expect = helpNeeded(v!.title, ...v!.claims.map((c) => c.text), ...(v!.errata ? erratumTexts(v!.errata) : []));
        const text = must(await kapIn(['refs', '--claims', key], { tty: true }), 'refs claims').stdout;
        return [{ where: `kap refs --claims ${key}`, expect, text, notice: true }, { where: `kap refs --claims ${key} --json`, expect, json: { help: v!.help } }];
      }))).flat();
    },
  },
  {
    name: 'kap refs --errata', command: 'refs', over: 'once',
    observe: async () => {
      const errata = JSON.parse(must(await kapIn(['refs', '--errata', '--json']), 'errata json').stdout) as (Erratum & { key: string; help: unknown })[];
      const text = must(await kapIn(['refs', '--errata'], { tty: true }), 'errata').stdout;
      return [
        { where: 'kap refs --errata', expect: union(...errata.map((e) => helpNeeded(...erratumTexts(e)))), text, notice: true },
        ...errata.map((e) => ({ where: `kap refs --errata --json: ${e.key}`, expect: helpNeeded(...erratumTexts(e)), json: { help: e.help } })),
      ];
    },
  },
  ...EXPORT_SURFACES,
];

/** Commands that show no teaching content, each with why (the coverage test reads this). */
export const NOT_TEACHING: Record<string, string> = {
  list: 'an index of topics; piped output is parsed line by line (covered above: no notice)',
  cite: 'formatted references meant to be pasted',
  paths: 'locations of files',
  check: 'validation messages for content writers',
};

/**
 * Commands whose rows another engineer is adding; the test names them on each run. Remove the
 * entry when the rows are in (the test fails if a pending command has rows, so none is forgotten).
 */
export const PENDING: Record<string, string> = {
  'quiz export': 'rows come with the exports work (#16): add them to test/safety/export-surfaces.ts, one per format',
};
