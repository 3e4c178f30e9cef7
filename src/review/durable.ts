/** The two primitives durable writes need: write everything, and fsync a folder. */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/** All of `data` (writeSync may write less than asked, on a full disk for one). */
export function writeAll(fd: number, data: Buffer): void {
  for (let done = 0; done < data.length; ) {
    const n = writeSync(fd, data, done, data.length - done);
    if (n <= 0) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
    done += n;
  }
}

export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems cannot fsync a folder; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

