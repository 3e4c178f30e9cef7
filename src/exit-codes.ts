/** What each exit code means, as `kap --help` and the man page say it (the README's table says the same). */
export const EXIT_CODES: readonly (readonly [number, string])[] = [
  [0, 'success'],
  [1, 'internal error (a bug: KAP_DEBUG=1 shows the stack)'],
  [2, 'usage error (unknown command or option, bad or empty value)'],
  [3, 'not found (unknown topic; suggestions on stderr)'],
  [4, 'invalid content (file:line messages on stderr)'],
  [5, 'the machine refused (disk full, permission, not a folder, read-only)'],
  [6, 'kap lint found an error-level problem in the draft'],
  [130, 'interrupted (Ctrl+C)'],
];
