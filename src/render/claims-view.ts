/** `kap claims` output: a table in a terminal, one line per claim when piped, or JSON. */
import { DESIGN_LABELS, type Verdict } from '../content/model.js';
import type { ClaimRow } from '../store.js';
import type { Theme } from './theme.js';
import { clean } from '../text/sanitize.js';
import { visibleLength, wrapLines } from './wrap.js';
import { unionHelp } from '../safety/index.js';
import { helpForClaim } from '../safety/items.js';
import { closingText, helpJson } from '../safety/paint.js';

const oneLine = (s: string) => clean(s).replace(/\s+/g, ' ').trim();

function verdictStyle(v: Verdict, theme: Theme): (s: string) => string {
  if (v === 'supported') return theme.good;
  if (v === 'misattributed' || v === 'unsupported') return theme.bad;
  return theme.warn;
}

const EVIDENCE_WIDTH = 18; // "moderate certainty"
const SOURCES_WIDTH = 24;
const GAP = '  ';

/** A cell's text wrapped to `width`, as lines (the caller pads them). */
function cell(text: string, width: number): string[] {
  return wrapLines(text, width).split('\n');
}

/** Below this width the columns would crush the claim text: each claim is a small block instead. */
const TABLE_MIN_WIDTH = 72;

/** Columns: claim (wrapped), evidence (design, certainty, verdict), sources (author-year, one a line). */
export function claimsTable(rows: ClaimRow[], theme: Theme, width: number, titles: Map<string, string>): string {
  const narrow = width < TABLE_MIN_WIDTH;
  const textWidth = Math.max(24, width - EVIDENCE_WIDTH - SOURCES_WIDTH - 2 * GAP.length);
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - visibleLength(s)));
  const row = (cols: string[][]) => {
    const height = Math.max(...cols.map((c) => c.length));
    return Array.from({ length: height }, (_, i) =>
      [pad(cols[0]![i] ?? '', textWidth), pad(cols[1]![i] ?? '', EVIDENCE_WIDTH), cols[2]![i] ?? ''].join(GAP).trimEnd(),
    ).join('\n');
  };
  const out: string[] = [];
  let module: string | undefined;
  for (const c of rows) {
    if (c.module !== module) {
      module = c.module;
      if (out.length) out.push('');
      out.push(theme.heading(oneLine(titles.get(c.module) ?? c.module)) + theme.dim(` (${c.module})`));
      if (!narrow) out.push(theme.dim(row([['Claim'], ['Evidence'], ['Sources']])));
    }
    const evidence = [DESIGN_LABELS[c.design], `${c.certainty} certainty`];
    if (c.article) evidence.push(verdictStyle(c.article.verdict, theme)(c.article.verdict));
    if (narrow) {
      const more = (s: string) => wrapLines(`  ${s}`, width);
      out.push(wrapLines(oneLine(c.text), width), more(evidence.join(' · ')), more(`Sources: ${c.sources.map((x) => oneLine(x.cite)).join('; ')}`), '');
      continue;
    }
    const sources = c.sources.flatMap((s) => cell(oneLine(s.cite), SOURCES_WIDTH));
    out.push(row([cell(oneLine(c.text), textWidth), evidence, sources]), '');
  }
  if (out[out.length - 1] === '') out.pop();
  out.push('', theme.dim(`${rows.length} claim(s). Each module's evidence in full: kap explain <module>`));
  return out.join('\n');
}

/** Below the table in a terminal: the safety layer's help for the claims shown, then the notice (piped lines stay parseable). */
export function claimsClosing(rows: ClaimRow[], theme: Theme, width: number): string {
  return wrapLines(closingText(unionHelp(...rows.map(helpForClaim)), theme).join('\n'), width);
}

/** Piped: `id<TAB>module<TAB>design<TAB>certainty<TAB>verdict<TAB>keys<TAB>text`. */
export function claimsLines(rows: ClaimRow[]): string {
  return rows
    .map((c) => [c.id, c.module, c.design, c.certainty, c.article?.verdict ?? '', c.sources.map((s) => s.key).join(','), oneLine(c.text)].join('\t'))
    .join('\n');
}

/** An array, as before; each claim carries `help`, the blocks its text needs (often []). */
export function claimsJson(rows: ClaimRow[]): unknown {
  return rows.map((r) => ({ ...r, help: helpJson(helpForClaim(r)) }));
}
