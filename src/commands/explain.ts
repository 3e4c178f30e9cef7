/** kap explain <topic...>: a module rendered, a glossary term, or suggestions. */
import type { Ctx } from '../context.js';
import { NotFoundError, UsageError } from '../errors.js';
import { resolveTopic } from '../resolve.js';
import { readModule, readModuleView, type CompiledModule } from '../store.js';
import { termView } from '../render/views.js';
import { paintBlocks } from '../render/blocks.js';
import { clean } from '../text/sanitize.js';

export interface ExplainOptions {
  brief?: boolean;
  raw?: boolean;
  json?: boolean;
}

export function moduleJson(m: CompiledModule): unknown {
  const { meta, brief, sections, claims, citations, crisis } = m;
  return { ...meta, summaryParagraph: brief, sections, claims, citations, crisisHelp: crisis };
}

export async function explain(ctx: Ctx, words: string[], opts: ExplainOptions): Promise<void> {
  if ([opts.brief, opts.raw, opts.json].filter(Boolean).length > 1) throw new UsageError('choose one of --brief, --raw and --json');
  const catalog = ctx.catalog();
  const found = resolveTopic(catalog, words);
  if (found.type === 'none') {
    const shown = clean(words.join(' ')).slice(0, 80);
    throw new NotFoundError(`no topic "${shown}"`, found.suggestions, { as: (s) => `kap explain ${s}`, otherwise: 'See every topic with `kap list`, or try `kap search <words>`.' });
  }
  if (found.type === 'term') {
    const t = found.term;
    const title = catalog.modules.find((m) => m.id === t.module)?.title;
    if (opts.json) return ctx.json({ type: 'term', ...t, moduleTitle: title });
    return ctx.out(termView(t, title, ctx.theme, ctx.width));
  }
  if (opts.json) return ctx.json({ type: 'module', ...(moduleJson(readModule(ctx.dataDir, found.id)) as object) });
  if (opts.raw) return ctx.out(readModule(ctx.dataDir, found.id).raw);
  const m = readModuleView(ctx.dataDir, found.id);
  const painted = opts.brief ? m.briefBlocks : m.blocks;
  ctx.out(paintBlocks(ctx.color ? painted.color : painted.plain, { width: ctx.width, color: ctx.color }).trimEnd());
}
