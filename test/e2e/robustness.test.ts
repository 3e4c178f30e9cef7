/**
 * Hostile or broken content, hostile input, awkward terminals and signals: each case is a
 * spawned run of the real binary with a clear outcome, never a crash or a stack trace.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ANSI, BIN, ROOT, cleanEnv, kap, out, sh } from '../helpers/run-kap.js';
import { FIXTURE_CONTENT, fixtureData } from '../helpers/fixture.js';
import { COMMANDS } from '../../src/command-table.js';

const STACK = /\n\s+at .+:\d+:\d+/;
const tmp = mkdtempSync(join(tmpdir(), 'kap-robust-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the fixture pack with one change, checked as a pack. */
function brokenPack(name: string, change: (dir: string) => void): string {
  const dir = join(tmp, name);
  cpSync(FIXTURE_CONTENT, dir, { recursive: true });
  change(dir);
  return dir;
}
const edit = (file: string, fn: (t: string) => string) => writeFileSync(file, fn(readFileSync(file, 'utf8')));

describe('broken content: file:line, exit 4, no stack', () => {
  const cases: [string, (d: string) => void, RegExp][] = [
    ['invalid YAML', (d) => edit(join(d, 'glossary.yaml'), (t) => t.replace('aliases: [widgetr]', 'aliases: [widgetr')), /glossary\.yaml:\d+: error: invalid YAML/],
    ['a missing field', (d) => edit(join(d, 'modules', 'beta.md'), (t) => t.replace(/^title: .*\n/m, '')), /modules\/beta\.md:2: error: title: missing/],
    ['a wrong type', (d) => edit(join(d, 'modules', 'beta.md'), (t) => t.replace('aliases: [beta, mood]', 'aliases: beta')), /modules\/beta\.md:5: error: aliases: expected a list/],
    ['a duplicate id', (d) => edit(join(d, 'glossary.yaml'), (t) => t.replace('- id: gizmo', '- id: widget')), /glossary\.yaml:\d+: error: widget: duplicate term id \(first at .*glossary\.yaml:1\)/],
    ['a term id that is also a module name', (d) => edit(join(d, 'glossary.yaml'), (t) => t.replace('- id: gizmo', '- id: first-topic')), /glossary\.yaml:6: error: first-topic: the id is also a name of module "alpha" \(.*alpha\.md:5\), so `kap explain first-topic` would open the module/],
    ['an unknown citation key', (d) => edit(join(d, 'modules', 'beta.md'), (t) => t.replace('[@rush2006]', '[@nobody1999]')), /modules\/beta\.md:\d+: error: body: unknown citation key "@nobody1999"/],
    ['a 5 MB module', (d) => edit(join(d, 'modules', 'beta.md'), (t) => t + 'word '.repeat(1_100_000)), /modules\/beta\.md:1: error: file is larger than 2 MB/],
    ['invalid UTF-8', (d) => writeFileSync(join(d, 'modules', 'beta.md'), Buffer.concat([Buffer.from('---\nid: beta\n'), Buffer.from([0xff, 0xfe, 0xc3])])), /modules\/beta\.md:\d+: error: invalid UTF-8/],
    ['an empty file', (d) => writeFileSync(join(d, 'modules', 'beta.md'), ''), /modules\/beta\.md:1: error: empty file/],
    ['an unreadable file', (d) => { rmSync(join(d, 'modules', 'beta.md')); mkdirSync(join(d, 'modules', 'beta.md')); }, /modules\/beta\.md:1: error: cannot read: EISDIR/],
  ];
  it.each(cases)('%s', (_name, change, want) => {
    const dir = brokenPack(_name.replace(/\W+/g, '-'), change);
    const r = kap(['check', dir]);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(want);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('a missing folder', () => {
    const r = kap(['check', join(tmp, 'no-such-folder')]);
    expect(r.status).toBe(4);
    expect(r.stderr).toContain('content folder not found or not readable (ENOENT)');
  });

  it('escape sequences in any field are removed before they reach the terminal (warning, not error)', () => {
    const dir = brokenPack('escapes', (d) => {
      edit(join(d, 'modules', 'alpha.md'), (t) =>
        t.replace('title: Alpha receptor basics', 'title: "Alpha \u001b[2J\u001b]0;pwned\u0007receptor basics"').replace('Alpha is the first fixture topic.', 'Alpha is the first \u001b]8;;https://evil.example\u001b\\fixture\u001b]8;;\u001b\\ topic.\u009b31m'),
      );
      edit(join(d, 'glossary.yaml'), (t) => t.replace('A receptor that exists', 'A receptor \u001b[31mthat exists'));
    });
    const check = kap(['check', dir]);
    expect(check.status).toBe(0);
    expect(check.stderr).toMatch(/modules\/alpha\.md:3: warning: control character U\+001B removed/);
    const env = { KAP_CACHE_DIR: join(tmp, 'cache-escapes') };
    for (const args of [['explain', 'alpha'], ['explain', 'widget'], ['list'], ['search', 'alpha'], ['explain', 'alpha', '--json'], ['explain', 'alpha', '--raw']]) {
      const r = kap(['--content', dir, ...args], { env: { ...env, FORCE_COLOR: '0' } });
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).not.toMatch(/[\u001b\u0007\u009b]/);
    }
  }, 180_000);
});

describe('the build environment', () => {
  it('a terminal that supports hyperlinks (FORCE_HYPERLINK) at build time plants no OSC 8 links', () => {
    const out = join(tmp, 'hyperlinks');
    execFileSync(process.execPath, [join(ROOT, 'dist', 'build-content.mjs'), FIXTURE_CONTENT, out], { env: cleanEnv({ FORCE_HYPERLINK: '1' }), stdio: 'pipe' });
    const r = kap(['explain', 'alpha'], { env: { KAP_DATA: out, FORCE_COLOR: '1' } });
    expect(r.stdout).not.toMatch(/\u001b\]8/);
    expect(r.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toContain('link (https://example.org)');
  });
});

describe('hostile input', () => {
  const inputs = ['.*+?^${}()|[]\\', 'x'.repeat(10_000), 'Dépersonnalisation', '氯胺酮', '🧠💊', 'كيتامين', '\u202Eevil', ''];
  it.each(inputs.map((s) => [s.slice(0, 20), s]))('%j: explain, search, cite and claims answer with a message, never a crash', (_label, input) => {
    for (const args of [['explain', input], ['search', input], ['cite', input], ['claims', input]]) {
      const r = kap(args, { env: { KAP_DATA: fixtureData() } });
      expect([0, 2, 3], `${args[0]} → ${r.status}: ${r.stderr}`).toContain(r.status);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr.length).toBeLessThan(2_000); // a 10,000-character topic is not echoed back whole
    }
  });
});

