/** The parsed built-in content kept between pack compiles: equal to a fresh parse, and never stale. */
import { appendFileSync, cpSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { loadContentCached } from '../../src/content/set-cache.js';
import { FIXTURE_CONTENT } from '../helpers/fixture.js';

const tmp = mkdtempSync(join(tmpdir(), 'kap-set-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('loadContentCached', () => {
  const dir = join(tmp, 'content');
  cpSync(FIXTURE_CONTENT, dir, { recursive: true });
  const file = join(tmp, 'cache', 'parsed.json');

  it('parses and keeps the set; read back, it equals a fresh parse (Maps included)', () => {
    const first = loadContentCached(dir, file, 'c1');
    expect(isDeepStrictEqual(first, loadContent(dir))).toBe(true);
    expect(statSync(file).size).toBeGreaterThan(100);
    const again = loadContentCached(dir, file, 'c1');
    expect(again).not.toBe(first);
    expect(isDeepStrictEqual(again, loadContent(dir))).toBe(true);
    expect(again.texts).toBeInstanceOf(Map);
  });

  it('parses again when a file changes, for another compiler, or when the file is broken', () => {
    loadContentCached(dir, file, 'c1');
    appendFileSync(join(dir, 'modules', 'alpha.md'), '\nA line added by the test.\n');
    expect(loadContentCached(dir, file, 'c1').texts.get(join(dir, 'modules', 'alpha.md'))).toContain('A line added by the test.');
    // Same folder, another compiler: not trusted (a planted set would be returned otherwise).
    const planted = JSON.stringify({ key: 'x', set: { planted: true } });
    writeFileSync(file, planted);
    expect(loadContentCached(dir, file, 'c2')).not.toHaveProperty('planted');
    writeFileSync(file, '{"key": ');
    expect(isDeepStrictEqual(loadContentCached(dir, file, 'c2'), loadContent(dir))).toBe(true);
  });
});
