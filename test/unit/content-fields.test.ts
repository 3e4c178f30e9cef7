import { describe, expect, it } from 'vitest';
import { Sink, parseList } from '../../src/content/fields.js';

/** Read one YAML mapping's fields with `read`, and the problems it reported, as "line: message". */
function read<T>(yaml: string, fn: (f: NonNullable<ReturnType<typeof parseList>[number]>) => T): { value: T; problems: string[] } {
  const sink = new Sink('x.yaml');
  const [f] = parseList(yaml, sink, 'items');
  const value = fn(f!);
  return { value, problems: sink.problems.map((p) => `${p.line}: ${p.message}`) };
}

describe('content fields', () => {
  it('an empty value (`key:` and nothing) is missing, for every type', () => {
    const yaml = '- id: a\n  tags:\n  claims:\n  count:\n  flag:\n';
    expect(read(yaml, (f) => [f.strList('tags'), f.maps('claims'), f.int('count', false), f.bool('flag', true)])).toEqual({ value: [[], [], undefined, true], problems: [] });
    expect(read(yaml, (f) => f.maps('claims', true)).problems).toEqual(['3: [0].claims: missing']);
  });

  it('a required list needs at least one item; an optional one may be empty', () => {
    expect(read('- sources: []\n', (f) => f.strList('sources', true)).problems).toEqual(['1: [0].sources: needs at least one item']);
    expect(read('- choices: []\n', (f) => f.maps('choices', true)).problems).toEqual(['1: [0].choices: needs at least one item']);
    expect(read('- aliases: []\n', (f) => f.strList('aliases')).problems).toEqual([]);
  });

  it('a list must be a list, and its items text', () => {
    expect(read('- aliases: foo\n', (f) => f.strList('aliases')).problems).toEqual(['1: [0].aliases: expected a list']);
    expect(read('- aliases: [a, {b: 1}]\n', (f) => f.strList('aliases'))).toEqual({ value: ['a'], problems: ['1: [0].aliases[1]: expected text'] });
  });
});
