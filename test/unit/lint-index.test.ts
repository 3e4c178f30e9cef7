/**
 * The split lint index (src/lint/model.ts): a run reads the term shards of its draft's words and
 * the details of the claims its findings name, nothing else; claims repeated with the same terms,
 * certainty and design are matched once, and that changes no match a rule can see.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { claimTerms } from '../../src/lint/index-build.js';
import { lintText } from '../../src/lint/lint.js';
import { bestClaims, claimPicks, states, type ClaimMatch } from '../../src/lint/best-claims.js';
import { lintTerms, matchDocuments, namesTopic, RARE, sentenceTerms, weight } from '../../src/lint/match.js';
import { claimsFile, FLAG, LINT_DIR, shardFile, termShard, type ClaimDetail, type LintClaim, type LintHead } from '../../src/lint/model.js';
import { readLintIndex, type LintIndex } from '../../src/lint/read.js';
import { nearKeysOf } from '../../src/lint/citations.js';
import { ROOT } from '../helpers/run-kap.js';

const compiled = `${ROOT}dist/content`;
const head = JSON.parse(readFileSync(join(compiled, LINT_DIR, 'index.json'), 'utf8')) as LintHead;
const chunks = readdirSync(join(compiled, LINT_DIR)).filter((f) => /^c\d+\.json$/.test(f)).map((f) => Number(f.slice(1, -5)));
const details = chunks.sort((a, b) => a - b).flatMap((n) => JSON.parse(readFileSync(join(compiled, claimsFile(n)), 'utf8')) as ClaimDetail[]);
const labelled = ['labelled', 'held-out'].flatMap((f) => (parse(readFileSync(`${ROOT}test/lint/${f}.yaml`, 'utf8')) as { text: string }[]).map((c) => c.text));

/** A copy of the compiled content with only `keep` of the lint index's files. */
function copyWith(keep: (file: string) => boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'kap-lint-index-'));
  cpSync(join(compiled, LINT_DIR), join(dir, LINT_DIR), { recursive: true });
  for (const f of readdirSync(join(dir, LINT_DIR))) if (!keep(`${LINT_DIR}/${f}`)) rmSync(join(dir, LINT_DIR, f));
  return dir;
}

