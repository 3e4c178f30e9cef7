/** Quiz screens as text: pure functions of quiz data and a theme. Correctness is said in words and a symbol, never colour alone. */
import type { Theme } from '../render/theme.js';
import { visibleLength, wrapLines } from '../render/wrap.js';
import { clean } from '../text/sanitize.js';
import { LETTERS, choiceAt, keyIndex, type QuizItem, type Score } from './engine.js';
import { helpForQuestion } from '../safety/items.js';
import { closingText, helpText } from '../safety/paint.js';
import { unionHelp, type HelpKind } from '../safety/index.js';

export const OK = '✓';
export const NO = '✗';

export interface ViewOpts {
  theme: Theme;
  width: number;
}

const wrap = (s: string, o: ViewOpts) => wrapLines(s, o.width);
export const label = (item: QuizItem, shown: number) => `${LETTERS[shown]}) ${clean(choiceAt(item, shown).text)}`;

/** What a script answered, echoed after the question. */
export const answerLine = (item: QuizItem, chosen: number, o: ViewOpts) => wrap(`Your answer: ${label(item, chosen)}`, o);

export function header(item: QuizItem, n: number, total: number): string {
  return `Question ${n} of ${total} · ${clean(item.question.moduleTitle)} · ${item.question.difficulty}`;
}

/** The question with lettered choices, for scripts and present mode. */
export function questionView(item: QuizItem, n: number, total: number, o: ViewOpts, large = false): string {
  const { theme: t } = o;
  const gap = large ? '\n\n' : '\n';
  const choices = item.order.map((_, i) => `  ${label(item, i)}`).join(gap);
  return wrap(`${t.dim(header(item, n, total))}\n\n${t.bold(clean(item.question.question))}\n\n${choices}`, o);
}

/** One question of the exam's review: header, question, then its feedback. */
export function reviewView(item: QuizItem, n: number, total: number, chosen: number, o: ViewOpts): string {
  const { theme: t } = o;
  return `${wrap(`${t.dim(header(item, n, total))}\n${t.bold(clean(item.question.question))}`, o)}\n${feedbackView(item, chosen, o)}`;
}

/** After an answer: the verdict, the right answer, why the chosen one is wrong, the explanation, its source and where to read more. */
export function feedbackView(item: QuizItem, chosen: number | undefined, o: ViewOpts): string {
  const { theme: t } = o;
  const k = keyIndex(item);
  const lines: string[] = [];
  if (chosen === undefined) lines.push(t.bold(`Answer: ${label(item, k)}`));
  else if (chosen === k) lines.push(t.good(`${OK} Correct`) + `: ${label(item, k)}`);
  else {
    lines.push(t.bad(`${NO} Incorrect`) + `. You chose ${label(item, chosen)}`);
    const why = choiceAt(item, chosen).why;
    if (why) lines.push(`  Why not: ${clean(why)}`);
    lines.push(`  The answer is ${label(item, k)}`);
  }
  lines.push('', clean(item.question.explanation));
  for (const s of item.question.sources) lines.push(`${t.dim('Source:')} ${clean(s.reference)}`);
  lines.push(`${t.dim('Read more:')} kap explain ${item.question.module}`);
  // The safety layer's help for this question (its text, choices or explanation), in every mode.
  const help = helpText(helpForQuestion(item.question), t);
  if (help.length) lines.push('', ...help);
  return wrap(lines.join('\n'), o);
}

/** The help a whole run needs: shown on the score screen when any of its questions needs it. */
export function runHelp(items: readonly QuizItem[]): HelpKind[] {
  return unionHelp(...items.map((i) => helpForQuestion(i.question)));
}

/** The help blocks (if any) and the notice that end a quiz's last screen. */
export function closingView(help: readonly HelpKind[], o: ViewOpts): string {
  return wrap(closingText(help, o.theme).join('\n'), o);
}

export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

/** The score screen: score, percentage, time, by topic, missed with the right answers. */
export function summaryView(sc: Score, ms: number, seed: string, o: ViewOpts, partial = false, help: readonly HelpKind[] = []): string {
  const { theme: t } = o;
  const lines: string[] = [];
  const head = partial
    ? `Stopped after ${sc.answered} of ${sc.total} questions. Score so far: ${sc.correct} of ${sc.answered} (${sc.percent}%)`
    : `Score: ${sc.correct} of ${sc.total} (${sc.percent}%)`;
  lines.push(t.heading(head), `Time: ${duration(ms)} · seed ${seed} (same quiz again: --seed ${seed})`);
  if (sc.byTopic.length) {
    lines.push('', t.bold('By topic'));
    const titles = sc.byTopic.map((b) => clean(b.title));
    const w = Math.max(...titles.map(visibleLength));
    sc.byTopic.forEach((b, i) => lines.push(`  ${titles[i]}${' '.repeat(w - visibleLength(titles[i]!))}  ${b.correct}/${b.total}`));
  }
  if (sc.missed.length) {
    lines.push('', t.bold(`Missed (${sc.missed.length})`));
    for (const { item, chosen } of sc.missed) {
      lines.push(`  ${NO} ${clean(item.question.question)}`, `    You chose ${label(item, chosen)}`, `    Answer: ${label(item, keyIndex(item))}`, `    Read more: kap explain ${item.question.module}`);
    }
  } else if (sc.answered) lines.push('', `${OK} No questions missed.`);
  return `${wrap(lines.join('\n'), o)}\n\n${closingView(help, o)}`;
}
