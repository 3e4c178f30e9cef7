import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../src/store.js';
import { CompiledContentError } from '../../src/errors.js';

describe('readCatalog', () => {
  it('reads catalog.json only when its terms or titles are asked for (a module found by name never needs them)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kap-catalog-'));
    writeFileSync(join(dir, 'catalog.json'), '{"version": 0');
    const catalog = readCatalog(dir);
    expect(catalog.names).toBeDefined();
    expect(() => catalog.terms).toThrow(CompiledContentError);
    expect(() => catalog.title('x')).toThrow(/unknown format|corrupted/);
  });
});
