/** Keys around the first question painted before its prompt (src/quiz/first-keys.ts). */
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { holdKeys } from '../../src/quiz/first-keys.js';
import { choicePrompt } from '../../src/quiz/prompt.js';
import { makeTheme } from '../../src/render/theme.js';

function fakeTerminal() {
  const modes: boolean[] = [];
  const stdin = Object.assign(new PassThrough(), {
    isTTY: true,
    isRaw: false,
    setRawMode(m: boolean) {
      modes.push(m);
      stdin.isRaw = m;
      return stdin;
    },
  });
  return { stdin: stdin as unknown as NodeJS.ReadStream & PassThrough, modes };
}
const output = () => Object.assign(new PassThrough(), { columns: 80, isTTY: true }).resume() as unknown as NodeJS.WritableStream;
const config = { message: 'Which receptor?', choices: ['NMDA', 'GABA-A', 'Mu-opioid'], theme: makeTheme(false) };

describe('keys held for the first question', () => {
  it('drops what was typed before the question was shown, keeps what came after for its prompt', async () => {
    const { stdin, modes } = fakeTerminal();
    stdin.write('a');
    const keys = await holdKeys(stdin);
    expect(modes).toEqual([true]);
    // Pressed once the question is on screen, before the prompt is loaded.
    stdin.write('c');
    await new Promise((r) => setImmediate(r));
    const answer = choicePrompt(config, { input: keys, output: output() });
    await expect(answer).resolves.toBe(2);
    // The prompt is done: raw mode off, the terminal's stream left for the next prompt.
    expect(modes.at(-1)).toBe(false);
    expect(stdin.listenerCount('data')).toBe(0);
  });

  it('keys pressed while the prompt is up reach it', async () => {
    const { stdin } = fakeTerminal();
    const keys = await holdKeys(stdin);
    const answer = choicePrompt(config, { input: keys, output: output() });
    setTimeout(() => stdin.write('2'), 5);
    await expect(answer).resolves.toBe(1);
  });
});
