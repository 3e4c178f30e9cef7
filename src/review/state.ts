/**
 * Review state as data. The log (one entry per answer, append-only) is the truth; the schedule
 * is a fold of the log, saved as a snapshot with the log offset it covers, so that loading
 * reads the snapshot and only the log's tail. Pure: the FSRS step comes in as a function.
 */
import type { Fingerprint } from './changes.js';
import type { Grade, StoredCard } from './schedule.js';

export const SCHEDULE_FORMAT = 'kap-review-schedule';
export const SCHEDULE_VERSION = 1;
export const LOG_VERSION = 1;

/** One answer, as a line of log.jsonl. Dates are epoch ms. */
export interface LogEntry {
  v: number;
  /** When it was answered. */
  t: number;
  /** Question id and module. */
  q: string;
  m: string;
  /** What the question taught when it was answered. */
  fp: Fingerprint;
  g: Grade;
  ok: boolean;
  /** Desired retention in force. */
  r: number;
  /** Session id: tells concurrent sessions' answers apart. */
  s: string;
}

export interface CardRecord {
  module: string;
  fp: Fingerprint;
  card: StoredCard;
  reviews: number;
  right: number;
  /** Answers given when the card was in review (not learning): what retention is measured on. */
  recalls: number;
  recalled: number;
  first: number;
  last: number;
  /** Times the question changed and was relearned; why, the last time. */
  relearned: number;
  reasons?: string[];
}

export interface Schedule {
  format: typeof SCHEDULE_FORMAT;
  version: number;
  /** Bytes of log.jsonl folded into this snapshot. */
  logSize: number;
  /** The log's inode: another inode means the log was replaced (a reset, a restore) and is read again from its start. */
  logIno?: number;
  /** Answers folded in. */
  entries: number;
  updated: number;
  cards: Record<string, CardRecord>;
  /** New questions started per local day (YYYY-MM-DD): the daily limit. */
  newByDay: Record<string, number>;
}

export interface Stepper {
  newCard(t: number): StoredCard;
  next(card: StoredCard, t: number, grade: Grade, retention: number): StoredCard;
  changeReasons(old: Fingerprint, now: Fingerprint): string[];
}

/**
 * The rating of an answer: wrong is Again, right is Good, right after changing one's choice
 * is Hard. Never Hard for a wrong answer: FSRS reads Hard as a pass.
 */
export function gradeFor(correct: boolean, changedChoice = false): Grade {
  if (!correct) return 1;
  return changedChoice ? 2 : 3;
}

export const GRADE_NAMES: Record<Grade, string> = { 1: 'again', 2: 'hard', 3: 'good' };

