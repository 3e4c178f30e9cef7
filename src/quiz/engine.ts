/**
 * The quiz, as pure functions: select questions (seeded), shuffle choices, record answers,
 * score, and pick the missed ones to retry. No I/O, no clock, no Math.random.
 */
import type { Difficulty } from '../content/model.js';
import type { CompiledQuestion } from '../store.js';
import { hashSeed, hashSeeds, rngFrom, sfc32, shuffled } from './rng.js';

export const LETTERS = 'ABCDE';

export interface SelectOptions {
  /** Module ids or module tags; empty = every topic. */
  topics?: string[];
  difficulty?: Difficulty[];
  count?: number;
  seed: string;
  /** false: the bank's order of questions and the written order of choices. */
  shuffle?: boolean;
}

/** A question as shown: `order[i]` is the index in `question.choices` of shown choice i. */
export interface QuizItem {
  question: CompiledQuestion;
  order: number[];
}

/** Topics (module ids or tags) that match no question: for a helpful error. */
export function unknownTopics(bank: Selectable[], topics: string[]): string[] {
  return topics.filter((t) => !bank.some((q) => q.module === t || q.tags.includes(t)));
}

/** What selecting needs of a question: a compiled one, or its entry in the bank's index (bank.ts). */
export interface Selectable {
  id: string;
  module: string;
  tags: string[];
  difficulty: Difficulty;
}

export function filterBank<Q extends Selectable>(bank: Q[], opts: Pick<SelectOptions, 'topics' | 'difficulty'>): Q[] {
  const topics = opts.topics ?? [];
  const levels = opts.difficulty ?? [];
  return bank.filter(
    (q) => (!topics.length || topics.some((t) => q.module === t || q.tags.includes(t))) && (!levels.length || levels.includes(q.difficulty)),
  );
}

/**
 * Same bank + same options = same questions, order and choice order. Each question's choices
 * are shuffled by its own stream (seed + id), so they do not change with the selection.
 */
export function select(bank: CompiledQuestion[], opts: SelectOptions): QuizItem[] {
  return selectFrom(bank, opts, (q) => q.choices.length).map(({ of, order }) => ({ question: of, order }));
}

/**
 * select() over any questions, given how many choices each has: the bank's index picks without
 * reading the questions. `lazy`: each order is worked out when first read (a quiz in a terminal
 * shows its first question before the other 148 orders are needed), with the same numbers.
 */
export function selectFrom<Q extends Selectable>(bank: Q[], opts: SelectOptions, choices: (q: Q) => number, lazy = false): { of: Q; order: number[] }[] {
  const picked = selectEntries(bank, opts);
  const shuffle = opts.shuffle !== false;
  if (lazy && shuffle) return picked.map((q) => new LazyOrder(q, `${opts.seed}\u0000${q.id}`, choices(q)));
  // Every question's own stream, hashed at once (hashSeeds: many are hashed faster together).
  const hashes = shuffle ? hashSeeds(picked.map((q) => `${opts.seed}\u0000${q.id}`)) : [];
  return picked.map((q, n) => {
    const written = writtenOrder(choices(q));
    return { of: q, order: shuffle ? shuffled(written, sfc32(hashes[n]!)) : written };
  });
}

/** The questions selectFrom() picks, in its order, without their choices' orders (a reader that works those out itself: markdown-bank.ts). */
export function selectEntries<Q extends Selectable>(bank: Q[], opts: SelectOptions): Q[] {
  const pool = filterBank(bank, opts);
  const ordered = opts.shuffle !== false ? shuffled([...pool].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), sfc32(hashSeed(opts.seed))) : pool;
  return ordered.slice(0, opts.count && opts.count > 0 ? opts.count : ordered.length);
}

/**
 * 0, 1, … n-1: the written order of n choices. A loop, not Array.from({ length }, fn), which
 * calls its function through the array-like path: ~2,000 instructions more an order in a fresh
 * process (0.3M over the bank).
 */
function writtenOrder(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(i);
  return out;
}

/** A pick whose order is shuffled on first read, by hashSeed (what hashSeeds gives for one text). */
class LazyOrder<Q> {
  #order: number[] | undefined;
  constructor(
    readonly of: Q,
    private readonly seed: string,
    private readonly choices: number,
  ) {}

