/** Write a file so that a reader sees the old content or the new, never half: temp file + rename. */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { KapError, ExitCode } from './errors.js';

export function writeFileAtomic(file: string, text: string | Uint8Array): void {
  const tmp = join(dirname(file), `.${basename(file)}.tmp-${process.pid}`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new KapError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, ExitCode.Usage);
  }
}
