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
