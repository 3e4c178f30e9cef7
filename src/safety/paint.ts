/**
 * The help blocks and the notice painted for kap's own surfaces: a terminal (bold with colour,
 * plain without), Markdown (the module document), JSON. Exports paint their own formats from
 * the same HELP_BLOCKS.
 */
import { blocksFor, NOTICE, type HelpBlock, type HelpKind } from './index.js';

export interface Bold {
  bold(s: string): string;
  dim(s: string): string;
}

const BOLD = /\*\*(.+?)\*\*/g;
/** A block line without its emphasis marks. */
export const plainLine = (l: string): string => l.replace(BOLD, '$1');

/** Terminal lines (unwrapped), a blank line between blocks; [] when no help is needed. */
export function helpText(kinds: readonly HelpKind[], theme: Bold): string[] {
  return blocksFor(kinds).flatMap((b, i) => [...(i ? [''] : []), ...b.lines.map((l) => l.replace(BOLD, (_, s: string) => theme.bold(s)))]);
}

/** Markdown blockquotes, one per block, for documents rendered with Markdown. */
export function helpMarkdown(kinds: readonly HelpKind[]): string[] {
  return blocksFor(kinds).flatMap((b) => [...b.lines.map((l) => `> ${l}\n>`), '']);
}

export const noticeText = (theme: Bold): string => theme.dim(NOTICE);

/** What ends a teaching screen: the help blocks (if any), a blank line, then the notice (unwrapped lines). */
export const closingText = (kinds: readonly HelpKind[], theme: Bold): string[] => {
  const help = helpText(kinds, theme);
  return [...help, ...(help.length ? [''] : []), noticeText(theme)];
};

export interface HelpJson {
  kind: HelpKind;
  title: string;
  lines: string[];
}
/** `--json`: the blocks with plain lines (no `**` marks). */
export function helpJson(kinds: readonly HelpKind[]): HelpJson[] {
  return blocksFor(kinds).map((b: HelpBlock) => ({ kind: b.kind, title: b.title, lines: b.lines.map(plainLine) }));
}
/** The fields every `--json` surface that teaches adds. */
export const safetyFields = (kinds: readonly HelpKind[]) => ({ help: helpJson(kinds), notice: NOTICE });
