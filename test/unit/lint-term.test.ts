/** lintTerm's folds are looked up in a Map: a word that names an Object property is a word like any other. */
import { describe, expect, it } from 'vitest';
import { lintTerm } from '../../src/lint/match.js';
import { lintText } from '../../src/lint/lint.js';
import { readLintIndex } from '../../src/lint/read.js';
import { ROOT } from '../helpers/run-kap.js';

describe('lintTerm', () => {
  it('folds the words it lists, and leaves an Object property name a term of its own', () => {
    expect(lintTerm('reliev')).toBe('reduc');
    expect(lintTerm('constructor')).toBe('constructor');
  });
  it('lints a draft with such a word (it was an internal error)', () => {
    expect(lintText('Ketamine is a constructor of depression relief in patients.\n', readLintIndex(`${ROOT}dist/content`))).toEqual([]);
  });
});
