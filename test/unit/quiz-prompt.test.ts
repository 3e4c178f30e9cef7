import { describe, expect, it } from 'vitest';
import { render } from '@inquirer/testing';
import { choicePrompt, pausePrompt } from '../../src/quiz/prompt.js';
import { makeTheme } from '../../src/render/theme.js';

const theme = makeTheme(false);
const config = { message: 'Which receptor?', choices: ['NMDA', 'GABA-A', 'Mu-opioid'], theme };

describe('choice prompt (inquirer)', () => {
  it('shows lettered choices and a key help line; arrow keys and Enter choose', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, config);
    expect(getScreen()).toContain('❯ A) NMDA');
    expect(getScreen()).toContain('  B) GABA-A');
    expect(getScreen()).toContain('press A-C (1-3)');
    events.keypress('down');
    events.keypress('down');
    expect(getScreen()).toContain('❯ C) Mu-opioid');
    events.keypress('up');
    events.keypress('enter');
    await expect(answer).resolves.toBe(1);
    expect(getScreen()).toContain('Your answer: B) GABA-A');
  });

  it("a choice's letter or number answers at once; other keys are ignored", async () => {
    const a = await render(choicePrompt, config);
    a.events.keypress('z');
    a.events.keypress('9');
    a.events.keypress('c');
    await expect(a.answer).resolves.toBe(2);
    const n = await render(choicePrompt, config);
    n.events.keypress('2');
    await expect(n.answer).resolves.toBe(1);
  });

  it('Ctrl+C rejects with ExitPromptError (cli.ts maps it to exit 130)', async () => {
    const { answer, events } = await render(choicePrompt, config);
    events.keypress({ name: 'c', ctrl: true });
    await expect(answer).rejects.toMatchObject({ name: 'ExitPromptError' });
  });
});

describe('pause prompt (present mode, practice feedback)', () => {
  it('waits for Enter, Space or any other key, not a Ctrl or Alt one', async () => {
    const { answer, events, getScreen } = await render(pausePrompt, { message: 'Press Enter or Space to reveal the answer', theme });
    expect(getScreen()).toContain('Press Enter or Space to reveal');
    let done = false;
    void answer.then(() => (done = true));
    events.keypress({ name: 'x', ctrl: true });
    events.keypress({ name: 'x', meta: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    events.keypress('x');
    await expect(answer).resolves.toBeUndefined();
    for (const key of ['enter', 'space']) {
      const p = await render(pausePrompt, { message: 'Press a key', theme });
      p.events.keypress(key);
      await expect(p.answer).resolves.toBeUndefined();
    }
  });

  it('Ctrl+C still stops the quiz', async () => {
    const { answer, events } = await render(pausePrompt, { message: 'Press a key', theme });
    events.keypress({ name: 'c', ctrl: true });
    await expect(answer).rejects.toMatchObject({ name: 'ExitPromptError' });
  });
});
