/** The content kap ships, through the real binary: the three points of the article, typos, terms. */
import { describe, expect, it } from 'vitest';
import { kap } from '../helpers/run-kap.js';

describe('shipped content', () => {
  it('kap explain glutamate renders the glutamate/GABA module with sources and the notice', () => {
    const r = kap(['explain', 'glutamate']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Glutamate, GABA and the NMDA receptor\n/);
    const flat = r.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('Furukawa, H., Singh, S. K., Mancusso, R., & Gouaux, E. (2005). Subunit arrangement and function in NMDA receptors. Nature, 438(7065), 185–192. https://doi.org/10.1038/nature04089');
    expect(flat).toContain('not medical advice');
    expect(r.stdout).not.toMatch(/\[@|\*\*/);
  });

  it.each([
    [['nmda'], 'glutamate'],
    [['NMDA', 'receptor'], 'glutamate'],
    [['gaba'], 'glutamate'],
    [['dissociation'], 'dissociation'],
    [['neuroplasticity'], 'neuroplasticity'],
    [['plasticity'], 'neuroplasticity'],
  ])('kap explain %j resolves to the module %s', (words, id) => {
    const r = kap(['explain', ...words, '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ type: 'module', id });
  });

  it.each([
    ['glutamte', 'glutamate'],
    ['neuroplastisity', 'neuroplasticity'],
    ['disociation', 'dissociation'],
  ])('a typo (%s) with one clear answer opens %s and says so on stderr', (typo, want) => {
    const r = kap(['explain', typo, '--brief']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toBe('');
    expect(r.stderr).toBe(`kap: showing ${want} for "${typo}" (matched "${want}")\n`);
  });

  it.each([
    ['depersonalization', 'term', 'depersonalisation-term'],
    ['ampa', 'term', 'ampa-receptor-term'],
    ['what did the article get wrong', 'module', 'the-article'],
    ['can ketamine damage the bladder', 'module', 'side-effects'],
    ['can ketamine cure depression', 'module', 'trd'],
  ])('%s opens the %s %s (--json says how it was found)', (q, type, id) => {
    const r = kap(['explain', ...q.split(' '), '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ type, id });
    if (q !== 'depersonalization') expect(json.found).toMatchObject({ query: q, how: expect.stringMatching(/^(word|search)$/) });
  });

  it('a question around one word opens what that word does, and stderr names the word', () => {
    const r = kap(['explain', 'is', 'ketamine', 'addictive', '--brief']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('kap: showing misuse-dependence for "is ketamine addictive" (matched "addiction")\n');
  });

  it('plain text in a module (a claim, a correction, a formatted citation) shows its asterisks: "STAR*D" twice is not emphasis', () => {
    const trd = kap(['explain', 'trd']).stdout;
    expect(trd).toContain('STAR*D reported that 67%');
    expect(trd).not.toMatch(/STARD/);
    expect(kap(['explain', 'neuroplasticity']).stdout).not.toMatch(/STARD/);
  });

  it('a title that keeps "et al." lower case keeps it in every style that title-cases', () => {
    for (const style of ['mla', 'chicago']) expect(kap(['cite', 'stardpis2023', '--style', style]).stdout, style).toContain('Reply to Pigott et al.');
    expect(kap(['explain', 'trd']).stdout.replace(/\s+/g, ' ')).not.toContain('et Al.');
    expect(kap(['cite', 'stardpis2023', '--format', 'ris']).stdout).toContain('TI  - The STAR*D data remain strong: Reply to Pigott et al.\n');
  });

  it('a question that fits no topic clearly opens nothing: suggestions, exit 3', () => {
    const r = kap(['explain', 'football', 'scores']);
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
  });

  it('kap explain bdnf shows the glossary definition and the module that covers it', () => {
    const r = kap(['explain', 'bdnf']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^BDNF/);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/Covered in .*: kap explain neuroplasticity/);
  });

  it('every listed module and term opens with kap explain <id>', () => {
    const list = JSON.parse(kap(['list', '--json']).stdout);
    expect(list.modules.length).toBeGreaterThanOrEqual(20);
    expect(list.terms.length).toBeGreaterThanOrEqual(40);
    for (const m of list.modules) expect(JSON.parse(kap(['explain', m.id, '--json']).stdout), m.id).toMatchObject({ type: 'module', id: m.id });
    for (const t of list.terms) expect(JSON.parse(kap(['explain', t.id, '--json']).stdout), t.id).toMatchObject({ type: 'term', id: t.id });
  });

  it('the article\'s three points are modules with article_point 1, 2, 3', () => {
    const points = ['dissociation', 'glutamate', 'neuroplasticity'].map((id) => JSON.parse(kap(['explain', id, '--json']).stdout).articlePoint);
    expect(points).toEqual([1, 2, 3]);
  });

  it('kap check content passes', () => {
    const r = kap(['check', 'content']);
    expect(r.stderr).not.toMatch(/: error: /);
    expect(r.status).toBe(0);
  });
});
