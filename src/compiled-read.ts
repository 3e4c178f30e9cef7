/**
 * Every run-time read of a compiled file. A folder with a stamp (a cached pack compile) has
 * each file checked against the content hash the compiler recorded: a file changed since (an
 * overwrite of the same size, a disk error) is never shown; its stamp is removed so that the
 * next run compiles again. The packaged dist/content has no stamp: it is part of kap itself.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode, KapError } from './errors.js';
import { STAMP, contentHash, readStamp, type Stamp } from './content/stamp.js';

const stamps = new Map<string, Stamp | null>();

/** The folder's stamp, read once per run; null when it has none (dist/content). */
function stampOf(dataDir: string): Stamp | null {
  // Most folders have no stamp: asked first, since a read that fails throws an error that
  // takes ~0.1 ms to make.
  let stamp = stamps.get(dataDir);
  if (stamp === undefined) stamps.set(dataDir, (stamp = (existsSync(join(dataDir, STAMP)) && readStamp(dataDir)) || null));
  return stamp;
}

/**
 * The file's text, or undefined when it does not exist or cannot be read. A folder without a
 * stamp is read as text straight away: Node decodes UTF-8 itself then, while a read into a
 * Buffer runs (and first compiles) Node's JavaScript read path, ~0.1 ms a file.
 */
export function readCompiled(dataDir: string, rel: string): string | undefined {
  if (stampOf(dataDir)) return readCompiledBytes(dataDir, rel)?.toString('utf8');
  try {
    return readFileSync(join(dataDir, rel), 'utf8');
  } catch {
    return undefined;
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
    buf = readFileSync(join(dataDir, rel));
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
