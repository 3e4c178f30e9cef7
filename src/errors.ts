import { oneLine } from './text/sanitize.js';

/** Exit codes, documented in the README and in `kap --help`. */
export const ExitCode = {
  Ok: 0,
  Internal: 1,
  Usage: 2,
  NotFound: 3,
  Content: 4,
  /** The machine, not kap or its input: disk full, no permission, not a folder, read-only. */
  Environment: 5,
  /** kap lint found an error-level problem in the draft. */
  LintErrors: 6,
  Interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error a user can cause: printed as a message (and hint), never as a stack. */
export class KapError extends Error {
  /** A brand that survives being thrown from another bundle's copy of this class. */
  readonly kapError = true;
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'KapError';
  }
}

export class UsageError extends KapError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.Usage, hint);
  }
}

/** Compiled content (dist/content, a pack's cache) is missing, corrupted or from another version. */
export class CompiledContentError extends KapError {
  constructor(message: string) {
    super(message, ExitCode.Content, 'Run `npm run build` (or reinstall kap).');
  }
}

/** What each fault of the machine means, and what to do about it. */
const FAULTS: Record<string, [what: string, todo: string]> = {
  ENOSPC: ['the disk is full', 'Free some space and run again.'],
  EDQUOT: ['the disk quota is used up', 'Free some space and run again.'],
  EFBIG: ['the file is too large for this file system', 'Write somewhere else.'],
  EACCES: ['permission denied', 'Check the permissions of the path, or use another one.'],
  EPERM: ['operation not permitted', 'Check the permissions of the path, or use another one.'],
  EROFS: ['the file system is read-only', 'Use a path on a writable file system.'],
  ENOTDIR: ['a part of the path is a file, not a folder', 'Fix the path, or use another one.'],
  EISDIR: ['it is a folder', 'Name a file instead.'],
  EIO: ['an input/output error (a failing disk or a lost network drive)', 'Check the device and run again.'],
  EMFILE: ['too many open files', 'Close some programs and run again.'],
  ENFILE: ['too many open files', 'Close some programs and run again.'],
  ELOOP: ['too many symbolic links', 'Fix the links on the path.'],
  ENAMETOOLONG: ['the path is too long', 'Use a shorter path.'],
};

const VERBS: Record<string, string> = { open: 'open', read: 'read', write: 'write', mkdir: 'create the folder', rename: 'write', scandir: 'list the folder', unlink: 'remove', rmdir: 'remove', rm: 'remove', copyfile: 'copy', stat: 'read', lstat: 'read', realpath: 'read', fsync: 'write', mkdtemp: 'create a folder in' };

/** The machine refused (disk full, permission, not a folder, read-only): exit 5, never "a bug". */
export class EnvironmentError extends KapError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.Environment, hint);
  }
}

/** A Node file-system error with one of FAULTS' codes, as an EnvironmentError naming `path`; else undefined. */
export function environmentError(e: unknown, doing?: string, path?: string): EnvironmentError | undefined {
  const err = e as NodeJS.ErrnoException | undefined;
  const fault = typeof err?.code === 'string' ? FAULTS[err.code] : undefined;
  if (!fault) return undefined;
  const where = path ?? err!.path ?? (err as { dest?: string }).dest;
  const act = doing ?? VERBS[err!.syscall ?? ''] ?? 'access';
  return new EnvironmentError(`cannot ${act}${where ? ` ${where}` : ''}: ${fault[0]} (${err!.code})`, fault[1]);
}

export interface NotFoundHint {
  /** How to show a suggestion: `kap explain ${s}`, `--source ${s}`; as it is by default. */
  as?: (suggestion: string) => string;
  /** The hint when there is nothing to suggest. */
  otherwise?: string;
  /** Said after the suggestions, or alone. */
  then?: string;
}

/** Nothing matched: exit 3, with "Did you mean: …?" built from the suggestions, here only. */
export class NotFoundError extends KapError {
  constructor(message: string, suggestions: string[] = [], { as = (s) => s, otherwise, then }: NotFoundHint = {}) {
    const didYouMean = suggestions.length ? `Did you mean: ${suggestions.map(as).join(', ')}?` : otherwise;
    super(message, ExitCode.NotFound, [didYouMean, then].filter(Boolean).join(' ') || undefined);
  }
}

/** One problem in a content file, located for `file:line: message` output. */
export interface Problem {
  file: string;
  line: number;
  /** Errors fail `kap check` and the build; warnings and info do not. */
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export function formatProblem(p: Problem): string {
  // A file name or message with a line break must not forge a second problem line.
  return `${oneLine(p.file)}:${p.line}: ${p.severity}: ${oneLine(p.message)}`;
}

/** Content that failed validation; carries every problem, not just the first. */
export class ContentError extends KapError {
  constructor(readonly problems: Problem[], summary?: string) {
    super(summary ?? `${problems.filter((p) => p.severity === 'error').length} content error(s)`, ExitCode.Content);
  }
}

export function isKapError(e: unknown): e is KapError {
  return typeof e === 'object' && e !== null && (e as KapError).kapError === true && typeof (e as KapError).exitCode === 'number';
}
