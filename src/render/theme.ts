/** The few styles kap's own views use; plain functions when colour is off. */
export interface Theme {
  bold(s: string): string;
  dim(s: string): string;
  italic(s: string): string;
  heading(s: string): string;
  accent(s: string): string;
  good(s: string): string;
  bad(s: string): string;
  warn(s: string): string;
}

const style = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export function makeTheme(color: boolean): Theme {
  if (!color) {
    const id = (s: string) => s;
    return { bold: id, dim: id, italic: id, heading: id, accent: id, good: id, bad: id, warn: id };
  }
  const bold = style(1, 22);
  return {
    bold,
    dim: style(2, 22),
    italic: style(3, 23),
    heading: (s) => bold(style(4, 24)(s)),
    accent: style(36, 39),
    good: style(32, 39),
    bad: style(31, 39),
    warn: style(33, 39),
  };
}
