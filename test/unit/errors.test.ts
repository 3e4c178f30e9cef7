import { describe, expect, it } from 'vitest';
import { ExitCode, NotFoundError } from '../../src/errors.js';

describe('NotFoundError', () => {
  it('builds "Did you mean" from its suggestions, shown as asked, else says what to do instead', () => {
    const e = new NotFoundError('no topic "x"', ['alpha', 'beta'], { as: (s) => `kap explain ${s}`, otherwise: 'See kap list.' });
    expect([e.message, e.hint, e.exitCode]).toEqual(['no topic "x"', 'Did you mean: kap explain alpha, kap explain beta?', ExitCode.NotFound]);
    expect(new NotFoundError('m', [], { otherwise: 'See kap list.' }).hint).toBe('See kap list.');
    expect(new NotFoundError('m', ['a'], { then: 'Topics: a, b' }).hint).toBe('Did you mean: a? Topics: a, b');
    expect(new NotFoundError('m', [], { then: 'Topics: a, b' }).hint).toBe('Topics: a, b');
    expect(new NotFoundError('m').hint).toBeUndefined();
  });
});