  get order(): number[] {
    return (this.#order ??= shuffled(writtenOrder(this.choices), sfc32(hashSeed(this.seed))));
  }
}

/** The shown position of the key. */
export function keyIndex(item: QuizItem): number {
  return item.order.findIndex((i) => item.question.choices[i]!.correct);
}

export function choiceAt(item: QuizItem, shown: number) {
  return item.question.choices[item.order[shown]!]!;
}

/** "B", "b", "2" → 1; anything else (or out of range) → undefined. */
export function parseAnswer(text: string, choices: number): number | undefined {
  const t = text.trim().toUpperCase();
  const i = /^[A-E]$/.test(t) ? LETTERS.indexOf(t) : /^[1-5]$/.test(t) ? Number(t) - 1 : -1;
  return i >= 0 && i < choices ? i : undefined;
}

/** What is wrong with a scripted answer to a question of `choices` choices (undefined: nothing). `shown`: the answer as it may be echoed. */
export function answerProblem(shown: string, raw: string, choices: number): string | undefined {
  if (parseAnswer(raw, choices) !== undefined) return undefined;
  return `"${shown}" is not one of ${LETTERS.slice(0, choices).split('').join(', ')} (or 1-${choices})`;
}

export interface Answer {
  id: string;
  /** Shown index chosen. */
  chosen: number;
  correct: boolean;
}

export interface QuizState {
  items: QuizItem[];
  answers: Answer[];
}

export function start(items: QuizItem[]): QuizState {
  return { items, answers: [] };
}

export function current(state: QuizState): QuizItem | undefined {
  return state.items[state.answers.length];
}

export function answer(state: QuizState, chosen: number): { state: QuizState; answer: Answer } {
  const item = current(state);
  if (!item) throw new Error('the quiz is over');
  if (!Number.isInteger(chosen) || chosen < 0 || chosen >= item.order.length) throw new RangeError(`no choice ${chosen}`);
  const a: Answer = { id: item.question.id, chosen, correct: chosen === keyIndex(item) };
  return { state: { items: state.items, answers: [...state.answers, a] }, answer: a };
}

export interface TopicScore {
  module: string;
  title: string;
  correct: number;
  total: number;
}

export interface Score {
  correct: number;
  answered: number;
  total: number;
  /** Of the questions answered, rounded to a whole number; 0 when none. */
  percent: number;
  byTopic: TopicScore[];
  missed: { item: QuizItem; chosen: number }[];
}

export function score(state: QuizState): Score {
  const byTopic = new Map<string, TopicScore>();
  const missed: Score['missed'] = [];
  state.answers.forEach((a, i) => {
    const item = state.items[i]!;
    const q = item.question;
    const t = byTopic.get(q.module) ?? { module: q.module, title: q.moduleTitle, correct: 0, total: 0 };
    t.total++;
    if (a.correct) t.correct++;
    else missed.push({ item, chosen: a.chosen });
    byTopic.set(q.module, t);
  });
  const correct = state.answers.filter((a) => a.correct).length;
  const answered = state.answers.length;
  return {
    correct,
    answered,
    total: state.items.length,
    percent: answered ? Math.round((100 * correct) / answered) : 0,
    byTopic: [...byTopic.values()],
    missed,
  };
}

/**
 * The missed questions, in the order they were asked, for another round: each with its choices
 * in a new order and the right one at another letter, so that the retry asks for the answer, not
 * the letter remembered. Seeded (seed, round, question), like the first round.
 */
export function retryItems(state: QuizState, seed: string, round = 1): QuizItem[] {
  return score(state).missed.map(({ item }) => {
    const order = shuffled(item.order, rngFrom(`${seed}\u0000retry ${round}\u0000${item.question.id}`));
    const k = order.findIndex((i) => item.question.choices[i]!.correct);
    if (k === keyIndex(item) && order.length > 1) {
      const j = (k + 1) % order.length;
      [order[k], order[j]] = [order[j]!, order[k]!];
    }
    return { question: item.question, order };
  });
}
