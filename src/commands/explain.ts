/** kap explain <topic...>: a module rendered, a glossary term, or suggestions. */
import type { Ctx } from '../context.js';
import { NotFoundError, UsageError } from '../errors.js';
import { foundNote, resolveTopic, type Resolution } from '../resolve.js';
import { readIndex } from '../search/read.js';
import { search } from '../search/query.js';
import { readModule, readModuleView, type CompiledModule } from '../store.js';
import { helpLines, termView } from '../render/views.js';
import { paintBlocks } from '../render/blocks.js';
import { clean } from '../text/sanitize.js';
import { readCompiled } from '../compiled-read.js';
import { moduleTextFile, PIPED_WIDTH } from '../render/module-text.js';
import { helpForTerm } from '../safety/items.js';
import { safetyFields } from '../safety/paint.js';
import { helpNeeded, type HelpKind } from '../safety/index.js';
import { LONG_LOOKUP_FLAGS } from '../short-run.js';

export interface ExplainOptions {
  brief?: boolean;
  raw?: boolean;
  json?: boolean;
}

export function moduleJson(m: CompiledModule): unknown {
  const { meta, brief, sections, claims, citations, crisis } = m;
  return { ...meta, summaryParagraph: brief, sections, claims, citations, crisisHelp: crisis, ...safetyFields(moduleHelp(m)) };
}

/** The module's help as compiled (data compiled before `help` existed has only `crisis`). */
export function moduleHelp(m: { help?: HelpKind[]; crisis: boolean }): HelpKind[] {
  return m.help ?? (m.crisis ? ['crisis'] : []);
}

/** How a topic found other than by its exact name was found, for the message and --json. */
function foundHow(found: Exclude<Resolution, { type: 'none' }>, query: string) {
  if (found.how === 'name') return undefined;
  return { how: found.how, query, ...(found.matched && { matched: found.matched }) };
}

export async function explain(ctx: Ctx, words: string[], opts: ExplainOptions): Promise<void> {
  if ([opts.brief, opts.raw, opts.json].filter(Boolean).length > 1) throw new UsageError('choose one of --brief, --raw and --json');
  const catalog = ctx.catalog();
  // A question in plain words is searched for; only then is the search index read. Resolution
  // weighs the results' scores, never their snippets: none are made.
  const lookingFurther = () => void (catalog.names.large() && ctx.tuneV8(LONG_LOOKUP_FLAGS));
  const found = resolveTopic(catalog, words, (q) => search(readIndex(ctx.dataDir), q, { limit: 10, bare: true }), { lookingFurther });
  const shown = clean(words.join(' ')).slice(0, 80);
  if (found.type === 'none') {
    // An unknown topic can still be a cry for help ("kill myself"): the layer's blocks come first.
    const asked = helpNeeded(words.join(' '));
    if (asked.length) ctx.out(helpLines(asked, ctx.theme, ctx.width));
    throw new NotFoundError(`no topic "${shown}"`, found.suggestions, { as: (s) => `kap explain ${s}`, otherwise: 'See every topic with `kap list`, or try `kap search <words>`.' });
  }
  // Found other than by its name: say what is shown, so no topic opens silently.
  const how = foundHow(found, words.join(' '));
  const note = foundNote(found, shown);
  if (note && !opts.json) ctx.err(clean(note));
  if (found.type === 'term') {
    const t = found.term;
    const title = catalog.title(t.module);
    if (opts.json) return ctx.json({ type: 'term', ...t, moduleTitle: title, ...safetyFields(helpForTerm(t)), ...(how && { found: how }) });
    return ctx.out(termView(t, title, ctx.theme, ctx.width));
  }
  if (opts.json) return ctx.json({ type: 'module', ...(moduleJson(readModule(ctx.dataDir, found.id)) as object), ...(how && { found: how }) });
  if (opts.raw) return ctx.out(readModule(ctx.dataDir, found.id).raw);
  // Piped at the default width: the text the compile painted (render/module-text.ts), when it did.
  if (!ctx.color && ctx.width === PIPED_WIDTH) {
    const text = readCompiled(ctx.dataDir, moduleTextFile(found.id, Boolean(opts.brief)));
    if (text !== undefined) return ctx.out(text);
  }
  const m = readModuleView(ctx.dataDir, found.id);
  const painted = opts.brief ? m.briefBlocks : m.blocks;
  ctx.out(paintBlocks(ctx.color ? painted.color : painted.plain, { width: ctx.width, color: ctx.color }).trimEnd());
}
