import { describe, expect, it } from 'vitest';
import { claimsView, errataNote, refsPlain, refsTable } from '../../src/cite/refs-view.js';
import { claimsByReference, keysByModule } from '../../src/cite/claims-index.js';
import { makeTheme } from '../../src/render/theme.js';
import type { Erratum, Module } from '../../src/content/model.js';

const plain = makeTheme(false);
const S = { key: 'rush2018', authorYear: 'Rush & Thase, 2018', title: 'Improving  depression\toutcome', authors: ['Rush', 'Thase'], year: '2018' };
const E: Erratum = { key: 'rush2018', articleText: 'Rush, A. and Thase, M. (2018).', inText: 'Rush & These, 2018', errors: ['Misspells Thase as "These".'], citedFor: 'SSRIs disappoint.', supports: false, instead: ['rush2006'] };

describe('refs views', () => {
  it('plain: key, author-year, title separated by tabs, whitespace inside fields flattened', () => {
    expect(refsPlain([S])).toBe('rush2018\tRush & Thase, 2018\tImproving depression outcome');
  });
  it('table: aligned, cut to the width, no colour when the theme is plain', () => {
    const t = refsTable([S, { ...S, key: 'x', title: 'T'.repeat(200) }], plain, 60);
    expect(t.split('\n').every((l) => l.length <= 60)).toBe(true);
    expect(t).toMatch(/^rush2018 {2}Rush & Thase, 2018 {2}Improving/);
    expect(t).toContain('…');
  });
  it('errata note: what was printed, each error, and whether the source supports it', () => {
    expect(errataNote(E, plain)).toBe(
      [
        'Errata rush2018: how the source article cited it',
        '  As printed: Rush, A. and Thase, M. (2018).',
        '  In the text: Rush & These, 2018',
        '  - Misspells Thase as "These".',
        '  Cited for: SSRIs disappoint.',
        '  Supports it: no; cite instead: rush2006',
      ].join('\n'),
    );
  });
});

const mod = (id: string, claims: Module['claims'], cites: string[] = []): Module =>
  ({ id, title: id, kind: 'mechanism', aliases: [], summary: '', tags: [], related: [], reviewed: '2026-11-27', file: `${id}.md`, claims, body: '', raw: '', cites }) as Module;

describe('claims index', () => {
  const modules = [
    mod('glutamate', [
      { id: 'g1', text: 'Ketamine blocks NMDA receptors.', design: 'mechanism', certainty: 'moderate', sources: ['zanos2018'], article: { quote: 'blocks the NMDA receptor', cited: ['furukawa2005'], verdict: 'misattributed', correction: 'Cite Zanos & Gould.' } },
    ], ['li2010']),
    mod('beta', [{ id: 'b1', text: 'Another claim.', design: 'rct', certainty: 'low', sources: ['zanos2018', 'furukawa2005'] }]),
  ];
  const index = claimsByReference(modules);

  it('maps each key to the claims citing it, as a source or as the article\'s citation', () => {
    expect(index.furukawa2005!.map((u) => [u.module, u.claim, u.role, u.verdict])).toEqual([
      ['glutamate', 'g1', 'article', 'misattributed'],
      ['beta', 'b1', 'source', undefined],
    ]);
    expect(index.zanos2018!.map((u) => u.claim)).toEqual(['g1', 'b1']);
    expect(index.li2010).toBeUndefined();
  });

  it('keysByModule: body citations first, then claim sources and article citations', () => {
    expect(keysByModule(modules)).toEqual({ glutamate: ['li2010', 'zanos2018', 'furukawa2005'], beta: ['zanos2018', 'furukawa2005'] });
  });

  it('claims view shows the verdict on the article\'s use', () => {
    const v = claimsView({ ...S, key: 'furukawa2005' }, index.furukawa2005!, undefined, plain);
    expect(v).toContain('kap cites it for\n  - Another claim. [beta: b1; low certainty]');
    expect(v).toContain('The article cites it for\n  - "blocks the NMDA receptor" [glutamate: g1]\n    Verdict: misattributed: the cited source does not say this\n    Instead: Cite Zanos & Gould.');
  });
});
