/** Run-time reads of compiled content: the small catalog, and one module file on demand. */
import { readCompiled } from './compiled-read.js';
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
  modules: CatalogModule[];
  terms: CatalogTerm[];
  /** Normalised name (id, title, alias) → "m:<module id>" or "t:<term id>". */
  keys: Record<string, string>;
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

function readJson<T>(dataDir: string, rel: string): T {
  const path = join(dataDir, rel);
  const text = readCompiled(dataDir, rel);
  if (text === undefined) throw new CompiledContentError(`compiled content not found at ${path}`);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new CompiledContentError(`compiled content is corrupted: ${path}`);
  }
}

export function readCatalog(dataDir: string): Catalog {
  const c = readJson<Catalog>(dataDir, 'catalog.json');
  if (c?.version !== SUPPORTED_VERSION || !Array.isArray(c.modules))
    throw new CompiledContentError(`compiled content at ${dataDir} has an unknown format`);
  return c;
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
