/**
 * log.jsonl: every answer, one JSON line, appended with O_APPEND in one write and fsynced
 * before the schedule changes. Sessions in two terminals both append; readers take complete
 * lines only, and skip (never guess at) a damaged line or one from a newer kap.
 */
import { closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readSync } from 'node:fs';
import { fault } from './fault.js';
import { parseEntry, type LogEntry } from './state.js';
import { fsyncDir, writeAll } from './durable.js';
import type { ReviewFiles } from './store.js';

const KEPT = 'Nothing was lost: your earlier answers are in the review log.';

export interface TailRead {
  entries: LogEntry[];
  /** Offset after the last complete line read. */
  end: number;
  damaged: number;
  future: number;
}

/** Complete lines of the log from `from` on; a last line without its newline is being written (or was cut by a crash) and is left. */
export function readLog(file: string, from = 0): TailRead {
  const out: TailRead = { entries: [], end: from, damaged: 0, future: 0 };
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return out;
    throw e;
  }
  let buf: Buffer;
  try {
    const size = fstatSync(fd).size;
    if (size <= from) return out;
    buf = Buffer.alloc(size - from);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, from + got);
      if (!n) break;
      got += n;
    }
    buf = buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
  const last = buf.lastIndexOf(10);
  if (last < 0) return out;
  out.end = from + last + 1;
  for (const line of buf.subarray(0, last).toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = parseEntry(line);
    if (r.ok) out.entries.push(r.entry);
    else if (r.why === 'future') out.future++;
    else out.damaged++;
  }
  return out;
}

/** Append one answer and fsync it: after this returns, the answer survives a crash. */
export function appendEntry(f: ReviewFiles, e: LogEntry): void {
  const line = `${JSON.stringify(e)}\n`;
  let fd: number | undefined;
  try {
    mkdirSync(f.dir, { recursive: true });
    const created = !existsSync(f.log);
    fd = openSync(f.log, 'a+');
    const size = fstatSync(fd).size;
    // A line cut short by a crash stays a damaged line of its own, not the start of this one.
    let prefix = '';
    if (size > 0) {
      const b = Buffer.alloc(1);
      readSync(fd, b, 0, 1, size - 1);
      if (b[0] !== 10) prefix = '\n';
    }
    // One write: O_APPEND puts it whole at the end, whoever else is appending.
    writeAll(fd, Buffer.from(prefix + line));
    fsyncSync(fd);
    if (created) fsyncDir(f.dir);
  } catch (e) {
    fault(e, `save your answer to ${f.log}`, `This answer was not saved. ${KEPT}`, f.data);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
