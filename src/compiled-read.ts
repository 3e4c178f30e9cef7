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

/** The file's text, or undefined when it does not exist or cannot be read. */
export function readCompiled(dataDir: string, rel: string): string | undefined {
  return readCompiledBytes(dataDir, rel)?.toString('utf8');
}

/** The file's bytes, undecoded (a reader that needs only parts of the file decodes those), checked as readCompiled's. */
export function readCompiledBytes(dataDir: string, rel: string): Buffer | undefined {
  let buf: Buffer;
  try {
    buf = readFileSync(join(dataDir, rel));
  } catch {
    return undefined;
  }
  let stamp = stamps.get(dataDir);
  // Most folders have no stamp (dist/content): asked first, since a read that fails throws an
  // error that takes ~0.1 ms to make.
  if (stamp === undefined) stamps.set(dataDir, (stamp = (existsSync(join(dataDir, STAMP)) && readStamp(dataDir)) || null));
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
