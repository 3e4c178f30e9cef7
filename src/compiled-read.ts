/**
 * Every run-time read of a compiled file. A folder with a stamp (a cached pack compile) has
 * each file checked against the content hash the compiler recorded: a file changed since (an
 * overwrite of the same size, a disk error) is never shown; its stamp is removed so that the
 * next run compiles again. The packaged dist/content has no stamp: it is part of kap itself.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { join, sep } from 'node:path';
import { ExitCode, KapError } from './errors.js';
import { STAMP, contentHash, readStamp, type Stamp } from './content/stamp.js';
import { latin1 } from './text/utf8-text.js';

const stamps = new Map<string, Stamp | null>();

/** The folder's stamp, read once per run; null when it has none (dist/content). */
function stampOf(dataDir: string): Stamp | null {
  // Most folders have no stamp: asked first, since a read that fails throws an error that
  // takes ~0.1 ms to make.
  let stamp = stamps.get(dataDir);
  if (stamp === undefined) stamps.set(dataDir, (stamp = (existsSync(join(dataDir, STAMP)) && readStamp(dataDir)) || null));
  return stamp;
}

/** A folder's path, normalised, with a separator after it: what join(dataDir, rel) starts with. */
const prefixes = new Map<string, string>();

/**
 * join(dataDir, rel), for a plain `rel` (kap's own names: not empty, no `.` or `..` parts, no
 * doubled or leading separator) without Node's normalising of the whole path each time: a search
 * reads ~20 files, and their joins cost ~0.8M instructions of it.
 */
export function compiledPath(dataDir: string, rel: string): string {
  if (rel === '' || rel[0] === '/' || rel[0] === '.' || rel.includes('/.') || rel.includes('//') || rel.includes('\\')) return join(dataDir, rel);
  let prefix = prefixes.get(dataDir);
  if (prefix === undefined) prefixes.set(dataDir, (prefix = join(dataDir, 'x').slice(0, -1)));
  return prefix + (sep === '/' ? rel : rel.replaceAll('/', sep));
}

/**
 * The file's text, or undefined when it does not exist or cannot be read. A folder without a
 * stamp is read as text straight away: Node decodes UTF-8 itself then, while a read into a
 * Buffer runs (and first compiles) Node's JavaScript read path, ~0.1 ms a file.
 */
export function readCompiled(dataDir: string, rel: string): string | undefined {
  if (stampOf(dataDir)) return readCompiledBytes(dataDir, rel)?.toString('utf8');
  try {
    return readFileSync(compiledPath(dataDir, rel), 'utf8');
  } catch {
    return undefined;
  }
}

/** Room for a first read of a whole file (readCompiledInto): kap's largest read this way is 230 KB. */
const READ_ROOM = 256 * 1024;

/**
 * The file's bytes read into memory from its start, or undefined, checked as readCompiled's:
 * how many. `room(n)` gives the memory, at least n bytes of it (a new view when it grew), for a
 * reader that works on the bytes where they are. Read with openSync and readSync, which bin/kap
 * has compiled already: readFileSync first compiles its JavaScript Buffer path (~1.9M
 * instructions).
 */
export function readCompiledInto(dataDir: string, rel: string, room: (n: number) => Uint8Array): number | undefined {
  if (stampOf(dataDir)) {
    const b = readCompiledBytes(dataDir, rel);
    if (b) room(b.length).set(b);
    return b?.length;
  }
  let fd: number | undefined;
  try {
    fd = openSync(compiledPath(dataDir, rel), 'r');
    let into = room(READ_ROOM);
    let n = 0;
    for (let got; (got = readSync(fd, into, n, into.length - n, n)); ) {
      n += got;
      if (n === into.length) into = room(2 * n);
    }
    return n;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * An optional compiled file's JSON (an index or table its reader can do without): undefined for
 * no text or text that is not JSON, so that the reader falls back to what it did without it.
 */
export function parseOptional(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The file's bytes, undecoded (a reader that needs only parts of the file decodes those), checked as readCompiled's. */
export function readCompiledBytes(dataDir: string, rel: string): Buffer | undefined {
  let buf: Buffer;
  try {
    buf = readFileSync(compiledPath(dataDir, rel));
  } catch {
    return undefined;
  }
  const stamp = stampOf(dataDir);
  if (stamp) {
    const want = Object.hasOwn(stamp.files, rel) ? stamp.files[rel] : undefined;
    if (!want || want[1] !== contentHash(buf)) {
      try {
        rmSync(join(dataDir, STAMP), { force: true });
      } catch {
        /* a read-only cache: the check fails again next time, which is still safe */
      }
      throw new KapError(`the compiled content packs in ${dataDir} changed after they were compiled (${rel})`, ExitCode.Content, 'Run the command again: kap compiles the packs anew.');
    }
  }
  return buf;
}

/** How many parts a reader reads one by one before it reads the whole file instead. */
const FEW_PARTS = 16;

/**
 * A compiled file read a part at a time, for a reader that shows a few parts of a large file (a
 * quiz shows three of the bank's 149 questions, a Markdown handout none): each part is read on
 * its own, with the functions bin/kap's cache read has compiled already, and after FEW_PARTS of
 * them the whole file once. A folder with a stamp has the whole file read and checked
 * (readCompiledBytes) at once. Parts are [start, end) in bytes, read as UTF-8.
 */
export class CompiledParts {
  /** `whole`: the file's bytes once read (null: they could not be); `reads`: the parts read so far. */
  private constructor(private readonly path: string, private whole: Buffer | null | undefined, private reads = 0) {}

  /** The file's parts; undefined for a stamped folder's file that is missing (any other is asked as it is read). */
  static open(dataDir: string, rel: string): CompiledParts | undefined {
    const path = compiledPath(dataDir, rel);
    if (!stampOf(dataDir)) return new CompiledParts(path, undefined);
    const whole = readCompiledBytes(dataDir, rel);
    return whole && new CompiledParts(path, whole);
  }

  /** Is the file `size` bytes long? Two one-byte reads rather than fstat, whose first call costs ~0.1 ms. */
  hasSize(size: number): boolean {
    if (this.whole !== undefined) return this.whole?.length === size;
    const probe = new Uint8Array(1);
    return size > 0 && this.read(probe, size - 1) === 1 && this.read(probe, size) === 0;
  }

  /** Bytes [start, end) as text; undefined when the file has not got them. */
  text(start: number, end: number): string | undefined {
    if (this.whole === undefined && ++this.reads > FEW_PARTS) {
      try {
        this.whole = readFileSync(this.path);
      } catch {
        this.whole = null;
      }
    }
    const { whole } = this;
    if (whole !== undefined) return whole && end <= whole.length ? whole.toString('utf8', start, end) : undefined;
    const bytes = latin1(Buffer.allocUnsafeSlow(end - start));
    // Node's C++ decode itself: toString(), even without arguments, is JavaScript that a run
    // compiles first; with an encoding it also runs Node's encoding lookup (~0.35M instructions
    // of a quiz's first question).
    return this.read(bytes, start) === bytes.length ? bytes.utf8Slice(0, bytes.length) : undefined;
  }

  /** Bytes from `position` into `into`: how many were read (0 at the end, -1 when the file cannot be read). */
  private read(into: Uint8Array, position: number): number {
    let fd: number | undefined;
    try {
      fd = openSync(this.path, 'r');
      return readSync(fd, into, 0, into.length, position);
    } catch {
      return -1;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}
