/** All problems of a content set: per-file (from loading), cross-file and quality, sorted by file and line. */
import type { Problem } from '../errors.js';
import type { ContentSet } from './load.js';
import { validateContent } from './validate.js';
import { checkQuality } from './quality.js';
import { checkConsistency } from './consistency.js';
import { compute, type Remember } from './remember.js';

/** `remember`: the results of per-text checks kept from earlier compiles (remember.ts). */
export function checkContent(set: ContentSet, remember: Remember = compute): Problem[] {
  return [...set.problems, ...validateContent(set), ...checkQuality(set, undefined, remember), ...checkConsistency(set)].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
