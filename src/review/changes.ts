/**
 * A question's fingerprint as kept with its history, and what a changed one means in words.
 * No hashing here (fingerprint.ts does it): kap review compares fingerprints on every run, and
 * node:crypto costs ~5 ms to load.
 */

export interface Fingerprint {
  /** Hash of all the parts below: equal hashes, same teaching. */
  h: string;
  /** Hashes of the normalised stem and key. */
  stem: string;
  key: string;
  /** Source keys, sorted. */
  sources: string[];
  /** `claimId certainty src1+src2`, sorted. */
  evidence: string[];
}

/** Why a question must be relearned, in words; empty when it teaches the same. */
export function changeReasons(old: Fingerprint, now: Fingerprint): string[] {
  if (old.h === now.h) return [];
  const reasons: string[] = [];
  if (old.key !== now.key) reasons.push('its answer changed');
  if (old.stem !== now.stem) reasons.push('the question was reworded');
  const added = now.sources.filter((s) => !old.sources.includes(s));
  const removed = old.sources.filter((s) => !now.sources.includes(s));
  if (added.length || removed.length)
    reasons.push(`its sources changed (${[...added.map((s) => `+${s}`), ...removed.map((s) => `-${s}`)].join(', ')})`);
  const parse = (e: string) => {
    const [id = '', certainty = '', srcs = ''] = e.split(' ');
    return { id, certainty, srcs };
  };
  const before = new Map(old.evidence.map((e) => [parse(e).id, parse(e)]));
  const after = new Map(now.evidence.map((e) => [parse(e).id, parse(e)]));
  for (const [id, a] of after) {
    const b = before.get(id);
    if (!b) reasons.push(`it now rests on claim ${id} (certainty ${a.certainty})`);
    else {
      if (b.certainty !== a.certainty) reasons.push(`the certainty of claim ${id} changed from ${b.certainty} to ${a.certainty}`);
      if (b.srcs !== a.srcs) reasons.push(`the sources of claim ${id} changed`);
    }
  }
  for (const id of before.keys()) if (!after.has(id)) reasons.push(`it no longer rests on claim ${id}`);
  return reasons.length ? reasons : ['what it teaches changed'];
}
