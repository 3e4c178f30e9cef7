/** Review screens as text: pure functions of review data and a theme (feedback itself is the quiz's). */
import { HELP_BLOCKS, NOTICE, type HelpKind } from '../safety/index.js';
import type { Theme } from '../render/theme.js';
import { wrapLines } from '../render/wrap.js';
import { clean } from '../text/sanitize.js';
import { header } from '../quiz/view.js';
import type { ReviewItem, Queue } from './queue.js';
import type { Stats } from './stats.js';

export interface ViewOpts {
  theme: Theme;
  width: number;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/**
 * "6 Dec 2026, 08:05" in local time: what toLocaleString('en-GB', { dateStyle: 'medium',
 * timeStyle: 'short' }) says (a test holds them equal), by hand, because ICU's date formatter
 * takes ~35 ms to set up on first use and this is the last line of every review.
 */
export function dateTime(ms: number): string {
  const d = new Date(ms);
  const y = d.getFullYear();
  if (!(y >= 1000 && y <= 9999)) return d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${y}, ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** "in 10 minutes", "in 3 days", "in 2 months": when a question comes back. */
export function inWords(ms: number): string {
  const n = (x: number, unit: string) => `in ${x} ${unit}${x === 1 ? '' : 's'}`;
  if (ms <= 0) return 'now';
  if (ms < HOUR) return n(Math.max(1, Math.round(ms / MIN)), 'minute');
  if (ms < DAY) return n(Math.round(ms / HOUR), 'hour');
  if (ms < 60 * DAY) return n(Math.round(ms / DAY), 'day');
  if (ms < 365 * DAY) return n(Math.round(ms / (30 * DAY)), 'month');
  return n(Math.round((10 * ms) / (365 * DAY)) / 10, 'year');
}

const bolden = (s: string, t: Theme) => s.replace(/\*\*(.+?)\*\*/g, (_, x: string) => t.bold(x));

/** The safety layer's help blocks, painted for the terminal. */
export function helpView(kinds: HelpKind[], o: ViewOpts): string {
  return kinds
    .map((k) => {
      const b = HELP_BLOCKS[k];
      return wrapLines([o.theme.warn(o.theme.bold(b.title)), ...b.lines.map((l) => `  ${bolden(l, o.theme)}`)].join('\n'), o.width);
    })
    .join('\n\n');
}

export const noticeView = (o: ViewOpts) => o.theme.dim(wrapLines(NOTICE, o.width));

export function itemHeader(item: ReviewItem, n: number, total: number): string {
  return `${header(item, n, total)} · ${item.kind === 'new' ? 'new' : item.kind === 'due' ? 'review' : 'relearn'}`;
}

/** A queued question another session answered meanwhile: one dim line in the place of it. */
export const skippedView = (head: string, why: string, o: ViewOpts) => wrapLines(o.theme.dim(`${head}: skipped, ${why}.`), o.width);

export function relearnView(item: ReviewItem, o: ViewOpts): string {
  return wrapLines(`${o.theme.warn('changed: relearn')}: ${(item.reasons ?? []).map(clean).join('; ')}.`, o.width);
}

export function startView(q: Queue, retention: number, o: ViewOpts): string {
  const parts = [`${q.due} due`, ...(q.changed ? [`${q.changed} changed`] : []), `${q.fresh} new (${q.newToday} of the ${q.newPerDay} a day already started today)`, `retention ${retention}`];
  return o.theme.dim(`kap review · ${parts.join(' · ')}`);
}

export interface Answered {
  correct: boolean;
  grade: string;
  due: number;
}

/** `left`: questions of the session not answered (Ctrl+C, or a script's answers ran out). */
export function summaryView(done: Answered[], stats: Stats, o: ViewOpts, left = 0): string {
  const { theme: t } = o;
  const right = done.filter((d) => d.correct).length;
  const lines = [
    t.heading(left ? `Stopped after ${done.length} answer${done.length === 1 ? '' : 's'} (all saved): ${right} right, ${left} left for later` : `Reviewed ${done.length}: ${right} right, ${done.length - right} to see again soon`),
    `Due later today: ${Math.max(0, stats.dueToday - stats.totals.due)} · this week: ${stats.dueThisWeek} · learned: ${stats.totals.learned} of ${stats.totals.total}`,
  ];
  if (stats.totals.nextDue !== null) lines.push(`Next due ${inWords(stats.totals.nextDue - stats.now)} (${dateTime(stats.totals.nextDue)})`);
  lines.push('Progress: kap review --stats', '', noticeView(o));
  return wrapLines(lines.join('\n'), o.width);
}

const pct = (x: number | null) => (x === null ? '-' : `${Math.round(x * 100)}%`);

/** A bar of learned (█), learning (▓) and due (▒) out of the module's questions; new is blank. */
export function bar(m: { total: number; learned: number; learning: number; due: number }, width = 10): string {
  if (!m.total) return ''.padEnd(width, '·');
  const cells = (n: number) => Math.round((n / m.total) * width);
  const a = cells(m.learned);
  const b = Math.min(width - a, cells(m.learning));
  const c = Math.min(width - a - b, cells(m.due));
  return '█'.repeat(a) + '▓'.repeat(b) + '▒'.repeat(c) + '·'.repeat(width - a - b - c);
}

export function statsView(s: Stats, o: ViewOpts): string {
  const { theme: t } = o;
  // The numbers take 56 columns; titles get what is left of the width, 6 to 32.
  const title = Math.max(6, Math.min(32, o.width - 56, Math.max(0, ...s.modules.map((m) => clean(m.title).length))));
  const cut = (x: string) => (x.length > title ? `${x.slice(0, title - 1)}…` : x.padEnd(title));
  const num = (x: number) => String(x).padStart(5);
  const next = (x: number | null) => (x === null ? '-' : x <= s.now ? 'now' : inWords(x - s.now).replace(/^in /, ''));
  const head = `${'module'.padEnd(title)}  ${'progress'.padEnd(10)}  ${['new', 'lrn', 'due', 'done'].map((h) => h.padStart(5)).join('')}  ${'recall'.padStart(6)}  next`;
  const row = (name: string, m: Stats['totals']) =>
    `${cut(name)}  ${bar(m)}  ${num(m.new)}${num(m.learning)}${num(m.due)}${num(m.learned)}  ${pct(m.retention).padStart(6)}  ${next(m.nextDue)}`;
  const lines = [t.bold(head), ...s.modules.map((m) => row(clean(m.title), m)), t.bold(row('All', s.totals))];
  lines.push('', `Due today: ${s.dueToday} · this week: ${s.dueThisWeek} · answers recorded: ${s.answers}`);
  if (s.totals.changed) lines.push(`Changed since learned (relearn): ${s.totals.changed}`);
  if (s.removed.questions) lines.push(`No longer in the bank: ${s.removed.questions} question${s.removed.questions === 1 ? '' : 's'} (their ${s.removed.answers} answers are kept)`);
  lines.push(t.dim('█ learned  ▓ learning  ▒ due  · new; recall: answers right when a question came back'));
  return lines.join('\n');
}
