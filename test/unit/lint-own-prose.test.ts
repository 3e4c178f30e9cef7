/**
 * kap lint on kap's own module prose (content/modules/*.md): reviewed health writing, correct
 * by construction, with the article's claims reported ("It says…", "The article's third point
 * is…"), evidence labels, questions and "What we don't know" sections. A checker that cries wolf
 * here would cry wolf on a careful writer: the false alarms are counted and held down.
 * Before this test (2026-12-03): 6 errors and 76 overstated warnings over the 29 modules; after: 1 and 19.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/lint.js';
import { readLintIndex } from '../../src/lint/read.js';
import { ROOT } from '../helpers/run-kap.js';

const index = readLintIndex(`${ROOT}dist/content`);
const dir = `${ROOT}content/modules`;
const found = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .flatMap((f) => {
    const text = readFileSync(`${dir}/${f}`, 'utf8');
    return lintText(text, index).map((x) => ({ ...x, file: f, said: text.slice(x.start, x.end).replace(/\s+/g, ' ') }));
  });

describe("kap lint on kap's own prose", () => {
  const errors = found.filter((f) => f.severity === 'error');
  const overstated = found.filter((f) => f.rule === 'overstated');
  process.stderr.write(`kap lint on content/modules: ${errors.length} errors, ${overstated.length} overstated, ${found.length} findings in all\n`);

  it('flags no error but one: a list that restates the article\'s argument without saying so in the sentence', () => {
    expect(errors.map((e) => `${e.file}: ${e.rule}: ${e.said.slice(0, 60)}`)).toEqual([
      'the-article.md: known-error: The three benefits add up, and together they lower stress re',
    ]);
  });

  it('reads no question, reported statement or evidence label as an overstatement, and few sentences at all', () => {
    for (const f of overstated) {
      expect(f.said).not.toMatch(/\?\s*$/);
      expect(f.said).not.toMatch(/^(It|The article) (then )?says\b/);
      expect(f.said).not.toMatch(/^\*?(RCT|Open-label|Observational|Opinion|Systematic review) · [a-z-]+ certainty\.\*?$/);
    }
    expect(overstated.length).toBeLessThanOrEqual(20);
  });
});
