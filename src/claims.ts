/** Which claims `kap claims` shows: pure filters over the compiled claim rows. */
import { VERDICTS, type Verdict } from './content/model.js';
import type { ClaimRow } from './store.js';
import { nearest } from './text/distance.js';

/** `--verdict any` keeps every claim taken from the article. */
export const VERDICT_FILTERS = [...VERDICTS, 'any'] as const;
export type VerdictFilter = Verdict | 'any';

export interface ClaimFilter {
  module?: string;
  verdict?: VerdictFilter;
  /** A reference key, with or without a leading `@`; case does not matter. */
  source?: string;
}

export const sourceKey = (s: string): string => s.replace(/^@/, '').toLowerCase();

export function filterClaims(rows: ClaimRow[], f: ClaimFilter): ClaimRow[] {
  const key = f.source === undefined ? undefined : sourceKey(f.source);
  return rows.filter(
    (c) =>
      (f.module === undefined || c.module === f.module) &&
      (f.verdict === undefined || (f.verdict === 'any' ? Boolean(c.article) : c.article?.verdict === f.verdict)) &&
      (key === undefined || c.sources.some((s) => s.key.toLowerCase() === key)),
  );
}

/** Source keys that some claim uses and that look like `key`: for "did you mean". */
export function similarSources(rows: ClaimRow[], key: string): string[] {
  const keys = [...new Set(rows.flatMap((c) => c.sources.map((s) => s.key)))];
  if (keys.some((k) => k.toLowerCase() === sourceKey(key))) return [];
  return nearest(sourceKey(key), keys.map((k) => [k.toLowerCase(), k] as [string, string]));
}

/** How the filters read in a message: `module "glutamate", verdict overstated`. */
export function describeFilter(f: ClaimFilter): string {
  const parts = [f.module && `module "${f.module}"`, f.verdict && (f.verdict === 'any' ? 'from the article' : `verdict ${f.verdict}`), f.source && `source ${sourceKey(f.source)}`];
  return parts.filter(Boolean).join(', ');
}
