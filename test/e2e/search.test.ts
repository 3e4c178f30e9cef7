import { describe, expect, it } from 'vitest';
import { ANSI, kap, out } from '../helpers/run-kap.js';
import { fixtureData } from '../helpers/fixture.js';

const fx = () => ({ KAP_DATA: fixtureData() });
const json = (args: string[]) => JSON.parse(kap(['search', ...args, '--json'], { env: fx() }).stdout);

describe('kap search (fixture pack)', () => {
  it('lists ranked results: what each is, a snippet, and the command that opens it', () => {
    const r = kap(['search', 'widget'], { env: fx() });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^1\. Widget receptor \(term\)\n {3}A receptor that exists only in kap's test fixtures \(Li et al\., 2010\)\.\n {3}kap explain widget receptor\n/);
    expect(r.stdout).not.toMatch(ANSI);
  });

  it('points sections and claims at their module, references at kap cite', () => {
    const r = kap(['search', 'furukawa', '2005'], { env: fx() });
    expect(r.stdout).toMatch(/^1\. Furukawa et al\., 2005 \(reference\)\n[\s\S]*?\n {3}kap cite furukawa2005\n/);
    const c = kap(['search', 'structural', 'paper'], { env: fx() });
    expect(c.stdout).toMatch(/^1\. Alpha receptor basics › The article, checked \(claim\)\n {3}The cited structural paper does not study the drug\.\n {3}kap explain alpha\n/);
  });

  it('--json gives type, ids, section, snippet with its highlighted words, and the command', () => {
    const out = json(['remission']);
    expect(out.query).toBe('remission');
    expect(out.results[0]).toMatchObject({ type: 'section', id: 'beta#evidence', module: 'beta', section: 'Evidence', title: 'Beta and mood', command: 'kap explain beta', highlights: ['Remission'] });
    expect(out.results[0].snippet).toBe('Remission rates fell with each treatment step (Rush et al., 2006).');
  });

  it('tolerates typos and word starts, and honours quoted phrases', () => {
    expect(json(['widgt']).results[0].id).toBe('widget');
    expect(json(['remiss']).results[0].id).toBe('beta#evidence');
    expect(json(['"treatment step"']).results.map((r: { id: string }) => r.id)).toEqual(['beta#evidence']);
    expect(kap(['search', '"step treatment"'], { env: fx() }).status).toBe(3);
  });

  it('filters with --type and --tag, and stops at --limit', () => {
    const refs = json(['nmda', '--type', 'reference']).results;
    expect(refs.map((r: { id: string }) => r.id)).toContain('furukawa2005');
    expect(refs.every((r: { type: string }) => r.type === 'reference')).toBe(true);
    expect(json(['receptor', '--limit', '1']).results).toHaveLength(1);
    const tagged = json(['receptor', '--tag', 'mechanism']).results;
    expect(tagged.length).toBeGreaterThan(0);
    expect(tagged.every((r: { module?: string }) => r.module === 'alpha')).toBe(true);
  });

  it('bad filters are usage errors (exit 2)', () => {
    const t = kap(['search', 'x', '--type', 'book'], { env: fx() });
    expect(t.status).toBe(2);
    expect(t.stderr).toContain("Allowed choices are module, section, term, claim, reference");
    const g = kap(['search', 'x', '--tag', 'nope'], { env: fx() });
    expect(g.status).toBe(2);
    expect(g.stderr).toContain('kap: no tag "nope"');
    expect(g.stderr).toContain('Tags: fixture, mechanism');
    expect(kap(['search', 'x', '--limit', '0'], { env: fx() }).status).toBe(2);
  });

  it('nothing found: says so on stderr with near names, nothing on stdout, exit 3', () => {
    const r = kap(['search', 'alpxx'], { env: fx() });
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('kap: nothing found for "alpxx"');
    expect(r.stderr).toContain('Did you mean: alpha?');
  });

  it('suggests one name per topic: the nearest, not an alias of the same one', () => {
    const r = kap(['search', 'hlutamate']);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('Did you mean: glutamate?\n');
  });

  it('matched words are bold in colour, and only then', () => {
    const r = kap(['search', 'remission'], { env: { ...fx(), FORCE_COLOR: '1' } });
    expect(r.stdout).toContain('\u001b[1mRemission\u001b[22m rates');
    expect(out(['search', 'widget', '--no-color'], { env: { ...fx(), FORCE_COLOR: '1' } })).not.toMatch(ANSI);
  });

  it('a missing index is a content error with a remedy (exit 4)', () => {
    const r = kap(['search', 'alpha'], { env: { KAP_DATA: '/nonexistent/kap-data' } });
    expect(r.status).toBe(4);
    expect(r.stderr).toContain('kap: the search index is missing');
    expect(r.stderr).toContain('npm run build');
  });
});

describe('kap search: a topic named exactly comes first (shipped content)', () => {
  const first = (args: string[]) => JSON.parse(kap(['search', ...args, '--json']).stdout).results;
  it('"spravato", an alias of the esketamine module and a word in ten references\' titles, gives the module first', () => {
    // Without named.ts the module ranked 10th, below the references with "Spravato" in their title.
    expect(first(['spravato'])[0]).toMatchObject({ type: 'module', id: 'esketamine' });
    expect(first(['Spravato', '--limit', '1']).map((r: { id: string }) => r.id)).toEqual(['esketamine']);
  });
  it('leaves --type filters alone, and queries that name no topic', () => {
    const refs = first(['spravato', '--type', 'reference']);
    expect(refs.length).toBeGreaterThan(3);
    expect(refs.every((r: { type: string }) => r.type === 'reference')).toBe(true);
    // The module is pinned from the 10th place only when asked for modules too.
    expect(first(['spravato', '--type', 'module'])[0]).toMatchObject({ type: 'module', id: 'esketamine' });
    expect(first(['spravato', 'dosing'])[0]).toMatchObject({ type: 'reference' });
  });
});

describe('kap search: V8 flags for a short run (src/short-run.ts)', () => {
  it('asks for SHORT_RUN_FLAGS, and prints what a spawned run with them prints', async () => {
    const { join } = await import('node:path');
    const { createRequire } = await import('node:module');
    const { ROOT } = await import('../helpers/run-kap.js');
    const { SHORT_RUN_FLAGS } = await import('../../src/short-run.js');
    const { run } = createRequire(import.meta.url)(join(ROOT, 'dist/kap.cjs')) as { run: (io: unknown) => Promise<number> };
    const asked: string[][] = [];
    let out = '';
    const sink = { write: (s: string) => ((out += s), true), isTTY: false };
    const argv = ['search', 'why', 'does', 'ketamine', 'work', 'so', 'fast'];
    const code = await run({ argv, env: {}, stdout: sink, stderr: { write: () => true, isTTY: false }, stdinIsTTY: false, bundleDir: join(ROOT, 'dist'), tuneV8: (f: string[]) => asked.push(f) });
    expect(asked).toEqual([SHORT_RUN_FLAGS]);
    const spawned = kap(argv);
    expect(spawned.stderr).not.toMatch(/Warning|Error/);
    expect([spawned.status, spawned.stdout]).toEqual([code, out]);
  }, 60_000);
});
