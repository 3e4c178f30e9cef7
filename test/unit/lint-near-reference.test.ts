import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/lint.js';
import type { LintIndex } from '../../src/lint/read.js';
import type { LintReference } from '../../src/lint/model.js';

// The author-year look-ups (rules.ts resolve, nearReference) ask only the references of the
// years that can score: the same answers as asking every reference, the earliest of equal scores.
const ref = (key: string, families: string[], year: string): LintReference => ({ key, families, year, inText: `(${families[0]}, ${year})`, reference: `${key}.` });
const references = [
  ref('smith2005', ['smith'], '2005'),
  ref('smyth2005', ['smyth'], '2005'),
  ref('jones2012', ['jones'], '2012'),
  ref('jones2010', ['jones'], '2010'),
  ref('brown', ['brown'], 'n.d.'),
  ref('nobody2011', [], '2011'),
];
const index: LintIndex = {
  references,
  errata: [],
  wrong: [],
    myths: [],
  term: () => undefined,
  topicOnly: () => false,
  docs: () => ({ claim: [], weight: [], flags: [] }),
  claim: () => {
    throw new Error('no claims');
  },
};
const messages = (text: string) => lintText(text, index).map((f) => f.message);

describe('author-year citations against the references', () => {
  it('finds the one cited, and n.d. as written', () => {
    expect(messages('It helps (Smith, 2005). It helps (Brown, n.d.).')).toEqual([]);
  });
  it('names the nearest reference: a typo in the same year, the same names a year off (the first of equals)', () => {
    expect(messages('It helps (Smiht, 2005).')).toEqual(['no reference matches "Smiht, 2005"; did you mean (smith, 2005) [@smith2005]?']);
    expect(messages('It helps (Jones, 2011).')).toEqual(['no reference matches "Jones, 2011"; did you mean (jones, 2012) [@jones2012]?']);
    expect(messages('It helps (Jones, 2009).')).toEqual(['no reference matches "Jones, 2009"; did you mean (jones, 2010) [@jones2010]?']);
    expect(messages('It helps (Jones, 2013).')).toEqual(['no reference matches "Jones, 2013"; did you mean (jones, 2012) [@jones2012]?']);
  });
  it('says nothing of a citation two years off, or of a year that is no number', () => {
    expect(messages('It helps (Jones, 2014). It helps (Brwon, n.d.).')).toEqual([]);
  });
});
