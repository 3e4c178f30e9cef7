/** kap paths: every location kap reads or writes, and where each choice came from. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Ctx } from '../context.js';
import { KEEP_COMPILES, type PathWithSource } from '../paths.js';

export interface PathsReport {
  builtinContent: PathWithSource;
  compiledContent: PathWithSource;
  packs: PathWithSource[];
  cache: PathWithSource;
  /** The student's own data (review history). */
  data?: PathWithSource;
  /** How many compiled pack sets the cache keeps. */
  cacheKeeps: number;
  /** The compiled pack sets in the cache now, most recently used first (what pruning keeps). */
  cached: string[];
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
    ...(r.data ? [row('data (review)', r.data, 'KAP_DATA_DIR or XDG_DATA_HOME')] : []),
    `${''.padEnd(18)}keeps the ${r.cacheKeeps} most recently used pack compiles in packs/ (older ones, and what killed compiles left, are removed)`,
    ...r.cached.map((c, i) => `${(i ? '' : 'cached compiles').padEnd(18)}${c}${c === r.active ? '  (this run)' : ''}`),
    `${'reading'.padEnd(18)}${r.active}`,
  ].join('\n');
}

/** The compiled folders under the cache's packs/, most recently used first (the stamp's time). */
function cachedCompiles(cache: string): string[] {
  const dir = join(cache, 'packs');
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /^[0-9a-f]{32}$/.test(n));
  } catch {
    return [];
  }
  const used = (n: string) => {
    try {
      return statSync(join(dir, n, 'kap-cache.json')).mtimeMs;
    } catch {
      return 0;
    }
  };
  return names.map((n) => [join(dir, n), used(n)] as const).filter(([, t]) => t).sort((a, b) => b[1] - a[1]).map(([p]) => p);
}

export function paths(ctx: Ctx, report: Omit<PathsReport, 'active' | 'cacheKeeps' | 'cached'>, opts: { json?: boolean }): void {
  const r = { ...report, cacheKeeps: KEEP_COMPILES, cached: cachedCompiles(report.cache.path), active: ctx.dataDir };
  if (opts.json) ctx.json(r);
  else ctx.out(pathsView(r));
}
