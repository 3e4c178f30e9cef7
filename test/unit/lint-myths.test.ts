/**
 * Myths (a claim's `myths` in the content): the module file refuses one kap could not match
 * safely, and a draft that states one gets a known-error finding with the claim as the fix;
 * denying, hedging, quoting or splitting it across clauses states nothing.
 */
import { describe, expect, it } from 'vitest';
import { Sink } from '../../src/content/fields.js';
import { parseModuleFile } from '../../src/content/module-file.js';
import { lintText } from '../../src/lint/lint.js';
import { readLintIndex } from '../../src/lint/read.js';
import { ROOT } from '../helpers/run-kap.js';

const moduleWith = (myths: string) => `---
id: m
title: M
kind: condition
summary: A summary.
reviewed: 2026-12-01
claims:
  - id: m-one
    text: Ketamine has not been shown to prevent suicide.
    design: rct
    certainty: high
    sources: [a2020]
    myths: ${myths}
---

Body.
`;

describe('myths in a module file', () => {
  it('are read with the claim', () => {
    const sink = new Sink('modules/m.md');
    const parsed = parseModuleFile('modules/m.md', moduleWith('["Ketamine prevents suicide."]'), sink);
    expect(sink.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(parsed!.module.claims[0]!.myths).toEqual(['Ketamine prevents suicide.']);
  });

  it('with a negation, or under three words, are an error at the field, named by its path', () => {
    for (const [myths, why] of [['["Ketamine is not addictive."]', /has a negation/], ['["Ketamine cannot harm."]', /has a negation/], ['["Ketamine heals."]', /too short/]] as const) {
      const sink = new Sink('modules/m.md');
      parseModuleFile('modules/m.md', moduleWith(myths), sink);
      const errors = sink.problems.filter((p) => p.severity === 'error');
      expect(errors.map((p) => [p.file, p.line])).toEqual([['modules/m.md', 13]]);
      expect(errors[0]!.message).toMatch(/^claims\[0\]\.myths: /);
      expect(errors[0]!.message).toMatch(why);
    }
  });
});

describe('a draft that states a myth', () => {
  const index = readLintIndex(`${ROOT}dist/content`);
  const known = (text: string) => lintText(text, index).filter((f) => f.rule === 'known-error');

  it('gets a known-error with the claim as the fix, in any words around it', () => {
    for (const text of ['Ketamine prevents suicide.', 'A single ketamine infusion will prevent suicide in people with depression.', 'Esketamine nasal spray prevents suicide.', 'Ketamine is now approved for PTSD by the FDA.']) {
      const [f, ...more] = known(text);
      expect(more, text).toEqual([]);
      expect(f?.message, text).toMatch(/^repeats a known error \("/);
      expect(f!.fix!.replace, text).toBe(index.myths.find((m) => m.claim.id === f!.claim)!.claim.text);
      expect(f!.fix!.cite, text).toMatch(/^\[@/);
    }
  });

  it('denied, hedged, asked, quoted, reported or across clauses: nothing', () => {
    for (const text of [
      'Ketamine does not prevent suicide.',
      'Ketamine cannot be said to prevent suicide.',
      'Neither racemic ketamine nor esketamine is approved for PTSD in the US.',
      'No study has shown that ketamine prevents suicide.',
      'Ketamine may prevent suicide, but this is unknown.',
      'Does ketamine prevent suicide?',
      '"Ketamine prevents suicide," the clinic wrote.',
      'The clinic claims that ketamine prevents suicide.',
      'Esketamine is approved for depression; for PTSD, therapy is the established treatment.',
      'Ketamine is being studied for PTSD, and esketamine is approved for depression.',
      'Suicide prevention programmes rarely mention ketamine.',
      'Unlike ketamine, sertraline is approved for PTSD.',
      'Unlike esketamine, lithium prevents suicide in some people.',
    ])
      expect(known(text), text).toEqual([]);
  });

  it('are in the shipped index', () => expect(index.myths.length).toBeGreaterThanOrEqual(4));
});

describe('many myths (a pack may hold thousands)', () => {
  const index = readLintIndex(`${ROOT}dist/content`);
  it('give the same findings when thousands that no sentence states come first, and the first stated one wins', async () => {
    const { parse } = await import('yaml');
    const { readFileSync } = await import('node:fs');
    const texts = (parse(readFileSync(`${ROOT}test/lint/labelled.yaml`, 'utf8')) as { text: string }[]).map((c) => c.text);
    const claim = index.myths[0]!.claim;
    const junk = Array.from({ length: 3000 }, (_, i) => ({ claim, text: `zq${i} wx${i}`, terms: [`zq${i}`, `wx${i}`, 'ketamin'] }));
    const many = { ...index, myths: [...junk, ...index.myths] };
    for (const text of texts) expect(lintText(text, many), text).toEqual(lintText(text, index));
    // Two myths a sentence states: the earlier in the index's order is the one reported.
    const [a, b] = [index.myths.find((m) => m.text === 'Ketamine prevents suicide.')!, index.myths.find((m) => m.text === 'Ketamine is approved for PTSD.')!];
    const both = 'Ketamine is approved for PTSD and ketamine prevents suicide.';
    for (const order of [[a, b], [b, a]]) {
      const [f] = lintText(both, { ...index, myths: order }).filter((x) => x.rule === 'known-error');
      expect(f?.message).toContain(`("${order[0]!.text}")`);
    }
  });
});
