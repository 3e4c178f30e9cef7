/**
 * In-text disambiguation as each style's rules say, for every pair of records (same author and
 * year; same author, several years), and what is not on record never telling works apart
 * (src/cite/disambiguate.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatAll, registerStyles } from '../../src/cite/precompute.js';
import { disambiguationView } from '../../src/cite/disambiguate.js';
import { forStyle } from '../../src/cite/record.js';
import { htmlToText } from '../../src/cite/format.js';
import { STYLES, STYLE_INFO } from '../../src/cite/styles.js';
import type { CslItem } from '../../src/content/model.js';

registerStyles(new URL('../../src/cite/styles/', import.meta.url).pathname);
const items = JSON.parse(readFileSync(new URL('../../content/references.json', import.meta.url), 'utf8')) as CslItem[];
const authorDate = STYLES.filter((s) => !STYLE_INFO[s].numeric);
const all = new Map(STYLES.map((s) => [s, formatAll(items, s)] as const));

describe('every record pair, every author-date style', () => {
  for (const s of authorDate)
    it(`${s}: no two records cite alike, no stand-in printed as a name, every year suffix in its entry`, () => {
      const f = all.get(s)!;
      const byText = new Map<string, string[]>();
      for (const [id, x] of f) byText.set(x.inText, [...(byText.get(x.inText) ?? []), id]);
      expect([...byText].filter(([, ids]) => ids.length > 1)).toEqual([]);
      for (const [id, x] of f) {
        expect(x.inText, `${s} ${id}`).not.toMatch(/et al\.,? (?:and |& )?et al\.|^\([^,()]+, et al\./);
        const suffix = /\b(\d{4}[a-z])\b/.exec(x.inText)?.[1];
        if (suffix) expect(htmlToText(x.html), `${s} ${id}`).toContain(suffix);
      }
    });
  it('MLA: the two SUSTAIN-3 papers by Zaki et al. take a short title; Chicago and APA tell them by year, without given names', () => {
    expect(all.get('mla')!.get('zaki2023')!.inText).toBe('(Zaki et al., “Long-Term Safety and Maintenance of Response”)');
    expect(all.get('mla')!.get('zaki2025')!.inText).toBe('(Zaki et al., “Safety and Efficacy with Esketamine”)');
    expect(all.get('chicago')!.get('zaki2023')!.inText).toBe('(Zaki et al. 2023)');
    expect(all.get('apa')!.get('zaki2025')!.inText).toBe('(Zaki et al., 2025)');
    // The entries print what is on record.
    expect(htmlToText(all.get('mla')!.get('zaki2025')!.html)).toMatch(/^Zaki, Naim, et al\. /);
    expect(htmlToText(all.get('mla')!.get('zaki2023')!.html)).toMatch(/^Zaki, N\., et al\. /);
  });
});

const base = { type: 'article-journal', 'container-title': 'J', issued: { 'date-parts': [[2020]] } };
const n = (family: string, given: string) => ({ family, given });
const incomplete = { custom: { 'kap-unverified': ['author'] } };

describe('what is not on record never disambiguates', () => {
  const full: CslItem = { id: 'full', ...base, title: 'Alpha trial', author: [n('Roe', 'Ann'), n('Poe', 'Bo'), n('Doe', 'Cy')] };
  const part: CslItem = { id: 'part', ...base, issued: { 'date-parts': [[2021]] }, title: 'Beta trial', author: [n('Roe', 'Ann')], ...incomplete };
  it('an incomplete list is not told apart by the names it lacks (MLA: a title, not a stand-in name)', () => {
    const f = formatAll([full, part], 'mla');
    expect(f.get('part')!.inText).toBe('(Roe et al., “Beta Trial”)');
    expect(f.get('full')!.inText).toBe('(Roe et al., “Alpha Trial”)');
    // The names lent for disambiguation are never printed.
    expect(htmlToText(f.get('part')!.html)).not.toContain('Poe');
  });
  it('where works matching its known names go on differently, none stands in for the unknown names', () => {
    const other: CslItem = { ...full, id: 'other', title: 'Gamma trial', author: [n('Roe', 'Ann'), n('Zed', 'Di'), n('Doe', 'Cy')] };
    const data = [full, other, part].map((i) => forStyle(i, false, 3));
    expect(disambiguationView([full, other, part], data)).toBeUndefined();
  });
  it('an initial stands for a full given name with that initial (Chicago adds no given name)', () => {
    const a: CslItem = { id: 'a', ...base, title: 'One', author: [n('Roe', 'A.'), n('Poe', 'Bo'), n('Doe', 'Cy')] };
    const b: CslItem = { id: 'b', ...base, issued: { 'date-parts': [[2022]] }, title: 'Two', author: [n('Roe', 'Ann'), n('Zed', 'Di'), n('Doe', 'Cy')] };
    expect(formatAll([a, b], 'chicago').get('b')!.inText).toBe('(Roe et al. 2022)');
    expect(htmlToText(formatAll([a, b], 'chicago').get('b')!.html)).toMatch(/^Roe, Ann, /);
  });
  it('an incomplete list reaches the style\'s in-text et-al-min, so citeproc writes "et al." itself', () => {
    expect((forStyle(part, false, 4).author as { family: string }[]).map((x) => x.family)).toEqual(['Roe', 'et al.', 'et al.', 'et al.']);
    for (const s of authorDate) expect(htmlToText(formatAll([part], s).get('part')!.html), s).not.toMatch(/et al\.,? (?:and |& )?et al\./);
  });
});

describe('a group whose lists are the same throughout is cut short in the view', () => {
  const many = ['Roe', 'Poe', 'Doe', 'Fox', 'Gee', 'Hay', 'Ivy', 'Jay', 'Kay', 'Lee', 'May', 'Nye'].map((f, i) => n(f, `G${i}`));
  const long: CslItem = { id: 'long', ...base, title: 'Alpha trial', author: many };
  const lone: CslItem = { id: 'lone', ...base, issued: { 'date-parts': [[2021]] }, title: 'Beta trial', author: [many[0]!], ...incomplete };
  it('to `keep` names, both records (names past it never print, nor tell the two apart); only the borrowing one is a change', () => {
    const data = [long, lone].map((i) => forStyle(i, false, 3));
    const view = disambiguationView([long, lone], data, 4)!;
    expect(view.items.map((i) => (i.author as unknown[]).length)).toEqual([4, 4]);
    expect([...view.changed]).toEqual(['lone']);
    expect(disambiguationView([long, lone], data)!.items.map((i) => (i.author as unknown[]).length)).toEqual([12, 12]);
  });
  it('MLA still tells them apart by title and prints each entry as on record', () => {
    const f = formatAll([long, lone], 'mla');
    expect(f.get('long')!.inText).toBe('(Roe et al., “Alpha Trial”)');
    expect(f.get('lone')!.inText).toBe('(Roe et al., “Beta Trial”)');
    expect(htmlToText(f.get('long')!.html)).toMatch(/^Roe, G0, et al\. “Alpha Trial\.”/);
    expect(htmlToText(f.get('lone')!.html)).not.toContain('Poe');
  });
});
