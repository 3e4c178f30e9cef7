/**
 * Scheduling by FSRS (ts-fsrs, its default parameters; only the desired retention can change).
 * A wrong answer is Again and a right one Good; a right answer after changing one's choice is
 * Hard (FSRS reads Hard as a pass, so a wrong answer is never Hard). Cards are stored with
 * epoch-millisecond dates. Loaded lazily: start-up never needs it.
 */
import { changeReasons } from './changes.js';
import type { Stepper } from './state.js';
import { createEmptyCard, fsrs, type Card, type FSRS, type Grade as FsrsGrade, type State } from 'ts-fsrs';

export const DEFAULT_RETENTION = 0.9;

/** A ts-fsrs card as stored: the same fields, dates as epoch ms. */
export interface StoredCard {
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  reps: number;
  lapses: number;
  learning_steps: number;
  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  last_review?: number;
}

/** Again 1, Hard 2, Good 3 (ts-fsrs Rating; Easy is never given). */
export type Grade = 1 | 2 | 3;

const schedulers = new Map<number, FSRS>();
function scheduler(retention: number): FSRS {
  let f = schedulers.get(retention);
  if (!f) schedulers.set(retention, (f = fsrs({ request_retention: retention })));
  return f;
}

export function toStored(c: Card): StoredCard {
  const out: StoredCard = {
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    reps: c.reps,
    lapses: c.lapses,
    learning_steps: c.learning_steps,
    state: c.state,
  };
  if (c.last_review) out.last_review = new Date(c.last_review).getTime();
  return out;
}

export function fromStored(s: StoredCard): Card {
  return { ...s, due: new Date(s.due), state: s.state as State, last_review: s.last_review === undefined ? undefined : new Date(s.last_review) };
}

export function newCard(t: number): StoredCard {
  return toStored(createEmptyCard(new Date(t)));
}

/** The card after an answer at time t. */
export function next(card: StoredCard, t: number, grade: Grade, retention = DEFAULT_RETENTION): StoredCard {
  return toStored(scheduler(retention).next(fromStored(card), new Date(t), grade as FsrsGrade).card);
}


/** The FSRS step and change reasons, as the fold needs them (state.ts stays free of ts-fsrs). */
export const stepper: Stepper = { newCard, next, changeReasons };
