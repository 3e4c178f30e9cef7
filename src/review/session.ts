/**
 * One review session: ask each queued question (through an injected ask), save the answer
 * (the log first, then the schedule: `save` owns that), then show the quiz's feedback, any help
 * block the safety layer asks for, and when the question comes back. A question another session
 * has answered meanwhile is skipped (io.stale). Ctrl+C (inquirer's
 * ExitPromptError) keeps every answer saved so far and is rethrown for exit 130.
 */
import type { HelpKind } from '../safety/index.js';
import { helpForQuestion } from '../safety/items.js';
import { LETTERS, keyIndex } from '../quiz/engine.js';
import { feedbackView, label, questionView } from '../quiz/view.js';
import { isInterrupt } from '../quiz/session.js';
import type { Picked, ReviewAsk } from './prompt.js';
import type { ReviewItem } from './queue.js';
import type { CardRecord, LogEntry } from './state.js';
import { gradeFor, GRADE_NAMES } from './state.js';
import { helpView, inWords, itemHeader, relearnView, skippedView, type ViewOpts } from './view.js';

export interface ReviewResult {
  id: string;
  module: string;
  kind: ReviewItem['kind'];
  reasons?: string[];
  chosen: string;
  answer: string;
  correct: boolean;
  changedChoice: boolean;
  rating: string;
  /** When it comes back, epoch ms. */
  due: number;
  answeredAt: number;
  /** The help its feedback showed (the safety layer's, as every quiz surface asks it). */
  help: HelpKind[];
}

export interface SessionIo {
  out(text: string): void;
  now(): number;
  /** Append to the log, fold, write the schedule; the question's record afterwards. */
  save(entry: LogEntry): Promise<CardRecord>;
  /** Fold in other sessions' answers; why this item is no longer to be asked (undefined: ask it). */
  stale?(item: ReviewItem): Promise<string | undefined>;
}

export interface SessionOptions {
  retention: number;
  session: string;
  view: ViewOpts;
}

/** Answers run out (a script): stop here, everything so far saved. */
export class OutOfAnswers extends Error {}

export interface Interrupted extends Error {
  reviewResults?: ReviewResult[];
}

export async function runReview(items: ReviewItem[], ask: ReviewAsk, io: SessionIo, o: SessionOptions): Promise<ReviewResult[]> {
  const results: ReviewResult[] = [];
  const v = o.view;
  try {
    for (const [i, item] of items.entries()) {
      if (ask.exhausted?.()) break;
      const head = itemHeader(item, i + 1, items.length);
      const why = await io.stale?.(item);
      if (why) {
        io.out(`\n${skippedView(head, why, v)}`);
        continue;
      }
      if (item.kind === 'changed') io.out(`\n${relearnView(item, v)}`);
      if (ask.echo) {
        // The quiz's question view, under this session's header line.
        const qv = questionView(item, i + 1, items.length, v);
        io.out(`\n${v.theme.dim(head)}${qv.slice(qv.indexOf('\n'))}`);
      }
      let picked: Picked;
      try {
        picked = await ask.choose(item, head);
      } catch (e) {
        if (e instanceof OutOfAnswers) break;
        throw e;
      }
      if (ask.echo) io.out(`Your answer: ${label(item, picked.chosen)}`);
      const t = io.now();
      const correct = picked.chosen === keyIndex(item);
      const g = gradeFor(correct, picked.changed);
      const q = item.question;
      const rec = await io.save({ v: 1, t, q: q.id, m: q.module, fp: item.fp, g, ok: correct, r: o.retention, s: o.session });
      results.push({
        id: q.id,
        module: q.module,
        kind: item.kind,
        ...(item.reasons && { reasons: item.reasons }),
        chosen: LETTERS[picked.chosen]!,
        answer: LETTERS[keyIndex(item)]!,
        correct,
        changedChoice: picked.changed,
        rating: GRADE_NAMES[g],
        due: rec.card.due,
        answeredAt: t,
        help: helpForQuestion(q),
      });
      const help = helpForQuestion(q);
      const hard = g === 2 ? ' (rated hard: you changed your answer)' : '';
      io.out(`\n${feedbackView(item, picked.chosen, v)}${help.length ? `\n\n${helpView(help, v)}` : ''}\n${v.theme.accent(`Comes back ${inWords(rec.card.due - t)}`)}${hard}`);
    }
  } catch (e) {
    if (isInterrupt(e)) (e as Interrupted).reviewResults = results;
    throw e;
  }
  return results;
}
