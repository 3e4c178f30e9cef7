/**
 * One quiz session: drives the engine through an injected `ask` (inquirer, or a script of
 * answers) and prints through `out`. Ctrl+C (inquirer's ExitPromptError) prints the partial
 * score and is rethrown, so cli.ts turns it into exit 130.
 */
import { LETTERS, answer, current, keyIndex, retryItems, score, start, type QuizItem, type QuizState, type Score } from './engine.js';
import { answerLine, closingView, feedbackView, header, label, questionView, reviewView, runHelp, summaryView, type ViewOpts } from './view.js';
import { helpForQuestion } from '../safety/items.js';
import { NOTICE, type HelpKind } from '../safety/index.js';
import { helpJson, type HelpJson } from '../safety/paint.js';

export type Mode = 'practice' | 'exam' | 'present';
export const MODES: Mode[] = ['practice', 'exam', 'present'];

export interface Ask {
  /** Show the question and return the shown index chosen. */
  choose(item: QuizItem, n: number, total: number): Promise<number>;
  /** Wait for a key (present mode; practice mode after each feedback, unless --no-pause). */
  pause(message: string): Promise<void>;
  confirm(message: string): Promise<boolean>;
  /** Scripts print the question and answer themselves; inquirer's prompt already shows them. */
  readonly echo: boolean;
  /** Clear the screen between questions (present mode in a terminal). */
  clear?(): void;
}

export interface SessionIo {
  out(text: string): void;
  now(): number;
}

export interface SessionOptions {
  mode: Mode;
  seed: string;
  view: ViewOpts;
  /** Practice mode: wait for a key after each feedback, so a short terminal does not scroll it away. */
  pause?: boolean;
}

export interface QuestionResult {
  id: string;
  module: string;
  chosen: string;
  answer: string;
  correct: boolean;
  /** The help its feedback showed (kinds; the blocks are in QuizResult.help). */
  help: HelpKind[];
}

export interface RoundResult {
  total: number;
  answered: number;
  correct: number;
  percent: number;
  byTopic: Score['byTopic'];
  questions: QuestionResult[];
}

export interface QuizResult {
  seed: string;
  mode: Mode;
  interrupted: boolean;
  durationMs: number;
  /** The first round; `retries` holds the rounds on missed questions. */
  score: RoundResult | null;
  retries: RoundResult[];
  /** The help blocks any question of the run needed, and the notice. */
  help: HelpJson[];
  notice: string;
}

function roundResult(state: QuizState): RoundResult {
  const sc = score(state);
  return {
    total: sc.total,
    answered: sc.answered,
    correct: sc.correct,
    percent: sc.percent,
    byTopic: sc.byTopic,
    questions: state.answers.map((a, i) => {
      const item = state.items[i]!;
      return { id: a.id, module: item.question.module, chosen: LETTERS[a.chosen]!, answer: LETTERS[keyIndex(item)]!, correct: a.correct, help: helpForQuestion(item.question) };
    }),
  };
}

/** Attached to the rethrown ExitPromptError so the command can still write `--json`/`--out`. */
export interface Interrupted extends Error {
  quizResult?: QuizResult;
}

export const isInterrupt = (e: unknown) => (e as Error)?.name === 'ExitPromptError';

export async function runSession(items: QuizItem[], ask: Ask, io: SessionIo, opts: SessionOptions): Promise<QuizResult> {
  const started = io.now();
  const help = runHelp(items);
  const result: QuizResult = { seed: opts.seed, mode: opts.mode, interrupted: false, durationMs: 0, score: null, retries: [], help: helpJson(help), notice: NOTICE };
  const v = opts.view;
  // Shared with playRound, so that Ctrl+C mid-round still sees the answers given so far;
  // `scored`: this round's result is recorded (Ctrl+C at the pause after its last feedback is not).
  const live = { state: start(items), scored: false };
  try {
    if (opts.mode === 'present') {
      await present(items, ask, io, v, help);
    } else {
      for (let round = 0; ; round++) {
        await playRound(live, ask, io, opts);
        const state = live.state;
        const rr = roundResult(state);
        if (round === 0) result.score = rr;
        else result.retries.push(rr);
        live.scored = true;
        const sc = score(state);
        io.out(`\n${summaryView(sc, io.now() - started, opts.seed, v, false, help)}`);
        if (!sc.missed.length || !(await ask.confirm(`Retry the ${sc.missed.length} missed question${sc.missed.length > 1 ? 's' : ''}?`))) break;
        Object.assign(live, { state: start(retryItems(state, opts.seed, round + 1)), scored: false });
      }
    }
  } catch (e) {
    if (!isInterrupt(e)) throw e;
    result.interrupted = true;
    const state = live.state;
    if (opts.mode !== 'present' && !live.scored) {
      const rr = roundResult(state);
      if (result.score) result.retries.push(rr);
      else result.score = rr;
      io.out(`\n${summaryView(score(state), io.now() - started, opts.seed, v, true, help)}`);
    }
    result.durationMs = io.now() - started;
    (e as Interrupted).quizResult = result;
    throw e;
  }
  result.durationMs = io.now() - started;
  return result;
}

async function playRound(live: { state: QuizState }, ask: Ask, io: SessionIo, opts: SessionOptions): Promise<void> {
  const v = opts.view;
  const total = live.state.items.length;
  for (let item = current(live.state); item; item = current(live.state)) {
    const n = live.state.answers.length + 1;
    if (ask.echo) io.out(`\n${questionView(item, n, total, v)}`);
    const chosen = await ask.choose(item, n, total);
    if (ask.echo) io.out(answerLine(item, chosen, v));
    live.state = answer(live.state, chosen).state;
    if (opts.mode === 'practice') {
      io.out(`\n${feedbackView(item, chosen, v)}`);
      if (opts.pause) await ask.pause(`Press Enter (or any key) for ${live.state.answers.length < total ? 'the next question' : 'the score'}`);
    }
  }
  const state = live.state;
  if (opts.mode === 'exam') {
    io.out(`\n${v.theme.heading('Answers')}`);
    state.items.forEach((item, i) => io.out(`\n${reviewView(item, i + 1, total, state.answers[i]!.chosen, v)}`));
  }
}

/** Trainer mode: one large question at a time, a key reveals the answer; no scoring. */
async function present(items: QuizItem[], ask: Ask, io: SessionIo, v: ViewOpts, help: HelpKind[]): Promise<void> {
  for (const [i, item] of items.entries()) {
    ask.clear?.();
    io.out(`\n${questionView(item, i + 1, items.length, v, true)}\n`);
    await ask.pause('Press Enter or Space to reveal the answer');
    io.out(`\n${feedbackView(item, undefined, v)}\n`);
    if (i < items.length - 1) await ask.pause('Press Enter or Space for the next question');
  }
  io.out(`\nEnd of the ${items.length} question${items.length === 1 ? '' : 's'}.\n\n${closingView(help, v)}`);
}
