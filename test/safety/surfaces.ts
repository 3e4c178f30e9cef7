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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { helpNeeded, type HelpKind } from '../../src/safety/index.js';
import type { Group } from './content-items.js';
import { erratumTexts } from '../../src/safety/items.js';
import type { Erratum } from '../../src/content/model.js';
import { EXPORT_SURFACES } from './export-surfaces.js';
import { byId, kapIn, must, questionHelpOutside, quizOrder, quizRun, SEED, union } from './kap-in.js';

export { kapIn, setAllQuestions, type Output } from './kap-in.js';

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
    name: 'kap review --answers … --json', command: 'review', over: 'group',
    // A first session over the module's questions, in a history folder of its own: each answer's
    // feedback (stderr) and the JSON carry the layer's help; the notice opens the session.
    observe: async (g) => {
      if (!g.questions.length) return [];
      const dir = mkdtempSync(join(tmpdir(), 'kap-surface-review-'));
      try {
        const n = g.questions.length;
        const o = must(await kapIn(['review', '--topic', g.module.id, '--new', String(n), '--answers', Array(n).fill('A').join(','), '--now', '2026-12-01', '--json'], { env: { KAP_DATA_DIR: dir } }), 'review json');
        const r = JSON.parse(o.stdout) as { help: unknown; notice: unknown; answered: { id: string; help: unknown }[] };
        // --topic also takes a tag: questions of other modules may come too.
        const own = byId(g.questions);
        const help = (id: string) => own.get(id) ?? questionHelpOutside(id);
        const all = union(...r.answered.map((a) => help(a.id)));
        return [
          { where: `kap review --topic ${g.module.id} --json`, expect: all, json: r, notice: true },
          { where: `kap review --topic ${g.module.id} (feedback)`, expect: all, text: o.stderr, notice: true },
          ...r.answered.map((a) => ({ where: `kap review --json: ${a.id}`, expect: help(a.id), json: { help: a.help } })),
        ];
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
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
  lint: "findings for writers, parsed line by line (file:line:col); its safety rule tells the writer where their own draft needs help lines",
  help: 'help text about kap itself',
  completion: 'a shell script',
  __complete: 'completion words for the shell',
};

/**
 * Commands whose rows another engineer is adding; the test names them on each run. Remove the
 * entry when the rows are in (the test fails if a pending command has rows, so none is forgotten).
 */
export const PENDING: Record<string, string> = {
  'quiz export': 'rows come with the exports work (#16): add them to test/safety/export-surfaces.ts, one per format',
};
