import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outTarget, writeFileAtomic } from '../../src/atomic-write.js';
import { UsageError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'kap-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--out: an existing file is replaced only when told to', () => {
  it('a new file is written', () => {
    const f = join(dir, 'new.md');
    writeFileAtomic(f, 'text');
    expect(readFileSync(f, 'utf8')).toBe('text');
  });
  it('an existing file is refused, as a usage error naming --force, and kept', () => {
    const f = join(dir, 'mine.md');
    writeFileSync(f, 'my notes');
    expect(() => writeFileAtomic(f, 'text')).toThrow(UsageError);
    expect(() => outTarget(f)).toThrow(/mine\.md exists: kap replaces a file only when told to/);
    try {
      outTarget(f);
    } catch (e) {
      expect((e as UsageError).hint).toMatch(/--force/);
    }
    expect(readFileSync(f, 'utf8')).toBe('my notes');
  });
  it('with replace (--force) it is replaced', () => {
    const f = join(dir, 'again.md');
    writeFileSync(f, 'old');
    writeFileAtomic(f, 'new', true);
    expect(readFileSync(f, 'utf8')).toBe('new');
  });
});
