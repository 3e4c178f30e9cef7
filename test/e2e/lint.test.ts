/** kap lint, the built binary: positions, formats, exit codes, input problems, switches. */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ANSI, kap, ROOT, sh } from '../helpers/run-kap.js';

const dir = mkdtempSync(join(tmpdir(), 'kap-lint-'));
const file = (name: string, text: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const DRAFT = [
  '---',
  'title: "Esketamine, a derivative of ketamine"',
  '---',
  '',
  '# Ketamine and the brain',
  '',
  'Some intro text.',
  '',
  '```',
  'Esketamine is a derivative of ketamine.',
  '```',
  '',
  'Note: `Esketamine is a derivative of ketamine` is what the post says. Esketamine is a derivative of ketamine.',
  '',
  '> Esketamine, a derivative of ketamine, is used most frequently.',
  '',
  'See the review [@zanos2019].',
  '',
].join('\n');

/** The text at a finding's line and column of `source`. */
const at = (source: string, f: { line: number; column: number }) => source.split('\n')[f.line - 1]!.slice(f.column - 1);

describe('kap lint', () => {
  const draft = file('draft.md', DRAFT);

  it('finds what the draft states, at its line and column, past front matter, code and quotes', () => {
    const r = kap(['lint', '--format', 'json', draft]);
    expect(r.status).toBe(6);
    const { findings } = JSON.parse(r.stdout);
    expect(findings.map((f: { rule: string; line: number }) => [f.rule, f.line])).toEqual([
      ['known-error', 13],
      ['unknown-citation', 17],
    ]);
    expect(at(DRAFT, findings[0])).toMatch(/^Esketamine is a derivative of ketamine\.$/);
    expect(at(DRAFT, findings[1])).toMatch(/^@zanos2019\]/);
    expect(findings[1].message).toContain('@zanos2018');
    expect(findings[0].fix.cite).toMatch(/^\[@\w+(; @\w+)*\]$/);
    expect(findings[0].fix.references.length).toBeGreaterThan(0);
  });

  it('text: file:line:col: severity: message [rule], the fix below; summary on stderr; no colour when piped', () => {
    const r = kap(['lint', draft]);
    expect(r.status).toBe(6);
    expect(r.stdout).toMatch(new RegExp(`^${draft.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:13:71: error: .+ \\[known-error\\]$`, 'm'));
    expect(r.stdout).toMatch(/^ {2}fix: /m);
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stderr).toBe('kap: lint: 2 errors, 0 warnings, 0 suggestions\n');
  });

  it('exit 0 with nothing on stdout for a clean draft; warnings alone do not fail', () => {
    const clean = kap(['lint', file('clean.md', 'Esketamine is the S-enantiomer of ketamine [@gastaldon2019].\n')]);
    expect([clean.status, clean.stdout]).toEqual([0, '']);
    expect(clean.stderr).toContain('no problems found');
    const warn = kap(['lint', file('warn.md', 'Ketamine cures depression [@zanos2018].\n')]);
    expect(warn.status).toBe(0);
    expect(warn.stdout).toMatch(/warning: .*\[overstated\]/);
  });

  it('a hype word gets the certainty to write with, not a certainty verb put in its place', () => {
    for (const input of ['Ketamine cures depression.\n', 'Esketamine proves that ketamine works for depression.\n']) {
      const [finding] = JSON.parse(kap(['lint', '-', '--json'], { input }).stdout).findings;
      expect(finding).toMatchObject({ rule: 'overstated', message: expect.stringMatching(/say what the studies found.*certainty|certainty .*say what the studies found/) });
      expect(finding.fix?.replace).toBeUndefined();
    }
  });

  it("the README's example is what kap lint prints for its draft, word for word", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const cmd = '$ kap lint test/fixtures/lint/draft.md\n';
    const shown = readme.slice(readme.indexOf(cmd) + cmd.length, readme.indexOf('$ echo $?\n', readme.indexOf(cmd)));
    const r = kap(['lint', 'test/fixtures/lint/draft.md']);
    expect(r.status).toBe(6);
    expect(r.stdout + r.stderr).toBe(shown);
  });

  it('a hype word beside a high-certainty claim is not called stronger than that evidence: the claim is quoted instead', () => {
    const [finding] = JSON.parse(kap(['lint', '-', '--json'], { input: 'Ketamine infusions cure PTSD.\n' }).stdout).findings;
    expect(finding).toMatchObject({ rule: 'overstated', claim: 'ptsd-not-approved' });
    expect(finding.message).toContain('overstates what any study of ketamine has shown');
    expect(finding.message).toContain('"The FDA has not approved ketamine or esketamine for PTSD."');
    expect(finding.message).not.toMatch(/stronger than the evidence|verb for it/);
  });

  it('a reader that stops early (| head) still gets exit 6 when there are errors, with nothing on stderr', () => {
    // ~250 KB of report: more than a pipe holds, so kap is still writing when head leaves.
    const big = file('big.md', 'Esketamine is a derivative of ketamine.\n\n'.repeat(400));
    const r = sh(`($KAP lint '${big}'; echo "status $?" >&2) | head -c 10 >/dev/null`);
    expect(r.stderr).toBe('status 6\n');
    expect(sh(`($KAP lint '${big}' --format json; echo "status $?" >&2) | head -c 10 >/dev/null`).stderr).toBe('status 6\n');
  });

  it('reads standard input with -', () => {
    const r = kap(['lint', '-', '--json'], { input: 'Esketamine is a derivative of ketamine.\n' });
    expect(r.status).toBe(6);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: '<stdin>', counts: { error: 1 } });
  });

  it('<!-- kap-lint --> comments and --disable turn rules off', () => {
    const text = [
      '<!-- kap-lint disable known-error -->',
      'Esketamine is a derivative of ketamine.',
      '<!-- kap-lint enable -->',
      'Esketamine is a derivative of ketamine.',
      '<!-- kap-lint disable-next-line -->\nEsketamine is a derivative of ketamine.',
      'See [@nosuch2020].',
    ].join('\n\n');
    const rules = (args: string[]) => JSON.parse(kap(['lint', '--json', ...args, file('switch.md', text)]).stdout).findings.map((f: { rule: string; line: number }) => `${f.rule}@${f.line}`);
    expect(rules([])).toEqual(['known-error@7', 'unknown-citation@12']);
    expect(rules(['--disable', 'unknown-citation'])).toEqual(['known-error@7']);
    expect(rules(['--disable', 'known-error,unknown-citation'])).toEqual([]);
    const bad = kap(['lint', '--disable', 'known-eror', draft]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown rule "known-eror"[\s\S]*known-error/);
  });

  it('SARIF 2.1.0 that the official schema accepts (ajv), with regions inside the file', () => {
    const r = kap(['lint', '--format', 'sarif', draft]);
    const log = JSON.parse(r.stdout);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(require('node:fs').readFileSync(`${ROOT}test/fixtures/sarif/sarif-2.1.0.json`, 'utf8')));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const results = log.runs[0].results;
    expect(results.length).toBe(2);
    expect(log.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toContain(results[0].ruleId);
    for (const res of results) {
      const { uri } = res.locations[0].physicalLocation.artifactLocation;
      expect(uri).toMatch(/^file:\/\//);
      const { startLine, startColumn } = res.locations[0].physicalLocation.region;
      expect(at(DRAFT, { line: startLine, column: startColumn }).length).toBeGreaterThan(0);
    }
    // A relative path stays relative, resolved against the run's folder.
    const rel = JSON.parse(kap(['lint', '--format', 'sarif', 'draft.md'], { cwd: dir }).stdout).runs[0];
    expect(rel.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'draft.md', uriBaseId: 'SRCROOT' });
    expect(rel.originalUriBaseIds.SRCROOT.uri).toMatch(/^file:\/\/.*\/$/);
  });

  it('one clear line, no stack trace, for input that is not a draft', () => {
    mkdirSync(join(dir, 'folder'), { recursive: true });
    const cases: [string, number, RegExp][] = [
      [join(dir, 'missing.md'), 3, /no file .*missing\.md/],
      [join(dir, 'folder'), 2, /is a folder/],
      [file('binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])), 2, /not text/],
      [file('latin1.md', Buffer.from('caf\xe9 au lait\n', 'latin1')), 2, /not valid UTF-8/],
      ['/dev/null', 2, /not a regular file/],
    ];
    for (const [path, status, message] of cases) {
      const r = kap(['lint', path]);
      expect([path, r.status]).toEqual([path, status]);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    }
    // The same bytes on standard input: checked as a file is (they were linted as text).
    for (const [name, message] of [['binary.md', /standard input is not text/], ['latin1.md', /standard input is not valid UTF-8/]] as const) {
      const r = sh(`$KAP lint - < '${join(dir, name)}'`);
      expect([name, r.status]).toEqual([name, 2]);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    // A byte-order mark is dropped, as from a file: columns count from the first character.
    const bom = sh(`printf '\\357\\273\\277Esketamine is a derivative of ketamine.\\n' | $KAP lint - --format json`);
    expect(JSON.parse(bom.stdout).findings[0]).toMatchObject({ line: 1, column: 1, rule: 'known-error' });
  });

  it("checks a content pack's claims too (the lint index is compiled with the pack)", () => {
    const pack = join(dir, 'pack');
    mkdirSync(join(pack, 'modules'), { recursive: true });
    writeFileSync(
      join(pack, 'modules', 'widgets.md'),
      [
        '---',
        'id: widgets',
        'title: Widgets and ketamine',
        'kind: therapy',
        'summary: A test module about widgets.',
        'tags: [therapy]',
        'related: []',
        'reviewed: 2026-12-01',
        'claims:',
        '  - id: widgets-article',
        '    text: No study shows that ketamine turns patients into purple widgets.',
        '    design: opinion',
        '    certainty: very-low',
        '    sources: [zanos2018]',
        '    article:',
        '      quote: "Ketamine turns patients into purple widgets overnight."',
        '      cited: []',
        '      verdict: unsupported',
        '      correction: No study shows this; the widget claim has no source.',
        '---',
        '',
        'Widgets are a test topic [@zanos2018].',
        '',
      ].join('\n'),
    );
    const r = kap(['--content', pack, 'lint', '--json', '-'], { input: 'Ketamine turns patients into purple widgets overnight.\n', env: { KAP_CACHE_DIR: join(dir, 'cache') } });
    expect(r.status, r.stderr).toBe(6);
    expect(JSON.parse(r.stdout).findings[0]).toMatchObject({ rule: 'known-error', claim: 'widgets-article' });
  }, 120_000);
});

describe('kap lint: a long draft, run with the V8 flags of commands/lint.ts (LONG_FLAGS)', () => {
  it('finds what a run without them finds (in-process, where no flags are set)', async () => {
    // The labelled sentences, as the bench's draft: well over LONG_DRAFT (4,000) characters.
    const { parse } = await import('yaml');
    const { readFileSync } = await import('node:fs');
    const sentences = (parse(readFileSync(join(ROOT, 'test/lint/labelled.yaml'), 'utf8')) as { text: string }[]).map((c) => c.text);
    const text = sentences.map((s, i) => s + (i % 4 === 3 ? '\n\n' : ' ')).join('');
    expect(text.length).toBeGreaterThan(10_000);
    const path = file('long.md', text);
    const spawned = kap(['lint', '--format', 'json', path]);
    expect(spawned.stderr).not.toMatch(/Error|at /);
    // main.ts reaches the flags through process.binding('v8'), whose deprecation warning it keeps quiet.
    expect(spawned.stderr).not.toMatch(/Warning|DEP0111/);
    const { createRequire } = await import('node:module');
    const { run } = createRequire(import.meta.url)(join(ROOT, 'dist/kap.cjs')) as { run: (io: unknown) => Promise<number> };
    let out = '';
    const sink = { write: (s: string) => ((out += s), true), isTTY: false };
    const code = await run({ argv: ['lint', '--format', 'json', path], env: {}, stdout: sink, stderr: { write: () => true, isTTY: false }, stdinIsTTY: false, bundleDir: join(ROOT, 'dist') });
    expect(spawned.status).toBe(code);
    expect(JSON.parse(spawned.stdout).findings.length).toBeGreaterThan(50);
    expect(spawned.stdout).toBe(out);
  }, 120_000);
});
