/** A compiled folder's stamp: what a cache reader checks before it trusts the folder. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Bump when the compiled format or the compiler changes meaning. */
export const CACHE_FORMAT = 1;
export const STAMP = 'kap-cache.json';

export interface Stamp {
  format: number;
  key: string;
  sizes: Record<string, number>;
}

/** Sizes of every compiled file, so a truncated or foreign folder is not trusted. */
export function fileSizes(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (r !== STAMP) out[r] = statSync(join(dir, r)).size;
    }
  };
  walk('');
  return out;
}

export function makeStamp(dir: string, key: string): Stamp {
  return { format: CACHE_FORMAT, key, sizes: fileSizes(dir) };
}

export function isTrusted(dir: string, key: string): boolean {
  try {
    const stamp = JSON.parse(readFileSync(join(dir, STAMP), 'utf8')) as Stamp;
    if (stamp.format !== CACHE_FORMAT || stamp.key !== key) return false;
    const sizes = fileSizes(dir);
    const want = Object.entries(stamp.sizes);
    return want.length === Object.keys(sizes).length && want.every(([f, n]) => sizes[f] === n);
  } catch {
    return false;
  }
}
