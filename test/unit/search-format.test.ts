import { describe, expect, it } from 'vitest';
import { postingsFile, postingsOf } from '../../src/search/format.js';

describe('postings files', () => {
  const file = postingsFile(new Map([['nmda', [0, 120, 3, 80]], ['nmdar', [5, 40]], ['a', [1, 2]]]));

  it('find a term by its exact line, not a longer term that starts the same', () => {
    expect(postingsOf(file, 'nmda')).toEqual([0, 120, 3, 80]);
    expect(postingsOf(file, 'nmdar')).toEqual([5, 40]);
    expect(postingsOf(file, 'a')).toEqual([1, 2]);
  });

  it('give [] for a term that is not there', () => {
    expect(postingsOf(file, 'nmd')).toEqual([]);
    expect(postingsOf(file, 'dar')).toEqual([]);
    expect(postingsOf('', 'nmda')).toEqual([]);
  });

  it('give undefined for a damaged line (the reader reports a corrupted index)', () => {
    expect(postingsOf('\nnmda\t1,x\n', 'nmda')).toBeUndefined();
    expect(postingsOf('\nnmda\t1,2,3\n', 'nmda')).toBeUndefined();
    expect(postingsOf('\nnmda\t1,2', 'nmda')).toBeUndefined();
  });
});
