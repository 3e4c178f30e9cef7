import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.js';
import { formatProblem } from '../../src/errors.js';
import { inlinePacks } from '../helpers/inline-pack.js';

const pack = inlinePacks('kap-consistency-');

const claim = (id: string, text: string, certainty: string, sources = 'li2010', design = 'rct') =>
  `  - id: ${id}\n    text: ${text}\n    design: ${design}\n    certainty: ${certainty}\n    sources: [${sources}]\n`;
const mod = (id: string, claims: string) =>
  ['---', `id: ${id}`, `title: Topic ${id}`, 'kind: mechanism', 'summary: A short line.', 'reviewed: 2026-12-01', 'claims:', claims.trimEnd(), '---', '', 'It may help [@li2010].', ''].join('\n');
const consistency = (files: Record<string, string>) =>
  checkContent(pack(files)).filter((p) => p.message.includes('same certainty')).map(formatProblem);

describe('evidence labels are consistent across modules', () => {
  it('the same claim text with two certainties is an error at both places, each naming the other', () => {
    expect(consistency({
      'modules/a.md': mod('a', claim('a-fast', 'One infusion may help fast.', 'low')),
      'modules/b.md': mod('b', claim('b-fast', 'One  infusion may help FAST', 'moderate', 'zanos2018')),
    })).toEqual([
      'modules/a.md:8: error: claims.a-fast.certainty: low, but the same claim text is rated at modules/b.md:8 (b-fast: moderate); the same fact carries the same certainty everywhere (change one, or make the claims differ in what they say and cite)',
      'modules/b.md:8: error: claims.b-fast.certainty: moderate, but the same claim text is rated at modules/a.md:8 (a-fast: low); the same fact carries the same certainty everywhere (change one, or make the claims differ in what they say and cite)',
    ]);
  });

  it('the same sources and design with two certainties is an error (the review\'s L1 case: rct, moderate vs low)', () => {
    const out = consistency({
      'modules/a.md': mod('a', claim('a-one', 'A single infusion probably helps within a day.', 'moderate', 'li2010, zanos2018')),
      'modules/b.md': mod('b', claim('b-one', 'In small trials, one infusion may ease symptoms briefly.', 'low', 'zanos2018, li2010')),
    });
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/^modules\/a\.md:8: error: claims\.a-one\.certainty: moderate, but a claim with the same sources and design is rated at modules\/b\.md:8 \(b-one: low\)/);
  });

  it('agreeing labels, or the same sources with another design, pass', () => {
    const set = pack({
      'modules/a.md': mod('a', claim('a-one', 'One infusion may help.', 'low') + claim('a-two', 'Rats grow spines.', 'high', 'li2010', 'preclinical')),
      'modules/b.md': mod('b', claim('b-one', 'One infusion may help.', 'low')),
    });
    // Every claim loaded and no error of any kind: a pack that failed to parse would pass trivially.
    expect(set.modules.map((m) => m.module.claims.length)).toEqual([2, 1]);
    expect(checkContent(set).filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  });
});
