/**
 * A compiled folder's stamp: what a cache reader checks before it trusts the folder (format,
 * key, every file's size) and, file by file as it reads them, each file's content hash
 * (compiled-read.ts): a truncated, foreign or overwritten folder is never served.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Bump when the compiled format or the stamp changes meaning. */
/** 3: the split layout (catalog.json of terms, modules.json, names/, claims/<module>.json). */
/** 4: packs compiled from their absolute paths (a module's origin and file; packs.ts). */
export const CACHE_FORMAT = 4;
export const STAMP = 'kap-cache.json';

export interface Stamp {
  format: number;
  key: string;
  /** Every compiled file: [size, content hash]. */
  files: Record<string, [number, string]>;
}

// node:crypto is loaded only by runs that check a stamp (packs), not by every start.
export const contentHash = (b: Buffer | string): string =>
  (require('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(b).digest('hex').slice(0, 32);

function walk(dir: string, visit: (rel: string) => void): void {
  const go = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) go(r);
      else if (r !== STAMP) visit(r);
    }
  };
  go('');
}

export function makeStamp(dir: string, key: string): Stamp {
  const files: Stamp['files'] = {};
  walk(dir, (r) => {
    const b = readFileSync(join(dir, r));
    files[r] = [b.length, contentHash(b)];
  });
  return { format: CACHE_FORMAT, key, files };
}

export function readStamp(dir: string): Stamp | undefined {
  try {
    const s = JSON.parse(readFileSync(join(dir, STAMP), 'utf8')) as Stamp;
    return s && s.format === CACHE_FORMAT && typeof s.key === 'string' && s.files && typeof s.files === 'object' ? s : undefined;
  } catch {
    return undefined;
  }
}

/** The stamp matches `key` and every file is there with its size (contents are checked as they are read). */
export function isTrusted(dir: string, key: string): boolean {
  const stamp = readStamp(dir);
  if (!stamp || stamp.key !== key) return false;
  try {
    let n = 0;
    let ok = true;
    walk(dir, (r) => {
      n++;
      if (ok && !(Object.hasOwn(stamp.files, r) && statSync(join(dir, r)).size === stamp.files[r]![0])) ok = false;
    });
    return ok && n === Object.keys(stamp.files).length;
  } catch {
    return false;
  }
}
