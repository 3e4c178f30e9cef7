/**
 * The cache key of a set of packs: kap's version, the compiler, the built-in content (all in
 * `base`) and every pack file's bytes as read. kap computes it to find a cached compile; the
 * compiler computes it again from the very bytes it compiled, and names the folder by that: a
 * pack edited during a compile lands under the key of what was compiled, never the old key.
 */
import { join, resolve } from 'node:path';
import { contentHash } from './stamp.js';
import { listPackDir, readPackFile, realRoot, type Read } from './pack-file.js';

/** rel path → content hash of its bytes, or the problem that kept it from being read. */
export type PackReads = Map<string, string>;

export const readDigest = (r: Read): string => ('bytes' in r ? contentHash(r.bytes) : `unread: ${r.problem}`);

/** The files kap reads from a content folder, relative to it: what the loader reads, in its order. */
export function packFileNames(dir: string): string[] {
  const top = listPackDir(dir, '').names;
  return [
    ...listPackDir(join(dir, 'modules'), '.md').names.map((n) => `modules/${n}`),
    ...['glossary.yaml'].filter((n) => top.includes(n)),
    ...listPackDir(join(dir, 'quiz'), '.yaml').names.map((n) => `quiz/${n}`),
    ...['errata.yaml', 'references.json'].filter((n) => top.includes(n)),
  ];
}

/** What kap sees of a pack now (read once, safely: see pack-file.ts). */
export function snapshot(dir: string): PackReads {
  const root = realRoot(dir);
  return new Map(packFileNames(dir).map((rel) => [rel, readDigest(readPackFile(root, join(dir, rel)))]));
}

export function packsKey(base: string, packs: { dir: string; reads: PackReads }[]): string {
  const parts = [base];
  for (const p of packs) {
    parts.push(`pack\0${resolve(p.dir)}`);
    for (const rel of [...p.reads.keys()].sort()) parts.push(`${rel}\0${p.reads.get(rel)}`);
  }
  return contentHash(parts.join('\0\n'));
}
