/**
 * Files kap writes for the user (--out): scrubbed like every other output (text/sanitize.ts),
 * written to the path the user named so that a reader sees the old content or the new, never
 * half (a temporary file beside the target, then rename). A symlink is followed to its target
 * (the link stays a link); a folder, a device, a pipe or a socket is refused, so kap never
 * reports a write it did not do.
 */
import { chmodSync, closeSync, fsyncSync, lstatSync, openSync, readlinkSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { EnvironmentError, UsageError, environmentError } from './errors.js';
import { oneLine, scrub } from './text/sanitize.js';

const stat = (p: string, follow: boolean): Stats | undefined => {
  try {
    return follow ? statSync(p) : lstatSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw environmentError(e, 'read', p) ?? e;
  }
};

/** The file a write to `named` lands in: symlinks followed, even one whose target does not exist yet. */
export function writeTarget(named: string): string {
  let p = resolve(named);
  for (let hops = 0; hops < 40; hops++) {
    const l = stat(p, false);
    if (!l?.isSymbolicLink()) return p;
    p = resolve(dirname(p), readlinkSync(p));
  }
  throw new EnvironmentError(`cannot write ${oneLine(named)}: too many symbolic links`, 'Fix the links on the path.');
}

/**
 * Where a write to `file` would land, and what is there now; refuses a folder, a device, a pipe,
 * and a file that exists unless `replace` (--force): a trainer's edited handout is never lost to
 * a re-export.
 */
export function outTarget(file: string, replace = false): { target: string; st: Stats | undefined } {
  const shown = oneLine(file);
  // What the name leads to, first: /proc/self/fd/1 and its like are links to no path at all.
  const named = stat(resolve(file), true);
  const target = named && !named.isFile() ? resolve(file) : writeTarget(file);
  const st = named && !named.isFile() ? named : stat(target, true);
  if (st?.isDirectory()) throw new UsageError(`cannot write ${shown}: it is a folder`, 'Name a file: --out quiz.md');
  if (st && !st.isFile()) throw new UsageError(`cannot write ${shown}: not a regular file (a device, a pipe or a socket)`, 'Name a regular file, or leave out --out to write to stdout.');
  if (st && !replace) throw new UsageError(`${shown} exists: kap replaces a file only when told to`, 'Add --force to replace it, or name another file.');
  return { target, st };
}

/** `text` is scrubbed; bytes (a zip) are written as they are: their parts were made from clean text. */
export function writeFileAtomic(file: string, text: string | Uint8Array, replace = false): void {
  const shown = oneLine(file);
  const { target, st } = outTarget(file, replace);
  const tmp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w', st ? st.mode & 0o7777 : 0o666);
    const buf = typeof text === 'string' ? Buffer.from(scrub(text), 'utf8') : Buffer.from(text);
    for (let at = 0; at < buf.length; ) at += writeSync(fd, buf, at);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (st) chmodSync(tmp, st.mode & 0o7777);
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      rmSync(tmp, { force: true });
    } catch {
      /* the folder refuses even that: nothing was written */
    }
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`cannot write ${shown}: no such folder`, 'Name a file in a folder that exists.');
    throw environmentError(e, 'write', shown) ?? e;
  }
}