describe('the split lint index', () => {
  const draft = 'Ketamine cures depression overnight.\n\nEsketamine is a derivative of ketamine.\n';
  const full = lintText(draft, readLintIndex(compiled));

  it('reads only the shards of the draft\'s words and the details of the claims it names', () => {
    expect(head.shards).toBeGreaterThan(2);
    const shards = new Set(lintTerms(draft).map((t) => shardFile(termShard(t, head.shards))));
    const named = new Set(full.map((f) => f.claim).filter(Boolean));
    const needed = new Set([...named].map((id) => claimsFile(Math.floor(details.findIndex((d) => d.id === id) / head.chunk))));
    const dir = copyWith((f) => !/\/[tc]\d+\.json$/.test(f) || shards.has(f) || needed.has(f));
    try {
      const left = readdirSync(join(dir, LINT_DIR));
      // The test deletes something: some shards and most details are not this draft's.
      expect(left.length).toBeLessThan(head.shards + chunks.length + 2 - 3);
      expect(lintText(draft, readLintIndex(dir))).toEqual(full);
      expect(full.some((f) => f.rule === 'known-error') && full.some((f) => f.rule === 'overstated')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the words of topics\' names that are in no claim or quote in the topic shards, read only for a hype word', () => {
    const index = readLintIndex(compiled);
    // "telehealth" names a topic (access and regulation) and is in no claim: no term entry.
    expect(index.term('telehealth')).toBeUndefined();
    expect(namesTopic(sentenceTerms('Telehealth visits', index), index)).toBe(true);
    expect(namesTopic(sentenceTerms('Plain visits', index), index)).toBe(false);
    // A claim's word that names a topic is told by its entry: no topic shard needed.
    const dir = copyWith((f) => !/\/p\d+\.json$/.test(f));
    try {
      const without = readLintIndex(dir);
      expect(namesTopic(sentenceTerms('Esketamine visits', without), without)).toBe(true);
      expect(() => namesTopic(sentenceTerms('Telehealth visits', without), without)).toThrow(/no lint index/);
      // A draft whose hype words name claims' topics lints the same without them.
      expect(lintText(draft, without)).toEqual(full);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('holds the keys as a run would read them from the references (rules.ts nearKeysOf)', () => {
    const keys = readLintIndex(compiled).nearKeys!()!;
    expect(keys).toEqual(nearKeysOf(new Map(head.references.map((r) => [r.key, r])).keys()));
    expect(keys.keys.length).toBeGreaterThan(50);
  });

  it('says the index is missing, not that the draft is clean, when a shard it needs is gone', () => {
    const gone = shardFile(termShard('ketamin', head.shards));
    const dir = copyWith((f) => f !== gone);
    try {
      expect(existsSync(join(dir, gone))).toBe(false);
      expect(() => lintText(draft, readLintIndex(dir))).toThrow(/no lint index/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** An index in memory over `claims`, as index-build.ts lays it out (repeated claims matched once). */
function memoryIndex(claims: LintClaim[], idf: Record<string, number>): LintIndex {
  const m = matchDocuments(claims, idf);
  const flags = (c: LintClaim) => (c.certainty === 'low' ? FLAG.low : 0) | (c.certainty === 'very-low' ? FLAG.veryLow : 0) | (c.design === 'preclinical' ? FLAG.preclinical : 0) | (c.design === 'opinion' ? FLAG.opinion : 0);
  return {
    references: [], errata: [], wrong: [],
    myths: [],
    term: (t) => (Object.hasOwn(idf, t) ? [idf[t]!, 0, ...(m.postings[t] ?? [])] : undefined),
    topicOnly: () => false,
    docs: () => ({ claim: m.claimOf.map((i) => m.number[i]!), weight: m.weights, flags: m.claimOf.map((i) => flags(claims[i]!)) }),
    claim: (i) => claims[m.reps[i]!]!,
  };
}

/** What bestClaims found before repeated claims were matched once: every claim's documents scored. */
function everyClaim(claims: LintClaim[], idf: Record<string, number>, sentence: readonly string[]): { claim: number; score: number; coverage: number; shared: number; rare: number }[] {
  const sw = weight(idf, sentence);
  const set = new Set(sentence);
  const best = new Map<number, { claim: number; score: number; coverage: number; shared: number; rare: number }>();
  // Documents in the order first met: the sentence's terms in order, each term's documents in order.
  const docs = claims.flatMap((c, i) => [c.terms, ...(c.parts ?? [])].map((terms) => ({ i, terms })));
  const first = (d: { terms: string[] }) => sentence.findIndex((t) => d.terms.includes(t));
  const met = docs.map((d, n) => ({ ...d, n, k: first(d) })).filter((d) => d.k >= 0).sort((a, b) => a.k - b.k || a.n - b.n);
  for (const { i, terms } of met) {
    const shared = terms.filter((t) => set.has(t));
    const w = weight(idf, shared);
    const tw = weight(idf, terms);
    if (!(40 * w >= 3 * (tw + sw) || (5 * w >= 3 * sw && 20 * w >= 3 * tw))) continue;
    const score = (2 * w) / (tw + sw);
    const seen = best.get(i);
    if (!seen || score > seen.score) best.set(i, { claim: i, score, coverage: w / tw, shared: shared.length, rare: shared.filter((t) => (idf[t] ?? 2500) >= RARE).length });
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

describe('claims repeated in the content', () => {
  // kap's claims, then each again under another id (as a pack that copies a module has them),
  // interleaved with the originals, and some with another certainty (not the same claim).
  const base: LintClaim[] = details.map((d) => ({ ...d, module: 'm', ...claimTerms(d.text) }));
  const claims: LintClaim[] = base.flatMap((c, i) => [c, { ...c, id: `${c.id}-copy` }, ...(i % 3 ? [] : [{ ...c, id: `${c.id}-low`, certainty: 'low' as const }])]).concat(base.map((c) => ({ ...c, id: `${c.id}-again` })));
  const df = new Map<string, number>();
  for (const c of claims) for (const t of c.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = Object.fromEntries([...df].map(([t, n]) => [t, Math.round(Math.log(1 + claims.length / n) * 1000)]));
  const index = memoryIndex(claims, idf);
  const key = (c: LintClaim) => JSON.stringify([c.terms, c.parts ?? null, c.certainty, c.design]);
  const m = matchDocuments(claims, idf);

  it('have documents once: the first of each, with the same terms, parts, certainty and design', () => {
    expect(m.reps.length).toBe(new Set(claims.map(key)).size);
    expect(m.reps.length).toBeGreaterThan(base.length);
    expect(m.number.filter((n) => n >= 0).length).toBe(m.reps.length);
    for (const [i, c] of claims.entries()) if (c.id.endsWith('-copy') || c.id.endsWith('-again')) expect(m.number[i], c.id).toBe(-1);
  });

  it('find, for every labelled sentence, the matches every claim scored, copies left out, in the same order', () => {
    let compared = 0;
    for (const text of labelled) {
      const own = sentenceTerms(text, index);
      const once: ClaimMatch[] = bestClaims(index, own);
      const all = everyClaim(claims, idf, own.list);
      // Each copy comes after its first, with the same score: a rule's first match of any kind is a first.
      for (const [j, x] of all.entries()) {
        if (m.number[x.claim]! >= 0) continue;
        const firstOf = claims.findIndex((c) => key(c) === key(claims[x.claim]!));
        const at = all.findIndex((y) => y.claim === firstOf);
        expect(at, claims[x.claim]!.id).toBeGreaterThanOrEqual(0);
        expect(at).toBeLessThan(j);
        expect(all[at]!.score).toBe(x.score);
      }
      const kept = all.filter((x) => m.number[x.claim]! >= 0);
      expect(once.map((x) => [claims[m.reps[x.claim]!]!.id, x.score, x.coverage, x.shared, x.rare])).toEqual(kept.map((x) => [claims[x.claim]!.id, x.score, x.coverage, x.shared, x.rare]));
      compared += kept.length;
    }
    expect(compared).toBeGreaterThan(labelled.length);
  });
});

/** The picks as the rules made them from bestClaims' whole list, before claimPicks. */
function picksOf(matches: ClaimMatch[]) {
  const best = matches[0];
  if (!best) return { best };
  const near = matches.filter((m) => states(m) && m.score >= best.score - 0.1);
  const weak = near.find((m) => m.flags & (FLAG.low | FLAG.veryLow));
  const animal = matches.find((m) => m.flags & FLAG.preclinical && (m.score >= 0.25 || states(m)));
  return { best, near: near[0], weak, animal };
}

describe('claimPicks', () => {
  it('picks, for every labelled sentence and every part of one, what the rules picked from bestClaims, a claim once', () => {
    const index = readLintIndex(compiled);
    let picked = 0;
    // Each sentence, and its first half: shorter sentences pick other claims.
    for (const text of labelled.flatMap((t) => [t, t.slice(0, t.length >> 1)])) {
      const own = sentenceTerms(text, index);
      const want = picksOf(bestClaims(index, own));
      const got = claimPicks(index, own);
      expect(got, text).toEqual({ best: want.best, near: want.near, weak: want.weak, animal: want.animal });
      // The rules tell a weak best match by identity.
      if (got.weak && got.best) expect(got.weak === got.best, text).toBe(want.weak === want.best);
      picked += [got.near, got.weak, got.animal].filter(Boolean).length;
    }
    expect(picked).toBeGreaterThan(labelled.length / 2);
  });
});
