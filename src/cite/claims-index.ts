/** Build time, pure: which claims each reference is cited for, and which keys each module cites. */
import type { Module } from '../content/model.js';
import { moduleKeys } from '../content/document.js';
import type { ClaimUse } from './bibliography.js';

/** Reference key → every claim citing it, as a kap source or as the article's citation. */
export function claimsByReference(modules: Module[]): Record<string, ClaimUse[]> {
  const out: Record<string, ClaimUse[]> = {};
  const add = (key: string, use: ClaimUse) => (out[key] ??= []).push(use);
  for (const m of modules)
    for (const c of m.claims) {
      const base = { module: m.id, claim: c.id, text: c.text, certainty: c.certainty };
      for (const key of c.sources) add(key, { ...base, role: 'source' });
      const a = c.article;
      if (a) for (const key of a.cited) add(key, { ...base, role: 'article', quote: a.quote, verdict: a.verdict, correction: a.correction });
    }
  return out;
}

export function keysByModule(modules: Module[]): Record<string, string[]> {
  return Object.fromEntries(modules.map((m) => [m.id, moduleKeys(m)]));
}
