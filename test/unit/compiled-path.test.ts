import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import fc from 'fast-check';
import { compiledPath } from '../../src/compiled-read.js';

describe('compiledPath', () => {
  it('is join(dataDir, rel), for any folder and any relative name', () => {
    const part = fc.constantFrom('a', 'search', 'docs', '3.jsonl', '.', '..', '', '.hidden', 'x.', 'b\\c', '/', 'k0.txt');
    const path = fc.array(part, { maxLength: 5 }).map((ps) => ps.join('/'));
    fc.assert(
      fc.property(fc.oneof(path, path.map((p) => `/${p}`)), path, (dataDir, rel) => {
        expect(compiledPath(dataDir, rel)).toBe(join(dataDir, rel));
        // Asked again: from the folder's prefix, made once.
        expect(compiledPath(dataDir, rel)).toBe(join(dataDir, rel));
      }),
      { numRuns: 5000 },
    );
    expect(compiledPath('/work/x/../dist//content/', 'search/docs/3.jsonl')).toBe('/work/dist/content/search/docs/3.jsonl');
    expect(compiledPath('/', 'search/meta.json')).toBe('/search/meta.json');
  });
});
