/** Before any test: the binary must be built; compile the fixture pack once into a temp folder. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers/run-kap.js';
import { FIXTURE_CONTENT } from './helpers/fixture.js';

export default function setup(): () => void {
  if (!existsSync(join(ROOT, 'dist', 'build-content.mjs'))) throw new Error('dist/ is missing: run `npm run build` before the tests');
  const dir = mkdtempSync(join(tmpdir(), 'kap-fixture-'));
  const out = join(dir, 'data');
  execFileSync(process.execPath, [join(ROOT, 'dist', 'build-content.mjs'), FIXTURE_CONTENT, out], { stdio: 'pipe' });
  process.env.KAP_TEST_FIXTURE_DATA = out;
  return () => rmSync(dir, { recursive: true, force: true });
}
