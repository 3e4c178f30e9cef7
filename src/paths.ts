/** Where kap reads from, each with where that choice came from (shown by `kap paths`). */
import { join } from 'node:path';

export type PathSource = 'flag' | 'env' | 'default';
export interface PathWithSource {
  path: string;
  source: PathSource;
}

/** Compiled content: KAP_DATA, else `content/` beside the bundle. */
export function dataDir(env: Record<string, string | undefined>, bundleDir: string): PathWithSource {
  if (env.KAP_DATA) return { path: env.KAP_DATA, source: 'env' };
  return { path: join(bundleDir, 'content'), source: 'default' };
}

/** The packaged content sources (content/ next to dist/): the base that packs are compiled over. */
export function builtinContentDir(bundleDir: string): PathWithSource {
  return { path: join(bundleDir, '..', 'content'), source: 'default' };
}

/** Content packs, in the order they apply: KAP_CONTENT_PATH's folders, then --content flags. */
export function contentPacks(flags: string[], env: Record<string, string | undefined>): PathWithSource[] {
  const fromEnv = (env.KAP_CONTENT_PATH ?? '').split(':').filter((p) => p.trim());
  return [...fromEnv.map((path) => ({ path, source: 'env' as const })), ...flags.map((path) => ({ path, source: 'flag' as const }))];
}

/** Where compiled packs are cached: KAP_CACHE_DIR, else $XDG_CACHE_HOME/kap, else ~/.cache/kap. */
export function cacheDir(env: Record<string, string | undefined>, home: () => string): PathWithSource {
  if (env.KAP_CACHE_DIR) return { path: env.KAP_CACHE_DIR, source: 'env' };
  if (env.XDG_CACHE_HOME) return { path: join(env.XDG_CACHE_HOME, 'kap'), source: 'env' };
  return { path: join(env.HOME || home(), '.cache', 'kap'), source: 'default' };
}

/**
 * A student's own data (review history): KAP_DATA_DIR, else $XDG_DATA_HOME/kap, else
 * ~/.local/share/kap. Not KAP_DATA, which names compiled content.
 */
export function userDataDir(env: Record<string, string | undefined>, home: () => string): PathWithSource {
  if (env.KAP_DATA_DIR) return { path: env.KAP_DATA_DIR, source: 'env' };
  if (env.XDG_DATA_HOME) return { path: join(env.XDG_DATA_HOME, 'kap'), source: 'env' };
  return { path: join(env.HOME || home(), '.local', 'share', 'kap'), source: 'default' };
}
/** How many compiled pack sets the cache keeps: the most recently used (packs.ts prunes the rest). */
export const KEEP_COMPILES = 3;
