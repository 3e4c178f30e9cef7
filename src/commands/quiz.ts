/** kap quiz [options]: wires the quiz engine to prompts and scripts (kap quiz export: quiz-export.ts). */
import type { Ctx } from '../context.js';
import { UsageError } from '../errors.js';
import { clean, toJson } from '../text/sanitize.js';
import { wrapLines } from '../render/wrap.js';
import { promptStream, withPainted } from '../output-boundary.js';
import { outTarget, writeFileAtomic } from '../atomic-write.js';
import { answerProblem, parseAnswer, type QuizItem } from '../quiz/engine.js';
import { pick, type SelectionFlags } from '../quiz/pick.js';
import { MODES, isInterrupt, runSession, type Ask, type Interrupted, type Mode, type QuizResult } from '../quiz/session.js';
import { noticeText } from '../safety/paint.js';
import { choiceConfig, choiceView, firstFrame, fitsAsIs } from '../quiz/prompt-view.js';
import { SHORT_RUN_FLAGS } from '../short-run.js';

export interface QuizFlags extends SelectionFlags {
  mode?: string;
  json?: boolean;
  out?: string;
  force?: boolean;
  answers?: string;
  /** false: --no-pause. */
  pause?: boolean;
}

/** Answers given up front (--answers B,A,C or lines on stdin): the quiz runs as a script. */
function scriptedAsk(answers: string[]): Ask {
  let next = 0;
  return {
    echo: true,
    async choose(item, n, total) {
      const raw = answers[next];
      if (raw === undefined) throw new UsageError(`question ${n} of ${total} has no answer: ${answers.length} answer(s) given`, 'Give one answer per question: --answers B,A,C (or one per line on stdin).');
      next++;
      const problem = answerProblem(clean(raw).slice(0, 20), raw, item.order.length);
      if (problem) throw new UsageError(`answer ${next} ${problem}`);
      return parseAnswer(raw, item.order.length)!;
    },
    async pause() {},
    // A script answers one round: the retry of missed questions is for a person at a terminal.
    async confirm() {
      return false;
    },
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One answer per question: without --count, as many questions as answers; any other mismatch is a usage error. */
export function checkAnswerCount(answers: number, questions: number): void {
  if (answers !== questions)
    throw new UsageError(`${plural(answers, 'answer')} given for ${plural(questions, 'question')}`, 'Give one answer per question: --count N asks N questions; without --count, as many as there are answers.');
}

export async function quiz(ctx: Ctx, f: QuizFlags): Promise<void> {
  const mode = (f.mode ?? 'practice') as Mode;
  if (!MODES.includes(mode)) throw new UsageError(`--mode: "${clean(String(f.mode))}" is not one of ${MODES.join(', ')}`);
  if (f.answers !== undefined && mode === 'present') throw new UsageError('--answers: present mode asks no questions, it shows them with their answers');
  // A --out kap could never write is refused now, not after the quiz was taken.
  if (f.out) outTarget(f.out, f.force === true);
  let answers: string[] | undefined;
  if (f.answers !== undefined) answers = f.answers.split(/[\s,]+/).filter(Boolean);
  else if (!ctx.stdinIsTTY() && mode !== 'present') {
    answers = (await ctx.readStdin()).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    if (!answers.length)
      throw new UsageError('kap quiz needs a terminal to ask questions', 'Run it in a terminal, or script it: kap quiz --answers B,A,C (or one answer per line on stdin). Handouts: kap quiz export --format markdown');
  }
  if (answers && !answers.length) throw new UsageError('--answers: no answers given', 'Give one answer per question: --answers B,A,C');
  // A scripted quiz is a short run (short-run.ts) that loads no more code from here on: stdin is
  // read above, the terminal's prompts (quiz-prompt.cjs) are never loaded. A module Node compiles
  // later would miss Node's own code cache, which a flag change rejects. Callgrind,
  // `kap quiz --seed bench --answers A,B,C`: ~0.8M instructions less.
  if (answers) ctx.tuneV8(SHORT_RUN_FLAGS);
  // Asked in a terminal, each question's order is worked out when it is shown.
  const { items, seed } = pick(ctx, { ...f, count: f.count ?? answers?.length }, !answers);
  if (answers) {
    checkAnswerCount(answers.length, items.length);
    // Every answer checked against its question before anything is shown: a script's mistake
    // leaves stdout empty, not half a quiz (a script answers its questions in order, one round).
    answers.forEach((raw, i) => {
      const problem = answerProblem(clean(raw).slice(0, 20), raw, items[i]!.order.length);
      if (problem) throw new UsageError(`answer ${i + 1} ${problem}`);
    });
  }
  // With --json, stdout carries only the JSON; everything a person reads goes to stderr.
  const say = f.json ? ctx.err : ctx.out;
  const width = f.json && !answers ? stderrWidth(ctx.width) : ctx.width;
  say(wrapLines(ctx.theme.dim(`kap quiz · ${mode} · ${items.length} question${items.length === 1 ? '' : 's'} · seed ${seed}`), width));
  say(wrapLines(noticeText(ctx.theme), width));
  const ask = answers ? scriptedAsk(answers) : ctx.stdinIsTTY() ? await interactiveAsk(ctx, Boolean(f.json), mode === 'present' ? undefined : items) : scriptedAsk([]);
  const finish = (r: QuizResult) => {
    if (f.out) writeFileAtomic(f.out, `${toJson(r)}\n`, f.force === true);
    if (f.json) ctx.json(r);
  };
  try {
    finish(await runSession(items, ask, { out: say, now: ctx.now }, { mode, seed, view: { theme: ctx.theme, width }, pause: f.pause !== false }));
  } catch (e) {
    if (isInterrupt(e) && (e as Interrupted).quizResult) finish((e as Interrupted).quizResult!);
    throw e;
  }
}

/** With --json a person reads the quiz on stderr, whose terminal may be narrower than the width decided for stdout. */
function stderrWidth(width: number): number {
  const cols = process.stderr.isTTY ? process.stderr.columns : undefined;
  return cols && cols > 0 ? Math.min(width, cols) : width;
}

/** `first`: the questions of a practice or exam round, whose first question is painted before the prompts load. */
async function interactiveAsk(ctx: Ctx, toStderr: boolean, first?: QuizItem[]): Promise<Ask> {
  // Prompts draw on a real stream; this is the one place the quiz touches process streams.
  const prompts = promptStream(toStderr ? process.stderr : process.stdout);
  const frame = first && !toStderr ? await firstQuestion(ctx, prompts, first) : undefined;
  const keys = frame === undefined ? undefined : await (await import('../quiz/first-keys.js')).holdKeys(process.stdin);
  const output = frame === undefined ? prompts : withPainted(prompts, frame);
  const { inquirerAsk } = await import('../quiz/prompt.js');
  return inquirerAsk({ theme: ctx.theme, width: ctx.width, output, isTTY: ctx.isTTY, firstInput: keys });
}

/** The first question's frame as its prompt will draw it (inquirerAsk's width; prompt-view.ts). */
async function firstQuestion(ctx: Ctx, stream: NodeJS.WriteStream, items: QuizItem[]): Promise<string | undefined> {
  const columns = stream.columns;
  const content = choiceView(choiceConfig(items[0]!, 1, items.length, ctx.theme, Math.min(ctx.width, columns || ctx.width)), 0, undefined);
  return firstFrame(content, columns, fitsAsIs(content, columns) ? undefined : (await import('fast-wrap-ansi')).wrapAnsi);
}
