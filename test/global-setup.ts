/**
 * Before any test: build when dist/ is missing or was built from other sources (so e2e tests
 * never run an old dist/), then compile the fixture pack once into a temp folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STAMP_FILE, sourceStamp } from '../scripts/source-stamp.mjs';
import { ROOT } from './helpers/run-kap.js';
import { FIXTURE_CONTENT } from './helpers/fixture.js';

function builtFrom(): string | undefined {
  try {
    return readFileSync(join(ROOT, STAMP_FILE), 'utf8').trim();
  } catch {
    return undefined;
  }
}

function ensureBuilt(): void {
  const want = sourceStamp(ROOT);
  const have = builtFrom();
  if (have === want) return;
  process.stderr.write(`global-setup: ${have ? 'dist/ is stale (sources changed since it was built)' : 'dist/ is missing or unstamped'}: running npm run build\n`);
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}

export default function setup(): () => void {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'kap-fixture-'));
  const out = join(dir, 'data');
  execFileSync(process.execPath, [join(ROOT, 'dist', 'build-content.mjs'), FIXTURE_CONTENT, out], { stdio: 'pipe' });
  process.env.KAP_TEST_FIXTURE_DATA = out;
  return () => rmSync(dir, { recursive: true, force: true });
}
