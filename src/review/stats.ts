/**
 * Progress as data (for --stats and --json): per module, how many questions are new, learning,
 * due and learned; retention; the next due; what is due today and this week; and the history
 * kept for questions no longer in the bank. Pure: the bank, the schedule and the clock.
 */
import type { CompiledQuestion } from '../store.js';
import type { Fingerprint } from './changes.js';
import type { CardRecord, Schedule } from './state.js';

export interface ModuleStats {
  module: string;
  title: string;
  total: number;
  new: number;
  learning: number;
  due: number;
  learned: number;
  /** Questions that changed since they were learned (due now, to relearn). */
  changed: number;
  /** Share of answers right when a question came back from review; null before any. */
  retention: number | null;
  nextDue: number | null;
}

export interface Stats {
  now: number;
  modules: ModuleStats[];
  totals: Omit<ModuleStats, 'module' | 'title'>;
  dueToday: number;
  dueThisWeek: number;
  answers: number;
  /** Questions no longer in the bank whose history is kept. */
  removed: { questions: number; answers: number; ids: string[] };
}

const LEARNING = new Set([1, 3]);

function endOfDay(t: number): number {
  const d = new Date(t);
  d.setHours(24, 0, 0, 0);
  return d.getTime();
}

/** `bank` may be one topic's questions; `allIds` (the whole bank) decides what counts as removed. */
export function computeStats(bank: CompiledQuestion[], fps: Fingerprint[], s: Schedule, now: number, allIds?: Set<string>): Stats {
  const rows = new Map<string, ModuleStats & { recalls: number; recalled: number }>();
  const blank = (module: string, title: string) => ({ module, title, total: 0, new: 0, learning: 0, due: 0, learned: 0, changed: 0, retention: null, nextDue: null, recalls: 0, recalled: 0 });
  const inBank = new Set<string>();
  const today = endOfDay(now);
  const week = now + 7 * 86_400_000;
  let dueToday = 0;
  let dueThisWeek = 0;
  bank.forEach((q, i) => {
    inBank.add(q.id);
    let row = rows.get(q.module);
    if (!row) rows.set(q.module, (row = blank(q.module, q.moduleTitle)));
    row.total++;
    const rec: CardRecord | undefined = Object.hasOwn(s.cards, q.id) ? s.cards[q.id] : undefined;
    if (!rec) return void row.new++;
    row.recalls += rec.recalls;
    row.recalled += rec.recalled;
    const changed = rec.fp.h !== fps[i]!.h;
    const due = changed ? now : rec.card.due;
    if (changed) row.changed++;
    if (due <= now) row.due++;
    else {
      if (LEARNING.has(rec.card.state)) row.learning++;
      else row.learned++;
      row.nextDue = row.nextDue === null ? due : Math.min(row.nextDue, due);
    }
    if (due < today) dueToday++;
    if (due <= week) dueThisWeek++;
  });
  const modules = [...rows.values()].map(({ recalls, recalled, ...m }) => ({ ...m, retention: recalls ? recalled / recalls : null }));
  const sum = (k: 'total' | 'new' | 'learning' | 'due' | 'learned' | 'changed') => modules.reduce((a, m) => a + m[k], 0);
  const recalls = [...rows.values()].reduce((a, r) => a + r.recalls, 0);
  const recalled = [...rows.values()].reduce((a, r) => a + r.recalled, 0);
  const nexts = modules.map((m) => m.nextDue).filter((x): x is number => x !== null);
  const removedIds = Object.keys(s.cards).filter((id) => !(allIds ?? inBank).has(id)).sort();
  return {
    now,
    modules,
    totals: {
      total: sum('total'),
      new: sum('new'),
      learning: sum('learning'),
      due: sum('due'),
      learned: sum('learned'),
      changed: sum('changed'),
      retention: recalls ? recalled / recalls : null,
      nextDue: nexts.length ? Math.min(...nexts) : null,
    },
    dueToday,
    dueThisWeek,
    answers: s.entries,
    removed: { questions: removedIds.length, answers: removedIds.reduce((a, id) => a + s.cards[id]!.reviews, 0), ids: removedIds },
  };
}
