import { describe, expect, it } from 'vitest';
import { kap } from '../helpers/run-kap.js';
import { fixtureData } from '../helpers/fixture.js';

const fx = () => ({ KAP_DATA: fixtureData() });

describe('kap claims (fixture pack)', () => {
  it('piped: one tab-separated line per claim, every module', () => {
    const r = kap(['claims'], { env: fx() });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'alpha-block\talpha\tpreclinical\tlow\t\tli2010,zanos2018\tA blocker may raise transmitter release in animal studies.',
        'alpha-article\talpha\tmechanism\tmoderate\tmisattributed\tzanos2018\tThe cited structural paper does not study the drug.',
        'beta-label\tbeta\tregulatory-label\thigh\t\tspravato_pi\tThe label says it has not been shown to prevent suicide.',
        '',
      ].join('\n'),
    );
  });

  it("one topic's claims: by id, alias, or a glossary term's module", () => {
    const ids = (args: string[]) => kap(['claims', ...args], { env: fx() }).stdout.trim().split('\n').map((l) => l.split('\t')[0]);
    expect(ids(['beta'])).toEqual(['beta-label']);
    expect(ids(['first', 'topic'])).toEqual(['alpha-block', 'alpha-article']);
    expect(ids(['widgetr'])).toEqual(['alpha-block', 'alpha-article']);
  });

  it('--json with author-year sources and the article check; --verdict and --source filter', () => {
    const json = JSON.parse(kap(['claims', '--verdict', 'any', '--json'], { env: fx() }).stdout);
    expect(json).toEqual([
      expect.objectContaining({
        id: 'alpha-article',
        module: 'alpha',
        sources: [{ key: 'zanos2018', cite: 'Zanos & Gould, 2018' }],
        article: expect.objectContaining({ verdict: 'misattributed', cited: ['furukawa2005'], correction: expect.stringContaining('(Furukawa et al., 2005)') }),
      }),
    ]);
    expect(kap(['claims', '--verdict', 'misattributed'], { env: fx() }).stdout).toMatch(/^alpha-article\t/);
    expect(kap(['claims', '--source', 'spravato_pi'], { env: fx() }).stdout).toMatch(/^beta-label\t[^\n]*\n$/);
  });

  it('unknown topic: exit 3; a typo with one answer shows that topic and says so', () => {
    const r = kap(['claims', 'zzqqx'], { env: fx() });
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^kap: no topic "zzqqx"\n/);
    const typo = kap(['claims', 'alpah'], { env: fx() });
    expect(typo.status).toBe(0);
    expect(typo.stderr).toBe('kap: showing alpha for "alpah" (matched "alpha")\n');
    expect(typo.stdout).toMatch(/^alpha-block\t/);
  });

  it('nothing matches the filters: a message on stderr, exit 3', () => {
    const r = kap(['claims', 'beta', '--verdict', 'overstated'], { env: fx() });
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('kap: no claims match: module "beta", verdict overstated\nSee every claim with `kap claims`.\n');
    const typo = kap(['claims', '--source', 'zanos218'], { env: fx() });
    expect(typo.status).toBe(3);
    expect(typo.stderr).toContain('Did you mean: --source zanos2018?');
  });

  it('an unknown verdict is a usage error, exit 2', () => {
    const r = kap(['claims', '--verdict', 'wrong'], { env: fx() });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("argument 'wrong' is invalid. Allowed choices are supported, partly-supported, overstated, unsupported, misattributed, any.");
  });
});

describe('kap claims (shipped content)', () => {
  it('each fact-check item 1-15 is exactly one article claim', () => {
    const r = kap(['claims', '--verdict', 'any', '--json']);
    expect(r.status).toBe(0);
    const items = (JSON.parse(r.stdout) as { article: { factcheck?: number } }[]).map((c) => c.article.factcheck).filter((n) => n !== undefined);
    expect([...items].sort((a, b) => a! - b!)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });
});
