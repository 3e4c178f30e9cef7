/** draft-picks.ts: a draft's picks and quotes, all at once in WebAssembly, are each sentence's claimPicks and touchedBy (the quotes that cover enough). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { claimPicks, type ClaimPicks } from '../../src/lint/best-claims.js';
import { draftPicks } from '../../src/lint/draft-picks.js';
import { draftTerms, quoteMatcher, sentenceTerms, type SentenceTerms } from '../../src/lint/match.js';
import { prose } from '../../src/lint/prose.js';
import { readLintIndex } from '../../src/lint/read.js';
import { sentences } from '../../src/lint/sentences.js';
import { ROOT } from '../helpers/run-kap.js';

const index = readLintIndex(`${ROOT}dist/content`);
const labelled = ['labelled', 'held-out'].flatMap((f) => (parse(readFileSync(`${ROOT}test/lint/${f}.yaml`, 'utf8')) as { text: string }[]).map((c) => c.text));
const claimWords = index.wrong.flatMap((w) => w.claim.text.split(/\s+/));
const quotes = quoteMatcher(index.wrong);

/** Which picks are one match (the rules tell a weak best match by identity). */
const same = (p: ClaimPicks) => {
  const ms = [p.best, p.near, p.weak, p.animal];
  return ms.map((a) => ms.map((b) => a !== undefined && a === b));
};

/** The quotes of touchedBy that cover enough to be stated, as rules.ts tests them. */
function stated(touched: number[], sw: number): number[] {
  const out: number[] = [];
  for (let q = 0; q < touched.length; q += 3) {
    const [j, shared, signals] = [touched[q]!, touched[q + 1]!, touched[q + 2]!];
    const tw = index.wrong[j]!.weight;
    const coverage = tw ? shared / tw : 0;
    const sentCoverage = sw ? shared / sw : 0;
    if (coverage >= 0.6 || (signals >= 2 && (coverage >= 0.25 || sentCoverage >= 0.6))) out.push(j, shared, signals);
  }
  return out;
}

function check(terms: readonly SentenceTerms[]): number {
  const all = draftPicks(index, terms, quotes, index.wrong.map((w) => w.weight))!;
  expect(all).toBeDefined();
  let found = 0;
  terms.forEach((own, i) => {
    const got = all.picks(i);
    const want = claimPicks(index, own);
    expect(got).toEqual(want);
    expect(same(got)).toEqual(same(want));
    expect(all.touched(i)).toEqual(stated(quotes.touchedBy(own), own.weight));
    found += all.touched(i).length + (got.best ? 1 : 0);
  });
  return found;
}

describe("a draft's claim picks and quotes in WebAssembly", () => {
  it('are those of each sentence, for drafts of labelled sentences, their halves and claim words', () => {
    const part = fc.oneof(
      fc.constantFrom(...labelled),
      fc.constantFrom(...labelled).map((t) => t.slice(0, t.length >> 1)),
      fc.array(fc.constantFrom(...claimWords), { maxLength: 25 }).map((w) => w.join(' ')),
      fc.constant(''),
    );
    let found = 0;
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 40 }), fc.boolean(), (texts, wasm) => {
        found += check(wasm ? draftTerms(texts, index)! : texts.map((t) => sentenceTerms(t, index)));
      }),
      { numRuns: 200 },
    );
    expect(found).toBeGreaterThan(1000);
  });
  it('are those of each sentence of the lint fixture and a bench draft', () => {
    let bench = '# A draft\n\n';
    for (let i = 0; i < 600; i++) bench += labelled[i % labelled.length]! + (i % 4 === 3 ? '\n\n' : ' ');
    for (const d of [bench, readFileSync(`${ROOT}test/fixtures/lint/draft.md`, 'utf8')]) {
      const texts = sentences(prose(d)).map((s) => s.own);
      expect(check(draftTerms(texts, index)!)).toBeGreaterThan(texts.length);
    }
  });
});
