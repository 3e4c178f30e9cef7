/** The record → processor mapping (record.ts) and whole-bibliography formatting (formatAll). */
import { describe, expect, it } from 'vitest';
import { bibliographic, fixMoreAuthors, forExport, forStyle, verification } from '../../src/cite/record.js';
import { formatAll, registerStyles } from '../../src/cite/precompute.js';
import { inTextCluster, htmlToText } from '../../src/cite/format.js';
import { STYLES, type StyleId } from '../../src/cite/styles.js';
import type { BibEntry, Formatted } from '../../src/cite/bibliography.js';
import type { CslItem } from '../../src/content/model.js';

registerStyles(new URL('../../src/cite/styles/', import.meta.url).pathname);

const base = { type: 'article-journal', 'container-title': 'J', issued: { 'date-parts': [[2017]] } };
const glue = [{ family: 'Glue', given: 'Paul' }, { family: 'Medlicott', given: 'Natalie J.' }, { family: 'Gray', given: 'Andrew' }];
const a: CslItem = { id: 'a', ...base, author: glue, title: 'Beta study' };
const b: CslItem = { id: 'b', ...base, author: glue, title: 'Alpha study' };
const c: CslItem = { id: 'c', ...base, issued: { 'date-parts': [[2018]] }, author: glue, title: 'Gamma study' };
const partial: CslItem = {
  id: 'p', ...base, author: [{ family: 'Feder', given: 'Adriana' }, { family: 'Costi', given: 'Sara' }], title: 'A trial',
  custom: { 'kap-verified': 'somewhere', 'kap-unverified': ['author', 'page'], other: 1 }, note: 'old note',
};

const entries = (items: CslItem[], style: StyleId): BibEntry[] => {
  const f = formatAll(items, style);
  return items.map((i) => ({ key: i.id, styles: { [style]: f.get(i.id)! } as Record<StyleId, Formatted> }) as BibEntry);
};

describe('record mapping', () => {
  it('reads the fact-check from custom and strips it, keeping other custom data', () => {
    expect(verification(partial)).toEqual({ verified: 'somewhere', unverified: ['author', 'page'] });
    expect(bibliographic(partial)).not.toHaveProperty('note');
    expect(bibliographic(partial).custom).toEqual({ other: 1 });
    expect(forExport(partial)['citation-key']).toBe('p');
  });
  it('an incomplete list gets the "et al." stand-in; initials styles capitalise after a hyphen', () => {
    expect((forStyle(partial, false).author as { family?: string }[]).at(-1)).toEqual({ family: 'et al.' });
    expect((forStyle({ ...a, author: [{ family: 'Cheng', given: 'Peng-fei' }] }, true).author as { given: string }[])[0]!.given).toBe('Peng-Fei');
    expect((forStyle({ ...a, author: [{ family: 'Cheng', given: 'Peng-fei' }] }, false).author as { given: string }[])[0]!.given).toBe('Peng-fei');
    expect(fixMoreAuthors('Rutter, S. B., &#38; et al. (2021)')).toBe('Rutter, S. B., et al. (2021)');
    expect(fixMoreAuthors('(Wan and et al. 2015)')).toBe('(Wan et al. 2015)');
  });
});

describe('one known author, then "et al."', () => {
  // A literal stand-in (an institution to citeproc-js) was joined without the style's
  // delimiter-precedes-last: "Janik, A. et al." in APA, MLA and Chicago (pandoc: "Janik, A., et al.").
  const one: CslItem = { ...partial, id: 'j', author: [{ family: 'Janik', given: 'A.' }] };
  const ref = (s: StyleId) => htmlToText(formatAll([one], s).get('j')!.html);
  it('keeps the comma where the style puts one before the last name, and none where it does not', () => {
    expect(ref('apa')).toMatch(/^Janik, A\., et al\. \(2017\)/);
    expect(ref('mla')).toMatch(/^Janik, A\., et al\. /);
    expect(ref('chicago')).toMatch(/^Janik, A\., et al\. 2017/);
    expect(ref('harvard')).toMatch(/^Janik, A\. et al\. \(2017\)/);
    expect(ref('vancouver')).toMatch(/^Janik A, et al\. /);
    expect(formatAll([one], 'apa').get('j')!.inText).toBe('(Janik et al., 2017)');
  });
});

describe('formatAll: the whole bibliography in one processor state', () => {
  it('APA: one author group\'s two works of a year are 2017a and 2017b (by title), in the entry and in the text', () => {
    const f = formatAll([a, b, c], 'apa');
    expect(f.get('b')!.inText).toBe('(Glue et al., 2017a)');
    expect(f.get('a')!.inText).toBe('(Glue et al., 2017b)');
    expect(htmlToText(f.get('b')!.html)).toContain('(2017a). Alpha study.');
    expect(f.get('c')!.inText).toBe('(Glue et al., 2018)');
    expect(inTextCluster(entries([a, b, c], 'apa'), 'apa')).toBe('(Glue et al., 2017a, 2017b, 2018)');
  });
  it('MLA does not collapse: it tells the works apart by title', () => {
    expect(inTextCluster(entries([a, c], 'mla'), 'mla')).toBe('(Glue et al., “Beta Study”; Glue et al., “Gamma Study”)');
  });
  it('an incomplete list is "et al." in every style, with no "&" or "and" before it', () => {
    const f = (s: StyleId) => htmlToText(formatAll([partial], s).get('p')!.html);
    for (const s of STYLES) {
      expect(f(s), s).toContain('et al.');
      expect(f(s), s).not.toMatch(/(&|and) et al\./);
    }
    expect(f('apa')).toMatch(/^Feder, A\., Costi, S\., et al\. \(2017\)/);
    expect(formatAll([partial], 'apa').get('p')!.inText).toBe('(Feder et al., 2017)');
  });
});
