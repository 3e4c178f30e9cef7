/**
 * What a question teaches, as a fingerprint kept with its history: the stem, the key, its
 * sources, and the evidence it rests on (the claims of its module that cite one of its
 * sources: their certainty and sources). Wording is normalised first, so a cosmetic edit
 * (case, spacing, punctuation; the explanation, distractors, difficulty) keeps the history;
 * anything else means "changed: relearn", with the reason (changes.ts). The compile works them
 * out for its bank (fingerprints-file.ts); kap review hashes here only a folder without them.
 */
import { createHash } from 'node:crypto';
import type { Fingerprint } from './changes.js';
import { FP_VERSION, type FpFile } from './fingerprints-file.js';

export interface QuestionLike {
  id: string;
  module: string;
  question: string;
  choices: { text: string; correct: boolean }[];
  sources: { key: string }[];
}

export interface ClaimLike {
  id: string;
  module: string;
  certainty: string;
  sources: { key: string }[];
}

const short = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 12);

/** Case, accents' forms, spacing and punctuation do not change what a sentence teaches. */
export function normalise(text: string): string {
  // A character loop, not a \p{L} regex: compiling that costs ~2 ms, and this runs at start-up.
  let out = '';
  let gap = false;
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    const c = ch.codePointAt(0)!;
    const separator = c < 128 ? !((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) : (c >= 0xa0 && c <= 0xbf) || (c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f);
    if (separator) gap = true;
    else {
      if (gap && out) out += ' ';
      out += ch;
      gap = false;
    }
  }
  return out;
}

/** Claims by module, for many questions at once. */
export function claimsByModule(claims: ClaimLike[]): Map<string, ClaimLike[]> {
  const by = new Map<string, ClaimLike[]>();
  for (const c of claims) {
    const list = by.get(c.module);
    if (list) list.push(c);
    else by.set(c.module, [c]);
  }
  return by;
}

export function fingerprint(q: QuestionLike, moduleClaims: ClaimLike[] = []): Fingerprint {
  const key = q.choices.find((c) => c.correct)?.text ?? '';
  const sources = [...new Set(q.sources.map((s) => s.key))].sort();
  const evidence = moduleClaims
    .filter((c) => c.module === q.module && c.sources.some((s) => sources.includes(s.key)))
    .map((c) => `${c.id} ${c.certainty} ${[...new Set(c.sources.map((s) => s.key))].sort().join('+')}`)
    .sort();
  const stem = short(normalise(q.question));
  const k = short(normalise(key));
  return { h: short([stem, k, sources.join(','), evidence.join('\n')].join('\u0000')), stem, key: k, sources, evidence };
}

/** review-fp.json's text (compile time; read by fingerprints-file.ts). */
export function fingerprintsFile(questions: QuestionLike[], claims: ClaimLike[]): string {
  const byModule = claimsByModule(claims);
  const fps: Record<string, Fingerprint> = {};
  for (const q of questions) fps[q.id] = fingerprint(q, byModule.get(q.module));
  return JSON.stringify({ version: FP_VERSION, fps } satisfies FpFile);
}
