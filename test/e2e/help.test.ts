import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, kap } from '../helpers/run-kap.js';
import { FIXTURE_CONTENT } from '../helpers/fixture.js';
import { ENVIRONMENT } from '../../src/command-table.js';

const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

describe('kap: version and help, as users type them', () => {
  it('-v, -V and --version print the version', () => {
    for (const flag of ['-v', '-V', '--version']) {
      const r = kap([flag]);
      expect(r.status, flag).toBe(0);
      expect(r.stdout, flag).toBe(`${version}\n`);
    }
  });

  it('kap help nosuch: "unknown command", exit 2, with a suggestion for a typo', () => {
    const r = kap(['help', 'nosuch']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^kap: unknown command 'nosuch'\n/);
    const typo = kap(['help', 'explian']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('Did you mean: kap help explain?');
  });

  it("kap help quiz export shows the export's help, as kap quiz export --help does", () => {
    const r = kap(['help', 'quiz', 'export']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: kap quiz export \[options\]/);
    expect(r.stdout).toContain('--format <format>');
    expect(r.stdout).toBe(kap(['quiz', 'export', '--help']).stdout);
    expect(kap(['help', 'quiz', 'nosuch']).stderr).toMatch(/^kap: unknown command 'quiz nosuch'/);
  });

  it('kap help help and kap help (no command) work', () => {
    const r = kap(['help', 'help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: kap help \[options\] \[command\.\.\.\]/);
    const all = kap(['help']);
    expect(all.status).toBe(0);
    expect(all.stdout).toBe(kap(['--help']).stdout);
  });

  it('kap --help lists every environment variable kap reads (each one read in src/ is in the list)', () => {
    const help = kap(['--help']).stdout;
    const listed = ENVIRONMENT.map(([name]) => name);
    for (const name of listed) expect(help).toMatch(new RegExp(`^  ${name} `, 'm'));
    // What the source reads: env.NAME or env['NAME'] in any file under src/.
    const read = new Set<string>();
    const files = readdirSync(join(ROOT, 'src'), { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
    for (const f of files)
      for (const m of readFileSync(join(ROOT, 'src', f), 'utf8').matchAll(/\benv(?:\.([A-Z][A-Z0-9_]+)|\[['"]([A-Z][A-Z0-9_]+)['"]\])/g)) read.add(m[1] ?? m[2]!);
    expect(read.size).toBeGreaterThan(8);
    expect([...read].filter((n) => !listed.includes(n))).toEqual([]);
  });
});

describe('kap check --json', () => {
  it('the shipped content: one JSON document on stdout, ok, exit 0', () => {
    const r = kap(['check', 'content', '--json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ dir: 'content', ok: true, summary: { errors: 0 } });
    expect(j.counts.modules).toBeGreaterThan(10);
    expect(r.stderr).toBe('');
  });

  it('a folder with errors: the problems in the JSON, exit 4', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kap-check-json-'));
    cpSync(FIXTURE_CONTENT, dir, { recursive: true });
    const alpha = join(dir, 'modules/alpha.md');
    writeFileSync(alpha, readFileSync(alpha, 'utf8').replace('people [@zanos2018].', 'people [@nobody2020].'));
    const r = kap(['check', dir, '--json']);
    rmSync(dir, { recursive: true, force: true });
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/^kap: 1 error\(s\) in /);
    const j = JSON.parse(r.stdout);
    expect(j.ok).toBe(false);
    expect(j.problems.length).toBeGreaterThan(0);
    expect(j.problems.find((p: { severity: string }) => p.severity === 'error')).toEqual({ file: expect.stringContaining('alpha.md'), line: expect.any(Number), severity: 'error', message: expect.stringContaining('nobody2020') });
  });
});
