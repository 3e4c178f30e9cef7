/**
 * A data folder kap cannot use (full, read-only, not a folder, no permission) is a fault of
 * the environment, not a bug: a message that names the path, what is wrong, what was kept and
 * what to do, exit 5 (ExitCode.Environment).
 */
import { ExitCode, KapError } from '../errors.js';

const WHAT: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a file is in the way where a folder should be',
  EEXIST: 'a file is in the way where a folder should be',
  EISDIR: 'a folder is in the way where a file should be',
  EIO: 'an input/output error',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
};

export class DataDirFault extends KapError {
  constructor(message: string, hint: string) {
    // The machine refused (disk full, permission, a file in the way): exit 5, as every such fault.
    super(message, ExitCode.Environment, hint);
    this.name = 'DataDirFault';
  }
}

const codeOf = (e: unknown) => (e as NodeJS.ErrnoException)?.code;

/** Is this an error of the file system (as opposed to a bug)? */
export const isFsError = (e: unknown) => typeof codeOf(e) === 'string' && /^E[A-Z]+$/.test(codeOf(e)!);

/**
 * `doing`: "save your answer to /x/log.jsonl"; `kept`: what is safe, in a sentence.
 * Anything that is not a file-system error is rethrown as it is (a bug stays a bug).
 */
export function fault(e: unknown, doing: string, kept: string, dataDir: string): never {
  if (!isFsError(e)) throw e;
  const code = codeOf(e)!;
  const what = WHAT[code] ?? (e as Error).message.split(',')[0];
  const fix =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'Free some space'
      : code === 'ENOTDIR' || code === 'EEXIST' || code === 'EISDIR'
        ? 'Move the file or folder that is in the way'
        : 'Make the folder writable';
  throw new DataDirFault(`cannot ${doing}: ${what} (${code}). ${kept}`, `${fix}, or set KAP_DATA_DIR to a folder kap can write (now ${dataDir}).`);
}
