/** kap lint's text report: one `file:line:col:` line a finding, its fix indented below. */
import { describe, expect, it } from 'vitest';
import { textReport } from '../../src/lint/report.js';
import { makeTheme } from '../../src/render/theme.js';
import type { Located } from '../../src/lint/lint.js';

const reference = 'Gastaldon, C., Papola, D., Ostuzzi, G., & Barbui, C. (2019). Esketamine for treatment resistant depression: A trick of smoke and mirrors? Epidemiology and Psychiatric Sciences, 29, e79.';
const finding: Located = {
  rule: 'known-error',
  severity: 'error',
  start: 0,
  end: 10,
  line: 3,
  column: 5,
  endLine: 3,
  endColumn: 15,
  message: 'repeats an error of the article (partly-supported): Esketamine is closely related to ketamine, but it is the S-enantiomer, not a derivative.',
  fix: { replace: 'Esketamine is the S-form of ketamine. It is not a new molecule made from ketamine, which is what a derivative would be.', cite: '[@gastaldon2019]', references: [reference] },
};
const plain = makeTheme(false);

describe('textReport', () => {
  it('without a width (a pipe, a file): a line each, as editors and CI read it', () => {
    const lines = textReport('draft.md', [finding], plain).split('\n');
    expect(lines).toEqual([`draft.md:3:5: error: ${finding.message} [known-error]`, `  fix: ${finding.fix!.replace} [@gastaldon2019]`, `  ${reference}`, '']);
  });

  it("with a terminal's width: the fix and its references wrap under their indent; the finding's line stays whole", () => {
    const lines = textReport('draft.md', [finding], plain, 60).split('\n');
    expect(lines[0]).toBe(`draft.md:3:5: error: ${finding.message} [known-error]`);
    const rest = lines.slice(1, -1);
    expect(rest.length).toBeGreaterThan(3);
    for (const l of rest) {
      expect(l.length).toBeLessThanOrEqual(60);
      expect(l.startsWith('  ')).toBe(true);
    }
    // Nothing lost or reordered: the wrapped words are the unwrapped ones.
    const words = (ls: string[]) => ls.join(' ').split(/\s+/).filter(Boolean);
    expect(words(rest)).toEqual(words(textReport('draft.md', [finding], plain).split('\n').slice(1)));
  });
});
