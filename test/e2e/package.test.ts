/**
 * `npm pack` gives a package that installs globally without warnings and works outside the
 * repository: a LICENSE, the bundled packages' notices, and a package.json with no script that
 * needs files it does not ship. Packed from a copy of the checkout, so that the real prepack
 * and postpack run without touching this one.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, cleanEnv } from '../helpers/run-kap.js';

const SHIPPED_OR_NEEDED = ['bin', 'content', 'dist', 'scripts', 'src', 'LICENSE', 'README.md', 'package.json', 'package-lock.json'];

describe('npm pack + npm install -g', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kap-pack-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('packs with LICENSE and notices, installs from the tarball with no script warning, runs kap explain glutamate from another folder', () => {
    const src = join(dir, 'src');
    for (const f of SHIPPED_OR_NEEDED) cpSync(join(ROOT, f), join(src, f), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'));
    const env = cleanEnv({ npm_config_cache: join(dir, 'cache') });
    const run = (cmd: string, args: string[], cwd: string) => {
      const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8' });
      expect(r.status, `${cmd} ${args.join(' ')}\n${r.stderr}`).toBe(0);
      return r;
    };
    const packed = run('npm', ['pack', '--pack-destination', dir, '--json'], src);
    const tgz = (JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[])[0]!;
    const files = tgz.files.map((f) => f.path);
    expect(files).toContain('LICENSE');
    expect(files).toContain('dist/THIRD-PARTY-NOTICES.txt');
    expect(files.some((f) => f.startsWith('scripts/') || f.startsWith('src/') || f.startsWith('test/'))).toBe(false);
    // postpack put the checkout's package.json back as it was.
    expect(readFileSync(join(src, 'package.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'package.json'), 'utf8'));

    const manifest = JSON.parse(execFileSync('tar', ['-xOzf', join(dir, tgz.filename), 'package/package.json'], { encoding: 'utf8' }));
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.license).toBe('MIT');
    const licence = execFileSync('tar', ['-xOzf', join(dir, tgz.filename), 'package/LICENSE'], { encoding: 'utf8' });
    expect(licence).toMatch(/^MIT License\n\nCopyright \(c\) 2026 kap contributors\n/);
    const notices = execFileSync('tar', ['-xOzf', join(dir, tgz.filename), 'package/dist/THIRD-PARTY-NOTICES.txt'], { encoding: 'utf8' });
    for (const p of ['commander', 'marked', 'citeproc', '@citation-js/core', 'yaml']) expect(notices).toMatch(new RegExp(`\\n- ${p.replace(/[/.]/g, '\\$&')}@\\d`));
    expect(notices).toContain('Permission is hereby granted'); // licence texts, not only names

    const installed = run('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', join(dir, 'global'), join(dir, tgz.filename)], dir);
    expect(installed.stderr).not.toMatch(/prepare|install-scripts|allowScripts/);
    const r = spawnSync(join(dir, 'global', 'bin', 'kap'), ['explain', 'glutamate', '--brief'], { cwd: tmpdir(), env: cleanEnv(), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Glutamate, GABA and the NMDA receptor\n/);
  }, 300_000);
});
