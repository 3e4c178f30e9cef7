/** Plain views of kap's own data (lists, terms): data in, text out, styled through a Theme. Terms come sorted by id from the build. */
import { termName } from '../resolve.js';
import { KIND_LABELS, KINDS } from '../content/model.js';
import type { Catalog, CatalogTerm } from '../store.js';
import type { Theme } from './theme.js';
import { clean } from '../text/sanitize.js';
import { wrapLines } from './wrap.js';
import { helpForTerm } from '../safety/items.js';
import { helpText, noticeText } from '../safety/paint.js';
import type { HelpKind } from '../safety/index.js';

export function termView(t: CatalogTerm, moduleTitle: string | undefined, theme: Theme, width: number): string {
  const names = t.aliases.filter((a) => a.toLowerCase() !== t.term.toLowerCase());
  const head = theme.bold(clean(t.term)) + (names.length ? theme.dim(` (${clean(names.join(', '))})`) : '');
  const body = wrapLines(clean(t.definition), width);
  const more = `Covered in ${moduleTitle ? clean(moduleTitle) : t.module}: ${theme.accent(`kap explain ${t.module}`)}`;
  const help = helpLines(helpForTerm(t), theme, width);
  return [head, '', body, ...(help ? ['', help] : []), '', wrapLines(more, width), '', wrapLines(noticeText(theme), width)].join('\n');
}

/** The help blocks the safety layer chose, wrapped for a terminal ('' when none). */
export function helpLines(kinds: readonly HelpKind[], theme: Theme, width: number): string {
  return wrapLines(helpText(kinds, theme).join('\n'), width);
}

/** `kap list` in a terminal: topics grouped by kind, ids aligned. */
export function listView(c: Catalog, theme: Theme, width: number, withSource = false): string {
  const idWidth = Math.min(24, Math.max(...c.modules.map((m) => m.id.length), ...c.terms.map((t) => termName(c, t).length)));
  const row = (id: string, text: string) => {
    const pad = id.length > idWidth ? `${id}\n${' '.repeat(idWidth + 2)}` : id.padEnd(idWidth + 2);
    const room = Math.max(10, width - idWidth - 2);
    const t = clean(text);
    return theme.accent(pad) + (t.length > room ? `${t.slice(0, room - 1)}…` : t);
  };
  const out: string[] = [];
  for (const kind of KINDS) {
    const mods = c.modules.filter((m) => m.kind === kind);
    if (!mods.length) continue;
    out.push(theme.heading(KIND_LABELS[kind]), ...mods.map((m) => row(m.id, withSource ? `[${m.origin}] ${m.summary}` : m.summary)), '');
  }
  if (c.terms.length) {
    out.push(theme.heading('Glossary terms'), ...c.terms.map((t) => row(termName(c, t), t.term)), '');
  }
  out.push(theme.dim('Read one with: kap explain <name>'));
  return out.join('\n');
}

/**
 * `kap list` piped: one line per topic, `name<TAB>kind<TAB>summary` (then `<TAB>origin` with
 * --source); the name is what `kap explain` takes: a module's id, a term's own name.
 */
export function listLines(c: Catalog, withSource = false): string {
  return [
    ...KINDS.flatMap((k) => c.modules.filter((m) => m.kind === k).map((m) => `${m.id}\t${m.kind}\t${clean(m.summary)}${withSource ? `\t${clean(m.origin)}` : ''}`)),
    ...c.terms.map((t) => `${clean(termName(c, t))}\tterm\t${clean(t.term)}${withSource ? '\t' : ''}`),
  ].join('\n');
}

export function listJson(c: Catalog): unknown {
  return {
    modules: KINDS.flatMap((k) => c.modules.filter((m) => m.kind === k)),
    terms: c.terms.map((t) => ({ id: t.id, term: t.term, module: t.module, definition: t.definition, open: `kap explain ${termName(c, t)}` })),
  };
}
