/**
 * What a checked content set holds that a big compile no longer needs. A parsed field is a
 * slice of its file's text, and V8 keeps the whole text alive for a slice: at 10,000 modules the
 * texts were most of the parsed set (~250 MB). Here the fields are copied fresh and the texts and
 * line maps (for the checks' messages) dropped; compile.ts, told `release`, then lets each
 * module's body and source go once that module is written.
 */
import type { ContentSet } from './load.js';

export function releaseChecked(set: ContentSet): void {
  set.texts.clear();
  for (const p of set.modules) {
    const { body, raw, ...fields } = p.module;
    p.module = { ...(JSON.parse(JSON.stringify(fields)) as typeof fields), body, raw };
    p.citeLines = new Map();
    p.lines = { ...p.lines, claims: new Map() };
  }
}