export function emptySchedule(): Schedule {
  return { format: SCHEDULE_FORMAT, version: SCHEDULE_VERSION, logSize: 0, entries: 0, updated: 0, cards: {}, newByDay: {} };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The local calendar day of a time (TZ decides), as YYYY-MM-DD. */
export function dayKey(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Fold one answer into the schedule (mutates and returns it). */
export function applyEntry(s: Schedule, e: LogEntry, step: Stepper): Schedule {
  let rec = Object.hasOwn(s.cards, e.q) ? s.cards[e.q] : undefined;
  if (!rec) {
    rec = { module: e.m, fp: e.fp, card: step.newCard(e.t), reviews: 0, right: 0, recalls: 0, recalled: 0, first: e.t, last: e.t, relearned: 0 };
    s.cards[e.q] = rec;
    const day = dayKey(e.t);
    s.newByDay[day] = (s.newByDay[day] ?? 0) + 1;
  } else if (rec.fp.h !== e.fp.h) {
    rec.reasons = step.changeReasons(rec.fp, e.fp);
    rec.relearned++;
    rec.fp = e.fp;
    rec.card = step.newCard(e.t);
  }
  if (rec.card.state === 2) {
    rec.recalls++;
    if (e.ok) rec.recalled++;
  }
  // Answers can reach the log out of time order (sessions at once, a clock set back): FSRS
  // refuses to go back in time, so an earlier answer counts as given at the card's last review.
  rec.card = step.next(rec.card, Math.max(e.t, rec.card.last_review ?? e.t), e.g, e.r);
  rec.module = e.m;
  rec.reviews++;
  if (e.ok) rec.right++;
  rec.last = Math.max(rec.last, e.t);
  s.entries++;
  s.updated = Math.max(s.updated, e.t);
  return s;
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function isFingerprint(x: unknown): x is Fingerprint {
  return isObj(x) && typeof x.h === 'string' && typeof x.stem === 'string' && typeof x.key === 'string' && Array.isArray(x.sources) && Array.isArray(x.evidence);
}

export type EntryCheck = { ok: true; entry: LogEntry } | { ok: false; why: 'damaged' | 'future' };

/** A log line, checked: a damaged line or one from a newer kap is skipped, never guessed at. */
export function parseEntry(line: string): EntryCheck {
  let x: unknown;
  try {
    x = JSON.parse(line);
  } catch {
    return { ok: false, why: 'damaged' };
  }
  if (!isObj(x) || !isNum(x.v)) return { ok: false, why: 'damaged' };
  if (x.v > LOG_VERSION) return { ok: false, why: 'future' };
  const good =
    x.v === LOG_VERSION && isNum(x.t) && typeof x.q === 'string' && x.q !== '__proto__' && typeof x.m === 'string' && isFingerprint(x.fp) &&
    (x.g === 1 || x.g === 2 || x.g === 3) && typeof x.ok === 'boolean' && isNum(x.r) && x.r > 0 && x.r < 1 && typeof x.s === 'string';
  return good ? { ok: true, entry: x as unknown as LogEntry } : { ok: false, why: 'damaged' };
}

export type ScheduleCheck = { ok: true; schedule: Schedule } | { ok: false; why: 'empty' | 'damaged' | 'future'; detail: string };

function isCard(x: unknown): boolean {
  return isObj(x) && isNum(x.due) && isNum(x.stability) && isNum(x.difficulty) && isNum(x.reps) && isNum(x.lapses) && isNum(x.state) && isNum(x.elapsed_days) && isNum(x.scheduled_days) && isNum(x.learning_steps);
}

/** The snapshot file's text, checked all the way down before anything trusts it. */
export function parseSchedule(text: string): ScheduleCheck {
  if (!text.trim()) return { ok: false, why: 'empty', detail: 'the file is empty' };
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch {
    return { ok: false, why: 'damaged', detail: 'it is not complete JSON (truncated or corrupted)' };
  }
  if (!isObj(x) || x.format !== SCHEDULE_FORMAT || !isNum(x.version)) return { ok: false, why: 'damaged', detail: 'it is not a kap review schedule' };
  if (x.version > SCHEDULE_VERSION) return { ok: false, why: 'future', detail: `it was written by a newer kap (format version ${x.version}; this kap reads ${SCHEDULE_VERSION})` };
  if (x.version !== SCHEDULE_VERSION || !isNum(x.logSize) || (x.logIno !== undefined && !isNum(x.logIno)) || !isNum(x.entries) || !isNum(x.updated) || !isObj(x.cards) || !isObj(x.newByDay))
    return { ok: false, why: 'damaged', detail: 'fields are missing or of the wrong type' };
  for (const [id, r] of Object.entries(x.cards)) {
    if (!isObj(r) || typeof r.module !== 'string' || !isFingerprint(r.fp) || !isCard(r.card) || !isNum(r.reviews) || !isNum(r.right) || !isNum(r.recalls) || !isNum(r.recalled) || !isNum(r.first) || !isNum(r.last) || !isNum(r.relearned))
      return { ok: false, why: 'damaged', detail: `the record of question "${id.slice(0, 40)}" is damaged` };
  }
  if (!Object.values(x.newByDay).every(isNum)) return { ok: false, why: 'damaged', detail: 'the daily counts are damaged' };
  return { ok: true, schedule: x as unknown as Schedule };
}
