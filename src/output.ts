/**
 * Standard output and error for a short-lived CLI. Creating process.stdout loads Node's stream
 * machinery (~3 ms per start), so output that is not a terminal (a pipe, a file, /dev/null) is
 * written with fs.writeSync. A terminal gets process.stdout, which also knows its width.
 */
import { fstatSync, readlinkSync, writeSync } from 'node:fs';
import { environmentError } from './errors.js';

export interface Out {
  write(s: string): void;
  /** Bytes as they are (UTF-8 the output boundary has checked); not kept after the call (a terminal's stream gets a copy). */
  writeBytes(b: Uint8Array): void;
  isTTY?: boolean;
  columns?: number;
  /** The terminal's height, for the pager's "does it fit" (cli.ts). */
  rows?: number;
}

// Linux's /dev/null is character device 1:3; it is no terminal, and checking that through
// node:tty would cost as much as the stream we are avoiding.
const DEV_NULL = (1 << 8) | 3;

/** Is `fd` possibly a terminal? A pipe, a file or /dev/null is certainly not one. */
function maybeTTY(fd: number): boolean {
  // Linux names what a descriptor is open on: a pipe, a socket, a file, /dev/null or a
  // terminal under /dev. Reading that link costs a quarter of fstat's first call (~0.4 ms).
  try {
    const target = readlinkSync(`/proc/self/fd/${fd}`);
    return target.startsWith('/dev/') && target !== '/dev/null';
  } catch {
    // No /proc (macOS, BSD): ask fstat.
  }
  try {
    const st = fstatSync(fd);
    return st.isCharacterDevice() && st.rdev !== DEV_NULL;
  } catch {
    return false;
  }
}

const EMPTY = new Uint8Array(0);
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Write all of `s` (text as UTF-8, or bytes) to `fd`; a closed reader (EPIPE) ends the process quietly with `code()`. */
export function writeAll(fd: number, s: string | Uint8Array, code: () => number): void {
  let buf = typeof s === 'string' ? Buffer.from(s, 'utf8') : s;
  while (buf.length) {
    try {
      const n = writeSync(fd, buf);
      // Nearly every write is whole: Buffer's subarray is JavaScript a run compiles before its
      // first call (~0.3M instructions of a scripted quiz).
      buf = n === buf.length ? EMPTY : buf.subarray(n);
    } catch (e) {
      const err = (e as NodeJS.ErrnoException).code;
      // A non-blocking pipe that is full: wait a moment for the reader.
      if (err === 'EAGAIN') Atomics.wait(pause, 0, 0, 2);
      else if (err === 'EPIPE') process.exit(code());
      else if (err === 'EBADF') return; // stdout closed (`kap list >&-`): nothing to write to
      else throw environmentError(e, 'write to', fd === 1 ? 'standard output' : 'standard error') ?? e;
    }
  }
}

export function openOutput(fd: 1 | 2, stream: () => NodeJS.WriteStream, code: () => number): Out {
  if (maybeTTY(fd)) {
    const s = stream();
    if (s.isTTY) return { write: (text) => void s.write(text), writeBytes: (b) => void s.write(Buffer.from(b)), isTTY: true, columns: s.columns, rows: s.rows };
  }
  return { write: (text) => writeAll(fd, text, code), writeBytes: (b) => writeAll(fd, b, code), isTTY: false };
}

/** An output opened on its first write: most runs never write to stderr. */
export function lazyOutput(open: () => Out): Out {
  let out: Out | undefined;
  return { write: (text) => (out ??= open()).write(text), writeBytes: (b) => (out ??= open()).writeBytes(b) };
}
