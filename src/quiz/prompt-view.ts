/**
 * What the quiz's choice prompt shows, as pure functions: the prompt (prompt.ts) draws it with
 * inquirer, and the first question of a terminal quiz is painted from it before inquirer and
 * readline are loaded (firstFrame): the question is on screen a few milliseconds sooner, the
 * same bytes inquirer would write, and inquirer then skips that frame (output-boundary.ts).
 */
import { stripVTControlCharacters } from 'node:util';
import type { Theme } from '../render/theme.js';
import { wrapLines } from '../render/wrap.js';
import { clean } from '../text/sanitize.js';
import { LETTERS, type QuizItem } from './engine.js';
import { header } from './view.js';

export interface ChoiceConfig {
  message: string;
  choices: string[];
  theme: Theme;
  /** Columns to wrap the choices and the key help at (the message comes wrapped). */
  width?: number;
}

/** The prompt's config for a question: header and question wrapped at `width`, the shown choices. */
export function choiceConfig(item: QuizItem, n: number, total: number, theme: Theme, width: number): ChoiceConfig {
  return {
    message: `\n${wrapLines(`${theme.dim(header(item, n, total))}\n${theme.bold(clean(item.question.question))}`, width)}`,
    choices: item.order.map((i) => clean(item.question.choices[i]!.text)),
    theme,
    width,
  };
}

/** The prompt's text: `active` highlighted, or once `chosen`, the answer. */
export function choiceView(config: ChoiceConfig, active: number, chosen: number | undefined): string {
  const { choices, theme: t } = config;
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
}

/** Characters one column wide for kap's wrapping and for inquirer's alike, which inquirer's line breaking leaves as they are. */
const NARROW = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2191\u2193\u2713\u2717\u276f]*$/;

/**
 * Whether inquirer would draw the text's lines as they are (trailing spaces aside): each of
 * narrow characters and at most `columns` of them. Otherwise firstFrame needs inquirer's line
 * breaking (fast-wrap-ansi, whose Unicode tables cost a millisecond to set up).
 */
export function fitsAsIs(content: string, columns: number): boolean {
  return content.split('\n').every((line) => {
    const shown = stripVTControlCharacters(line);
    return shown.length <= columns && NARROW.test(shown);
  });
}

export type WrapAnsi = (text: string, columns: number, options: { trim: boolean; wordWrap: boolean }) => string;

/**
 * What inquirer's screen manager (@inquirer/core 12) writes for a prompt's first frame on a
 * terminal `columns` wide: the text broken at the width (by `wrapAnsi`, as inquirer does; without
 * it the lines are taken as they are: see fitsAsIs), then the cursor put back at the end of its
 * last line (readline's cursor position for a prompt of one-column characters). Undefined when
 * that last line holds other characters (their width is readline's to decide).
 */
export function firstFrame(content: string, columns: number, wrapAnsi?: WrapAnsi): string | undefined {
  if (!(columns > 0)) return undefined;
  const last = stripVTControlCharacters(content.slice(content.lastIndexOf('\n') + 1));
  if (!/^[\x20-\x7e\u2191\u2193\u00b7]*$/.test(last)) return undefined;
  const broken = content
    .split('\n')
    .flatMap((line) => (wrapAnsi ? wrapAnsi(line, columns, { trim: false, wordWrap: false }) : line).split('\n').map((s) => s.trimEnd()))
    .join('\n');
  return `${broken}${last.length % columns === 0 ? '\n' : ''}\u001b[${(last.length % columns) + 1}G`;
}