describe('an empty argument or option value (a script\'s unset variable) is a usage error, on every command', () => {
  // Every command and subcommand, with an empty word, and with an empty value for each of its options that takes one.
  const lines: string[][] = [];
  for (const c of COMMANDS.filter((x) => !x.hidden))
    for (const [path, spec] of [[[c.name], c] as const, ...(c.subcommands ?? []).map((s) => [[c.name, s.name], s] as const)]) {
      lines.push([...path, ''], [...path, ' ']);
      for (const o of spec.options) {
        const [flag, value] = o.flags.split(' ');
        if (value) lines.push([...path, flag!, ''], [...path, `${flag}=`]);
      }
    }
  it.each(lines.map((l) => [l.join(' '), l]))('kap %s', (_label, args) => {
    const r = kap(args, { env: { KAP_DATA: fixtureData() } });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^kap: (an argument is empty|--[a-z-]+ has an empty value)\n.*`kap [a-z ]+--help`/);
  });
  it('completion still completes an empty word', () => {
    const r = kap(['__complete', '--', 'explain', ''], { env: { KAP_DATA: fixtureData() } });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toBe('');
  });
});

describe('terminals', () => {
  const longest = (s: string) => Math.max(...s.split('\n').map((l) => (/\S\s+\S/.test(l.trim()) ? l.length : 0)));
  it('--width 20 and 300', () => {
    expect(longest(out(['explain', 'glutamate', '--width', '20']))).toBeLessThanOrEqual(20);
    const wide = kap(['explain', 'glutamate', '--width', '300']).stdout;
    expect(longest(wide)).toBeLessThanOrEqual(300);
    expect(longest(wide)).toBeGreaterThan(150);
  });
  it('NO_COLOR and TERM=dumb: no escape codes, even from a forced terminal width', () => {
    for (const env of [{ NO_COLOR: '1', FORCE_COLOR: '1' }, { TERM: 'dumb' }] as Record<string, string>[])
      for (const args of [['explain', 'glutamate'], ['list'], ['search', 'nmda'], ['cite', 'furukawa2005'], ['claims', 'glutamate']])
        expect(out(args, { env }), `${args.join(' ')} ${JSON.stringify(env)}`).not.toMatch(ANSI);
  });
  it.each([['explain glutamate'], ['list'], ['search nmda'], ['cite --all'], ['refs'], ['claims'], ['quiz export --format markdown --seed x']])('kap %s | head -c 20: no EPIPE noise', (cmd) => {
    const r = sh(`$KAP ${cmd} | head -c 20 >/dev/null`);
    expect(r.stderr).toBe('');
  });
  it('stdout closed: exit 0, nothing on stderr', () => {
    const r = sh('$KAP list >&-; echo "status=$?" >&2');
    expect(r.stderr).toBe('status=0\n');
  });
});

