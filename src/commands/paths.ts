/** kap paths: every location kap reads or writes, and where each choice came from. */
import type { Ctx } from '../context.js';
import { KEEP_COMPILES, type PathWithSource } from '../paths.js';

export interface PathsReport {
  builtinContent: PathWithSource;
  compiledContent: PathWithSource;
  packs: PathWithSource[];
  cache: PathWithSource;
  /** How many compiled pack sets the cache keeps. */
  cacheKeeps: number;
  /** The compiled folder this run reads (the built-in one, or the cached packs). */
  active: string;
}

const SOURCE_WORDS = { flag: 'from --content', env: 'from the environment', default: 'default' } as const;

export function pathsView(r: PathsReport): string {
  const row = (label: string, p: PathWithSource, env?: string) =>
    `${label.padEnd(18)}${p.path}  (${p.source === 'env' && env ? `from ${env}` : SOURCE_WORDS[p.source]})`;
  return [
    row('built-in content', r.builtinContent),
    row('compiled content', r.compiledContent, 'KAP_DATA'),
    ...(r.packs.length ? r.packs.map((p) => row('content pack', p, 'KAP_CONTENT_PATH')) : ['content pack      (none: add with --content DIR or KAP_CONTENT_PATH)']),
    row('cache', r.cache, 'KAP_CACHE_DIR or XDG_CACHE_HOME'),
    `${''.padEnd(18)}keeps the ${r.cacheKeeps} most recently used pack compiles in packs/ (older ones, and what killed compiles left, are removed)`,
    `${'reading'.padEnd(18)}${r.active}`,
  ].join('\n');
}

export function paths(ctx: Ctx, report: Omit<PathsReport, 'active' | 'cacheKeeps'>, opts: { json?: boolean }): void {
  const r = { ...report, cacheKeeps: KEEP_COMPILES, active: ctx.dataDir };
  if (opts.json) ctx.json(r);
  else ctx.out(pathsView(r));
}
