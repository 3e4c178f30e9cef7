/** The cache key: what kap computes to look a compile up is what the compiler computes from what it read. */
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { packsKey, snapshot, type PackReads } from '../../src/content/pack-key.js';
import { keyBase } from '../../src/packs.js';
import { FIXTURE_CONTENT } from '../helpers/fixture.js';

const tmp = mkdtempSync(join(tmpdir(), 'kap-key-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('pack cache keys', () => {
  it("the loader's reads and kap's snapshot agree, refused files included", () => {
    const dir = join(tmp, 'pack');
    cpSync(FIXTURE_CONTENT, dir, { recursive: true });
    symlinkSync('/etc/passwd', join(dir, 'modules', 'passwd.md'));
    const reads: PackReads = new Map();
    loadContent(dir, undefined, reads);
    expect(reads).toEqual(snapshot(dir));
    expect(reads.get('modules/passwd.md')).toMatch(/^unread: a symbolic link/);
    expect(packsKey('b', [{ dir, reads }])).toBe(packsKey('b', [{ dir, reads: snapshot(dir) }]));
  });

  it('any byte of any pack file, the base, or the order of packs changes the key', () => {
    const dir = join(tmp, 'pack2');
    cpSync(FIXTURE_CONTENT, dir, { recursive: true });
    const k = packsKey('b', [{ dir, reads: snapshot(dir) }]);
    expect(packsKey('c', [{ dir, reads: snapshot(dir) }])).not.toBe(k);
    writeFileSync(join(dir, 'glossary.yaml'), `${'x'}`);
    expect(packsKey('b', [{ dir, reads: snapshot(dir) }])).not.toBe(k);
  });

  it("the base changes with the compiler (kap's upgrade) and the built-in content", () => {
    const compiler = join(tmp, 'build-content.mjs');
    writeFileSync(compiler, 'one');
    const data = join(tmp, 'data');
    cpSync(FIXTURE_CONTENT, data, { recursive: true });
    writeFileSync(join(data, 'catalog.json'), '{"a":1}');
    const a = keyBase({ builtinData: data, compiler });
    writeFileSync(compiler, 'two');
    const b = keyBase({ builtinData: data, compiler });
    writeFileSync(`${compiler}.id`, 'build-id\n');
    const c = keyBase({ builtinData: data, compiler });
    writeFileSync(join(data, 'catalog.json'), '{"a":2}');
    expect(new Set([a, b, c, keyBase({ builtinData: data, compiler })]).size).toBe(4);
  });
});
