/**
 * The terminal UI of `kap quiz`: the only file that imports inquirer (loaded lazily, so other
 * commands never pay for it). Choices move with the arrow keys and are picked with Enter, or
 * at once by pressing their letter or number.
 */
import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, useKeypress, useState } from '@inquirer/core';
import { confirm } from '@inquirer/prompts';
import type { Theme } from '../render/theme.js';
import { wrapLines } from '../render/wrap.js';
import { clean } from '../text/sanitize.js';
import { LETTERS, parseAnswer, type QuizItem } from './engine.js';
import type { Ask } from './session.js';
import { header } from './view.js';

export interface ChoiceConfig {
  message: string;
  choices: string[];
  theme: Theme;
}

export const choicePrompt = createPrompt<number, ChoiceConfig>((config, done) => {
  const { choices, theme: t } = config;
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
  const letter = (i: number) => `${LETTERS[i]})`;
  if (chosen !== undefined) return `${config.message}\n${t.bold(`Your answer: ${letter(chosen)} ${choices[chosen]}`)}`;
  const lines = choices.map((c, i) => (i === active ? t.accent(`❯ ${letter(i)} ${c}`) : `  ${letter(i)} ${c}`));
  const keys = `${LETTERS[0]}-${LETTERS[choices.length - 1]}`;
  return `${config.message}\n${lines.join('\n')}\n${t.dim(`↑↓ move · Enter choose · or press ${keys} (1-${choices.length})`)}`;
});

export const pausePrompt = createPrompt<void, { message: string; theme: Theme }>((config, done) => {
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  useKeypress((key) => {
    if (status === 'idle' && (isEnterKey(key) || isSpaceKey(key))) {
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
}

/** An Ask backed by inquirer, for a person at a terminal. */
export function inquirerAsk(o: PromptOptions): Ask {
  const context = { output: o.output };
  const w = (s: string) => wrapLines(clean(s), o.width);
  return {
    echo: false,
    choose: (item: QuizItem, n: number, total: number) =>
      choicePrompt(
        {
          message: `\n${o.theme.dim(header(item, n, total))}\n${o.theme.bold(w(item.question.question))}`,
          choices: item.order.map((i) => clean(item.question.choices[i]!.text)),
          theme: o.theme,
        },
        context,
      ),
    pause: (message) => pausePrompt({ message, theme: o.theme }, { ...context, clearPromptOnDone: true }),
    confirm: (message) => confirm({ message, default: true }, context),
    clear: o.isTTY ? () => o.output.write('\u001b[2J\u001b[H') : undefined,
  };
}
