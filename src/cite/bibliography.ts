/**
 * The compiled bibliography (dist/content/bibliography.json): every reference already formatted
 * in every style and export format at build time, so `kap cite` and `kap refs` only read JSON.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode, KapError } from '../errors.js';
import type { Erratum, Verdict } from '../content/model.js';
import type { ExportId, StyleId } from './styles.js';

export const BIBLIOGRAPHY_VERSION = 1;

export interface Formatted {
  /** Bibliography entry as HTML from the CSL processor (italics as <i>, entities escaped). */
  html: string;
  /** Parenthetical in-text citation, plain text: "(Furukawa et al., 2005)". */
  inText: string;
}

export interface BibEntry {
  key: string;
  /** "Furukawa et al., 2005": the APA in-text form without parentheses. */
  authorYear: string;
  title: string;
  /** Family names (or literal names) of the authors, for `kap cite furukawa 2005`. */
  authors: string[];
  year: string;
  doi?: string;
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

export interface Bibliography {
  version: number;
  /** Sorted by author-year, as a reference list is. */
  entries: BibEntry[];
  /** Module id → the keys it cites (body and claims). */
  byModule: Record<string, string[]>;
  /** Reference key → the claims it is cited for (the reverse index). */
  claims: Record<string, ClaimUse[]>;
  errata: Erratum[];
}

export function readBibliography(dataDir: string): Bibliography {
  const path = join(dataDir, 'bibliography.json');
  let b: Bibliography;
  try {
    b = JSON.parse(readFileSync(path, 'utf8')) as Bibliography;
  } catch {
    throw new KapError(`compiled bibliography not found or unreadable at ${path}`, ExitCode.Content, 'Run `npm run build` (or reinstall kap).');
  }
  if (b?.version !== BIBLIOGRAPHY_VERSION || !Array.isArray(b.entries))
    throw new KapError(`compiled bibliography at ${path} has an unknown format`, ExitCode.Content, 'Run `npm run build` (or reinstall kap).');
  return b;
}
