import { describe, expect, it } from 'vitest';
import { ANSI, kap, out, sh } from '../helpers/run-kap.js';
import { fixtureData } from '../helpers/fixture.js';

const fx = () => ({ KAP_DATA: fixtureData() });

describe('kap explain (fixture pack)', () => {
  it('renders a module: Markdown becomes text, citations become author-year, sources and notice at the end', () => {
    const r = kap(['explain', 'alpha'], { env: fx() });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Alpha receptor basics\n/);
    expect(r.stdout).toContain('Bold item with italics and a link (https://example.org)');
    expect(r.stdout).not.toMatch(/\*\*|\[@|^#/m);
    const flat = r.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('(Li et al., 2010; Zanos & Gould, 2018)');
    expect(flat).toContain('Preclinical · low certainty · (Li et al., 2010; Zanos & Gould, 2018)');
    expect(flat).toContain('Misattributed (the cited source does not say this)');
    expect(r.stdout).toMatch(/Sources\n\n {2}\* Furukawa, H., Singh, S. K., Mancusso, R., & Gouaux, E\. \(2005\)/);
    expect(r.stdout).toContain('Beta and mood: kap explain beta');
    expect(flat.trimEnd()).toMatch(/not medical advice\. Talk to a qualified clinician about your own care\.$/);
    expect(r.stdout).not.toMatch(ANSI);
  });

  it("marks a claim's myths as not true, under the claim (shipped content: ptsd)", () => {
    const r = kap(['explain', 'ptsd'], { env: { NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/The FDA has not approved ketamine or esketamine for PTSD\.[^*]*\n {4}\* Not true: “Ketamine is approved for PTSD\.”\n {4}\* Not true: “Esketamine is approved for PTSD\.”\n/);
  });

  it('resolves aliases, titles and several words, case-insensitively', () => {
    for (const words of [['ALPHA'], ['alpha', 'receptor'], ['Alpha', 'Receptor', 'Basics'], ['first-topic']]) {
      const r = kap(['explain', ...words], { env: fx() });
      expect(r.status, words.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/^Alpha receptor basics/);
    }
  });

  it('shows a glossary term with its definition and the module that covers it', () => {
    const r = kap(['explain', 'widgetr'], { env: fx() });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Widget receptor');
    expect(r.stdout).toContain('A receptor that exists only in kap\'s test fixtures (Li et al., 2010).');
    expect(r.stdout).toContain('Covered in Alpha receptor basics: kap explain alpha');
  });

  it('a typo with one answer opens it and says so; nothing near: exit 3, nothing on stdout', () => {
    const r = kap(['explain', 'alpah'], { env: fx() });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('kap: showing alpha for "alpah" (matched "alpha")\n');
    const none = kap(['explain', 'zzqqx'], { env: fx() });
    expect(none.status).toBe(3);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('kap: no topic "zzqqx"');
  });

  it('shows the crisis help block where a module mentions suicide', () => {
    const r = kap(['explain', 'beta'], { env: fx() });
    expect(r.stdout).toContain('call or text 988');
    expect(r.stdout).toContain('findahelpline.com');
    expect(kap(['explain', 'alpha'], { env: fx() }).stdout).not.toContain('988');
  });

  it('--brief prints the title, the summary and the notice; --raw the Markdown file; --json the structure', () => {
    const brief = kap(['explain', 'alpha', '--brief'], { env: fx() });
    expect(brief.stdout.trim()).toBe('Alpha receptor basics\n\nAlpha is the first fixture topic. It is short on purpose.\n\nkap is educational information, not medical advice. Talk to a qualified\nclinician about your own care.');
    const raw = kap(['explain', 'alpha', '--raw'], { env: fx() });
    expect(raw.stdout).toMatch(/^---\nid: alpha\n/);
    expect(raw.stdout).toContain('[@li2010; @zanos2018]');
    const json = JSON.parse(kap(['explain', 'alpha', '--json'], { env: fx() }).stdout);
    expect(json).toMatchObject({ type: 'module', id: 'alpha', kind: 'mechanism', related: ['beta'] });
    expect(json.sections.map((s: { heading: string }) => s.heading)).toEqual(['How it works', "What we don't know"]);
    expect(json.claims.map((c: { id: string }) => c.id)).toEqual(['alpha-block', 'alpha-article']);
    expect(json.citations.map((c: { key: string }) => c.key).sort()).toEqual(['furukawa2005', 'li2010', 'zanos2018']);
  });

  it('wraps to --width, else COLUMNS, else 80', () => {
    // A line may pass the width only when it is one unbreakable word (a long URL).
    const longest = (s: string) => Math.max(...s.split('\n').map((l) => (/\S\s+\S/.test(l.trim()) ? l.length : 0)));
    expect(longest(out(['explain', 'alpha', '--width', '40'], { env: fx() }))).toBeLessThanOrEqual(40);
    expect(longest(out(['explain', 'alpha'], { env: { ...fx(), COLUMNS: '50' } }))).toBeLessThanOrEqual(50);
    const wide = kap(['explain', 'alpha'], { env: fx() }).stdout;
    expect(longest(wide)).toBeLessThanOrEqual(80);
    expect(longest(wide)).toBeGreaterThan(60);
  });

  it('colour: none when piped or with NO_COLOR/--no-color; FORCE_COLOR forces it', () => {
    expect(kap(['explain', 'alpha'], { env: { ...fx(), FORCE_COLOR: '1' } }).stdout).toMatch(ANSI);
    expect(out(['explain', 'alpha'], { env: { ...fx(), FORCE_COLOR: '1', NO_COLOR: '1' } })).not.toMatch(ANSI);
    expect(out(['explain', 'alpha', '--no-color'], { env: { ...fx(), FORCE_COLOR: '1' } })).not.toMatch(ANSI);
  });

  it('exits quietly when the reader closes the pipe', () => {
    const r = sh('$KAP explain alpha | head -3', { env: fx() });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('Alpha receptor basics\n\nAlpha is the first fixture topic. It is short on purpose.\n');
  });
});

describe('kap explain: V8 flags only past a name in a big pack (src/short-run.ts)', () => {
  it('asks for none at the shipped size, found or not', async () => {
    const { join } = await import('node:path');
    const { createRequire } = await import('node:module');
    const { ROOT } = await import('../helpers/run-kap.js');
    const { run } = createRequire(import.meta.url)(join(ROOT, 'dist/kap.cjs')) as { run: (io: unknown) => Promise<number> };
    const asked: string[][] = [];
    const sink = { write: () => true, isTTY: false };
    for (const argv of [['explain', 'glutamate'], ['explain', 'glutamatx', 'receptr'], ['explain', 'zzzzqqq']])
      await run({ argv, env: {}, stdout: sink, stderr: sink, stdinIsTTY: false, bundleDir: join(ROOT, 'dist'), tuneV8: (f: string[]) => asked.push(f) });
    expect(asked).toEqual([]);
  }, 60_000);
});
