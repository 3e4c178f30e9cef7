/**
 * Reading one file of a content folder, the only way kap reads one: a regular file inside the
 * folder (a symlink may point elsewhere inside it, never out of it), at most MAX_FILE_BYTES,
 * and never blocking (a FIFO or a device is refused before a byte is read). The loader and the
 * cache key both read through here, so both see the same bytes.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';

/** Largest file we read; a bigger one is reported, not loaded. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Most files a folder of a pack may hold (modules/, quiz/). */
export const MAX_FILES = 20_000;

export type Read = { bytes: Buffer } | { problem: string };

const why = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** The real path of a content folder, or the folder as given when it cannot be resolved. */
export function realRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}

/** `path` (inside the folder whose real path is `root`), read safely. */
export function readPackFile(root: string, path: string): Read {
  let real: string;
  try {
    // The whole path, not only its last part: a linked modules/ folder counts too.
    real = realpathSync(path);
  } catch (e) {
    return { problem: `cannot read: ${why(e)}` };
  }
  const rel = relative(root, real);
  if (!rel || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))
    return { problem: 'a symbolic link to a file outside the content folder: not read (copy the file into the folder instead)' };
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer must not hang; O_NOCTTY: never adopt a terminal.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    return { problem: `cannot read: ${why(e)}` };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { problem: 'cannot read: EISDIR (a folder, not a file)' };
    if (!st.isFile()) return { problem: 'not a regular file (a pipe, a device or a socket): not read' };
    if (st.size > MAX_FILE_BYTES) return { problem: `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    // Read at most one byte past the limit: a file that grows while being read is still bounded.
    const buf = Buffer.allocUnsafe(Math.min(st.size, MAX_FILE_BYTES) + 1);
    let n = 0;
    for (let got = -1; got !== 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, null);
    if (n > MAX_FILE_BYTES) return { problem: `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    return { bytes: buf.subarray(0, n) };
  } catch (e) {
    return { problem: `cannot read: ${why(e)}` };
  } finally {
    closeSync(fd);
  }
}

/** Names in a folder ending with `ext`, sorted; a missing folder is empty, any other failure a problem. */
export function listPackDir(dir: string, ext: string): { names: string[]; problem?: string } {
  try {
    const names = readdirSync(dir).filter((f) => f.endsWith(ext)).sort();
    if (names.length > MAX_FILES) return { names: names.slice(0, MAX_FILES), problem: `more than ${MAX_FILES} files: only the first ${MAX_FILES} are read` };
    return { names };
  } catch (e) {
    const code = why(e);
    return code === 'ENOENT' ? { names: [] } : { names: [], problem: `cannot list the folder: ${code}` };
  }
}
