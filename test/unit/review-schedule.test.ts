/**
 * kap review's scheduling and state logic with a fixed clock, checked against ts-fsrs itself:
 * the fold of a log gives the cards ts-fsrs gives for the same answers; the rating rule; the
 * daily limit; fingerprints (cosmetic edits keep history, key and evidence changes do not).
 */
import { describe, expect, it } from 'vitest';
import { createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import { next, newCard, stepper, toStored } from '../../src/review/schedule.js';
import { applyEntry, emptySchedule, gradeFor, parseEntry, parseSchedule, type LogEntry } from '../../src/review/state.js';
import { fingerprint, normalise, type ClaimLike, type QuestionLike } from '../../src/review/fingerprint.js';
import { changeReasons } from '../../src/review/changes.js';
import { buildQueue, choiceOrder, staleReason } from '../../src/review/queue.js';
import { computeStats } from '../../src/review/stats.js';
import { keep } from '../../src/review/backup.js';
import { inWords } from '../../src/review/view.js';
import type { CompiledQuestion } from '../../src/store.js';
import type { ReviewItem } from '../../src/review/queue.js';

const T0 = Date.parse('2026-12-01T09:00:00Z');
const DAY = 86_400_000;

function question(id: string, module = 'm1', over: Partial<CompiledQuestion> = {}): CompiledQuestion {
  return {
    id,
    module,
    moduleTitle: module.toUpperCase(),
    tags: [],
    difficulty: 'easy',
    question: `What is ${id}?`,
    choices: [
      { text: `The key of ${id}`, correct: true },
      { text: 'Wrong one', correct: false, why: 'no' },
      { text: 'Wrong two', correct: false, why: 'no' },
    ],
    explanation: 'Because.',
    sources: [{ key: 'src1', inText: '(A, 2020)', reference: 'A. 2020.' }],
    ...over,
  };
}

const claims: ClaimLike[] = [
  { id: 'c1', module: 'm1', certainty: 'moderate', sources: [{ key: 'src1' }] },
  { id: 'c2', module: 'm1', certainty: 'low', sources: [{ key: 'other' }] },
  { id: 'c3', module: 'm2', certainty: 'high', sources: [{ key: 'src1' }] },
];

function entry(q: CompiledQuestion, t: number, ok: boolean, g = gradeFor(ok), r = 0.9): LogEntry {
  return { v: 1, t, q: q.id, m: q.module, fp: fingerprint(q, claims.filter((c) => c.module === q.module)), g, ok, r, s: 'test' };
}

describe('rating rule', () => {
  it('wrong is Again, right is Good, right after a changed choice is Hard, wrong is never Hard', () => {
    expect(gradeFor(false)).toBe(Rating.Again);
    expect(gradeFor(false, true)).toBe(Rating.Again);
    expect(gradeFor(true)).toBe(Rating.Good);
    expect(gradeFor(true, true)).toBe(Rating.Hard);
  });
});

describe('scheduling against ts-fsrs directly (fixed clock)', () => {
  it('a sequence of answers gives the cards ts-fsrs gives, dates as epoch ms', () => {
    const f = fsrs({ request_retention: 0.9 });
    let ref = createEmptyCard(new Date(T0));
    let ours = newCard(T0);
    expect(ours).toEqual(toStored(ref));
    const answers: [number, boolean][] = [[0, true], [10 * 60_000, true], [2 * DAY, true], [5 * DAY, false], [5 * DAY + 600_000, true], [9 * DAY, true]];
    for (const [dt, ok] of answers) {
      const t = T0 + dt;
      ref = f.next(ref, new Date(t), ok ? Rating.Good : Rating.Again).card;
      ours = next(ours, t, gradeFor(ok), 0.9);
      expect(ours.due).toBe(ref.due.getTime());
      expect(ours.stability).toBe(ref.stability);
      expect(ours.difficulty).toBe(ref.difficulty);
      expect(ours.state).toBe(ref.state);
      expect(typeof ours.last_review).toBe('number');
    }
  });

  it('the defaults are ts-fsrs defaults: a new card answered Good is in learning for 10 minutes', () => {
    const c = next(newCard(T0), T0, 3);
    expect(c.due - T0).toBe(10 * 60_000);
    expect(c.state).toBe(1);
  });

  it('a higher retention brings a learned card back sooner', () => {
    let a = newCard(T0);
    let b = newCard(T0);
    for (const dt of [0, 600_000, 2 * DAY]) {
      a = next(a, T0 + dt, 3, 0.9);
      b = next(b, T0 + dt, 3, 0.97);
    }
    const ref = fsrs({ request_retention: 0.97 });
    let r = createEmptyCard(new Date(T0));
    for (const dt of [0, 600_000, 2 * DAY]) r = ref.next(r, new Date(T0 + dt), Rating.Good).card;
    expect(b.due).toBe(r.due.getTime());
    expect(b.due).toBeLessThan(a.due);
  });

  it('folding the log equals answering card by card, and rebuilding gives the same schedule', () => {
    const q1 = question('q1');
    const q2 = question('q2', 'm2');
    const log = [entry(q1, T0, true), entry(q2, T0, false), entry(q1, T0 + 600_000, true), entry(q2, T0 + DAY, true), entry(q1, T0 + 3 * DAY, true, 2)];
    const s = emptySchedule();
    for (const e of log) applyEntry(s, e, stepper);
    let c1 = newCard(T0);
    for (const e of log.filter((e) => e.q === 'q1')) c1 = next(c1, e.t, e.g);
    expect(s.cards.q1!.card).toEqual(c1);
    expect(s.cards.q1!.reviews).toBe(3);
    expect(s.entries).toBe(5);
    expect(s.newByDay['2026-12-01']).toBe(2);
    const again = emptySchedule();
    for (const e of JSON.parse(JSON.stringify(log)) as LogEntry[]) applyEntry(again, e, stepper);
    expect(again).toEqual(s);
  });
});

describe('answers out of time order', () => {
  it('(sessions at once, a clock set back) fold without error, as if given at the last review', () => {
    const q = question('q1');
    const s = emptySchedule();
    for (const t of [T0 + 3 * DAY, T0 + 3 * DAY + 600_000, T0 + DAY, T0]) applyEntry(s, entry(q, t, true), stepper);
    expect(s.cards.q1!.reviews).toBe(4);
    expect(s.cards.q1!.card.last_review).toBe(T0 + 3 * DAY + 600_000);
  });
});

describe('fingerprints: what a question teaches', () => {
  const q = question('q1');
  const fp = fingerprint(q, claims.filter((c) => c.module === 'm1'));

  it('rests on the claims of its module that cite one of its sources', () => {
    expect(fp.evidence).toEqual(['c1 moderate src1']);
  });

  it('a cosmetic change (case, spacing, punctuation, explanation, distractors) keeps the fingerprint', () => {
    const cosmetic = question('q1', 'm1', {
      question: 'what  is Q1 ?',
      explanation: 'Another explanation entirely.',
      choices: [{ text: 'the key of q1.', correct: true }, { text: 'A new distractor', correct: false, why: 'x' }, { text: 'Wrong two', correct: false }],
      difficulty: 'hard',
    });
    expect(fingerprint(cosmetic, claims.filter((c) => c.module === 'm1')).h).toBe(fp.h);
    expect(normalise('Ketamine "may" …')).toBe('ketamine may');
  });

  it('a new key, a source or a claim certainty change it, with the reason', () => {
    const newKey = question('q1', 'm1', { choices: [{ text: 'Another answer', correct: true }, ...q.choices.slice(1)] });
    expect(changeReasons(fp, fingerprint(newKey, claims))).toEqual(['its answer changed']);
    const moved = question('q1', 'm1', { sources: [{ key: 'other', inText: '', reference: '' }] });
    const r = changeReasons(fp, fingerprint(moved, claims.filter((c) => c.module === 'm1')));
    expect(r).toContain('its sources changed (+other, -src1)');
    expect(r).toContain('it now rests on claim c2 (certainty low)');
    const weaker = claims.map((c) => (c.id === 'c1' ? { ...c, certainty: 'low' } : c)).filter((c) => c.module === 'm1');
    expect(changeReasons(fp, fingerprint(q, weaker))).toEqual(['the certainty of claim c1 changed from moderate to low']);
    const resourced = claims.map((c) => (c.id === 'c1' ? { ...c, sources: [{ key: 'src1' }, { key: 'new' }] } : c)).filter((c) => c.module === 'm1');
    expect(changeReasons(fp, fingerprint(q, resourced))).toEqual(['the sources of claim c1 changed']);
  });

  it('a changed question is relearned from a new card when next answered, and says why', () => {
    const s = emptySchedule();
    applyEntry(s, entry(q, T0, true), stepper);
    applyEntry(s, entry(q, T0 + 600_000, true), stepper);
    const newKey = question('q1', 'm1', { choices: [{ text: 'Another answer', correct: true }, ...q.choices.slice(1)] });
    applyEntry(s, entry(newKey, T0 + 2 * DAY, true), stepper);
    expect(s.cards.q1!.relearned).toBe(1);
    expect(s.cards.q1!.reasons).toEqual(['its answer changed']);
    expect(s.cards.q1!.card).toEqual(next(newCard(T0 + 2 * DAY), T0 + 2 * DAY, 3));
  });
});

describe('the session queue', () => {
  const bank = [question('a'), question('b'), question('c'), question('d'), question('e')];
  const fps = bank.map((q) => fingerprint(q, claims.filter((c) => c.module === q.module)));

  it('due first (most overdue first), then new up to the daily limit less those started today', () => {
    const s = emptySchedule();
    applyEntry(s, entry(bank[2]!, T0 - 3 * DAY, true), stepper);
    applyEntry(s, entry(bank[3]!, T0 - 2 * DAY, true), stepper);
    applyEntry(s, entry(bank[0]!, T0, true), stepper); // due in 10 minutes: not yet
    s.newByDay['2026-12-01'] = 1;
    const q = buildQueue(bank, fps, s, { now: T0 + 60_000, newPerDay: 2, seed: 'x' });
    expect(q.items.map((i) => `${i.question.id}:${i.kind}`)).toEqual(['c:due', 'd:due', 'b:new']);
    expect(q.newToday).toBe(1);
    expect(buildQueue(bank, fps, s, { now: T0 + 60_000, newPerDay: 0, seed: 'x' }).items.filter((i) => i.kind === 'new')).toEqual([]);
  });

  it('a changed question comes first, with its reason; relearned in another session, it is not asked again', () => {
    const s = emptySchedule();
    applyEntry(s, entry(bank[1]!, T0, true), stepper);
    const changed = [...bank];
    changed[1] = question('b', 'm1', { choices: [{ text: 'New key', correct: true }, ...bank[1]!.choices.slice(1)] });
    const fps2 = changed.map((q) => fingerprint(q, claims.filter((c) => c.module === q.module)));
    const q = buildQueue(changed, fps2, s, { now: T0 + 1000, newPerDay: 10, seed: 'x' });
    expect(q.items[0]!.kind).toBe('changed');
    expect(q.items[0]!.reasons).toEqual(['its answer changed']);
    // Relearned in another session meanwhile: no longer asked here.
    expect(staleReason(q.items[0]!, s, T0 + 1000, 10)).toBeUndefined();
    applyEntry(s, { ...entry(changed[1]!, T0 + 2000, true), fp: fps2[1]! }, stepper);
    expect(staleReason(q.items[0]!, s, T0 + 3000, 10)).toBe('it was relearned in another session');
  });

  it('a queued question another session answered meanwhile is no longer asked; nor new ones past the daily limit', () => {
    const s = emptySchedule();
    applyEntry(s, entry(bank[2]!, T0 - 3 * DAY, true), stepper);
    const q = buildQueue(bank, fps, s, { now: T0, newPerDay: 3, seed: 'x' });
    expect(q.items.map((i) => `${i.question.id}:${i.kind}`)).toEqual(['c:due', 'a:new', 'b:new', 'd:new']);
    const [due, a, b, d] = q.items as [ReviewItem, ReviewItem, ReviewItem, ReviewItem];
    for (const item of q.items) expect(staleReason(item, s, T0, 3)).toBeUndefined();
    // Another session answers c (now due later) and a, and starts e: three new today with a.
    const other = (question: CompiledQuestion) => {
      applyEntry(s, entry(question, T0 + 1000, true), stepper);
    };
    other(bank[2]!);
    other(bank[0]!);
    expect(staleReason(due, s, T0 + 2000, 3)).toBe('it was answered in another session');
    expect(staleReason(a, s, T0 + 2000, 3)).toBe('it was answered in another session');
    expect(staleReason(b, s, T0 + 2000, 3)).toBeUndefined();
    other(bank[4]!);
    s.newByDay['2026-12-01'] = 3;
    expect(staleReason(b, s, T0 + 2000, 3)).toBe("today's 3 new questions were started, some in another session");
    expect(staleReason(d, s, T0 + 2000, 1)).toBe("today's 1 new question was started, some in another session");
    // The next day has room again; a reset (no record of a due one) asks it.
    expect(staleReason(b, s, T0 + DAY, 3)).toBeUndefined();
    expect(staleReason(due, emptySchedule(), T0 + 2000, 3)).toBeUndefined();
  });

  it('choices are shuffled again on every showing', () => {
    const big = question('big', 'm1', { choices: 'abcde'.split('').map((t, i) => ({ text: t, correct: i === 0 })) });
    const orders = new Set(Array.from({ length: 8 }, (_, n) => choiceOrder(big, 'seed', n).join('')));
    expect(orders.size).toBeGreaterThan(3);
    expect(choiceOrder(big, 'seed', 2)).toEqual(choiceOrder(big, 'seed', 2));
  });
});

describe('stats', () => {
  it('counts new, learning, due and learned per module, and keeps removed questions', () => {
    const bank = [question('a'), question('b'), question('c', 'm2')];
    const fps = bank.map((q) => fingerprint(q, claims.filter((c) => c.module === q.module)));
    const s = emptySchedule();
    applyEntry(s, entry(bank[0]!, T0, true), stepper); // learning
    for (const dt of [0, 600_000]) applyEntry(s, entry(bank[2]!, T0 + dt, true), stepper); // review, due in days
    applyEntry(s, entry(question('gone'), T0, false), stepper);
    const st = computeStats(bank, fps, s, T0 + 60_000);
    expect(st.modules.find((m) => m.module === 'm1')).toMatchObject({ total: 2, new: 1, learning: 1, due: 0, learned: 0 });
    expect(st.modules.find((m) => m.module === 'm2')).toMatchObject({ total: 1, new: 0, learned: 1 });
    expect(st.removed).toEqual({ questions: 1, answers: 1, ids: ['gone'] });
    expect(st.dueToday).toBe(1);
    expect(st.dueThisWeek).toBe(2);
    // One topic's stats: the other topics' questions are not "removed".
    const m2 = computeStats(bank.slice(2), fps.slice(2), s, T0 + 60_000, new Set(bank.map((q) => q.id)));
    expect(m2.removed.ids).toEqual(['gone']);
    const later = computeStats(bank, fps, s, T0 + 20 * DAY);
    expect(later.totals.due).toBe(2);
  });
});

describe('files are checked before they are trusted', () => {
  it('damaged, empty and future schedules are told apart', () => {
    expect(parseSchedule('')).toMatchObject({ ok: false, why: 'empty' });
    expect(parseSchedule('{"format":"kap-review-schedule","version":1,"logSi')).toMatchObject({ ok: false, why: 'damaged' });
    expect(parseSchedule('{"format":"kap-review-schedule","version":2}')).toMatchObject({ ok: false, why: 'future' });
    expect(parseSchedule(JSON.stringify({ ...emptySchedule(), cards: { x: { module: 'm' } } }))).toMatchObject({ ok: false, why: 'damaged' });
    expect(parseSchedule(JSON.stringify(emptySchedule()))).toMatchObject({ ok: true });
  });

  it('log lines: damaged, from a newer kap, or good', () => {
    const good = JSON.stringify(entry(question('a'), T0, true));
    expect(parseEntry(good).ok).toBe(true);
    expect(parseEntry(good.slice(0, 40))).toEqual({ ok: false, why: 'damaged' });
    expect(parseEntry(JSON.stringify({ ...JSON.parse(good), v: 2 }))).toEqual({ ok: false, why: 'future' });
    expect(parseEntry(JSON.stringify({ ...JSON.parse(good), g: 4 }))).toEqual({ ok: false, why: 'damaged' });
    expect(parseEntry(JSON.stringify({ ...JSON.parse(good), q: '__proto__' }))).toEqual({ ok: false, why: 'damaged' });
  });
});

describe('backups: daily, weekly, monthly', () => {
  it('keeps the last 7 days, the newest of 4 weeks and of 12 months', () => {
    const days: string[] = [];
    for (let t = Date.parse('2025-01-01T12:00:00Z'); t <= Date.parse('2026-12-01T12:00:00Z'); t += DAY) days.push(new Date(t).toISOString().slice(0, 10));
    const k = [...keep(days)].sort();
    expect(k.filter((d) => d >= '2026-11-25')).toEqual(['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01']);
    expect(k).toContain('2026-11-22'); // Sunday: newest of the week before
    expect(k).toContain('2026-10-31'); // newest of October
    expect(k).toContain('2026-01-31');
    expect(k).not.toContain('2025-12-31'); // the 13th month back
    expect(k.length).toBeLessThanOrEqual(7 + 4 + 12);
  });
});

describe('when a question comes back, in words', () => {
  it('minutes, hours, days, months', () => {
    expect(inWords(10 * 60_000)).toBe('in 10 minutes');
    expect(inWords(3 * DAY)).toBe('in 3 days');
    expect(inWords(DAY)).toBe('in 1 day');
    expect(inWords(90 * DAY)).toBe('in 3 months');
  });
});
