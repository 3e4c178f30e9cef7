/**
 * The built-in content, parsed once: a pack compile reads the built-in folder again (YAML and
 * front matter, ~0.35 s of CPU) although it never changes between a trainer's edits. The parsed
 * set is kept as JSON, keyed by the compiler, the folder as named, the working folder and the
 * bytes of every file under it, and written only when it reads back equal to what was parsed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadContent, type ContentSet } from './load.js';

const VERSION = 1;

function contentKey(dir: string, compiler: string): string {
  const h = createHash('sha256').update(`kap-set-${VERSION}\0${compiler}\0${dir}\0${process.cwd()}\0`);
  const walk = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(join(dir, rel), { withFileTypes: true });
    } catch {
      return h.update('\0unreadable\0');
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else h.update(`\0${r}\0`).update(readFileSync(join(dir, r)));
    }
  };
  walk('');
  return h.digest('hex');
}

const replacer = (_k: string, v: unknown) => (v instanceof Map ? { __map: [...v] } : v);
const reviver = (_k: string, v: unknown) => (v && typeof v === 'object' && '__map' in v ? new Map((v as { __map: [unknown, unknown][] }).__map) : v);

/** loadContent(dir), from `file` when it holds this very folder parsed by this compiler. */
export function loadContentCached(dir: string, file: string, compiler: string): ContentSet {
  const key = contentKey(dir, compiler);
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8'), reviver) as { key: string; set: ContentSet };
    if (saved.key === key) return saved.set;
  } catch {
    /* none yet, or unreadable: parse */
  }
  const set = loadContent(dir);
  const text = JSON.stringify({ key, set }, replacer);
  if (isDeepStrictEqual((JSON.parse(text, reviver) as { set: ContentSet }).set, set)) {
    const tmp = `${file}.tmp-${process.pid}`;
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(tmp, text);
      renameSync(tmp, file);
    } catch {
      // Only a speed-up: a full or read-only cache is reported by the compile's own write.
      rmSync(tmp, { force: true });
    }
  }
  return set;
}
