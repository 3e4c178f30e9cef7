/**
 * The terminal UI of `kap quiz`: the only file that imports inquirer (loaded lazily, so other
 * commands never pay for it). Choices move with the arrow keys and are picked with Enter, or
 * at once by pressing their letter or number.
 */
import { createPrompt, isDownKey, isEnterKey, isUpKey, useKeypress, useState } from '@inquirer/core';
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
  /** Columns to wrap the choices and the key help at (the message comes wrapped). */
  width?: number;
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
  // Wrapped here, by display width: inquirer would otherwise break the lines mid-word at the edge.
  const width = config.width ?? 80;
  const wrap = (s: string) => wrapLines(s, width);
  const letter = (i: number) => `${LETTERS[i]})`;
  if (chosen !== undefined) return `${config.message}\n${t.bold(wrap(`Your answer: ${letter(chosen)} ${choices[chosen]}`))}`;
  const lines = choices.map((c, i) => {
    const [first, ...rest] = wrapLines(`${letter(i)} ${c}`, width - 2).split('\n');
    const text = [`${i === active ? '❯' : ' '} ${first}`, ...rest.map((l) => `  ${l}`)].join('\n');
    return i === active ? t.accent(text) : text;
  });
  const keys = `${LETTERS[0]}-${LETTERS[choices.length - 1]}`;
  return `${config.message}\n${lines.join('\n')}\n${t.dim(wrap(`↑↓ move · Enter choose · or press ${keys} (1-${choices.length})`))}`;
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
}

/** An Ask backed by inquirer, for a person at a terminal. */
export function inquirerAsk(o: PromptOptions): Ask {
  const context = { output: o.output };
  // The terminal the prompts draw on may be narrower than --width (or be stderr, with --json).
  const width = () => Math.min(o.width, (o.output as { columns?: number }).columns || o.width);
  const w = (s: string) => wrapLines(s, width());
  return {
    echo: false,
    choose: (item: QuizItem, n: number, total: number) =>
      choicePrompt(
        {
          message: `\n${w(`${o.theme.dim(header(item, n, total))}\n${o.theme.bold(clean(item.question.question))}`)}`,
          choices: item.order.map((i) => clean(item.question.choices[i]!.text)),
          theme: o.theme,
          width: width(),
        },
        context,
      ),
    pause: (message) => pausePrompt({ message: w(message), theme: o.theme }, { ...context, clearPromptOnDone: true }),
    // Room for inquirer's "? " before and " (Y/n)" after.
    confirm: (message) => confirm({ message: wrapLines(message, width() - 9), default: true }, context),
    clear: o.isTTY ? () => o.output.write('\u001b[2J\u001b[H') : undefined,
  };
}
