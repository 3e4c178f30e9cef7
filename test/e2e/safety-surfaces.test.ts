/**
 * Every surface x every shipped content item: the right help blocks (crisis, emergency) where
 * the item's shown text needs them, none where it does not, and the notice where the surface
 * teaches. Generated from dist/content and the surface table (test/safety/surfaces.ts); a
 * command of src/command-table.ts without a row fails the coverage check.
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/command-table.js';
import { FORMATS } from '../../src/quiz/export/index.js';
import { HELP_BLOCKS, NOTICE, helpNeeded, type HelpKind } from '../../src/safety/index.js';
import { plainLine } from '../../src/safety/paint.js';
import { groups, QUERIES, searchDocText } from '../safety/content-items.js';
import { NOT_TEACHING, PENDING, SURFACES, kapIn, setAllQuestions, type Result, type Seen } from '../safety/surfaces.js';
import { EXPORT_SURFACES } from '../safety/export-surfaces.js';
import { kap } from '../helpers/run-kap.js';

const flat = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').replace(/\s+/g, ' ');
const KINDS: HelpKind[] = ['crisis', 'emergency'];
const shows = (text: string, kind: HelpKind) => HELP_BLOCKS[kind].lines.every((l) => flat(text).includes(flat(plainLine(l))));
const showsAny = (text: string, kind: HelpKind) => flat(text).includes(flat(plainLine(HELP_BLOCKS[kind].lines[0]!)));

/** Kinds named by a JSON `help`: block objects or kind strings. */
function jsonKinds(help: unknown): HelpKind[] | string {
  if (!Array.isArray(help)) return `help is ${JSON.stringify(help)}, not a list`;
  const kinds: HelpKind[] = [];
  for (const h of help) {
    if (typeof h === 'string') kinds.push(h as HelpKind);
    else {
      const b = h as { kind: HelpKind; title?: string; lines?: string[] };
      const want = HELP_BLOCKS[b.kind];
      if (!want || b.title !== want.title || JSON.stringify(b.lines) !== JSON.stringify(want.lines.map(plainLine))) return `block ${JSON.stringify(h)} is not the layer's`;
      kinds.push(b.kind);
    }
  }
  return kinds;
}

/** What is wrong with one part of an output ('' when right). */
function problems(s: Seen): string[] {
  const out: string[] = [];
  if (s.text !== undefined) {
    for (const k of KINDS) {
      if (s.expect.includes(k) && !shows(s.text, k)) out.push(`${s.where}: the ${k} block is missing`);
      if (!s.expect.includes(k) && showsAny(s.text, k)) out.push(`${s.where}: shows the ${k} block, which its text does not need`);
    }
    const hasNotice = flat(s.text).includes(NOTICE);
    if (s.notice === true && !hasNotice) out.push(`${s.where}: the notice is missing`);
    if (s.notice === false && hasNotice) out.push(`${s.where}: has the notice, but is meant to be pasted or parsed`);
  } else if (s.json) {
    const got = jsonKinds(s.json.help);
    if (typeof got === 'string') out.push(`${s.where}: ${got}`);
    else if (JSON.stringify(got) !== JSON.stringify(s.expect)) out.push(`${s.where}: help ${JSON.stringify(got)}, expected ${JSON.stringify(s.expect)}`);
    if (s.notice === true && s.json.notice !== NOTICE) out.push(`${s.where}: the notice field is missing`);
  } else out.push(`${s.where}: neither text nor json to check`);
  return out;
}

const all = groups();
setAllQuestions(new Map(all.flatMap((g) => g.questions.map((q) => [q.id, q.help] as const))));
const docs = searchDocText();
const docHelp = (r: Result): HelpKind[] => {
  const text = docs.get(`${r.type}:${r.id}`);
  if (text === undefined) throw new Error(`search result ${r.type} ${r.id} is not in the index`);
  return helpNeeded(text);
};
const expectedFor = (query: string) => (results: Result[]) => KINDS.filter((k) => helpNeeded(query).includes(k) || results.some((r) => docHelp(r).includes(k)));

describe('the shipped content the matrix runs over', () => {
  it('has items that need each kind of help (else the matrix proves nothing)', () => {
    const items = all.flatMap((g) => [g.module, ...g.terms, ...g.questions, ...g.claims]);
    for (const k of KINDS) expect(items.filter((i) => i.help.includes(k)).length).toBeGreaterThan(3);
  });
});

