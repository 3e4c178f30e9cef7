/** Search says "nothing found" rather than guess: lone initials, meaning-changing typos; tags keep their own modules. */
import { describe, expect, it } from 'vitest';
import { kap } from '../helpers/run-kap.js';

const results = (args: string[]) => {
  const r = kap(['search', ...args, '--json']);
  return r.status === 0 ? (JSON.parse(r.stdout).results as { type: string; id: string; module?: string }[]) : [];
};

describe('kap search (shipped content)', () => {
  it('a lone initial matches no author ("k-hole" finds its module, no references by authors with the initial K)', () => {
    const found = results(['k-hole']);
    expect(found.map((x) => x.module)).toContain('misuse-dependence');
    expect(found.filter((x) => x.type === 'reference')).toEqual([]);
    const r = kap(['search', 'k']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^kap: nothing found for "k"/);
  });

  it('a short word is not read as a typo of another word ("driving" is not "derived"); a swap still is ("nmad")', () => {
    expect(kap(['search', 'driving']).stdout).not.toMatch(/deriv/i);
    expect(results(['nmad'])[0]).toMatchObject({ module: 'glutamate' });
    expect(results(['glutmate'])[0]).toMatchObject({ module: 'glutamate' });
  });

  it('tags that differ only in punctuation keep their own modules', () => {
    const a = new Set(results(['ketamine', '--tag', 'side-effects', '--limit', '100']).map((x) => x.module));
    const b = new Set(results(['ketamine', '--tag', 'side effects', '--limit', '100']).map((x) => x.module));
    expect(a.size).toBeGreaterThan(0);
    expect(b.size).toBeGreaterThan(0);
    expect([...a].sort()).not.toEqual([...b].sort());
  });
});
