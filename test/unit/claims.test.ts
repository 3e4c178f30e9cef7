import { describe, expect, it } from 'vitest';
import { describeFilter, filterClaims, similarSources, VERDICT_FILTERS } from '../../src/claims.js';
import { claimsLines, claimsTable } from '../../src/render/claims-view.js';
import { makeTheme } from '../../src/render/theme.js';
import { CLAIM_VERDICTS } from '../../src/command-table.js';
import type { ClaimRow } from '../../src/store.js';

const rows: ClaimRow[] = [
  { id: 'a-1', module: 'a', text: 'A blocker may raise release (Li et al., 2010).', design: 'preclinical', certainty: 'low', sources: [{ key: 'li2010', cite: 'Li et al., 2010' }] },
  {
    id: 'a-2', module: 'a', text: 'The cited paper\tdoes not study the drug.', design: 'mechanism', certainty: 'moderate',
    sources: [{ key: 'zanos2018', cite: 'Zanos & Gould, 2018' }, { key: 'li2010', cite: 'Li et al., 2010' }],
    article: { quote: 'Q', cited: ['furukawa2005'], verdict: 'misattributed', correction: 'C', factcheck: 5 },
  },
  {
    id: 'b-1', module: 'b', text: 'Overstated.', design: 'rct', certainty: 'high', sources: [{ key: 'rush2006', cite: 'Rush et al., 2006' }],
    article: { quote: 'Q', cited: [], verdict: 'overstated', correction: 'C' },
  },
];
const ids = (r: ClaimRow[]) => r.map((c) => c.id);

describe('filterClaims', () => {
  it('keeps all without filters; by module, verdict, any verdict and source', () => {
    expect(ids(filterClaims(rows, {}))).toEqual(['a-1', 'a-2', 'b-1']);
    expect(ids(filterClaims(rows, { module: 'a' }))).toEqual(['a-1', 'a-2']);
    expect(ids(filterClaims(rows, { verdict: 'any' }))).toEqual(['a-2', 'b-1']);
    expect(ids(filterClaims(rows, { verdict: 'overstated' }))).toEqual(['b-1']);
    expect(ids(filterClaims(rows, { source: 'li2010' }))).toEqual(['a-1', 'a-2']);
    expect(ids(filterClaims(rows, { source: '@LI2010', module: 'a', verdict: 'any' }))).toEqual(['a-2']);
    expect(filterClaims(rows, { verdict: 'supported' })).toEqual([]);
  });

  it('the CLI offers exactly the verdicts the content model knows, plus any', () => {
    expect(CLAIM_VERDICTS).toEqual([...VERDICT_FILTERS]);
  });

  it('suggests close source keys, and none for a key that exists', () => {
    expect(similarSources(rows, 'zanos218')).toEqual(['zanos2018']);
    expect(similarSources(rows, 'li2010')).toEqual([]);
  });

  it('describes the filters for a "no claims match" message', () => {
    expect(describeFilter({ module: 'a', verdict: 'any', source: '@li2010' })).toBe('module "a", from the article, source li2010');
  });
});

describe('claims views', () => {
  it('piped: one tab-separated line per claim, verdict empty when there is none', () => {
    expect(claimsLines(rows).split('\n')).toEqual([
      'a-1\ta\tpreclinical\tlow\t\tli2010\tA blocker may raise release (Li et al., 2010).',
      'a-2\ta\tmechanism\tmoderate\tmisattributed\tzanos2018,li2010\tThe cited paper does not study the drug.',
      'b-1\tb\trct\thigh\toverstated\trush2006\tOverstated.',
    ]);
  });

  it('terminal: grouped by module, with evidence and author-year sources in columns', () => {
    const out = claimsTable(rows, makeTheme(false), 80, new Map([['a', 'Alpha'], ['b', 'Beta']]));
    const lines = out.split('\n');
    expect(lines[0]).toBe('Alpha (a)');
    expect(lines[1]).toMatch(/^Claim +Evidence +Sources$/);
    expect(lines[2]).toBe('A blocker may raise release (Li et  Preclinical         Li et al., 2010');
    expect(out).toContain('moderate certainty  Li et al., 2010');
    expect(out).toMatch(/^ +misattributed$/m);
    expect(out).toContain('Beta (b)');
    expect(lines.at(-1)).toBe("3 claim(s). Each module's evidence in full: kap explain <module>");
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
  });
});

describe('claims view, narrow terminal', () => {
  it('below 72 columns each claim is a block: text, then evidence, then sources', () => {
    const out = claimsTable(rows.slice(1, 2), makeTheme(false), 50, new Map([['a', 'Alpha']]));
    expect(out).toBe(['Alpha (a)', 'The cited paper does not study the drug.', '  Mechanism · moderate certainty · misattributed', '  Sources: Zanos & Gould, 2018; Li et al., 2010', '', "1 claim(s). Each module's evidence in full: kap explain <module>"].join('\n'));
  });
});
