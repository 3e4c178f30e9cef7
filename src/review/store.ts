/**
 * The review history on disk, in <data dir>/review/:
 *   log.jsonl      every answer, one JSON line (log.ts), appended and fsynced before the
 *                  schedule changes: the truth. Sessions in two terminals both append to it.
 *   schedule.json  the fold of the log (a snapshot with the log offset it covers), written
 *                  atomically (temp file, fsync, rename, fsync of the folder).
 *   backups/       dated copies of both (backup.ts).
 * Loading reads the snapshot and folds in the log's tail (answers of another session, or one
 * whose snapshot a crash cut short). A snapshot that cannot be trusted is moved aside, never
 * overwritten, and the schedule rebuilt from the log.
 */
import { processAlive } from '../process-alive.js';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fault } from './fault.js';
import { emptySchedule, parseSchedule, applyEntry, type LogEntry, type Schedule, type Stepper } from './state.js';
import { readLog, type TailRead } from './log.js';
import { fsyncDir, writeAll } from './durable.js';

export interface ReviewFiles {
  /** The user's data folder (KAP_DATA_DIR), for messages. */
  data: string;
  dir: string;
  schedule: string;
  log: string;
  backups: string;
}

export function reviewFiles(dataDir: string): ReviewFiles {
  const dir = join(dataDir, 'review');
  return { data: dataDir, dir, schedule: join(dir, 'schedule.json'), log: join(dir, 'log.jsonl'), backups: join(dir, 'backups') };
}

