/**
 * Run-time reads of compiled content, each only when a command needs it: the small catalog
 * (glossary terms), the names (names.ts, split), the listing of every module (`kap list`), one
 * module's files, one module's claims.
 */
import { readCompiled } from './compiled-read.js';
import { memoryNames, readNames, type NameIndex } from './names.js';
import { join } from 'node:path';
import { CompiledContentError } from './errors.js';
import type { Block } from './render/blocks.js';
import type { ArticleCheck, Certainty, Choice, Claim, Design, Difficulty, Kind, ModuleMeta, Term } from './content/model.js';
import type { HelpKind } from './safety/index.js';

/** A glossary term as compiled: `help` is the safety layer's answer for its view. */
export type CatalogTerm = Term & { help?: HelpKind[] };

export interface CatalogModule {
  id: string;
  title: string;
  kind: Kind;
  summary: string;
  /** "built-in", or the content pack folder the module came from. */
  origin: string;
}

export interface Catalog {
  version: number;
  /** Every module (`modules.json`): read on first use. */
  readonly modules: CatalogModule[];
  readonly terms: CatalogTerm[];
  /** Normalised name (id, title, alias) → "m:<module id>" or "t:<term id>". */
  names: NameIndex;
  /** A module's title (those of the terms' modules are in the catalog itself). */
  title(id: string): string | undefined;
}

/** `catalog.json`: small at any size; `digest` changes with every compiled file (pack cache keys). */
export interface CatalogFile {
  version: number;
  readonly terms: CatalogTerm[];
  /** The titles of the modules the terms belong to. */
  titles: Record<string, string>;
  digest: string;
}

/** A catalog over what the compile holds in memory. */
export function memoryCatalog(modules: CatalogModule[], terms: CatalogTerm[], keys: Record<string, string>): Catalog {
  const titles = new Map(modules.map((m) => [m.id, m.title]));
  return { version: FORMAT_VERSION, modules, terms, names: memoryNames(keys), title: (id) => titles.get(id) };
}

/** Blocks rendered with colour and without (render/blocks.ts paints either at any width). */
export interface Painted {
  color: Block[];
  plain: Block[];
}

/** What rendering a module needs: `modules/<id>.json`, read by every `kap explain`. */
export interface ModuleView {
  meta: ModuleMeta & { file: string };
  /** Styled blocks (render/blocks.ts): only wrapping and tables are left for run time. */
  briefBlocks: Painted;
  /** Kept for readers of older data: `help` includes 'crisis'. */
  crisis: boolean;
  /** The help the module needs (src/safety), computed at build time. */
  help?: HelpKind[];
  blocks: Painted;
}

/** The rest, for --json and --raw: `modules/<id>.data.json`. */
export interface ModuleData {
  brief: string;
  sections: { heading: string; markdown: string }[];
  claims: Claim[];
  citations: { key: string; inText: string; reference: string }[];
  raw: string;
}

export type CompiledModule = ModuleView & ModuleData;

export const VIEW_KEYS = ['meta', 'briefBlocks', 'crisis', 'help', 'blocks'] as const;

/** One claim as `kap claims` shows it, with author-year labels made at build time. */
export interface ClaimRow {
  id: string;
  module: string;
  /** Citations in the text already formatted as author-year. */
  text: string;
  design: Design;
  certainty: Certainty;
  /** Keys with their author-year label: "Zanos & Gould, 2018". */
  sources: { key: string; cite: string }[];
  article?: ArticleCheck;
  /** The help its text needs (src/safety), computed at build time. */
  help?: HelpKind[];
}

export interface ClaimsFile {
  version: number;
  claims: ClaimRow[];
}

const SUPPORTED_VERSION = 1;
/** catalog.json, modules.json, names/, claims/: the layout of issue #11 (read only what a command needs). */
export const FORMAT_VERSION = 2;
export const MODULES_FILE = 'modules.json';
export const claimsFile = (module: string): string => `claims/${module}.json`;
/** `kap list` piped (render/views.ts listLines), with `--source` or without. */
export const listingFile = (withSource: boolean): string => (withSource ? 'list-source.txt' : 'list.txt');

/** The piped listing as the compile wrote it. */
export function readListing(dataDir: string, withSource: boolean): string {
  const text = readCompiled(dataDir, listingFile(withSource));
  if (text === undefined) throw new CompiledContentError(`compiled content not found at ${join(dataDir, listingFile(withSource))}`);
  return text;
}

function parseJson<T>(dataDir: string, rel: string, text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new CompiledContentError(`compiled content is corrupted: ${join(dataDir, rel)}`);
  }
}

function readJson<T>(dataDir: string, rel: string): T {
  const text = readCompiled(dataDir, rel);
  if (text === undefined) throw new CompiledContentError(`compiled content not found at ${join(dataDir, rel)}`);
  return parseJson<T>(dataDir, rel, text);
}

