/**
 * The same fact carries the same evidence label everywhere. Two claims state the same fact,
 * as far as a program can tell, when their texts are the same (case, spacing and punctuation
 * aside) or when they rest on the same sources with the same design; such claims must give the
 * same certainty. Each disagreeing claim gets an error naming the other place. A pack checked
 * over the built-in content is compared with it by text only: two sets' authors cite the same
 * review for different facts more often than they restate one fact. Pure.
 */
import type { Problem } from '../errors.js';
import type { ContentSet } from './load.js';
import type { Claim } from './model.js';

interface Placed {
  claim: Claim;
  file: string;
  line: number;
  /** Which content the claim came from (a pack, or the built-in content), when sets were merged. */
  origin: string;
}

/** Text as a key: letters and digits only, lower case. */
export const sameText = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const sameEvidence = (p: Placed): string => `${p.origin}|${p.claim.design}|${[...new Set(p.claim.sources)].sort().join(',')}`;

function disagreements(all: Placed[], key: (p: Placed) => string, why: string): Problem[] {
  const groups = new Map<string, Placed[]>();
  for (const p of all) {
    const k = key(p);
    if (k) groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  const out: Problem[] = [];
  for (const group of groups.values()) {
    if (new Set(group.map((p) => p.claim.certainty)).size < 2) continue;
    for (const p of group) {
      const others = group.filter((o) => o.claim.certainty !== p.claim.certainty);
      const named = others.map((o) => `${o.file}:${o.line} (${o.claim.id}: ${o.claim.certainty})`).join(', ');
      out.push({
        file: p.file,
        line: p.line,
        severity: 'error',
        message: `claims.${p.claim.id}.certainty: ${p.claim.certainty}, but ${why} at ${named}; the same fact carries the same certainty everywhere (change one, or make the claims differ in what they say and cite)`,
      });
    }
  }
  return out;
}

export function checkConsistency(set: ContentSet): Problem[] {
  const all: Placed[] = set.modules.flatMap(({ module: m, lines }) => m.claims.map((claim) => ({ claim, file: m.file, line: lines.claims.get(claim.id) ?? 1, origin: m.origin ?? '' })));
  const byText = disagreements(all, (p) => sameText(p.claim.text), 'the same claim text is rated');
  const flagged = new Set(byText.map((p) => `${p.file}:${p.line}`));
  const byEvidence = disagreements(all, sameEvidence, 'a claim with the same sources and design is rated').filter((p) => !flagged.has(`${p.file}:${p.line}`));
  return [...byText, ...byEvidence];
}
