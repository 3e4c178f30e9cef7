/**
 * The terminal UI of `kap quiz`: the only file that imports inquirer (loaded lazily, so other
 * commands never pay for it). Choices move with the arrow keys and are picked with Enter, or
 * at once by pressing their letter or number.
 */
import { createPrompt, isDownKey, isEnterKey, isUpKey, useKeypress, useState } from '@inquirer/core';
import { confirm } from '@inquirer/prompts';
import type { Theme } from '../render/theme.js';
import { wrapLines } from '../render/wrap.js';
import { parseAnswer, type QuizItem } from './engine.js';
import type { Ask } from './session.js';
import { choiceConfig, choiceView, type ChoiceConfig } from './prompt-view.js';

export const choicePrompt = createPrompt<number, ChoiceConfig>((config, done) => {
  const { choices } = config;
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  useKeypress((key, rl) => {
    if (chosen !== undefined) return;
    const pick = (i: number) => {
      setActive(i);
      setChosen(i);
      done(i);
    };
    if (isEnterKey(key)) return pick(active);
    if (isUpKey(key)) setActive((active - 1 + choices.length) % choices.length);
    else if (isDownKey(key)) setActive((active + 1) % choices.length);
    else {
      const i = parseAnswer(key.name ?? '', choices.length);
      if (i !== undefined) return pick(i);
    }
    rl.clearLine(0);
  });
  return choiceView(config, active, chosen);
});

/** Waits for Enter, Space or any other key (not Ctrl or Alt ones: Ctrl+C still stops the quiz). */
export const pausePrompt = createPrompt<void, { message: string; theme: Theme }>((config, done) => {
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  useKeypress((key) => {
    const k = key as { ctrl?: boolean; meta?: boolean };
    if (status === 'idle' && !k.ctrl && !k.meta) {
      setStatus('done');
      done();
    }
  });
  return status === 'done' ? '' : config.theme.dim(config.message);
});

export interface PromptOptions {
  theme: Theme;
  width: number;
  /** Where prompts draw: stdout, or stderr when stdout carries --json. */
  output: NodeJS.WritableStream;
  isTTY: boolean;
  /** Where the first question's prompt reads its keys (first-keys.ts), when the command painted it; else the terminal. */
  firstInput?: NodeJS.ReadableStream;
}

/** An Ask backed by inquirer, for a person at a terminal. */
export function inquirerAsk(o: PromptOptions): Ask {
  const context = { output: o.output };
  // The terminal the prompts draw on may be narrower than --width (or be stderr, with --json).
  const width = () => Math.min(o.width, (o.output as { columns?: number }).columns || o.width);
  const w = (s: string) => wrapLines(s, width());
  let input = o.firstInput;
  return {
    echo: false,
    choose: (item: QuizItem, n: number, total: number) => {
      const first = input ? { ...context, input } : context;
      input = undefined;
      return choicePrompt(choiceConfig(item, n, total, o.theme, width()), first);
    },
    pause: (message) => pausePrompt({ message: w(message), theme: o.theme }, { ...context, clearPromptOnDone: true }),
    // Room for inquirer's "? " before and " (Y/n)" after.
    confirm: (message) => confirm({ message: wrapLines(message, width() - 9), default: true }, context),
    clear: o.isTTY ? () => o.output.write('\u001b[2J\u001b[H') : undefined,
  };
}
