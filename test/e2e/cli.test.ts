import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANSI, ROOT, kap, sh } from '../helpers/run-kap.js';
import { fixtureData } from '../helpers/fixture.js';

const fx = () => ({ KAP_DATA: fixtureData() });

describe('kap: help, version, usage errors and exit codes', () => {
  it('--help lists the commands and documents the exit codes, on stdout, exit 0', () => {
    const r = kap(['--help']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    for (const cmd of ['explain', 'list', 'check', 'help']) expect(r.stdout).toMatch(new RegExp(`^  ${cmd}\\b`, 'm'));
    for (const line of ['0    success', '2    usage error', '3    not found', '4    invalid content', '130  interrupted']) expect(r.stdout).toContain(line);
  });

  it('help <command> and <command> --help show that command', () => {
    const a = kap(['help', 'explain']);
    const b = kap(['explain', '--help']);
    expect(a.status).toBe(0);
    expect(a.stdout).toContain('Usage: kap explain [options] <topic...>');
    expect(a.stdout).toContain('--brief');
    expect(b.stdout).toBe(a.stdout);
  });

  it('--version prints the package version', () => {
    const r = kap(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`);
  });

  it('an unknown command names the nearest one, exit 2', () => {
    const r = kap(['explian', 'glutamate']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("unknown command 'explian'");
    expect(r.stderr).toContain('Did you mean explain?');
  });

  it('a mistyped subcommand names the nearest one, exit 2 (not "too many arguments")', () => {
    for (const argv of [['quiz', 'exprt'], ['quiz', '--seed', 's', 'exprt']]) {
      const r = kap(argv);
      expect([r.status, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toBe("kap: unknown command 'exprt' for 'kap quiz'\n(Did you mean export?)\n");
    }
    expect(kap(['quiz', 'glutamate']).stderr).toBe("kap: unknown command 'glutamate' for 'kap quiz'\n");
  });

  it('an unknown option names the nearest one, exit 2', () => {
    const r = kap(['explain', 'alpha', '--breif'], { env: fx() });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown option '--breif'");
    expect(r.stderr).toContain('Did you mean --brief?');
  });

  it("another command's word for an option suggests this command's (review --count: --new, not --content)", () => {
    for (const [args, want] of [[['review', '--count', '3'], '--new'], [['review', '--count=3'], '--new'], [['search', 'nmda', '--count', '3'], '--limit'], [['quiz', '--limit', '3'], '--count']] as const) {
      const r = kap([...args], { env: fx() });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`kap: unknown option '${args.find((a) => a.startsWith('--'))}'\n(Did you mean ${want}?)\n`);
    }
  });

  it('a bad --width is a usage error, exit 2', () => {
    const r = kap(['--width', 'wide', 'list'], { env: fx() });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('expected a whole number from 20 to 1000');
  });

  it('two output modes at once is a usage error', () => {
    const r = kap(['explain', 'alpha', '--raw', '--json'], { env: fx() });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('kap: choose one of --brief, --raw and --json\n');
  });

  it('missing compiled content: a clear message, exit 4, no stack trace', () => {
    const r = kap(['list'], { env: { KAP_DATA: '/nonexistent/kap' } });
    expect(r.status).toBe(4);
    expect(r.stderr).toContain('kap: compiled content not found at /nonexistent/kap/list.txt');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('kap list', () => {
  it('piped: one plain line per topic, name<TAB>kind<TAB>summary (a term by its own name where that opens it)', () => {
    const r = kap(['list'], { env: fx() });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        'alpha\tmechanism\tA small fixture module about a receptor, with claims and citations.',
        'beta\tcondition\tA fixture module that mentions suicide, so it carries the help block.',
        'gizmo\tterm\tGizmo',
        'widget receptor\tterm\tWidget receptor',
        '',
      ].join('\n'),
    );
  });

  it('--json: modules grouped by kind order, and terms', () => {
    const j = JSON.parse(kap(['list', '--json'], { env: fx() }).stdout);
    expect(j.modules.map((m: { id: string }) => m.id)).toEqual(['alpha', 'beta']);
    expect(j.terms.map((t: { id: string }) => t.id)).toEqual(['gizmo', 'widget']);
  });

  it('| head -1 exits quietly (no EPIPE noise)', () => {
    const r = sh('$KAP list | head -1', { env: fx() });
    expect(r.stdout).toBe('alpha\tmechanism\tA small fixture module about a receptor, with claims and citations.\n');
    expect(r.stderr).toBe('');
  });
});
