import { describe, expect, it } from 'vitest';
import { isNamed, namedFirst } from '../../src/search/named.js';
import type { SearchResult } from '../../src/search/query.js';

const r = (type: SearchResult['type'], id: string): SearchResult => ({ type, id, title: id, score: 1, coverage: 1, snippet: [], command: '', help: [] });
const ids = (rs: SearchResult[]) => rs.map((x) => `${x.type}:${x.id}`);

describe('namedFirst', () => {
  const rs = [r('reference', 'a'), r('term', 'x'), r('module', 'm'), r('section', 'm#s')];
  it('moves the named module or term first and keeps the others in order', () => {
    expect(ids(namedFirst(rs, 'm:m', 10))).toEqual(['module:m', 'reference:a', 'term:x', 'section:m#s']);
    expect(ids(namedFirst(rs, 't:x', 2))).toEqual(['term:x', 'reference:a']);
  });
  it('cuts to the limit, and changes nothing without a named result', () => {
    expect(ids(namedFirst(rs, undefined, 2))).toEqual(['reference:a', 'term:x']);
    expect(ids(namedFirst(rs, 'm:other', 10))).toEqual(ids(rs));
    expect(ids(namedFirst(rs, 'm:m', 0))).toEqual([]);
  });
  it('matches a module target only to a module and a term target only to a term', () => {
    expect(isNamed(r('section', 'm'), 'm:m')).toBe(false);
    expect(isNamed(r('module', 'x'), 't:x')).toBe(false);
    expect(isNamed(r('term', 'x'), 't:x')).toBe(true);
  });
});
