/**
 * The split names index (names.ts readNames, written by content/names-build.ts) answers as the
 * plain scans over the whole record do (memoryNames): every resolution, typo and suggestion the
 * same, on the shipped content and on generated names.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveTopic, type Catalog } from '../../src/resolve.js';
import { memoryNames, readNames, byOrd, shardOf, type NameIndex } from '../../src/names.js';
import { CompiledContentError } from '../../src/errors.js';
import { nameFiles } from '../../src/content/names-build.js';
import { readCatalog } from '../../src/store.js';
import { editDistance, typoBudget } from '../../src/text/distance.js';
import { ROOT } from '../helpers/run-kap.js';

function writtenDir(keys: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kap-names-'));
  mkdirSync(join(dir, 'names'));
  for (const [rel, text] of nameFiles(keys)) writeFileSync(join(dir, 'names', rel), text);
  return dir;
}
const written = (keys: Record<string, string>): NameIndex => readNames(writtenDir(keys));

const record = (names: NameIndex): Record<string, string> => {
  const keys: Record<string, string> = {};
  for (const e of names.all()) keys[e.name] = e.t;
  return keys;
};

/** What a student might type: each query, and each with a letter dropped, doubled, swapped or cut short. */
function variants(q: string): string[] {
  const out = [q];
  for (let i = 0; i < q.length; i += 4) {
    out.push(q.slice(0, i) + q.slice(i + 1), q.slice(0, i) + q[i] + q.slice(i), q.slice(0, i) + (q[i + 1] ?? '') + q[i] + q.slice(i + 2), q.slice(0, i + 1));
  }
  return out;
}

describe('names index: the same answers as a scan', () => {
  it('resolves every labelled query, and its typos, as the scan does (shipped content)', () => {
    const shipped = readCatalog(`${ROOT}dist/content`);
    const scan: Catalog = { terms: shipped.terms, names: memoryNames(record(shipped.names)) };
    const queries = (parse(readFileSync(`${ROOT}test/resolve/queries.yaml`, 'utf8')) as [string, string][]).map(([q]) => String(q));
    const typed = [...queries, ...Object.keys(record(shipped.names)).filter((_, i) => i % 4 === 0)].flatMap(variants);
    expect(typed.length).toBeGreaterThan(800);
    for (const q of typed) expect([q, resolveTopic(shipped, q.split(' '))]).toEqual([q, resolveTopic(scan, q.split(' '))]);
  }, 120_000);

  it('answers each question as the scan does, on generated names', () => {
    const word = fc.stringMatching(/^[abcde]{1,6}$/);
    const name = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
    const keys = fc.dictionary(name, fc.constantFrom('m:a', 'm:b', 'm:c', 't:d', 'm:e', 'm:f', 'm:g'), { minKeys: 1, maxKeys: 120 });
    fc.assert(
      fc.property(keys, fc.array(name, { minLength: 1, maxLength: 8 }), (k, queries) => {
        const mem = memoryNames(k);
        const file = written(k);
        const terms = [{ id: 'd', term: 'D', aliases: [], definition: 'x', module: 'a', sources: [] }];
        for (const q of queries) {
          const ws = q.split(' ');
          expect(file.get(q)).toBe(mem.get(q));
          expect(file.withWords(ws).sort(byOrd)).toEqual(mem.withWords(ws));
          expect(file.withWordStart(ws[0]!).sort(byOrd)).toEqual(mem.withWordStart(ws[0]!));
          expect(file.topics(ws[0]!)).toBe(mem.topics(ws[0]!));
          // near: every name a typo or a suggestion can be is among them.
          const budget = typoBudget(q.length);
          const near = new Set(file.near(q, budget).map((e) => e.name));
          for (const n of Object.keys(k)) if (editDistance(q, n, budget) <= budget || (q.length >= 3 && n.startsWith(q)) || q.startsWith(`${n} `)) expect(near).toContain(n);
          expect(resolveTopic({ terms, names: file }, ws)).toEqual(resolveTopic({ terms, names: mem }, ws));
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('reads one key shard for a name, not the others', () => {
    const keys: Record<string, string> = {};
    for (let i = 0; i < 5000; i++) keys[`topic ${i}`] = `m:t${i}`;
    const files = nameFiles(keys);
    const shards = [...files.keys()].filter((f) => /^k\d+\.txt$/.test(f));
    expect(shards.length).toBeGreaterThan(2);
    // With every other key shard gone the name is still found (a missing shard it read would throw).
    const dir = writtenDir(keys);
    const own = `k${shardOf('topic 4321', shards.length)}.txt`;
    for (const f of shards) if (f !== own) rmSync(join(dir, 'names', f));
    expect(readNames(dir).get('topic 4321')).toBe('m:t4321');
    expect(() => readNames(dir).get('topic 4322')).toThrow(CompiledContentError);
    // "topic" names 5,000 topics: its names are in a file of their own.
    expect([...files.keys()].some((f) => f.startsWith('wb'))).toBe(true);
    expect(written(keys).topics('topic')).toBe(5000);
    // More names than one shard holds: large (explain tunes V8 past a name, short-run.ts).
    expect(written(keys).large()).toBe(true);
    expect(readNames(`${ROOT}dist/content`).large()).toBe(false);
    expect(memoryNames(keys).large()).toBe(false);
  });
});
