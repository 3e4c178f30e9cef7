/** The formatting memo: a compile from it is the compile without it, and it misses exactly when an input changed. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { compileContent } from '../../src/content/compile.js';
import { CiteMemo, memoEntries } from '../../src/cite/memo.js';
import type { BibEntry } from '../../src/cite/bibliography.js';
import { FIXTURE_CONTENT } from '../helpers/fixture.js';

const STYLES = fileURLToPath(new URL('../../src/cite/styles/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'kap-memo-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
// Everything compileContent returns except the timing.
const output = (c: ReturnType<typeof compileContent>) => JSON.stringify({ ...c, searchMs: 0, search: [...c.search] });

describe('cite memo', () => {
  const set = loadContent(FIXTURE_CONTENT);

  it('a compile from a saved memo formats nothing and gives the same output as one without a memo', () => {
    const plain = output(compileContent(set, STYLES));
    const first = new CiteMemo('test');
    expect(output(compileContent(set, STYLES, first))).toBe(plain);
    expect(first.misses).toBeGreaterThan(0);
    const file = join(tmp, 'memo.json');
    first.save(file);
    const second = new CiteMemo('test');
    second.load(file);
    expect(output(compileContent(set, STYLES, second))).toBe(plain);
    expect(second.misses).toBe(0);
  }, 120_000);

  it('misses when a reference changes, and ignores a memo of another compiler or a broken file', () => {
    const calls: string[] = [];
    const make = (items: { id: string; title: string }[]) => () => (calls.push(items.map((i) => i.title).join()), [] as BibEntry[]);
    const memo = new CiteMemo('a');
    const item = { id: 'x', type: 'book', title: 'T' };
    memoEntries(memo, [item], make([item]));
    memoEntries(memo, [item], make([item]));
    expect(calls).toEqual(['T']);
    const changed = { ...item, title: 'Changed' };
    memoEntries(memo, [changed], make([changed]));
    expect(calls).toEqual(['T', 'Changed']);

    const file = join(tmp, 'a.json');
    memo.save(file);
    const again = new CiteMemo('a');
    again.load(file);
    memoEntries(again, [item], make([item]));
    expect(again.misses).toBe(0);
    const other = new CiteMemo('b');
    other.load(file);
    memoEntries(other, [item], make([item]));
    expect(other.misses).toBe(1);
    writeFileSync(join(tmp, 'broken.json'), '{"version": 1, "compiler": "a", "entr');
    const broken = new CiteMemo('a');
    broken.load(join(tmp, 'broken.json'));
    memoEntries(broken, [item], make([item]));
    expect(broken.misses).toBe(1);
  });

  it('save writes what this compile used and nothing else, not what came from a base memo', () => {
    const file = join(tmp, 'keep.json');
    const a = new CiteMemo('c');
    a.get(['one'], () => '1');
    a.save(file);
    const b = new CiteMemo('c');
    b.load(file);
    b.get(['two'], () => '2');
    b.save(file);
    const c = new CiteMemo('c');
    c.load(file);
    expect(c.get(['two'], () => 'miss')).toBe('2');
    // 'one' was loaded by b but not used: an old pack's entries do not pile up.
    expect(c.get(['one'], () => 'miss')).toBe('miss');
    // What came from a base memo (the build's) is used but not copied into the cache's.
    const base = join(tmp, 'base.json');
    a.save(base);
    const e = new CiteMemo('c');
    e.load(base, true);
    expect(e.get(['one'], () => 'miss')).toBe('1');
    e.get(['three'], () => '3');
    e.save(file);
    const f = new CiteMemo('c');
    f.load(file);
    expect(f.get(['three'], () => 'miss')).toBe('3');
    expect(f.get(['one'], () => 'miss')).toBe('miss');
  });
});
