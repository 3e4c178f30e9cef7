import { describe, expect, it } from 'vitest';
import { MANY_MODULES, rerunOptions, SEMI_SPACE } from '../../src/content/young-gen.js';

describe('a big compile runs again with a bigger young generation', () => {
  it('from MANY_MODULES modules, keeping the node options it was given', () => {
    expect(rerunOptions(['--import', 'x'], MANY_MODULES)).toEqual(['--import', 'x', SEMI_SPACE]);
    expect(rerunOptions([], MANY_MODULES - 1)).toBeUndefined();
  });
  it('never twice, nor over a size the caller chose', () => {
    expect(rerunOptions([SEMI_SPACE], 10_000)).toBeUndefined();
    expect(rerunOptions(['--max-semi-space-size=8'], 10_000)).toBeUndefined();
  });
});
