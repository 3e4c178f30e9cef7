/**
 * A pure result kept between compiles: the compiler's memo (cite/memo.ts) gives the checks
 * what they computed for the same text before, so a pack compile checks again only what the
 * pack changed. `kind` and `input` (the text) key a result; JSON values only.
 */
export type Remember = <T>(kind: string, input: string, make: () => T) => T;

/** No memo: computed each time (tests, `kap check`). */
export const compute: Remember = (_kind, _input, make) => make();
