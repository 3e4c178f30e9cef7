/**
 * Safe messaging: wherever content mentions suicide, kap shows a help block. The detection
 * lives here, small and dependency-free, so renderers and the quality check share it.
 */
import type { Module, Question, Term } from './model.js';

export const CRISIS_HELP = [
  '**If you are thinking about suicide, help is available, and reaching out works.**',
  'In the US, call or text **988** (Suicide & Crisis Lifeline). Elsewhere, find a helpline at **findahelpline.com**.',
  'In an emergency, call your local emergency number.',
];

export const SUICIDE = /suicid/i;

/** Every text of a module that kap shows: title, summary, body and claims (with the article's quote). */
export function mentionsSuicide(m: Module): boolean {
  return [m.title, m.summary, m.body, ...m.claims.flatMap((c) => [c.text, c.article?.quote ?? '', c.article?.correction ?? ''])].some((s) => SUICIDE.test(s));
}

export function termMentionsSuicide(t: Term): boolean {
  return [t.term, ...t.aliases, t.definition].some((s) => SUICIDE.test(s));
}

/** A question whose text, choices or explanation mention suicide: its feedback needs the help block. */
export function questionMentionsSuicide(q: Question): boolean {
  return [q.question, q.explanation, ...q.choices.flatMap((c) => [c.text, c.why ?? ''])].some((s) => SUICIDE.test(s));
}
