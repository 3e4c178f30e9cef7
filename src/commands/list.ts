/** kap list: every topic, grouped by kind. */
import type { Ctx } from '../context.js';
import { listJson, listLines, listView } from '../render/views.js';

export function list(ctx: Ctx, opts: { json?: boolean; source?: boolean }): void {
  const c = ctx.catalog();
  if (opts.json) ctx.json(listJson(c));
  else if (ctx.isTTY) ctx.out(listView(c, ctx.theme, ctx.width, opts.source));
  else ctx.out(listLines(c, opts.source));
}
