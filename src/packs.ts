/**
 * Content packs at run time: a pack is compiled together with the built-in content into the
 * user's cache, keyed by the content of every file involved, and kap then reads that compiled
 * folder exactly as it reads its own. A cache folder is trusted only when its stamp matches.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { CACHE_FORMAT, isTrusted } from './content/stamp.js';
import { join, resolve } from 'node:path';
import { ContentError, ExitCode, KapError, type Problem } from './errors.js';
import type { PathWithSource } from './paths.js';

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

export interface PackBuild {
  /** The packaged content sources (content/) and the compiler (dist/build-content.mjs). */
  builtinContent: string;
  builtinData: string;
  compiler: string;
  cacheDir: string;
  packs: PathWithSource[];
}

/** The compiled folder for these packs: from the cache, or compiled now (exit 4 on bad content). */
export function ensurePacks(b: PackBuild, say: (message: string) => void): string {
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
  say(`kap: compiling content packs into ${out} (once per change; this takes a few seconds)`);
  // Formatted references: the build's, then those of earlier pack compiles (src/cite/memo.ts).
  const memo = join(b.cacheDir, 'cite-memo.json');
  const args = [b.compiler, b.builtinContent, out, '--stamp', key, '--styles', join(b.builtinData, 'styles'), '--base-memo', join(b.builtinData, 'cite-memo.json'), '--memo', memo, '--save-memo', memo, '--parsed', join(b.cacheDir, 'builtin-content.json'), ...dirs.flatMap((d) => ['--pack', d])];
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
