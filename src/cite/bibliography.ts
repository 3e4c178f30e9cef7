/**
 * The compiled bibliography (dist/content/bibliography/): every reference already formatted in
 * every style and export format at build time, so `kap cite` and `kap refs` only read JSON.
 * A content pack's references are formatted the same way, when the pack is compiled (packs.ts,
 * with the styles copied to content/styles/).
 */
import { readCompiled } from '../compiled-read.js';
import { join } from 'node:path';
import { CompiledContentError } from '../errors.js';
import type { Erratum, Verdict } from '../content/model.js';
import type { ExportId, StyleId } from './styles.js';

export const BIBLIOGRAPHY_VERSION = 1;

export interface Formatted {
  /** Bibliography entry as HTML from the CSL processor (italics as <i>, entities escaped). */
  html: string;
  /** Parenthetical in-text citation, plain text: "(Furukawa et al., 2005)". */
  inText: string;
  /**
   * The citation in two parts, where the style collapses one author's works: `names` "Glue et al."
   * (author-only) and `rest` "2017" (author suppressed). Absent where they do not rebuild inText.
   */
  names?: string;
  rest?: string;
}

/** What lookup and listing need: small, read by every `kap cite`. */
export interface BibSummary {
  key: string;
  /** "Furukawa et al., 2005": the APA in-text form without parentheses. */
  authorYear: string;
  title: string;
  /** Family names (or literal names) of the authors, for `kap cite furukawa 2005`. */
  authors: string[];
  year: string;
  doi?: string;
  /** Fields not verified against a public record ("author": the list is incomplete). */
  unverified?: string[];
  /** The work was retracted (CSL `status: "retracted"`): kap cite says so in every style. */
  retracted?: true;
}

/** One reference formatted every way: one file each, read only when printed. */
export interface BibEntry extends BibSummary {
  styles: Record<StyleId, Formatted>;
  exports: Record<ExportId, string>;
}

/** One claim a reference is cited for: by a kap module (source) or by the article (article). */
export interface ClaimUse {
  module: string;
  claim: string;
  text: string;
  role: 'source' | 'article';
  certainty: string;
  /** For the article's claims: its quote and how well the cited source supports it. */
  quote?: string;
  verdict?: Verdict;
  correction?: string;
}

/** The whole compiled bibliography, as the build makes it; written as the three parts below. */
export interface Bibliography {
  /** Sorted by author-year, as a reference list is. */
  entries: BibEntry[];
  index: RefIndex;
  claims: ClaimsIndex;
}

/** bibliography/index.json */
export interface RefIndex {
  version: number;
  entries: BibSummary[];
  errata: Erratum[];
}

/** bibliography/claims.json: only `kap refs` reads it. */
export interface ClaimsIndex {
  /** Module id → the keys it cites (body and claims). */
  byModule: Record<string, string[]>;
  /** Reference key → the claims it is cited for (the reverse index). */
  claims: Record<string, ClaimUse[]>;
}

/** File of one reference: keys are CSL ids, which may hold characters a file name cannot. */
export const entryFile = (key: string): string => `refs/${encodeURIComponent(key)}.json`;


function readJson<T>(dataDir: string, file: string): T {
  const path = join(dataDir, 'bibliography', file);
  const text = readCompiled(dataDir, `bibliography/${file}`);
  try {
    if (text === undefined) throw new Error('not found');
    return JSON.parse(text) as T;
  } catch {
    throw new CompiledContentError(`compiled bibliography not found or unreadable at ${path}`);
  }
}

export function readRefIndex(dataDir: string): RefIndex {
  const i = readJson<RefIndex>(dataDir, 'index.json');
  if (i?.version !== BIBLIOGRAPHY_VERSION || !Array.isArray(i.entries))
    throw new CompiledContentError(`compiled bibliography at ${dataDir} has an unknown format`);
  return i;
}

export const readEntry = (dataDir: string, key: string): BibEntry => readJson<BibEntry>(dataDir, entryFile(key));
export const readClaims = (dataDir: string): ClaimsIndex => readJson<ClaimsIndex>(dataDir, 'claims.json');
