/** `kap cite` over the shipped bibliography, through the real binary: the defects of issue 15. */
import { describe, expect, it } from 'vitest';
import { kap } from '../helpers/run-kap.js';

describe('kap cite (shipped references)', () => {
  it('groups one author\'s works in a cluster as each author-date style does; numbers a run as a range', () => {
    expect(kap(['cite', 'glue2017', 'glue2018', '--in-text']).stdout).toBe('(Glue et al., 2017, 2018)\n');
    expect(kap(['cite', 'glue2018', 'glue2017', '--in-text', '--style', 'chicago']).stdout).toBe('(Glue et al. 2017, 2018)\n');
    expect(kap(['cite', 'glue2017', 'glue2018', '--in-text', '--style', 'harvard']).stdout).toBe('(Glue et al., 2017, 2018)\n');
    expect(kap(['cite', 'glue2017', 'glue2018', 'feder2021', '--in-text', '--style', 'vancouver']).stdout).toBe('(1–3)\n');
  });

  it('an incomplete author list is never printed as complete, and stderr says which fields are unverified', () => {
    const r = kap(['cite', 'feder2021']);
    expect(r.stdout).toMatch(/^Feder, A\., Costi, S\., Rutter, S\. B\., et al\. \(2021\)/);
    expect(r.stderr).toMatch(/Unverified/);
    expect(r.stderr).toContain('feder2021: author list incomplete');
    for (const style of ['apa', 'mla', 'chicago', 'vancouver', 'harvard']) expect(kap(['cite', 'feder2021', '--style', style]).stdout, style).toContain('et al.');
    expect(kap(['cite', 'berman2000']).stderr).toBe('');
  });

  it('a retracted work is named as retracted on stderr in every style, and in --json', () => {
    for (const style of ['apa', 'mla', 'chicago', 'vancouver', 'harvard']) {
      const r = kap(['cite', 'parsaik2015', '--style', style]);
      expect(r.stderr, style).toMatch(/Retracted: parsaik2015\./);
    }
    expect(JSON.parse(kap(['cite', 'parsaik2015', '--json']).stdout)[0].retracted).toBe(true);
    expect(JSON.parse(kap(['cite', 'dean2021', '--json']).stdout)[0].retracted).toBe(false);
    expect(kap(['cite', 'dean2021']).stderr).not.toContain('Retracted');
  });

  it('no "[Preprint]" on published articles, an opening quote that opens, initials of a hyphenated given name', () => {
    expect(kap(['cite', '--all', '--style', 'harvard']).stdout).not.toContain('[Preprint]');
    expect(kap(['cite', 'chu2007']).stdout).toContain('“Street ketamine”-associated');
    expect(kap(['cite', 'chu2007', '--style', 'harvard']).stdout).toContain('‘“Street ketamine”-associated');
    expect(kap(['cite', 'autry2011', '--style', 'vancouver']).stdout).toContain('Cheng PF,');
    expect(kap(['cite', 'autry2011']).stdout).toContain('Cheng, P.-F.,');
  });

  it('exports: month macro, no howpublished URL, keys for Zotero, no fact-check', () => {
    const bib = kap(['cite', 'berman2000', '--format', 'bibtex']).stdout;
    expect(bib).toMatch(/^\tmonth = feb,$/m);
    expect(bib).not.toMatch(/howpublished/);
    const json = JSON.parse(kap(['cite', 'feder2021', '--format', 'csl-json']).stdout) as Record<string, unknown>[];
    expect(json[0]!['citation-key']).toBe('feder2021');
    expect(json[0]!.note).toBeUndefined();
    expect(json[0]!.custom).toBeUndefined();
    const ris = kap(['cite', 'spravato_pi', 'dea1999', '--format', 'ris']).stdout;
    expect(ris).toContain('TY  - ELEC');
    expect(ris).toContain('TY  - STAT');
    expect(ris).toContain('AU  - Janssen Pharmaceuticals Inc.\n');
    expect(ris).toContain('DA  - 1999/07/13/');
  });

  it('--json: the reference, its in-text form and unverified fields, nothing on stderr', () => {
    const r = kap(['cite', 'feder2021', 'rush2018', '--json', '--style', 'harvard']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { key: string; style: string; reference: string; inText: string; unverified: string[]; errata: boolean }[];
    expect(out.map((o) => [o.key, o.style, o.unverified, o.errata])).toEqual([['feder2021', 'harvard', ['author'], false], ['rush2018', 'harvard', ['issue', 'page'], true]]);
    expect(out[0]!.reference).toMatch(/^Feder, A\. et al\. \(2021\)/);
    expect(kap(['cite', 'feder2021', '--json', '--format', 'ris']).status).toBe(2);
  });

  it('the source article is citable by its author and "n.d."', () => {
    expect(kap(['cite', 'comer', 'n.d.']).stdout).toMatch(/^Comer, J\. \(n\.d\.\)\. Ketamine and psychotherapy/);
  });
});
