/**
 * The selection of a Markdown handout (markdown-bank.ts), which needs the questions' ids and
 * places only: pick()'s items (each with its question and order) are made when first asked for,
 * if at all, and no order is worked out. Making them for the whole bank cost ~1.1M instructions.
 */
import type { Ctx } from '../context.js';
import { readBank } from './bank.js';
import { selectEntries, selectFrom, type QuizItem } from './engine.js';
import { selectionOf, type Picked, type SelectionFlags } from './pick.js';

export interface PickedIds extends Omit<Picked, 'items'> {
  ids: string[];
  /** pick()'s items (a lazy pick's orders), made on the first call. */
  items(): QuizItem[];
}

export function pickIds(ctx: Ctx, f: SelectionFlags): PickedIds {
  const bank = readBank(ctx.dataDir);
  const opts = selectionOf(ctx, f, bank.entries);
  const picked = selectEntries(bank.entries, opts);
  const at = picked.map((e) => bank.entries.indexOf(e));
  let items: QuizItem[] | undefined;
  // The items as pick()'s: selectFrom() picks the same entries again, with their orders.
  return { ids: picked.map((e) => e.id), seed: opts.seed, at, quizBytes: bank.quizBytes, items: () => (items ??= selectFrom(bank.entries, opts, bank.choices).map((p) => ({ question: bank.question(p.of), order: p.order }))) };
}

/** A pick() as a PickedIds (for an exporter that reads every item). */
export const withIds = ({ items, ...rest }: Picked): PickedIds => ({ ...rest, ids: items.map((i) => i.question.id), items: () => items });
