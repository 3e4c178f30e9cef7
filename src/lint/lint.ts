/** A draft in, located findings out: prose, sentences, rules, then the writer's own switches. */
import { prose, type Directive } from './prose.js';
import { sentences } from './sentences.js';
import { runRules, type Finding, type RuleId } from './rules.js';
import type { LintIndex } from './read.js';

export interface Located extends Finding {
  /** 1-based line and column (UTF-16 code units, as editors and SARIF count them). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface LintOptions {
  /** Rules turned off for the whole run (--disable). */
  disabled?: ReadonlySet<string>;
}

export function lintText(input: string, index: LintIndex, opts: LintOptions = {}): Located[] {
  const p = prose(input);
  const ss = sentences(p);
  const sectionStarts = [0, ...p.headings, input.length];
  const sections = sectionStarts.slice(0, -1).map((a, i) => [a, sectionStarts[i + 1]!] as [number, number]);
  const lines = lineStarts(input);
  // A draft without directives (most) has every rule on everywhere: no line look-up for that.
  const switched = p.directives.length > 0;
  const out: Located[] = [];
  // The findings come in offset order (runRules sorts them): each one's line is found from the
  // last one's, walking on, not by a search from the top (two a finding, run cold).
  let line = 0;
  for (const f of runRules({ sentences: ss, sections, text: p.text }, index)) {
    if (opts.disabled?.has(f.rule) || (switched && !enabledAt(p.directives, f.rule, f.start, lines))) continue;
    // The rules' finding given its place, not copied with it (a spread of an object of one of
    // many shapes, run cold): the same keys in the same order, the place's last.
    const at = (line = lineFrom(lines, line, f.start));
    const last = Math.max(f.start, f.end - 1);
    const endAt = lineFrom(lines, at, last);
    const located = f as Located;
    located.line = at + 1;
    located.column = f.start - lines[at]! + 1;
    located.endLine = endAt + 1;
    located.endColumn = last - lines[endAt]! + 2;
    out.push(located);
  }
  return out;
}

export function lineStarts(s: string): number[] {
  const out = [0];
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/** lineOf(lines, offset), walking on from line `from` when the offset is at or after its start. */
export function lineFrom(lines: number[], from: number, offset: number): number {
  if (offset < lines[from]!) return lineOf(lines, offset);
  let k = from;
  while (k + 1 < lines.length && lines[k + 1]! <= offset) k++;
  return k;
}

export function lineOf(lines: number[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Is `rule` on at `offset`, after the `<!-- kap-lint … -->` comments before it? */
function enabledAt(directives: Directive[], rule: RuleId, offset: number, lines: number[]): boolean {
  let on = true;
  const line = lineOf(lines, offset);
  for (const d of directives) {
    if (d.at > offset) break;
    const applies = !d.rules.length || d.rules.includes(rule);
    if (!applies) continue;
    if (d.action === 'disable') on = false;
    else if (d.action === 'enable') on = true;
  }
  const nextLine = directives.some((d) => d.action === 'disable-next-line' && (!d.rules.length || d.rules.includes(rule)) && lineOf(lines, d.at) + 1 === line);
  return on && !nextLine;
}
