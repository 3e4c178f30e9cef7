/** kap list: every topic, grouped by kind. */
import type { Ctx } from '../context.js';
import { listJson, listView } from '../render/views.js';
import { readListing } from '../store.js';

export function list(ctx: Ctx, opts: { json?: boolean; source?: boolean }): void {
  // Piped: the lines the compile wrote (the same listLines), not every module parsed and painted.
  if (!opts.json && !ctx.isTTY) return ctx.out(readListing(ctx.dataDir, Boolean(opts.source)));
  const c = ctx.catalog();
  if (opts.json) ctx.json(listJson(c));
  else ctx.out(listView(c, ctx.theme, ctx.width, opts.source));
}
