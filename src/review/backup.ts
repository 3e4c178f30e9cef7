/**
 * Dated backups of the review history (schedule and log), at most one per day, kept on a
 * daily/weekly/monthly pattern: the last 7 days, the newest of each of the last 4 weeks and
 * the newest of each of the last 12 months; older ones are pruned. `keep` decides (pure);
 * `backUp` does the file work, atomically (a temporary folder renamed into place).
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { dayKey } from './state.js';
import { fsyncDir, writeAll } from './durable.js';

export const KEEP = { days: 7, weeks: 4, months: 12 };
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The Monday (UTC arithmetic on the calendar day) of a YYYY-MM-DD day. */
function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** Which dated backups to keep (newest first in each bucket). */
export function keep(days: string[], k = KEEP): Set<string> {
  const sorted = [...new Set(days.filter((d) => DAY.test(d)))].sort().reverse();
  const out = new Set(sorted.slice(0, k.days));
  const newestPer = (bucket: (d: string) => string, n: number) => {
    const seen = new Set<string>();
    for (const d of sorted) {
      const b = bucket(d);
      if (seen.has(b)) continue;
      seen.add(b);
      if (seen.size > n) break;
      out.add(d);
    }
  };
  newestPer(weekOf, k.weeks);
  newestPer((d) => d.slice(0, 7), k.months);
  return out;
}

function writeDurable(file: string, data: Buffer): void {
  const fd = openSync(file, 'w');
  try {
    writeAll(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Today's backup, once a day (a no-op when it exists), then prune. Returns the folder made, if any. */
export function backUp(backups: string, files: { schedule: string; log: string }, now: number): string | undefined {
  const day = dayKey(now);
  const target = join(backups, day);
  if (existsSync(target)) return undefined;
  mkdirSync(backups, { recursive: true });
  const tmp = join(backups, `.tmp-${day}-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  try {
    if (existsSync(files.schedule)) writeDurable(join(tmp, 'schedule.json'), readFileSync(files.schedule));
    if (existsSync(files.log)) writeDurable(join(tmp, 'log.jsonl.gz'), gzipSync(readFileSync(files.log)));
    fsyncDir(tmp);
    renameSync(tmp, target);
    fsyncDir(backups);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    // Another session made today's backup first: that one stands.
    if (existsSync(target)) return undefined;
    throw e;
  }
  const kept = keep(readdirSync(backups).filter((d) => DAY.test(d)));
  for (const d of readdirSync(backups)) if (DAY.test(d) && !kept.has(d)) rmSync(join(backups, d), { recursive: true, force: true });
  return target;
}
