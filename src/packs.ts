/**
 * Content packs at run time: a pack is compiled together with the built-in content into the
 * user's cache, keyed by the content of every file involved, and kap then reads that compiled
 * folder exactly as it reads its own. A cache folder is trusted only when its stamp matches.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ContentError, ExitCode, KapError, type Problem } from './errors.js';
import type { PathWithSource } from './paths.js';

/** Bump when the compiled format or the compiler changes meaning. */
const CACHE_FORMAT = 1;
export const STAMP = 'kap-cache.json';
const PACK_FILES = /^(modules\/[^/]+\.md|quiz\/[^/]+\.yaml|glossary\.yaml|errata\.yaml|references\.json)$/;

/** Every pack file, relative to the pack, sorted: what the cache key is made of. */
function packFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    let names: string[];
    try {
      names = readdirSync(join(dir, rel));
    } catch {
      return;
    }
    for (const n of names) {
      const r = rel ? `${rel}/${n}` : n;
      if (PACK_FILES.test(r)) out.push(r);
      else if (!rel && (n === 'modules' || n === 'quiz')) walk(n);
    }
  };
  walk('');
  return out.sort();
}

/** A key that changes when any file of any pack changes, or the built-in content does. */
export function cacheKey(builtinData: string, packs: string[]): string {
  const h = createHash('sha256');
  h.update(`kap-cache-${CACHE_FORMAT}\0`);
  try {
    h.update(readFileSync(join(builtinData, 'catalog.json')));
  } catch {
    h.update('no-builtin');
  }
  for (const dir of packs) {
    h.update(`\0pack\0${resolve(dir)}\0`);
    for (const f of packFiles(dir)) {
      h.update(`${f}\0`);
      try {
        h.update(readFileSync(join(dir, f)));
      } catch {
        h.update('unreadable');
      }
    }
  }
  return h.digest('hex').slice(0, 32);
}

interface Stamp {
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

export interface PackBuild {
  /** The packaged content sources (content/) and the compiler (dist/build-content.mjs). */
  builtinContent: string;
  builtinData: string;
  compiler: string;
  cacheDir: string;
  packs: PathWithSource[];
}

/** The compiled folder for these packs: from the cache, or compiled now (exit 4 on bad content). */
export function ensurePacks(b: PackBuild): string {
  const dirs = b.packs.map((p) => p.path);
  for (const d of dirs) {
    let ok = false;
    try {
      ok = statSync(d).isDirectory();
    } catch {
      ok = false;
    }
    if (!ok) throw new KapError(`content pack not found: ${d}`, ExitCode.Content, 'Check --content and KAP_CONTENT_PATH (`kap paths` shows both).');
  }
  const key = cacheKey(b.builtinData, dirs);
  const out = join(b.cacheDir, 'packs', key);
  if (isTrusted(out, key)) return out;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(b.cacheDir, 'packs'), { recursive: true });
  const args = [b.compiler, b.builtinContent, out, '--stamp', key, ...dirs.flatMap((d) => ['--pack', d])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NODE_EXTRA_CA_CERTS: '' } });
  if (r.status !== 0) {
    const problems: Problem[] = [];
    const rest: string[] = [];
    for (const line of (r.stderr ?? '').split('\n').filter(Boolean)) {
      const m = /^(.*?):(\d+): (error|warning|info): (.*)$/.exec(line);
      if (m) problems.push({ file: m[1]!, line: Number(m[2]), severity: m[3] as Problem['severity'], message: m[4]! });
      else rest.push(line);
    }
    if (problems.length) throw new ContentError(problems.filter((p) => p.severity === 'error'), 'a content pack has errors; nothing was loaded');
    throw new KapError(`could not compile the content packs: ${rest.join(' ').slice(0, 300)}`, ExitCode.Content);
  }
  if (!isTrusted(out, key)) throw new KapError(`the compiled packs in ${out} failed their check`, ExitCode.Content);
  return out;
}
