/**
 * review-fp.json: every question's fingerprint, worked out by the compile. kap review needs them
 * all before its first question, and hashing 149 questions with their claims costs more than
 * reading them (and node:crypto alone ~5 ms to load). A folder compiled before the file existed,
 * or one that misses a question, has them worked out at run time as before.
 */
import { parseOptional } from '../compiled-read.js';
import type { Fingerprint } from './changes.js';

export const FP_FILE = 'review-fp.json';
export const FP_VERSION = 1;

/** Written by fingerprint.ts's fingerprintsFile (compile time): this file holds no hashing, so a review loads none. */
export interface FpFile {
  version: number;
  fps: Record<string, Fingerprint>;
}

/** The bank's fingerprints from the file's text, in the bank's order; undefined when the file cannot answer for every question. */
export function compiledFingerprints(text: string | undefined, bank: { id: string }[]): Fingerprint[] | undefined {
  const file = parseOptional(text) as FpFile | undefined;
  if (file?.version !== FP_VERSION || typeof file.fps !== 'object' || file.fps === null) return undefined;
  const out: Fingerprint[] = [];
  for (const q of bank) {
    const fp = Object.hasOwn(file.fps, q.id) ? file.fps[q.id] : undefined;
    // What changeReasons reads of it: a damaged entry means hashing at run time, not a stack trace.
    if (typeof fp?.h !== 'string' || typeof fp.stem !== 'string' || typeof fp.key !== 'string' || !Array.isArray(fp.sources) || !Array.isArray(fp.evidence)) return undefined;
    out.push(fp);
  }
  return out;
}
