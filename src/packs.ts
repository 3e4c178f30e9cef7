/**
 * Content packs at run time: a pack is compiled together with the built-in content into the
 * user's cache, keyed by kap's version, the compiler, the built-in content and the bytes of
 * every pack file (pack-key.ts), and kap then reads that compiled folder exactly as it reads
 * its own. A cache folder is trusted only when its stamp matches, and each file is checked
 * against its content hash as it is read (compiled-read.ts). Old compiles are pruned.
 */
import { processAlive } from './process-alive.js';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { isTrusted, contentHash, STAMP, CACHE_FORMAT } from './content/stamp.js';
import { join, resolve } from 'node:path';
import { ContentError, EnvironmentError, ExitCode, KapError, environmentError, type Problem } from './errors.js';
import { KEEP_COMPILES, type PathWithSource } from './paths.js';
import { packsKey, snapshot } from './content/pack-key.js';
import { oneLine } from './text/sanitize.js';

declare const __KAP_VERSION__: string;
const VERSION = typeof __KAP_VERSION__ === 'string' ? __KAP_VERSION__ : '0.0.0-dev';


export interface PackBuild {
  /** The packaged content sources (content/) and the compiler (dist/build-content.mjs). */
  builtinContent: string;
  builtinData: string;
  compiler: string;
  cacheDir: string;
  packs: PathWithSource[];
}

/** The compiler's identity: the hash the build wrote beside it, else the file's own hash. */
function compilerId(compiler: string): string {
  try {
    return readFileSync(`${compiler}.id`, 'utf8').trim();
  } catch {
    try {
      return contentHash(readFileSync(compiler));
    } catch {
      return 'no-compiler';
    }
  }
}

/** Everything but the packs that a compile depends on. The built-in catalog carries a digest of every compiled file. */
export function keyBase(b: Pick<PackBuild, 'builtinData' | 'compiler'>): string {
  let catalog: Buffer | string;
  try {
    catalog = readFileSync(join(b.builtinData, 'catalog.json'));
  } catch {
    catalog = 'no-builtin';
  }
  return contentHash(`kap-cache-${CACHE_FORMAT}\0${VERSION}\0${compilerId(b.compiler)}\0${contentHash(catalog)}`);
}

/**
 * Remove what killed compiles left (`<key>.tmp-<pid>`, `<key>.old-<pid>` of a process that is
 * gone) and all but the KEEP_COMPILES most recently compiled folders; `keep` stays whatever.
 */
export function pruneCache(packsDir: string, keep: string): void {
  let names: string[];
  try {
    names = readdirSync(packsDir);
  } catch {
    return;
  }
  const compiled: { name: string; at: number }[] = [];
  for (const name of names) {
    const left = /\.(tmp|old)-(\d+)$/.exec(name);
    try {
      if (left) {
        if (!processAlive(Number(left[2]))) rmSync(join(packsDir, name), { recursive: true, force: true });
      } else if (/^[0-9a-f]{32}$/.test(name) && name !== keep) compiled.push({ name, at: statSync(join(packsDir, name, STAMP)).mtimeMs });
    } catch {
      // No stamp (removed when a file failed its hash): nothing will trust it again.
      if (!left) rmSync(join(packsDir, name), { recursive: true, force: true });
    }
  }
  compiled.sort((a, b) => b.at - a.at);
  for (const { name } of compiled.slice(KEEP_COMPILES - 1)) rmSync(join(packsDir, name), { recursive: true, force: true });
}

/** mkdir -p, with the real reason when it fails (a recursive mkdir says ENOENT on a read-only file system). */
function makeFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    try {
      mkdirSync(dir);
    } catch (again) {
      throw environmentError(again, 'create the folder', dir) ?? again;
    }
    throw e;
  }
}

/** The compiled folder for these packs: from the cache, or compiled now (exit 4 on bad content). */
export function ensurePacks(b: PackBuild, say: (message: string) => void): string {
  // Absolute: the compile writes each pack's path into what it compiles (a module's origin and
  // file, shown by list and explain --json), and the cache is keyed by the absolute path, so a
  // compile made from one working folder is read from others.
  const dirs = b.packs.map((p) => resolve(p.path));
  for (const [i, d] of dirs.entries()) {
    let ok = false;
    try {
      ok = statSync(d).isDirectory();
    } catch {
      ok = false;
    }
    if (!ok) throw new KapError(`content pack not found: ${b.packs[i]!.path}`, ExitCode.Content, 'Check --content and KAP_CONTENT_PATH (`kap paths` shows both).');
  }
  // The key changes when any file of any pack changes, or the built-in content, kap or its compiler does.
  const base = keyBase(b);
  const key = packsKey(base, dirs.map((dir) => ({ dir, reads: snapshot(dir) })));
  const packsDir = join(b.cacheDir, 'packs');
  const out = join(packsDir, key);
  if (isTrusted(out, key)) {
    // Used now: pruning keeps the most recently used compiles.
    try {
      const now = new Date();
      utimesSync(join(out, STAMP), now, now);
    } catch {
      /* a read-only cache is still a cache */
    }
    return out;
  }
  makeFolder(packsDir);
  say(`kap: compiling content packs into ${out} (once per change; this takes a few seconds)`);
  // Formatted references: the build's, then those of earlier pack compiles (src/cite/memo.ts);
  // the parsed built-in content (content/set-cache.ts). Both sit beside packs/, never pruned.
  const memo = join(b.cacheDir, 'cite-memo.json');
  const memoArgs = ['--base-memo', join(b.builtinData, 'cite-memo.json'), '--memo', memo, '--save-memo', memo, '--parsed', join(b.cacheDir, 'builtin-content.json')];
  const args = [b.compiler, b.builtinContent, '-', '--into', packsDir, '--key-base', base, '--errors-only', '--styles', join(b.builtinData, 'styles'), ...memoArgs, ...dirs.flatMap((d) => ['--pack', d])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NODE_EXTRA_CA_CERTS: '' }, maxBuffer: 256 * 1024 * 1024 });
  const lines = (r.stderr ?? '').split('\n').filter(Boolean);
  if (r.status !== 0) {
    const env = lines.find((l) => l.startsWith('kap-environment: '));
    if (r.status === ExitCode.Environment && env) throw new EnvironmentError(env.slice('kap-environment: '.length), 'Free some space or fix the permissions of the cache (`kap paths` shows where; KAP_CACHE_DIR moves it).');
    const problems: Problem[] = [];
    const rest: string[] = [];
    for (const line of lines) {
      const m = /^(.*?):(\d+): (error|warning|info): (.*)$/.exec(line);
      if (m) problems.push({ file: m[1]!, line: Number(m[2]), severity: m[3] as Problem['severity'], message: m[4]! });
      else rest.push(line);
    }
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length) throw new ContentError(errors, 'a content pack has errors; nothing was loaded');
    throw new KapError(`could not compile the content packs (${r.error ? (r.error as NodeJS.ErrnoException).code : r.signal ?? `exit ${r.status}`}): ${oneLine(rest.join(' ')).slice(0, 300)}`, ExitCode.Content);
  }
  // The compiler names the folder by what it read: that is what this run shows.
  const got = /^key ([0-9a-f]{32})$/m.exec(r.stdout ?? '')?.[1] ?? key;
  const dir = join(packsDir, got);
  if (!isTrusted(dir, got)) throw new KapError(`the compiled packs in ${dir} failed their check`, ExitCode.Content, 'Run the command again.');
  pruneCache(packsDir, got);
  return dir;
}
