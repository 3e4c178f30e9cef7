/** Which questions a quiz or an export shows, from the selection options both take. */
import type { Ctx } from '../context.js';
import { NotFoundError, UsageError } from '../errors.js';
import { DIFFICULTIES, type Difficulty } from '../content/model.js';
import { readBank } from './bank.js';
import { clean } from '../text/sanitize.js';
import { filterBank, selectFrom, type QuizItem, type Selectable, type SelectOptions } from './engine.js';
import { quizTopics } from './topics.js';

export interface SelectionFlags {
  topic?: string[];
  count?: number;
  seed?: string;
  difficulty?: string[];
  shuffle?: boolean;
}

const list = (values: string[] | undefined) => (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

/**
 * A short, readable seed. The quiz is drawn from the seed (engine.ts, no Math.random there), so
 * the seed alone repeats it; making one needs no more than a different one each run. Math.random
 * gives that: V8 seeds it from Node's entropy source in every process. node:crypto's randomBytes
 * did the same at a cost of ~13M instructions to load it (with node:stream): callgrind, `kap quiz
 * --answers A,B,C` 121.0M -> ~107M.
 */
export function newSeed(): string {
  const abc = 'abcdefghjkmnpqrstuvwxyz23456789';
  let seed = '';
  for (let i = 0; i < 6; i++) seed += abc[Math.floor(Math.random() * abc.length)];
  return seed;
}

/** `at`: each item's place in the bank; `quizBytes`: the bank's (bank.ts). */
export interface Picked {
  items: QuizItem[];
  seed: string;
  at: number[];
  quizBytes?: number;
}

/** An item whose order is its pick's, read when first needed (selectFrom's `lazy`). */
class LazyItem implements QuizItem {
  constructor(
    readonly question: QuizItem['question'],
    private readonly picked: { order: number[] },
  ) {}

  get order(): number[] {
    return this.picked.order;
  }
}

/** `lazy`: orders worked out as each question is first shown (a quiz in a terminal); an export needs them all at once. */
export function pick(ctx: Ctx, f: SelectionFlags, lazy = false): Picked {
  const bank = readBank(ctx.dataDir);
  const opts = selectionOf(ctx, f, bank.entries);
  const picked = selectFrom(bank.entries, opts, bank.choices, lazy);
  // indexOf, not a Map of the bank: the search is the engine's own loop, while building the Map
  // ran a function per question (~0.2M instructions of a three-question quiz).
  const at = picked.map(({ of }) => bank.entries.indexOf(of));
  return { items: picked.map((p) => (lazy ? new LazyItem(bank.question(p.of), p) : { question: bank.question(p.of), order: p.order })), seed: opts.seed, at, quizBytes: bank.quizBytes };
}

/** The selection options the flags give, checked (a usage error, or no question matching them); the seed made when not given. */
export function selectionOf(ctx: Ctx, f: SelectionFlags, entries: Selectable[]): SelectOptions {
  const topics = quizTopics(entries, ctx.catalog, list(f.topic));
  const difficulty = list(f.difficulty).map((d) => d.toLowerCase());
  const badLevel = difficulty.find((d) => !(DIFFICULTIES as readonly string[]).includes(d));
  if (badLevel) throw new UsageError(`--difficulty: "${clean(badLevel)}" is not one of ${DIFFICULTIES.join(', ')}`);
  if (!filterBank(entries, { topics, difficulty: difficulty as Difficulty[] }).length) throw new NotFoundError('no quiz questions match these --topic and --difficulty options');
  return { topics, difficulty: difficulty as Difficulty[], count: f.count, seed: f.seed ?? newSeed(), shuffle: f.shuffle };
}
