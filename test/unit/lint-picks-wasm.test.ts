import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { claimPicks, picksInJs, type ClaimPicks } from '../../src/lint/best-claims.js';
import { sentenceTerms } from '../../src/lint/match.js';
import { prose } from '../../src/lint/prose.js';
import { readLintIndex } from '../../src/lint/read.js';
import { sentences } from '../../src/lint/sentences.js';
import { ROOT } from '../helpers/run-kap.js';

const labelled = ['labelled', 'held-out'].flatMap((f) => (parse(readFileSync(`${ROOT}test/lint/${f}.yaml`, 'utf8')) as { text: string }[]).map((c) => c.text));

/** Which picks are one match (the rules tell a weak best match by identity). */
const same = (p: ClaimPicks) => {
  const ms = [p.best, p.near, p.weak, p.animal];
  return ms.map((a) => ms.map((b) => a !== undefined && a === b));
};

describe('claimPicks in WebAssembly (picks-wasm.ts)', () => {
  it('picks what picksInJs picks, the same matches one, for every labelled sentence, its halves, and the sentences of drafts', () => {
    const index = readLintIndex(`${ROOT}dist/content`);
    // A draft as the bench makes one (test/bench/startup.mjs), and the fixture: sentences in a
    // run's order, each after the ones before it, as the matcher's memory meets their terms.
    let bench = '# A draft\n\n';
    for (let i = 0; i < 600; i++) bench += labelled[i % labelled.length]! + (i % 4 === 3 ? '\n\n' : ' ');
    const drafts = [bench, readFileSync(`${ROOT}test/fixtures/lint/draft.md`, 'utf8')].flatMap((d) => sentences(prose(d)).map((s) => s.own));
    const texts = [...labelled.flatMap((t) => [t, t.slice(0, t.length >> 1), t.slice(t.length >> 1)]), ...drafts, '', 'ketamine'];
    let picked = 0;
    for (const text of texts) {
      const own = sentenceTerms(text, index);
      const got = claimPicks(index, own);
      const want = picksInJs(index, own);
      expect(got, text).toEqual(want);
      expect(same(got), text).toEqual(same(want));
      picked += [got.best, got.near, got.weak, got.animal].filter(Boolean).length;
    }
    expect(picked).toBeGreaterThan(texts.length);
  });
});