/**
 * The catalog, its file (`catalog.json`: every glossary term with its definition, ~40 KB) read
 * and checked when first asked for: a topic found by a module's name, or a search, never needs
 * it (names are in `names/`). `kap explain glutamate`'s callgrind: 103.0M -> 100.7M instructions, `kap explain glutamte` 106.4M -> 104.2M (callgrind, seeds 7, 11).
 */
export function readCatalog(dataDir: string): Catalog {
  let file: CatalogFile | undefined;
  const c = (): CatalogFile => {
    if (file) return file;
    const read = readJson<CatalogFile>(dataDir, 'catalog.json');
    if (read?.version !== FORMAT_VERSION || !Array.isArray(read.terms) || typeof read.titles !== 'object')
      throw new CompiledContentError(`compiled content at ${dataDir} has an unknown format`);
    return (file = read);
  };
  let modules: CatalogModule[] | undefined;
  const all = (): CatalogModule[] => {
    if (modules) return modules;
    const m = readJson<CatalogModule[]>(dataDir, MODULES_FILE);
    if (!Array.isArray(m)) throw new CompiledContentError(`compiled content at ${dataDir} has an unknown format`);
    return (modules = m);
  };
  return {
    get version() {
      return c().version;
    },
    get modules() {
      return all();
    },
    get terms() {
      return c().terms;
    },
    names: readNames(dataDir),
    title: (id) => {
      const { titles } = c();
      return Object.hasOwn(titles, id) ? titles[id] : all().find((m) => m.id === id)?.title;
    },
  };
}

/** `claims/<id>.json`: one module's claims, its title for their heading, the keys it cites (`kap refs --topic`). */
export interface ModuleClaims {
  title: string;
  claims: ClaimRow[];
  references: string[];
}

/** One module's claims, as `kap claims <topic>` shows them. */
export function readModuleClaims(dataDir: string, module: string): ModuleClaims {
  return checkClaims(dataDir, readJson<ModuleClaims>(dataDir, claimsFile(module)));
}

function checkClaims(dataDir: string, c: ModuleClaims): ModuleClaims {
  if (!Array.isArray(c?.claims)) throw new CompiledContentError(`compiled claims at ${dataDir} have an unknown format`);
  return c;
}

/** A module's claims file when `id` is a module's id (safe names only: never a path), else undefined. */
export function findModuleClaims(dataDir: string, id: string): ModuleClaims | undefined {
  if (!/^[A-Za-z0-9_.:-]+$/.test(id)) return undefined;
  // Read once: whether it exists and what it holds (a pack's file is hashed on every read).
  const text = readCompiled(dataDir, claimsFile(id));
  return text === undefined ? undefined : checkClaims(dataDir, parseJson<ModuleClaims>(dataDir, claimsFile(id), text));
}

/** The claims of these modules only (quiz exports, review): every module's file is read once. */
export function readClaimsOf(dataDir: string, modules: Iterable<string>): ClaimRow[] {
  return [...new Set(modules)].flatMap((m) => readModuleClaims(dataDir, m).claims);
}

export function readModuleView(dataDir: string, id: string): ModuleView {
  return readJson<ModuleView>(dataDir, `modules/${id}.json`);
}

export function readModule(dataDir: string, id: string): CompiledModule {
  return { ...readModuleView(dataDir, id), ...readJson<ModuleData>(dataDir, `modules/${id}.data.json`) };
}

/** A question as `kap quiz` and the exports use it: citations already formatted. */
export interface CompiledQuestion {
  id: string;
  module: string;
  moduleTitle: string;
  /** The module's tags, so `--topic` can name a tag. */
  tags: string[];
  difficulty: Difficulty;
  question: string;
  /** In written order; `correct` marks the one key. */
  choices: Choice[];
  /** With author-year citations: "... (Zanos & Gould, 2018)." */
  explanation: string;
  sources: { key: string; inText: string; reference: string }[];
  /** The help its feedback needs (src/safety), computed at build time. */
  help?: HelpKind[];
}

export interface CompiledQuiz {
  version: number;
  questions: CompiledQuestion[];
}

export function readQuiz(dataDir: string): CompiledQuiz {
  const q = readJson<CompiledQuiz>(dataDir, 'quiz.json');
  if (q?.version !== SUPPORTED_VERSION || !Array.isArray(q.questions))
    throw new CompiledContentError(`compiled quiz at ${dataDir} has an unknown format`);
  return q;
}

export function readClaims(dataDir: string): ClaimRow[] {
  const c = readJson<ClaimsFile>(dataDir, 'claims.json');
  if (c?.version !== SUPPORTED_VERSION || !Array.isArray(c.claims))
    throw new CompiledContentError(`compiled claims at ${dataDir} have an unknown format`);
  return c.claims;
}
