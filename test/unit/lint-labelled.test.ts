/**
 * kap lint against its labelled sentences (test/lint/labelled.yaml): precision and recall per
 * rule, on the compiled shipped content. Targets (issue #18): precision ≥ 0.9 overall and ≥ 0.8
 * for every rule; recall ≥ 0.75 for known errors and overstatements.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintText } from '../../src/lint/lint.js';
import { readLintIndex } from '../../src/lint/read.js';
import { RULE_IDS, type RuleId } from '../../src/lint/rules.js';
import { ROOT } from '../helpers/run-kap.js';

interface Case {
  kind: string;
  expect: RuleId[];
  text: string;
}

const read = (name: string) => parse(readFileSync(`${ROOT}test/lint/${name}.yaml`, 'utf8')) as Case[];
const tuned = read('labelled');
const heldOut = read('held-out');
const cases = [...tuned, ...heldOut];
const index = readLintIndex(`${ROOT}dist/content`);

export function score(all: Case[]) {
  const per = Object.fromEntries(RULE_IDS.map((r) => [r, { tp: 0, fp: 0, fn: 0 }])) as Record<RuleId, { tp: number; fp: number; fn: number }>;
  const misses: string[] = [];
  for (const c of all) {
    const got = new Set(lintText(c.text, index).map((f) => f.rule));
    for (const r of RULE_IDS) {
      const want = c.expect.includes(r);
      if (want && got.has(r)) per[r].tp++;
      else if (got.has(r)) {
        per[r].fp++;
        misses.push(`FP ${r}: ${c.text}`);
      } else if (want) {
        per[r].fn++;
        misses.push(`FN ${r}: ${c.text}`);
      }
    }
  }
  return { per, misses };
}

function report(name: string, set: Case[]) {
  const { per, misses } = score(set);
  const total = Object.values(per).reduce((a, x) => ({ tp: a.tp + x.tp, fp: a.fp + x.fp, fn: a.fn + x.fn }), { tp: 0, fp: 0, fn: 0 });
  const table = [...RULE_IDS.map((id) => [id, per[id]] as const), ['all', total] as const]
    .map(([id, x]) => `${id.padEnd(17)} precision ${p(x).toFixed(2)}  recall ${r(x).toFixed(2)}  (tp ${x.tp}, fp ${x.fp}, fn ${x.fn})`)
    .join('\n');
  process.stderr.write(`kap lint, ${name}, ${set.length} sentences:\n${table}\n${misses.map((m) => `  ${m}`).join('\n')}\n`);
  return { per, total };
}
const p = (x: { tp: number; fp: number }) => (x.tp + x.fp ? x.tp / (x.tp + x.fp) : 1);
const r = (x: { tp: number; fn: number }) => (x.tp + x.fn ? x.tp / (x.tp + x.fn) : 1);

describe('kap lint on the labelled sentences', () => {
  report('tuned on', tuned);
  report('held out', heldOut);
  const { per, total } = report('all', cases);

  it('has at least 150 labelled sentences of every kind', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    for (const kind of ['error', 'overstatement', 'misattribution', 'uncited', 'citation', 'safety', 'correct', 'quote', 'unrelated'])
      expect(cases.filter((c) => c.kind === kind).length, kind).toBeGreaterThanOrEqual(8);
  });
  it('precision is at least 0.9 overall and 0.8 for every rule', () => {
    expect(p(total)).toBeGreaterThanOrEqual(0.9);
    // A rule that finds nothing has precision 1: each must find some of its sentences.
    for (const id of RULE_IDS) {
      expect(per[id].tp, id).toBeGreaterThan(0);
      expect(p(per[id]), id).toBeGreaterThanOrEqual(0.8);
    }
  });
  it('recall is at least 0.75 on known errors and overstatements', () => {
    expect(r(per['known-error'])).toBeGreaterThanOrEqual(0.75);
    expect(r(per.overstated)).toBeGreaterThanOrEqual(0.75);
  });
});

describe('kap lint on a retracted work', () => {
  // parsaik2015 is the content's one retracted work (references.json "status": "retracted").
  const rules = (text: string) => lintText(text, index).map((f) => `${f.rule}: ${f.message}`);
  it('flags it cited as evidence, by key or by author and year', () => {
    for (const text of ['A single ketamine infusion had a large effect in bipolar depression [@parsaik2015].', 'Ketamine helped in bipolar depression (Parsaik et al., 2015).'])
      expect(rules(text).some((r) => r.startsWith('wrong-source: (Parsaik et al., 2015) was retracted: a retracted work is not evidence for anything; cite it only to say that it was retracted')), text).toBe(true);
  });
  it("names the evidence kap cites for the claim the sentence states, and none when it states no claim", () => {
    const retracted = (text: string) => lintText(text, index).find((f) => f.rule === 'wrong-source' && f.message.includes('was retracted'))!;
    const bipolar = retracted('Ketamine helps bipolar depression [@parsaik2015].');
    expect(bipolar.message).toMatch(/; for this claim kap cites \(Dean et al\., 2021\)$/);
    expect(bipolar.fix?.cite).toBe('[@dean2021]');
    expect(bipolar.fix?.references?.[0]).toMatch(/^Dean, R\. L\./);
    const unrelated = retracted('The sky is blue [@parsaik2015].');
    expect(unrelated.message).toMatch(/cite it only to say that it was retracted$/);
    expect(unrelated.fix).toBeUndefined();
  });
  it('leaves alone a sentence that says it was retracted, and a quotation', () => {
    expect(rules('The 2015 meta-analysis [@parsaik2015] was retracted in 2018.')).toEqual([]);
    expect(rules('> A single ketamine infusion had a large effect in bipolar depression [@parsaik2015].')).toEqual([]);
  });
  it('says nothing of a work that was not retracted', () => {
    expect(rules('Ketamine blocks the NMDA receptor [@zanos2018].').filter((r) => r.includes('retracted'))).toEqual([]);
  });
});
