/**
 * What one review session asks, as a pure function of the bank, the schedule and the clock:
 * questions that changed (relearn) and those due, most overdue first; then new ones in the
 * bank's order, up to the daily limit less those started today. Choices are shuffled again on
 * every showing: the order depends on the seed, the question and how often it was answered.
 * A session in another terminal may answer from the same queue: stillToAsk says, just before a
 * question is shown, whether the schedule as it is now still asks it.
 */
import type { CompiledQuestion } from '../store.js';
import type { QuizItem } from '../quiz/engine.js';
import { rngFrom, shuffled } from '../quiz/rng.js';
import { changeReasons, type Fingerprint } from './changes.js';
import { dayKey, type Schedule } from './state.js';

export const DEFAULT_NEW_PER_DAY = 10;

export type Kind = 'changed' | 'due' | 'new';

export interface ReviewItem extends QuizItem {
  kind: Kind;
  fp: Fingerprint;
  /** For a changed question: why it must be relearned. */
  reasons?: string[];
}

export interface QueueOptions {
  now: number;
  newPerDay: number;
  seed: string;
}

export interface Queue {
  items: ReviewItem[];
  due: number;
  changed: number;
  fresh: number;
  /** New questions already started today, and the limit. */
  newToday: number;
  newPerDay: number;
}

export function choiceOrder(q: CompiledQuestion, seed: string, showing: number): number[] {
  return shuffled(q.choices.map((_, i) => i), rngFrom(`${seed}\u0000${q.id}\u0000${showing}`));
}

/** `bank` is already filtered by topic; `fps[i]` is the fingerprint of `bank[i]`. */
export function buildQueue(bank: CompiledQuestion[], fps: Fingerprint[], s: Schedule, o: QueueOptions): Queue {
  const old: { item: ReviewItem; due: number }[] = [];
  const fresh: ReviewItem[] = [];
  bank.forEach((question, i) => {
    const fp = fps[i]!;
    const rec = Object.hasOwn(s.cards, question.id) ? s.cards[question.id] : undefined;
    const order = choiceOrder(question, o.seed, rec?.reviews ?? 0);
    if (!rec) fresh.push({ question, order, kind: 'new', fp });
    else if (rec.fp.h !== fp.h) old.push({ item: { question, order, kind: 'changed', fp, reasons: changeReasons(rec.fp, fp) }, due: -Infinity });
    else if (rec.card.due <= o.now) old.push({ item: { question, order, kind: 'due', fp }, due: rec.card.due });
  });
  old.sort((a, b) => a.due - b.due);
  const newToday = s.newByDay[dayKey(o.now)] ?? 0;
  const room = Math.max(0, o.newPerDay - newToday);
  const items = [...old.map((x) => x.item), ...fresh.slice(0, room)];
  return {
    items,
    due: old.filter((x) => x.item.kind === 'due').length,
    changed: old.filter((x) => x.item.kind === 'changed').length,
    fresh: Math.min(room, fresh.length),
    newToday,
    newPerDay: o.newPerDay,
  };
}

/**
 * Why a queued item is no longer to be asked, from the schedule as it is now (with other
 * sessions' answers folded in); undefined when it still is. Without this, two sessions started
 * together both ask the same new questions and start twice the daily limit between them.
 */
export function staleReason(item: ReviewItem, s: Schedule, now: number, newPerDay: number): string | undefined {
  const id = item.question.id;
  const rec = Object.hasOwn(s.cards, id) ? s.cards[id] : undefined;
  if (item.kind === 'new') {
    if (rec) return 'it was answered in another session';
    const started = s.newByDay[dayKey(now)] ?? 0;
    return started >= newPerDay ? `today's ${newPerDay} new question${newPerDay === 1 ? ' was' : 's were'} started, some in another session` : undefined;
  }
  // No record: the history was reset under this session, and the question is worth asking.
  if (!rec) return undefined;
  if (item.kind === 'changed') return rec.fp.h === item.fp.h ? 'it was relearned in another session' : undefined;
  return rec.card.due > now ? 'it was answered in another session' : undefined;
}
