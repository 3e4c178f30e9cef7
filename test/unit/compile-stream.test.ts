/** A compile written as it is made (modules, search index, big JSON files in pieces) writes what a compile held whole writes. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { compileContent, CompiledWriter } from '../../src/content/compile.js';
import { releaseChecked } from '../../src/content/release.js';
import { CiteMemo } from '../../src/cite/memo.js';
import { FIXTURE_CONTENT } from '../helpers/fixture.js';

const STYLES = fileURLToPath(new URL('../../src/cite/styles/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'kap-stream-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const tree = (dir: string): Map<string, string> => {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
};

describe('compile into a writer', () => {
  it('writes the same files, digest included, as finish() of the compile held in memory', () => {
    const memo = new CiteMemo('test');
    const whole = compileContent(loadContent(FIXTURE_CONTENT), STYLES, memo);
    expect(whole.search.size).toBeGreaterThan(0);
    new CompiledWriter(join(tmp, 'whole')).finish(whole);

    const set = loadContent(FIXTURE_CONTENT);
    releaseChecked(set);
    const w = new CompiledWriter(join(tmp, 'streamed'));
    const streamed = compileContent(set, STYLES, memo, { writer: w, release: true });
    expect(streamed.modules).toEqual([]);
    expect(streamed.search.size).toBe(0);
    w.finish(streamed);
    // Given up as it was written.
    expect(streamed.lint).toBeUndefined();
    expect(set.modules.every((p) => p.module.raw === '' && p.module.body === '')).toBe(true);

    const a = tree(join(tmp, 'whole'));
    const b = tree(join(tmp, 'streamed'));
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [file, text] of a) expect(b.get(file), file).toBe(text);
    expect(JSON.parse(a.get('catalog.json')!).digest).toMatch(/^[0-9a-f]{32}$/);
    expect(w.searchSize.files).toBe([...a.keys()].filter((f) => f.startsWith('search/')).length);
  }, 120_000);
});
