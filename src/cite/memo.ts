/**
 * What citation-js produced, kept between compiles. Building a CSL engine costs 0.1-1.4 s of
 * CPU per style and formatting ~5-15 ms per reference and style, while a pack only adds or
 * replaces a few items: the build ships every result it computed (dist/content/cite-memo.json)
 * and a pack compile keeps its own in the user's cache, so a compile formats the bibliography
 * only when its references changed, with the styles registered only then. compile.ts keeps the
 * styled blocks of each module's Markdown in it too (a function of that text alone).
 *
 * A result is keyed by everything it depends on: its kind and the CSL items themselves (so a pack that replaces a reference misses), and, for the whole file, the
 * compiler: the bundle's bytes and the style files (so a new kap never trusts an old memo).
 */
import * as crypto from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CslItem } from '../content/model.js';
import type { BibEntry } from './bibliography.js';

export const MEMO_FILE = 'cite-memo.json';
/** The citation engine's bundle, beside the compiler's (scripts/build.mjs). */
export const ENGINE_FILE = 'cite-engine.cjs';
const MEMO_VERSION = 1;

interface MemoFile {
  version: number;
  compiler: string;
  entries: Record<string, string>;
}

/**
 * The compiler's identity: its own file and the style files it formats with. A built compiler
 * has its identity beside it (<file>.id, scripts/build.mjs: the hash of the compiler's and the
 * citation engine's bundles, which packs.ts keys the cache with too): read, not hashed again
 * (1 MB of bundles at every pack compile).
 */
export function compilerId(compilerFile: string, stylesDir: string): string {
  const h = crypto.createHash('sha256').update(`kap-cite-memo-${MEMO_VERSION}\0`);
  let built: string | undefined;
  try {
    built = readFileSync(`${compilerFile}.id`, 'utf8').trim();
  } catch {
    built = undefined;
  }
  if (built) h.update(`built\0${built}`);
  else {
    h.update(readFileSync(compilerFile));
    // The citation engine, a bundle of its own beside a built compiler (scripts/build.mjs).
    try {
      h.update('\0engine\0').update(readFileSync(join(dirname(compilerFile), ENGINE_FILE)));
    } catch {
      // Not split out (the compiler run from source): it is part of the compiler.
    }
  }
  for (const f of readdirSync(stylesDir).sort()) h.update(`\0${f}\0`).update(readFileSync(join(stylesDir, f)));
  return h.digest('hex');
}

/** SHA-256 in one call where Node has it (20.12): no Hash object for each of a compile's thousands of keys. Same digest. */
const sha256 = (s: string): string => (typeof crypto.hash === 'function' ? crypto.hash('sha256', s, 'base64url') : crypto.createHash('sha256').update(s).digest('base64url'));
/** `kind:hash` of what an entry was made from. */
const keyOf = (parts: unknown[]): string => `${String(parts[0])}:${sha256(JSON.stringify(parts)).slice(0, 22)}`;
export class CiteMemo {
  private readonly known = new Map<string, string>();
  /** Keys of files loaded as a base (the build's memo): never saved again. */
  private readonly base = new Set<string>();
  /** What this compile asked for: what it saves. */
  private readonly used = new Map<string, string>();
  misses = 0;

  constructor(readonly compiler: string) {}

  /** Add the entries of a memo file written by the same compiler; anything else is ignored. `base`: not saved again. */
  load(file: string, base = false): void {
    let data: MemoFile;
    try {
      data = JSON.parse(readFileSync(file, 'utf8')) as MemoFile;
    } catch {
      return;
    }
    if (data?.version !== MEMO_VERSION || data.compiler !== this.compiler || typeof data.entries !== 'object') return;
    for (const [k, v] of Object.entries(data.entries)) {
      if (typeof v !== 'string') continue;
      this.known.set(k, v);
      if (base) this.base.add(k);
    }
  }

  get(parts: unknown[], make: () => string): string {
    const k = keyOf(parts);
    let v = this.known.get(k);
    if (v === undefined) {
      this.misses++;
      v = make();
      this.known.set(k, v);
    }
    this.used.set(k, v);
    return v;
  }

  /** A JSON value by `kind` and `input`, from the memo or `make` (content/remember.ts): the same value either way. */
  remember<T>(kind: string, input: string, make: () => T): T {
    return JSON.parse(this.get([kind, input], () => JSON.stringify(make()))) as T;
  }

  /**
   * Write what this compile used (atomically), and only that: a trainer's every edit of a pack
   * would otherwise add a copy of its blocks and its bibliography.
   */
  save(file: string): void {
    const entries: Record<string, string> = {};
    for (const [k, v] of this.used) if (!this.base.has(k)) entries[k] = v;
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify({ version: MEMO_VERSION, compiler: this.compiler, entries } satisfies MemoFile));
    renameSync(tmp, file);
  }
}

/**
 * The whole bibliography in every style and export format (formatted together: grouping and
 * 2017a/2017b depend on every item), from the memo or from `make`. Kept while used, like blocks:
 * each change to a pack's references would otherwise add a copy.
 */
export function memoEntries(memo: CiteMemo, items: CslItem[], make: () => BibEntry[]): BibEntry[] {
  return JSON.parse(memo.get(['entries', items], () => JSON.stringify(make()))) as BibEntry[];
}

