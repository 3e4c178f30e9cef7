/** Every line the quiz shows fits the width by display width (CJK and emoji two columns), in every view and in the prompt. */
import { describe, expect, it } from 'vitest';
import { render } from '@inquirer/testing';
import { select } from '../../src/quiz/engine.js';
import { runSession, type Ask } from '../../src/quiz/session.js';
import { feedbackView, questionView, reviewView, summaryView } from '../../src/quiz/view.js';
import { score, start, answer } from '../../src/quiz/engine.js';
import { choicePrompt } from '../../src/quiz/prompt.js';
import { makeTheme } from '../../src/render/theme.js';
import { visibleLength } from '../../src/render/wrap.js';
import { question } from './quiz-bank.js';

const WIDE = question('wide-01', 'wide', {
  moduleTitle: '日本語 and emoji 🧠 in the quiz, a title long enough to wrap',
  question: '🧠 質問：ケタミンはどの受容体を遮断しますか？ This question mixes Japanese text and emoji so that its lines wrap at forty and at one hundred columns, and the review with them.',
  choices: [
    { text: 'NMDA受容体（グルタミン酸受容体の一つ）🧠 the glutamate receptor that ketamine blocks, long enough for a second line', correct: true },
    { text: 'GABA-A受容体 💤 the receptor that many sleeping pills act on, which is not the one ketamine blocks here', correct: false, why: 'その受容体ではありません。Ketamine does not block it, as the explanation says.' },
    { text: 'μオピオイド受容体 💊 the receptor that morphine acts on, with a café́ that has two combining marks', correct: false },
  ],
  explanation: 'ケタミンはNMDA受容体を遮断します。The question and its answer are written in two scripts so that the wrapping of wide characters is tested.',
});
const items = select([WIDE], { seed: 'w', shuffle: false });
const item = items[0]!;
const widest = (s: string) => Math.max(...s.split('\n').map(visibleLength));
// A word broken mid-word makes two words the unwrapped text does not have.
const asciiWords = (s: string) => new Set(s.split(/[\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uff60]+/u).filter((w) => /^[A-Za-z]+$/.test(w)));

for (const width of [40, 100]) {
  describe(`quiz screens at ${width} columns`, () => {
    const o = { theme: makeTheme(false), width };
    it('question, feedback, review and score screen: no line wider than the width, no word broken', () => {
      const state = answer(start(items), 1).state;
      const views = (v: typeof o) => [questionView(item, 1, 1, v), questionView(item, 1, 1, v, true), feedbackView(item, 1, v), feedbackView(item, undefined, v), reviewView(item, 1, 1, 1, v), summaryView(score(state), 61_000, 'w', v)];
      const unwrapped = views({ ...o, width: 10_000 });
      views(o).forEach((v, i) => {
        expect(widest(v)).toBeLessThanOrEqual(width);
        expect([...asciiWords(v)].filter((w) => !asciiWords(unwrapped[i]!).has(w))).toEqual([]);
      });
    });

    it('the exam review wraps the question it repeats', async () => {
      const lines: string[] = [];
      const ask: Ask = { echo: false, choose: async () => 0, pause: async () => {}, confirm: async () => false };
      await runSession(items, ask, { out: (s) => lines.push(s), now: () => 0 }, { mode: 'exam', seed: 'w', view: o });
      const review = lines.join('\n').split('Answers')[1]!;
      expect(review).toContain('🧠 質問');
      expect(widest(review)).toBeLessThanOrEqual(width);
    });

    it('the choice prompt wraps each choice under its text, and the key help', async () => {
      const { getScreen, events, answer: chosen } = await render(choicePrompt, { message: 'Q?', choices: WIDE.choices.map((c) => c.text), theme: o.theme, width });
      const screen = getScreen();
      expect(widest(screen)).toBeLessThanOrEqual(width);
      expect(screen).toContain('❯ A) NMDA受容体');
      if (width === 40) expect(screen.split('\n')[2]).toMatch(/^ {5}\S/);
      events.keypress('c');
      await chosen;
      expect(widest(getScreen())).toBeLessThanOrEqual(width);
      expect(getScreen()).toContain('Your answer: C) μオピオイド受容体');
    });
  });
}
