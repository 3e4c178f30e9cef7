import { describe, expect, it } from 'vitest';
import { choosePager, overflows } from '../../src/pager.js';

const LESS = { file: 'less', args: ['-R', '-F', '-K'] };
const sh = (c: string) => ({ file: '/bin/sh', args: ['-c', c] });

describe("choosePager: bat's rules", () => {
  it('KAP_PAGER, then PAGER, then less -R -F -K', () => {
    expect(choosePager({})).toEqual(LESS);
    expect(choosePager({ PAGER: 'most -s' })).toEqual(sh('most -s'));
    expect(choosePager({ KAP_PAGER: 'bat -p', PAGER: 'more' })).toEqual(sh('bat -p'));
  });
  it('less without options gets kap\'s; with options it is left as written', () => {
    expect(choosePager({ PAGER: 'less' })).toEqual(LESS);
    expect(choosePager({ PAGER: '/usr/bin/less' })).toEqual({ ...LESS, file: '/usr/bin/less' });
    expect(choosePager({ PAGER: 'less -S' })).toEqual(sh('less -S'));
  });
  it('PAGER=more or most (a system default without colour) becomes less; KAP_PAGER is taken as asked', () => {
    expect(choosePager({ PAGER: 'more' })).toEqual(LESS);
    expect(choosePager({ PAGER: 'most' })).toEqual(LESS);
    expect(choosePager({ KAP_PAGER: 'more' })).toEqual(sh('more'));
  });
  it('empty or cat: no pager; an empty KAP_PAGER wins over PAGER', () => {
    expect(choosePager({ PAGER: '' })).toBeUndefined();
    expect(choosePager({ PAGER: 'cat' })).toBeUndefined();
    expect(choosePager({ KAP_PAGER: '', PAGER: 'less' })).toBeUndefined();
  });
});

describe('overflows: more rows than the screen (one kept for the prompt)', () => {
  it('counts lines, long lines as the rows they wrap to, colour codes as nothing', () => {
    expect(overflows('a\nb\nc\n', 4, 80)).toBe(false);
    expect(overflows('a\nb\nc\nd\n', 4, 80)).toBe(true);
    expect(overflows(`${'x'.repeat(200)}\n`, 3, 80)).toBe(true);
    expect(overflows(`${'x'.repeat(150)}\n`, 3, 80)).toBe(false);
    expect(overflows(`\u001b[1m${'x'.repeat(80)}\u001b[22m\n`, 2, 80)).toBe(false);
  });
});
