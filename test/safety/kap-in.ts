/**
 * The surface table's machinery: kap run in this process (the binary's own code, from
 * source), and a quiz's output cut into its screens (start, each question's feedback, end).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/cli.js';
import { ROOT } from '../helpers/run-kap.js';
import type { HelpKind } from '../../src/safety/index.js';
import { filterBank, select } from '../../src/quiz/engine.js';
import type { CompiledQuiz } from '../../src/store.js';
import { DATA, type Group, type Item } from './content-items.js';
import type { Seen } from './surfaces.js';

export interface Output {
  stdout: string;
  stderr: string;
  status: number;
}

/** kap in this process (the binary's own code, from source): fast enough to run hundreds of times. */
export async function kapIn(argv: string[], o: { tty?: boolean; color?: boolean; width?: number; env?: Record<string, string> } = {}): Promise<Output> {
  let stdout = '';
  let stderr = '';
  const status = await run({
    argv,
    env: { KAP_DATA: DATA, HOME: '/nonexistent', ...(o.color ? { FORCE_COLOR: '1' } : { NO_COLOR: '1' }), ...o.env },
    stdout: { write: (s: string) => (stdout += s), isTTY: Boolean(o.tty), columns: o.width ?? 100 },
    stderr: { write: (s: string) => (stderr += s) },
    stdinIsTTY: () => false,
    readStdin: async () => new Uint8Array(),
    bundleDir: join(ROOT, 'dist'),
    home: () => '/nonexistent',
  });
  return { stdout, stderr, status };
}

export const SEED = 'surfaces';
let bank: CompiledQuiz['questions'] | undefined;
/** The questions `kap quiz --topic <module> --seed surfaces` asks, in its order. */
export function quizOrder(module: string): string[] {
  bank ??= (JSON.parse(readFileSync(join(DATA, 'quiz.json'), 'utf8')) as CompiledQuiz).questions;
  if (!filterBank(bank, { topics: [module], difficulty: [] }).length) return [];
  return select(bank, { topics: [module], difficulty: [], seed: SEED }).map((i) => i.question.id);
}

const QUESTION = /^Question \d+ of \d+ · /m;
export const byId = (items: Item[]) => new Map(items.map((i) => [i.id, i.help]));
export const union = (...lists: HelpKind[][]): HelpKind[] => (['crisis', 'emergency'] as const).filter((k) => lists.some((l) => l.includes(k)));
export const must = (o: Output, what: string) => {
  if (o.status !== 0) throw new Error(`${what}: exit ${o.status}\n${o.stderr}`);
  return o;
};

/** A quiz run over one module's questions: per-question parts and the closing screen. */
export async function quizRun(g: Group, mode: 'practice' | 'exam' | 'present'): Promise<Seen[]> {
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
export function questionHelpOutside(id: string): HelpKind[] {
  const h = everyQuestion?.get(id);
  if (!h) throw new Error(`question ${id}: not in the shipped content`);
  return h;
}
