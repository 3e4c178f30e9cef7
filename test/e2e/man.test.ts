/** kap(1): generated at build time from the command definitions, read with man itself. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, cleanEnv } from '../helpers/run-kap.js';
import { describeWith } from '../helpers/oracle.js';
import { COMMANDS, ENVIRONMENT, GLOBAL_OPTIONS } from '../../src/command-table.js';
import type { CommandSpec } from '../../src/command-def.js';

const page = join(ROOT, 'dist/kap.1');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const all = (cs: readonly CommandSpec[]): CommandSpec[] => cs.filter((c) => !c.hidden).flatMap((c) => [c, ...all(c.subcommands ?? [])]);

describe('the man page ships with the package', () => {
  it("package.json's man names dist/kap.1, which the build wrote and `files` includes", () => {
    expect(pkg.man).toEqual(['./dist/kap.1']);
    expect(pkg.files).toContain('dist');
    expect(existsSync(page)).toBe(true);
    expect(readFileSync(page, 'utf8')).toMatch(new RegExp(`^\\.TH KAP 1 "\\d{4}-\\d\\d-\\d\\d" "kap ${pkg.version.replaceAll('.', '\\.')}"`));
  });
});

describeWith('man', 'renders kap(1) with man -l', () => {
  const r = spawnSync('man', ['-l', page], { env: cleanEnv({ MANWIDTH: '100', MAN_KEEP_FORMATTING: '', LANG: 'C.UTF-8' }), encoding: 'utf8' });
  // man's own formatting (bold by overstriking when not a terminal) removed.
  const text = r.stdout.replace(/.\x08/g, '');
  it('renders without errors, with the usual sections', () => {
    expect(r.status, r.stderr).toBe(0);
    for (const s of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'COMMANDS', 'GLOBAL OPTIONS', 'COMMAND DETAILS', 'EXIT STATUS', 'ENVIRONMENT', 'SEE ALSO'])
      expect(text).toMatch(new RegExp(`^${s}$`, 'm'));
  });
  it('documents every command, each of its options and examples, every environment variable', () => {
    for (const c of all(COMMANDS)) {
      expect(text, c.name).toMatch(new RegExp(`^ {3}kap (\\w+ )?${c.name}\\b`, 'm'));
      for (const o of c.options) expect(text, `${c.name} ${o.flags}`).toContain(o.flags.split(' ')[0]);
      for (const e of c.examples ?? []) expect(text, e).toContain(e.trim());
    }
    for (const o of GLOBAL_OPTIONS) expect(text).toContain(o.flags.split(' ')[0]);
    for (const [name] of ENVIRONMENT) expect(text).toMatch(new RegExp(`^ {7}${name}\\b`, 'm'));
    expect(text).not.toContain('__complete');
  });
});

describeWith('groff', 'finds no warnings in kap(1)', () => {
  it('groff -man -ww prints nothing on stderr', () => {
    const r = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-z', page], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});