/** Write the snapshot so that a reader (or a crash) sees the old one or the new, never half. */
export function writeSchedule(f: ReviewFiles, s: Schedule): void {
  const tmp = join(f.dir, `.schedule.json.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  let fd: number | undefined;
  try {
    mkdirSync(f.dir, { recursive: true });
    fd = openSync(tmp, 'wx');
    writeAll(fd, Buffer.from(JSON.stringify(s)));
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, f.schedule);
    fsyncDir(f.dir);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    fault(e, `save the review schedule to ${f.schedule}`, `Your answers are saved in the review log (${f.log}); the schedule is rebuilt from it next time.`, f.data);
  }
}

export interface Loaded {
  schedule: Schedule;
  /** Said on stderr: what was moved aside, rebuilt or skipped. */
  messages: string[];
  /** The snapshot on disk is behind (tail folded in, or rebuilt): save it. */
  stale: boolean;
}

const stamp = (t: number) => new Date(t).toISOString().replace(/[:.]/g, '-');

/** Move a file aside, never over another; returns where it went. */
function moveAside(file: string, why: string, now: number, f: ReviewFiles): string {
  const to = `${file}.${why}-${stamp(now)}-${process.pid}`;
  try {
    renameSync(file, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return to; // another session moved it first
    fault(e, `move the unreadable ${file} aside`, 'It was left as it is, and nothing was written.', f.data);
  }
  return to;
}

function logStat(f: ReviewFiles): { size: number; ino: number } {
  try {
    const st = statSync(f.log);
    return { size: st.size, ino: st.ino };
  } catch {
    return { size: 0, ino: 0 };
  }
}

/** Fold log entries into a schedule; `step` is loaded only when there is something to fold. */
export async function fold(s: Schedule, entries: LogEntry[], stepper: () => Promise<Stepper>): Promise<Schedule> {
  if (!entries.length) return s;
  const step = await stepper();
  for (const e of entries) applyEntry(s, e, step);
  return s;
}

function skipped(t: TailRead, f: ReviewFiles): string[] {
  const out: string[] = [];
  if (t.damaged) out.push(`${t.damaged} line${t.damaged > 1 ? 's' : ''} of ${f.log} could not be read and ${t.damaged > 1 ? 'were' : 'was'} skipped (the file is kept as it is)`);
  if (t.future) out.push(`${t.future} answer${t.future > 1 ? 's' : ''} in ${f.log} ${t.future > 1 ? 'were' : 'was'} written by a newer kap and skipped (kept in the file)`);
  return out;
}

export async function loadSchedule(f: ReviewFiles, now: number, stepper: () => Promise<Stepper>): Promise<Loaded> {
  const messages: string[] = [];
  let text: string | undefined;
  try {
    text = readFileSync(f.schedule, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // Not there (or a file in the way of its folder, which saving reports): no schedule yet.
    if (code !== 'ENOENT' && code !== 'ENOTDIR') fault(e, `read the review schedule ${f.schedule}`, 'Nothing was changed.', f.data);
  }
  let base: Schedule | undefined;
  if (text !== undefined) {
    const r = parseSchedule(text);
    if (r.ok) base = r.schedule;
    else {
      const to = moveAside(f.schedule, r.why === 'future' ? 'newer' : r.why, now, f);
      messages.push(`the review schedule ${f.schedule} could not be used: ${r.detail}. It was moved to ${to}, and the schedule is rebuilt from the review log`);
    }
  }
  const { size: logSize, ino } = logStat(f);
  if (base && base.logIno && ino && base.logIno !== ino && base.logSize <= logSize) {
    messages.push(`the review log ${f.log} was replaced since the schedule was saved: the schedule is rebuilt from it`);
    base = undefined;
  }
  if (base && base.logSize > logSize) {
    const to = moveAside(f.schedule, 'ahead-of-log', now, f);
    messages.push(`the review log ${f.log} is shorter than the schedule records (${logSize} < ${base.logSize} bytes). The schedule was moved to ${to}, and rebuilt from the log`);
    base = undefined;
  }
  const rebuilt = !base;
  const s = base ?? emptySchedule();
  const tail = readLog(f.log, s.logSize);
  messages.push(...skipped(tail, f));
  await fold(s, tail.entries, stepper);
  const stale = rebuilt ? logSize > 0 || text !== undefined : tail.end !== s.logSize || s.logIno !== ino;
  s.logSize = tail.end;
  s.logIno = ino;
  const n = `${tail.entries.length} answer${tail.entries.length === 1 ? '' : 's'}`;
  if (rebuilt && text === undefined && tail.entries.length) messages.push(`the review schedule ${f.schedule} was not found: rebuilt it from the ${n} in the review log`);
  else if (rebuilt && messages.length) messages.push(`rebuilt from the ${n} in the review log`);
  return { schedule: s, messages, stale };
}

/** After appending: fold in every new line (ours and any other session's). */
export async function refresh(f: ReviewFiles, s: Schedule, stepper: () => Promise<Stepper>): Promise<{ messages: string[] }> {
  const messages: string[] = [];
  const { size, ino } = logStat(f);
  // The log was replaced under this session (--reset in another terminal): start from it.
  if (size < s.logSize || (s.logIno && ino && ino !== s.logIno)) {
    Object.assign(s, emptySchedule());
    messages.push(`the review log ${f.log} was replaced by another kap (a reset?): this session goes on from the new one`);
  }
  const tail = readLog(f.log, s.logSize);
  await fold(s, tail.entries, stepper);
  s.logSize = tail.end;
  s.logIno = ino;
  return { messages: [...messages, ...skipped(tail, f)] };
}

/** --reset: move the history into a dated folder (kept, never deleted); returns it. */
export function resetHistory(f: ReviewFiles, now: number): string | undefined {
  const present = [f.schedule, f.log].filter((p) => existsSync(p));
  if (!present.length) return undefined;
  const to = join(f.dir, `reset-${stamp(now)}-${process.pid}`);
  try {
    mkdirSync(to, { recursive: true });
    for (const p of present) renameSync(p, join(to, p === f.log ? 'log.jsonl' : 'schedule.json'));
    fsyncDir(f.dir);
  } catch (e) {
    fault(e, `reset the review history in ${f.dir}`, 'Nothing was deleted.', f.data);
  }
  return to;
}

/** Temporary files and folders of sessions that were killed mid-save (their pid is gone). */
function pruneLeftovers(f: ReviewFiles): void {
  for (const [dir, re] of [[f.dir, /^\.schedule\.json\.tmp-(\d+)-/], [f.backups, /^\.tmp-[\d-]+-(\d+)$/]] as const) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const n of names) {
      const pid = Number(re.exec(n)?.[1]);
      if (pid && pid !== process.pid && !processAlive(pid)) rmSync(join(dir, n), { recursive: true, force: true });
    }
  }
}

/** Fail early, before the first question, when the folder cannot take an answer. */
export function checkWritable(f: ReviewFiles): void {
  let fd: number | undefined;
  try {
    mkdirSync(f.dir, { recursive: true });
    fd = openSync(f.log, 'a');
    pruneLeftovers(f);
  } catch (e) {
    fault(e, `use ${f.dir} for your review history`, 'Nothing was changed.', f.data);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
