/** `npm pack` gives a package that installs globally and works outside the repository. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, cleanEnv } from '../helpers/run-kap.js';

describe('npm pack + npm install -g', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kap-pack-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('installs from the tarball and runs kap explain glutamate from another folder', () => {
    const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, env: cleanEnv({ npm_config_cache: join(dir, 'cache') }), encoding: 'utf8' });
    const tgz = npm(['pack', '--ignore-scripts', '--pack-destination', dir, '--silent'], ROOT).trim().split('\n').pop()!;
    npm(['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', join(dir, 'global'), join(dir, tgz)], dir);
    const r = spawnSync(join(dir, 'global', 'bin', 'kap'), ['explain', 'glutamate', '--brief'], { cwd: tmpdir(), env: cleanEnv(), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Glutamate, GABA and the NMDA receptor\n/);
  }, 120_000);
});
