/** Results → terminal text: matched words bold (via the theme), plain when piped. */
import type { Theme } from '../render/theme.js';
import { wrapLines } from '../render/wrap.js';
import { plain, type Segment } from './snippet.js';
import type { SearchResult } from './query.js';
import { helpNeeded, unionHelp, type HelpKind } from '../safety/index.js';
import { helpText, noticeText, safetyFields } from '../safety/paint.js';

const LABEL: Record<SearchResult['type'], string> = { module: 'module', section: 'section', claim: 'claim', term: 'term', reference: 'reference' };

/** What a result is called: "Glutamate, GABA and the NMDA receptor › How it works". */
export function resultHeading(r: SearchResult): string {
  return r.section && r.type !== 'module' ? `${r.title} › ${r.section}` : r.title;
}

/** The help a results page needs: the query's own words, and every result shown. */
export function searchHelp(query: string, results: SearchResult[]): HelpKind[] {
  return unionHelp(helpNeeded(query), ...results.map((r) => r.help));
}

/**
 * In a terminal (`notice`), the notice ends the page; the help blocks show either way: first
 * when the query itself asked for help (what a person in crisis reads first), else last.
 */
export function resultsView(results: SearchResult[], theme: Theme, width: number, help: readonly HelpKind[] = [], notice = false, helpFirst = false): string {
  const shown = results.map((r, i) => {
    const snip = r.snippet.map((s: Segment) => (s.hit ? theme.bold(s.text) : s.text)).join('');
    const lines = [`${i + 1}. ${theme.heading(resultHeading(r))} ${theme.dim(`(${LABEL[r.type]})`)}`, `   ${snip}`, `   ${theme.accent(r.command)}`];
    return wrapLines(lines.join('\n'), width);
  });
  const block = helpText(help, theme);
  const last = [...(helpFirst ? [] : block), ...(notice ? [...(!helpFirst && block.length ? [''] : []), noticeText(theme)] : [])];
  // Each result is wrapped already (wrapping again changes nothing: a line still wider holds
  // one word), so only the help blocks are.
  const wrap = (part: string[]) => wrapLines(part.join('\n'), width);
  return [...(helpFirst && block.length ? [wrap(block)] : []), ...shown, ...(last.length ? [wrap(last)] : [])].join('\n\n');
}

/** `--json`: the same results, the snippet as plain text plus its highlighted words. */
export function resultsJson(query: string, results: SearchResult[], help: readonly HelpKind[] = searchHelp(query, results)): unknown {
  return {
    query,
    results: results.map(({ coverage: _c, ...r }) => ({ ...r, snippet: plain(r.snippet), highlights: r.snippet.filter((s) => s.hit).map((s) => s.text) })),
    ...safetyFields(help),
  };
}
