import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';

// bin/kap's loader: which entry a command line starts from (any entry can run any command).
const { entry, loaded, readCache } = createRequire(import.meta.url)('../../bin/kap') as {
  entry(dist: string, argv: string[]): unknown;
  readCache(path: string): Uint8Array | undefined;
  loaded: Map<string, { module: { exports: unknown } }>;
};
const dist = resolve('dist');
const exportsOf = (f: string) => loaded.get(join(dist, f))?.module.exports;

describe('bin/kap entry', () => {
  it('starts from kap-<command>.cjs for the first plain word', () => {
    expect(entry(dist, ['search', 'nmda'])).toBe(exportsOf('kap-search.cjs'));
    expect(entry(dist, ['--width', '40', 'list'])).toBe(exportsOf('kap-list.cjs'));
    expect(entry(dist, ['--no-color', 'explain', 'glutamate', '--brief'])).toBe(exportsOf('kap-explain.cjs'));
    expect(entry(dist, ['quiz', '--seed', 'x', '--answers', 'A'])).toBe(exportsOf('kap-quiz.cjs'));
  });

  it('starts from kap-<command>-<subcommand>.cjs for a subcommand with an entry, right after its command', () => {
    expect(entry(dist, ['quiz', 'export', '--seed', 'x'])).toBe(exportsOf('kap-quiz-export.cjs'));
    expect(entry(dist, ['--no-color', 'quiz', 'export'])).toBe(exportsOf('kap-quiz-export.cjs'));
    // Options between the command and its subcommand: the command's entry, which runs it too.
    expect(entry(dist, ['quiz', '--seed', 'x', 'export'])).toBe(exportsOf('kap-quiz.cjs'));
    expect(entry(dist, ['explain', 'export'])).toBe(exportsOf('kap-explain.cjs'));
  });

  it('falls back to kap.cjs when there is no such entry, and never reads outside dist', () => {
    for (const argv of [['paths'], ['nosuchcommand'], ['../../etc/passwd'], ['--version'], [], ['Search']])
      expect(entry(dist, argv), argv.join(' ')).toBe(exportsOf('kap.cjs'));
  });

  it('gives entries that each run every command (a wrong guess costs time, not correctness)', async () => {
    type Entry = { run(io: unknown): Promise<number> };
    const listVia = async (e: Entry) => {
      let out = '';
      const io = { argv: ['list'], env: {}, stdout: { write: (s: string) => void (out += s) }, stderr: { write: () => true }, stdinIsTTY: () => false, bundleDir: dist, home: () => '/nonexistent' };
      expect(await e.run(io)).toBe(0);
      return out;
    };
    const viaCore = await listVia(entry(dist, []) as Entry);
    expect(viaCore).toContain('glutamate');
    for (const command of ['search', 'cite', 'explain']) expect(await listVia(entry(dist, [command]) as Entry), command).toBe(viaCore);
    expect(await listVia(entry(dist, ['quiz', 'export']) as Entry), 'quiz export').toBe(viaCore);
  });
});

describe('bin/kap code caches', () => {
  it('reads a cache whole, shorter or longer than the room it reads into, and none where there is none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kap-loader-'));
    try {
      for (const size of [0, 1, 110_152, 256 * 1024 - 1, 256 * 1024, 256 * 1024 + 1, 600_000]) {
        const bytes = Buffer.alloc(size, 0).map((_, i) => (i * 7 + size) & 0xff);
        writeFileSync(join(dir, 'x.cache'), bytes);
        expect(Buffer.from(readCache(join(dir, 'x.cache'))!).equals(bytes), String(size)).toBe(true);
      }
      expect(readCache(join(dir, 'missing.cache'))).toBeUndefined();
      expect(readCache(dir)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
