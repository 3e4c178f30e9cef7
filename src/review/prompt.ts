/**
 * The terminal prompt of `kap review` (inquirer, loaded lazily). Unlike the quiz's, a letter or
 * number only marks a choice and Enter confirms it, so a student can change their mind: a
 * right answer confirmed after marking another choice is rated Hard. Arrow keys move the
 * cursor without marking anything.
 */
import { createPrompt, isDownKey, isEnterKey, isUpKey, useKeypress, useState } from '@inquirer/core';
import { confirm } from '@inquirer/prompts';
import type { Theme } from '../render/theme.js';
import { wrapLines } from '../render/wrap.js';
import { clean } from '../text/sanitize.js';
import { LETTERS, parseAnswer } from '../quiz/engine.js';
import type { ReviewItem } from './queue.js';

export interface Picked {
  chosen: number;
  /** Another choice was marked before this one was confirmed. */
  changed: boolean;
}

interface Config {
  message: string;
  choices: string[];
  theme: Theme;
}

const reviewPrompt = createPrompt<Picked, Config>((config, done) => {
  const { choices, theme: t } = config;
  const [active, setActive] = useState(0);
  const [marked, setMarked] = useState<number | undefined>(undefined);
  const [changed, setChanged] = useState(false);
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  useKeypress((key, rl) => {
    if (chosen !== undefined) return;
    if (isEnterKey(key)) {
      const pick = active;
      const switched = changed || (marked !== undefined && marked !== pick);
      setChosen(pick);
      return done({ chosen: pick, changed: switched });
    }
    if (isUpKey(key)) setActive((active - 1 + choices.length) % choices.length);
    else if (isDownKey(key)) setActive((active + 1) % choices.length);
    else {
      const i = parseAnswer(key.name ?? '', choices.length);
      if (i !== undefined) {
        if (marked !== undefined && marked !== i) setChanged(true);
        setMarked(i);
        setActive(i);
      }
    }
    rl.clearLine(0);
  });
  const letter = (i: number) => `${LETTERS[i]})`;
  if (chosen !== undefined) return `${config.message}\n${t.bold(`Your answer: ${letter(chosen)} ${choices[chosen]}`)}`;
  const lines = choices.map((c, i) => (i === active ? t.accent(`❯ ${letter(i)} ${c}`) : `  ${letter(i)} ${c}`));
  const keys = `${LETTERS[0]}-${LETTERS[choices.length - 1]}`;
  const help = marked === undefined ? `↑↓ move · ${keys} (1-${choices.length}) mark · Enter confirm` : `Enter confirms ${letter(active)} · another letter changes it`;
  return `${config.message}\n${lines.join('\n')}\n${t.dim(help)}`;
});

export interface ReviewPromptOptions {
  theme: Theme;
  width: number;
  output: NodeJS.WritableStream;
}

export interface ReviewAsk {
  choose(item: ReviewItem, header: string): Promise<Picked>;
  confirm(message: string): Promise<boolean>;
  readonly echo: boolean;
  /** A script with no answers left: the session stops before showing another question. */
  exhausted?(): boolean;
}

export function inquirerReviewAsk(o: ReviewPromptOptions): ReviewAsk {
  const context = { output: o.output };
  const w = (s: string) => wrapLines(clean(s), o.width);
  return {
    echo: false,
    choose: (item, header) =>
      reviewPrompt(
        { message: `\n${o.theme.dim(header)}\n${o.theme.bold(w(item.question.question))}`, choices: item.order.map((i) => clean(item.question.choices[i]!.text)), theme: o.theme },
        context,
      ),
    confirm: (message) => confirm({ message, default: false }, context),
  };
}