describe('signals', () => {
  const interrupt = (args: string[], after: number) =>
    new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) => {
      const p = spawn(process.execPath, [BIN, ...args], { env: cleanEnv(), stdio: ['pipe', 'ignore', 'pipe'] });
      let stderr = '';
      p.stderr.on('data', (d) => (stderr += d));
      setTimeout(() => p.kill('SIGINT'), after);
      p.on('close', (code, signal) => resolve({ code, signal, stderr }));
    });
  it.each([['explain', 'glutamate'], ['list'], ['search', 'nmda'], ['cite', '--all', '--format', 'bibtex'], ['claims'], ['quiz', '--seed', 'x']])('SIGINT during kap %s: ends by the signal (the shell reports 130), or 0 if it had finished; no stack', async (...args) => {
    for (const after of [5, 40]) {
      const r = await interrupt(args, after);
      expect(r.stderr).not.toMatch(STACK);
      if (r.code !== null) expect([0, 130]).toContain(r.code);
      else expect(r.signal).toBe('SIGINT');
    }
  });

  it('a kill during a pack compile leaves no corrupted cache: the next run rebuilds and works', async () => {
    const cache = join(tmp, 'cache-kill');
    const env = cleanEnv({ KAP_CACHE_DIR: cache });
    const p = spawn(process.execPath, [BIN, '--content', FIXTURE_CONTENT, 'list'], { env, stdio: 'ignore', detached: true });
    await new Promise((r) => setTimeout(r, 1500));
    process.kill(-p.pid!, 'SIGKILL'); // the whole group: kap and its compiler
    const r = kap(['--content', FIXTURE_CONTENT, 'explain', 'alpha', '--brief'], { env: { KAP_CACHE_DIR: cache } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Alpha receptor basics/);
  }, 180_000);
});

describe('bundles', () => {
  it('are plain ASCII, so V8 keeps their source one byte per character (a single other character doubles it)', () => {
    const dist = join(ROOT, 'dist');
    const files = [...readdirSync(dist), ...readdirSync(join(dist, 'commands')).map((f) => join('commands', f))].filter((f) => f.endsWith('.cjs'));
    expect(files.length).toBeGreaterThan(15);
    for (const f of files) expect(readFileSync(join(dist, f), 'utf8').match(/[^\x00-\x7f].{0,20}/)?.[0], f).toBeUndefined();
  });
});
