/** All problems of a content set: per-file (from loading) and cross-file, sorted by file and line. */
import type { Problem } from '../errors.js';
import type { ContentSet } from './load.js';
import { validateContent } from './validate.js';

export function checkContent(set: ContentSet): Problem[] {
  return [...set.problems, ...validateContent(set)].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
