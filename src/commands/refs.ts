/** kap refs: the bibliography as a list, by module, the article's errata, or what a source is cited for. */
import type { Ctx } from '../context.js';
import { helpNeeded, unionHelp } from '../safety/index.js';
import { helpJson, helpText, noticeText } from '../safety/paint.js';
import { erratumTexts } from '../safety/items.js';
import { NotFoundError, UsageError } from '../errors.js';
import { readClaims, readRefIndex, type BibSummary, type ClaimsIndex, type RefIndex } from '../cite/bibliography.js';
import { findModuleClaims } from '../store.js';
import { findReferences } from '../cite/lookup.js';
import { claimsView, errataList, refsPlain, refsTable } from '../cite/refs-view.js';
import { foundNote, resolveTopic } from '../resolve.js';
import { nearest } from '../text/distance.js';
import { clean } from '../text/sanitize.js';
import { wrapLines } from '../render/wrap.js';

export interface RefsOptions {
  topic?: string;
  json?: boolean;
  errata?: boolean;
  claims?: string;
}

const listJson = (entries: BibSummary[]) => entries.map(({ key, authorYear, title, authors, year, doi }) => ({ key, authorYear, title, authors, year, ...(doi && { doi }) }));

export function refs(ctx: Ctx, opts: RefsOptions): void {
  if ([opts.topic !== undefined, opts.errata, opts.claims !== undefined].filter(Boolean).length > 1) throw new UsageError('choose one of --topic, --errata and --claims');
  const bib = readRefIndex(ctx.dataDir);
  if (opts.errata) {
    const helpOf = (e: (typeof bib.errata)[number]) => helpNeeded(...erratumTexts(e));
    if (opts.json) return ctx.json(bib.errata.map((e) => ({ ...e, help: helpJson(helpOf(e)) })));
    const help = helpText(unionHelp(...bib.errata.map(helpOf)), ctx.theme);
    const end = [...help, ...(ctx.isTTY ? [...(help.length ? [''] : []), noticeText(ctx.theme)] : [])];
    return ctx.out(wrapLines([errataList(bib.errata, ctx.theme), ...(end.length ? [end.join('\n')] : [])].join('\n\n'), ctx.width));
  }
  if (opts.claims !== undefined) return showClaims(ctx, bib, readClaims(ctx.dataDir), opts.claims, Boolean(opts.json));
  const entries = opts.topic !== undefined ? moduleEntries(ctx, bib, opts.topic) : bib.entries;
  if (opts.json) return ctx.json(listJson(entries));
  if (!entries.length) return;
  ctx.out(ctx.isTTY ? refsTable(entries, ctx.theme, ctx.width) : refsPlain(entries));
}

/** A module's references: its own file (claims/<id>.json) has their keys, not every module's. */
function moduleEntries(ctx: Ctx, bib: RefIndex, topic: string): BibSummary[] {
  let cited = findModuleClaims(ctx.dataDir, topic)?.references;
  let id: string | undefined = cited ? topic : undefined;
  if (!id) {
    const found = resolveTopic(ctx.catalog(), [topic]);
    const note = foundNote(found, clean(topic).slice(0, 80));
    if (note) ctx.err(note);
    if (found.type === 'module') id = found.id;
    else if (found.type === 'term') id = found.term.module;
  }
  cited ??= id === undefined ? undefined : findModuleClaims(ctx.dataDir, id)?.references;
  if (!id || !cited) {
    const suggestions = nearest(topic.toLowerCase(), ctx.catalog().modules.map((m) => [m.id, m.id] as [string, string]));
    throw new NotFoundError(`no module "${clean(topic).slice(0, 80)}"`, suggestions, { otherwise: 'See every module with `kap list`.' });
  }
  const keys = new Set(cited);
  return bib.entries.filter((e) => keys.has(e.key));
}

function showClaims(ctx: Ctx, bib: RefIndex, ci: ClaimsIndex, query: string, json: boolean): void {
  const found = findReferences(bib.entries, [query]);
  const miss = found.missing[0];
  if (miss || !found.keys.length) {
    const s = miss?.suggestions ?? [];
    throw new NotFoundError(`no reference "${clean(query).slice(0, 80)}"`, s, { otherwise: 'See every key with `kap refs`.' });
  }
  const views = found.keys.map((key) => ({
    entry: bib.entries.find((e) => e.key === key)!,
    uses: ci.claims[key] ?? [],
    erratum: bib.errata.find((e) => e.key === key),
  }));
  // What a source is cited for is claim text: the safety layer's help for it (few texts, asked at run time).
  const helpOf = (v: (typeof views)[number]) => helpNeeded(v.entry.title, ...v.uses.map((u) => u.text), ...(v.erratum ? erratumTexts(v.erratum) : []));
  if (json) return ctx.json(views.map((v) => ({ key: v.entry.key, authorYear: v.entry.authorYear, title: v.entry.title, claims: v.uses, errata: v.erratum ?? null, help: helpJson(helpOf(v)) })));
  const help = helpText(unionHelp(...views.map(helpOf)), ctx.theme);
  const end = [...help, ...(ctx.isTTY ? [...(help.length ? [''] : []), noticeText(ctx.theme)] : [])];
  ctx.out(wrapLines([...views.map((v) => claimsView(v.entry, v.uses, v.erratum, ctx.theme)), ...(end.length ? [end.join('\n')] : [])].join('\n\n'), ctx.width));
}
