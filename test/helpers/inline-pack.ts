/** Content folders written from inline files, for unit tests of the content gates. */
import { afterAll } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadContent } from '../../src/content/load.js';
import { FIXTURE_CONTENT } from './fixture.js';

/**
 * A `pack(files)` for one test file: each call writes a fresh folder (references from the fixture
 * pack, then the given files) and loads it as `kap check` would; the folders go after the file's tests.
 */
export function inlinePacks(prefix: string): (files: Record<string, string>) => ReturnType<typeof loadContent> {
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  let n = 0;
  return (files) => {
    const dir = join(tmp, `p${n++}`);
    mkdirSync(dir);
    copyFileSync(join(FIXTURE_CONTENT, 'references.json'), join(dir, 'references.json'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return loadContent(dir, dir);
  };
}
