/** Exit codes, documented in the README and in `kap --help`. */
export const ExitCode = {
  Ok: 0,
  Internal: 1,
  Usage: 2,
  NotFound: 3,
  Content: 4,
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
  return `${p.file}:${p.line}: ${p.severity}: ${p.message}`;
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
