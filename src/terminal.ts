/** Decisions about the terminal (colour, width), as pure functions of what the process sees. */

export interface TerminalFacts {
  isTTY: boolean;
  columns?: number;
  env: Record<string, string | undefined>;
}

/** --no-color, then NO_COLOR, then FORCE_COLOR, then "is stdout a terminal (not a dumb one)". */
export function decideColor(flag: boolean | undefined, t: TerminalFacts): boolean {
  if (flag === false) return false;
  if (t.env.NO_COLOR) return false;
  const force = t.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return t.isTTY && t.env.TERM !== 'dumb';
}

export const MIN_WIDTH = 20;
export const MAX_WIDTH = 1000;

/** --width, then the terminal's own width, then COLUMNS, then 80. */
export function decideWidth(flag: number | undefined, t: TerminalFacts): number {
  if (flag !== undefined) return flag;
  if (t.isTTY && t.columns && t.columns > 0) return clampWidth(t.columns);
  const cols = Number(t.env.COLUMNS);
  if (Number.isInteger(cols) && cols > 0) return clampWidth(cols);
  return 80;
}

export function clampWidth(n: number): number {
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, n));
}
