import { describe, expect, it } from 'vitest';
import { keyIndex, select, type QuizItem } from '../../src/quiz/engine.js';
import { runSession, type Ask, type Interrupted } from '../../src/quiz/session.js';
import { makeTheme } from '../../src/render/theme.js';
import { BANK } from './quiz-bank.js';

const view = { theme: makeTheme(false), width: 80 };

/** An ask that answers right or wrong by plan, and says yes to retry `retries` times. */
function plannedAsk(plan: boolean[], retries = 0): Ask & { asked: string[]; pauses: number } {
  let i = 0;
  let r = retries;
  const ask = {
    echo: false,
    asked: [] as string[],
    pauses: 0,
    async choose(item: QuizItem) {
      ask.asked.push(item.question.id);
      const right = plan[i++];
      if (right === undefined) throw Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' });
      return right ? keyIndex(item) : (keyIndex(item) + 1) % item.order.length;
    },
    async pause() {
      ask.pauses++;
    },
    async confirm() {
      return r-- > 0;
    },
  };
  return ask;
}

function io() {
  const lines: string[] = [];
  let t = 1000;
  return { lines, text: () => lines.join('\n'), out: (s: string) => lines.push(s), now: () => (t += 30_500) };
}

describe('quiz session', () => {
  const items = select(BANK, { seed: 'session', count: 3 });

  it('practice: feedback in words and symbols after each answer, then the score screen', async () => {
    const o = io();
    const r = await runSession(items, plannedAsk([true, false, true]), o, { mode: 'practice', seed: 'session', view });
    const text = o.text();
    expect(text.match(/✓ Correct/g)).toHaveLength(2);
    expect(text.match(/✗ Incorrect/g)).toHaveLength(1);
    expect(text).toContain('Why not:');
    expect(text).toContain('Source: Li, N. (2010). A study. Science.');
    expect(text).toContain(`Read more: kap explain ${items[0]!.question.module}`);
    expect(text).toContain('Score: 2 of 3 (67%)');
    expect(text).toMatch(/Time: \d+s · seed session \(same quiz again: --seed session\)/);
    expect(text).toContain('By topic');
    expect(text).toContain('Missed (1)');
    // The feedback for question 1 comes before question 2 is asked: practice mode.
    expect(r).toMatchObject({ seed: 'session', mode: 'practice', interrupted: false, score: { correct: 2, total: 3, percent: 67 }, retries: [] });
    expect(r.score!.questions.map((q) => q.correct)).toEqual([true, false, true]);
  });

  it('exam: no feedback until the end, then every answer reviewed', async () => {
    const o = io();
    const ask = plannedAsk([false, false, true]);
    const order: string[] = [];
    const origChoose = ask.choose;
    ask.choose = async (item: QuizItem) => {
      order.push(`ask:${o.lines.length}`);
      return origChoose(item, 0, 0);
    };
    await runSession(items, ask, o, { mode: 'exam', seed: 's', view });
    expect(o.lines.slice(0, Number(order[2]!.split(':')[1])).join('\n')).not.toMatch(/Correct|Incorrect/);
    const text = o.text();
    expect(text).toContain('Answers');
    expect(text.match(/✗ Incorrect/g)).toHaveLength(2);
    expect(text).toContain('Score: 1 of 3 (33%)');
  });

  it('practice with pause: each feedback waits for a key before the next question, and the last before the score', async () => {
    const o = io();
    const ask = plannedAsk([true, false, true]);
    const events: string[] = [];
    const choose = ask.choose;
    ask.choose = async (item: QuizItem) => (events.push('ask'), choose(item, 0, 0));
    ask.pause = async (message: string) => {
      events.push(`pause after ${/(Correct|Incorrect)/.exec(o.lines[o.lines.length - 1]!)?.[1]}: ${message}`);
    };
    await runSession(items, ask, o, { mode: 'practice', seed: 's', view, pause: true });
    expect(events).toEqual([
      'ask', 'pause after Correct: Press Enter (or any key) for the next question',
      'ask', 'pause after Incorrect: Press Enter (or any key) for the next question',
      'ask', 'pause after Correct: Press Enter (or any key) for the score',
    ]);
    const none = plannedAsk([true, false, true]);
    await runSession(items, none, io(), { mode: 'practice', seed: 's', view, pause: false });
    expect(none.pauses).toBe(0);
    const exam = plannedAsk([true, false, true]);
    await runSession(items, exam, io(), { mode: 'exam', seed: 's', view, pause: true });
    expect(exam.pauses).toBe(0);
  });

  it('retry: the missed questions again, scored as a separate round', async () => {
    const o = io();
    const ask = plannedAsk([false, true, false, true, true], 1);
    const r = await runSession(items, ask, o, { mode: 'practice', seed: 's', view });
    expect(ask.asked.slice(3)).toEqual([items[0]!.question.id, items[2]!.question.id]);
    expect(r.retries).toHaveLength(1);
    expect(r.retries[0]).toMatchObject({ total: 2, correct: 2, percent: 100 });
    // Asked with the choices in another order: the right answer is at another letter.
    expect(r.retries[0]!.questions.map((q) => q.answer)).not.toEqual([r.score!.questions[0]!.answer, r.score!.questions[2]!.answer]);
    r.retries[0]!.questions.forEach((q, i) => expect(q.answer).not.toBe(r.score!.questions[i * 2]!.answer));
    expect(o.text()).toContain('Score: 2 of 2 (100%)');
  });

  it('Ctrl+C: prints the partial score and rethrows with the result attached', async () => {
    const o = io();
    const err = await runSession(items, plannedAsk([true]), o, { mode: 'practice', seed: 's', view }).then(
      () => ({}) as Interrupted,
      (e: Interrupted) => e,
    );
    expect(err.name).toBe('ExitPromptError');
    expect(o.text()).toContain('Stopped after 1 of 3 questions. Score so far: 1 of 1 (100%)');
    expect(err.quizResult).toMatchObject({ interrupted: true, score: { answered: 1, total: 3 } });
  });

  it('Ctrl+C at the pause after the last feedback still records the round', async () => {
    const o = io();
    const ask = plannedAsk([true, false, true]);
    let pauses = 0;
    ask.pause = async () => {
      if (++pauses === 3) throw Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' });
    };
    const err = await runSession(items, ask, o, { mode: 'practice', seed: 's', view, pause: true }).then(
      () => ({}) as Interrupted,
      (e: Interrupted) => e,
    );
    expect(err.quizResult).toMatchObject({ interrupted: true, score: { answered: 3, total: 3, correct: 2 }, retries: [] });
    expect(o.text()).toContain('Stopped after 3 of 3 questions. Score so far: 2 of 3 (67%)');
  });

  it('present: one question at a time, a key reveals the answer, no score', async () => {
    const o = io();
    const ask = plannedAsk([]);
    const r = await runSession(items, ask, o, { mode: 'present', seed: 's', view });
    expect(ask.asked).toEqual([]);
    expect(ask.pauses).toBe(items.length * 2 - 1);
    const text = o.text();
    expect(text).toContain('Question 1 of 3');
    expect(text).toMatch(/\n {2}A\) .*\n\n {2}B\) /);
    expect(text.match(/Answer: [A-C]\) /g)).toHaveLength(3);
    expect(text).not.toContain('Score');
    expect(r.score).toBeNull();
  });

  it('other errors pass through untouched', async () => {
    const ask = plannedAsk([true]);
    ask.choose = async () => {
      throw new Error('boom');
    };
    await expect(runSession(items, ask, io(), { mode: 'practice', seed: 's', view })).rejects.toThrow('boom');
  });
});
