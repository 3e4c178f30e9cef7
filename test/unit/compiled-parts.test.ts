/**
 * A compiled file read a part at a time (src/compiled-read.ts CompiledParts): the same text as
 * slicing the whole file, its length asked without reading it, and a stamped folder's file
 * checked whole against its hash as every other read of such a folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CompiledParts } from '../../src/compiled-read.js';
import { STAMP, makeStamp } from '../../src/content/stamp.js';

const tmp = mkdtempSync(join(tmpdir(), 'kap-parts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Characters of one to four bytes in UTF-8, so that byte offsets and character offsets differ.
const TEXT = Array.from({ length: 400 }, (_, i) => `${i}:${['a', 'é', '–', '😀'][i % 4]!.repeat(i % 7)}`).join('\n');
const BYTES = Buffer.from(TEXT, 'utf8');
/** [start, end) in bytes of each line. */
const LINES = TEXT.split('\n').reduce<[number, number][]>((out, line) => {
  const start = out.length ? out.at(-1)![1] + 1 : 0;
  return [...out, [start, start + Buffer.byteLength(line)]];
}, []);

function folder(name: string, stamped: boolean): string {
  const dir = join(tmp, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'f.json'), BYTES);
  if (stamped) writeFileSync(join(dir, STAMP), JSON.stringify(makeStamp(dir, 'k')));
  return dir;
}

describe('CompiledParts', () => {
  for (const stamped of [false, true]) {
    it(`gives each part's text, for a few parts and for many${stamped ? ', in a stamped folder' : ''}`, () => {
      const parts = CompiledParts.open(folder(`a${stamped}`, stamped), 'f.json')!;
      expect(parts.hasSize(BYTES.length)).toBe(true);
      expect(parts.hasSize(BYTES.length - 1)).toBe(false);
      expect(parts.hasSize(BYTES.length + 1)).toBe(false);
      // More than FEW_PARTS: the later ones come from the whole file.
      for (const [i, [start, end]] of LINES.entries()) expect(parts.text(start, end), String(i)).toBe(TEXT.split('\n')[i]);
      expect(parts.text(BYTES.length - 2, BYTES.length + 1)).toBeUndefined();
      expect(parts.hasSize(BYTES.length)).toBe(true);
    });
  }

  it('past the end, or of a missing file, gives nothing', () => {
    const dir = folder('b', false);
    const parts = CompiledParts.open(dir, 'f.json')!;
    expect(parts.text(BYTES.length - 2, BYTES.length + 1)).toBeUndefined();
    const missing = CompiledParts.open(dir, 'missing.json')!;
    expect(missing.hasSize(BYTES.length)).toBe(false);
    expect(missing.text(0, 3)).toBeUndefined();
    expect(CompiledParts.open(folder('c', true), 'missing.json')).toBeUndefined();
  });

  it('does not read a stamped folder\'s file that changed after its compile', () => {
    const dir = folder('d', true);
    writeFileSync(join(dir, 'f.json'), Buffer.from(TEXT.replace('1:', '1;'), 'utf8'));
    expect(() => CompiledParts.open(dir, 'f.json')).toThrow(/changed after they were compiled/);
  });
});
