/** Findings painted for people (file:line:col), for scripts (JSON) and for code review (SARIF 2.1.0). */
import { RULES, RULE_IDS } from './rules.js';
import type { Located } from './lint.js';
import type { Theme } from '../render/theme.js';
import { wrapLines } from '../render/wrap.js';
import { pathToFileURL } from 'node:url';

declare const __KAP_VERSION__: string;
const version = () => (typeof __KAP_VERSION__ === 'string' ? __KAP_VERSION__ : '0.0.0');

export function counts(findings: Located[]): Record<'error' | 'warning' | 'suggestion', number> {
  const c = { error: 0, warning: 0, suggestion: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/**
 * One finding a line, `file:line:col: severity: message [rule]`, its fix indented below; each
 * line ends with a newline, the last too: the text goes out as it is joined (a newline added
 * after it would make a 5,000-word draft's report, ~200 KB, be copied again on its way out).
 * `width` (a terminal's): the indented lines wrap to it under their indent, where the terminal
 * would break them at its edge, back at column 1. The finding's own line never wraps: it is the
 * `file:line:col:` line editors and CI read, as gcc and eslint print theirs.
 */
export function textReport(file: string, findings: Located[], theme: Theme, width?: number): string {
  const sev = { error: theme.bad, warning: theme.warn, suggestion: theme.accent };
  const lines: string[] = [];
  const under = width ? (line: string) => lines.push(wrapLines(line, width)) : (line: string) => lines.push(line);
  for (const f of findings) {
    lines.push(`${file}:${f.line}:${f.column}: ${sev[f.severity](f.severity)}: ${f.message} [${f.rule}]`);
    if (f.fix?.replace) under(`  fix: ${f.fix.replace}${f.fix.cite && !f.fix.replace.includes(f.fix.cite) ? ` ${f.fix.cite}` : ''}`);
    else if (f.fix?.cite) under(`  fix: ${f.fix.cite}`);
    for (const r of f.fix?.references ?? []) under(`  ${theme.dim(r)}`);
  }
  lines.push('');
  return lines.join('\n');
}

export function summaryLine(findings: Located[]): string {
  const c = counts(findings);
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  return findings.length ? `${n(c.error, 'error')}, ${n(c.warning, 'warning')}, ${n(c.suggestion, 'suggestion')}` : 'no problems found';
}

export function jsonReport(file: string, findings: Located[]): unknown {
  return {
    file,
    counts: counts(findings),
    findings: findings.map(({ start: _s, end: _e, ...f }) => f),
  };
}

const LEVEL = { error: 'error', warning: 'warning', suggestion: 'note' } as const;

/** SARIF 2.1.0: one run, kap's rules in the driver, one result per finding. */
export function sarifReport(artifact: { uri: string; uriBaseId?: string }, findings: Located[], cwd: string): unknown {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kap',
            semanticVersion: version(),
            rules: RULE_IDS.map((id) => ({ id, name: RULES[id].name, shortDescription: { text: RULES[id].summary }, defaultConfiguration: { level: LEVEL[RULES[id].severity] } })),
          },
        },
        columnKind: 'utf16CodeUnits',
        ...(artifact.uriBaseId && { originalUriBaseIds: { [artifact.uriBaseId]: { uri: `${pathToFileURL(cwd).href}/` } } }),
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: RULE_IDS.indexOf(f.rule),
          level: LEVEL[f.severity],
          message: { text: f.message + (f.fix?.replace ? ` Fix: ${f.fix.replace}` : '') + (f.fix?.cite ? ` Cite: ${f.fix.cite}` : '') },
          locations: [{ physicalLocation: { artifactLocation: artifact, region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn } } }],
          ...(f.claim && { properties: { claim: f.claim } }),
        })),
      },
    ],
  };
}