describe.each(SURFACES.map((s) => [s.name, s] as const))('%s', (_name, surface) => {
  if (surface.over === 'group')
    it('every module, term, question and claim', async () => {
      const found: string[] = [];
      for (const g of all) for (const s of await surface.observe(g)) found.push(...problems(s));
      expect(found).toEqual([]);
    });
  else if (surface.over === 'query')
    it.each(QUERIES)('query %j', async (q) => {
      const found = (await surface.observe(q, expectedFor(q), docHelp)).flatMap(problems);
      expect(found).toEqual([]);
    });
  else
    it('once', async () => {
      expect((await surface.observe()).flatMap(problems)).toEqual([]);
    });
});

describe('coverage: every command has rows, or says why it shows no teaching content', () => {
  const commands = COMMANDS.flatMap((c) => [c.name, ...(c.subcommands ?? []).map((s) => `${c.name} ${s.name}`)]);
  const covered = new Set(SURFACES.map((s) => s.command));
  it.each(commands)('%s', (name) => {
    if (PENDING[name]) {
      console.warn(`safety surfaces: "${name}" has no rows yet: ${PENDING[name]}`);
      expect(covered.has(name), `"${name}" has rows now: remove it from PENDING`).toBe(false);
      return;
    }
    expect(covered.has(name) || name in NOT_TEACHING, `"${name}": add a row to test/safety/surfaces.ts, or a reason to NOT_TEACHING`).toBe(true);
  });
  it('each export format has a row once the export rows are in', () => {
    if (PENDING['quiz export']) return;
    for (const f of FORMATS) expect(EXPORT_SURFACES.some((s) => s.name.includes(`--format ${f}`)), `no row for --format ${f}`).toBe(true);
  });
});

describe('painting', () => {
  it('blocks are bold in a terminal with colour, plain without', async () => {
    const color = (await kapIn(['explain', 'suicidal-ideation-term'], { tty: true, color: true })).stdout;
    expect(color).toContain('\u001b[1m988\u001b[22m');
    const plain = (await kapIn(['explain', 'suicidal-ideation-term'], { tty: true })).stdout;
    expect(plain).not.toMatch(/\u001b\[/);
    expect(plain).toContain('call or text 988');
  });
  it('words that ask for help get the block, whether they open a topic or none (exit 3)', async () => {
    const e = await kapIn(['explain', 'i', 'want', 'to', 'kill', 'myself'], { tty: true });
    expect(e.status).toBe(3);
    expect(shows(e.stdout, 'crisis')).toBe(true);
    const topic = await kapIn(['explain', 'suicidal', 'thoughts'], { tty: true });
    expect(topic.status).toBe(0);
    expect(shows(topic.stdout, 'crisis')).toBe(true);
    const none = await kapIn(['explain', 'qqqqxz', 'kill', 'myself'], { tty: true });
    expect(none.status).toBe(3);
    expect(shows(none.stdout, 'crisis')).toBe(true);
    const s = await kapIn(['search', 'qqqqxz', 'overdosed'], { tty: true });
    expect(shows(s.stdout, 'emergency')).toBe(true);
    expect(flat(s.stdout)).toContain(NOTICE);
  });
});

describe('the built binary (bundles, not source): one run per kind of surface', () => {
  const both = (t: string) => shows(t, 'crisis') && flat(t).includes(NOTICE);
  it.each([
    [['explain', 'suicidal-ideation', '--brief']],
    [['explain', 'boxed-warning']],
    [['quiz', '--topic', 'suicidal-ideation', '--count', '1', '--seed', 'x', '--answers', 'A']],
    [['quiz', '--topic', 'suicidal-ideation', '--count', '1', '--seed', 'x', '--mode', 'present']],
    [['search', 'suicide']],
  ])('kap %j', (args) => {
    const r = kap(args, { env: { FORCE_COLOR: '0', NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    if (args[0] === 'search') expect(shows(r.stdout, 'crisis')).toBe(true);
    else expect(both(r.stdout)).toBe(true);
  });
  it('scripted --json and claims --json carry the fields', () => {
    const q = JSON.parse(kap(['quiz', '--topic', 'side-effects', '--seed', 'x', '--count', '2', '--answers', 'A,A', '--json']).stdout);
    expect(q.notice).toBe(NOTICE);
    const c = JSON.parse(kap(['claims', 'suicidal-ideation', '--json']).stdout) as { help: { kind: string }[] }[];
    expect(c.some((row) => row.help.some((h) => h.kind === 'crisis'))).toBe(true);
  });
});
