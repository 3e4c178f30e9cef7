/** kap claims [topic...] [--verdict v] [--source key] [--json]: the claims behind the content. */
import type { Ctx } from '../context.js';
import { NotFoundError } from '../errors.js';
import { foundNote, resolveTopic } from '../resolve.js';
import { readClaims, readModuleClaims } from '../store.js';
import { describeFilter, filterClaims, similarSources, type ClaimFilter, type VerdictFilter } from '../claims.js';
import { claimsClosing, claimsJson, claimsLines, claimsTable } from '../render/claims-view.js';
import { clean } from '../text/sanitize.js';

export interface ClaimsOptions {
  verdict?: VerdictFilter;
  source?: string;
  json?: boolean;
}

export function claims(ctx: Ctx, words: string[], opts: ClaimsOptions): void {
  const catalog = ctx.catalog();
  const filter: ClaimFilter = { verdict: opts.verdict, source: opts.source };
  if (words.length) {
    const found = resolveTopic(catalog, words);
    if (found.type === 'none') {
      const shown = clean(words.join(' ')).slice(0, 80);
      throw new NotFoundError(`no topic "${shown}"`, found.suggestions, { as: (s) => `kap claims ${s}`, otherwise: 'See every topic with `kap list`.' });
    }
    const note = foundNote(found, clean(words.join(' ')).slice(0, 80));
    if (note) ctx.err(note);
    // A glossary term stands for the module that covers it.
    filter.module = found.type === 'module' ? found.id : found.term.module;
  }
  // A topic's claims are in a file of their own: a module's, not all of them.
  const one = filter.module === undefined ? undefined : readModuleClaims(ctx.dataDir, filter.module);
  const rows = one ? one.claims : readClaims(ctx.dataDir);
  const shown = filterClaims(rows, filter);
  if (!shown.length) {
    // Sources like the one asked for, among every claim's (as without a topic).
    const similar = opts.source === undefined ? [] : similarSources(filter.module === undefined ? rows : readClaims(ctx.dataDir), opts.source);
    throw new NotFoundError(`no claims match: ${clean(describeFilter(filter)).slice(0, 160)}`, similar, { as: (s) => `--source ${s}`, otherwise: 'See every claim with `kap claims`.' });
  }
  if (opts.json) return ctx.json(claimsJson(shown));
  if (!ctx.isTTY) return ctx.out(claimsLines(shown));
  const titles = one ? new Map([[filter.module!, one.title]]) : new Map(catalog.modules.map((m) => [m.id, m.title]));
  ctx.out(`${claimsTable(shown, ctx.theme, ctx.width, titles)}\n\n${claimsClosing(shown, ctx.theme, ctx.width)}`);
}
