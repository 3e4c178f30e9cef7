/**
 * What students type (test/resolve/queries.yaml) against the shipped content: the share that
 * opens the right topic (issue #12 asks at least 95%) and that no query opens a wrong one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveTopic } from '../../src/resolve.js';
import { readIndex } from '../../src/search/read.js';
import { search } from '../../src/search/query.js';
import { readCatalog } from '../../src/store.js';
import { ROOT } from '../helpers/run-kap.js';

const data = `${ROOT}dist/content`;
const catalog = readCatalog(data);
const index = readIndex(data);
const queries = parse(readFileSync(`${ROOT}test/resolve/queries.yaml`, 'utf8')) as [string, string][];

function opened(q: string): string {
  const r = resolveTopic(catalog, q.split(' '), (text) => search(index, text, { limit: 10 }));
  return r.type === 'module' ? r.id : r.type === 'term' ? `term:${r.term.id}` : 'none';
}

describe('kap explain: what students type', () => {
  const results = queries.map(([q, want]) => ({ q, want: String(want), got: opened(String(q)) }));
  const ok = (r: { want: string; got: string }) => r.want.split('|').includes(r.got);
  const right = results.filter(ok);
  const wrong = results.filter((r) => !ok(r) && r.got !== 'none');
  const missed = results.filter((r) => !ok(r) && r.got === 'none');
  process.stderr.write(
    `kap explain resolution: ${right.length}/${results.length} right (${((100 * right.length) / results.length).toFixed(1)}%), ${wrong.length} wrong, ${missed.length} not found\n` +
      [...wrong.map((r) => `  WRONG ${r.q} → ${r.got} (want ${r.want})`), ...missed.map((r) => `  MISSED ${r.q} (want ${r.want})`)].join('\n') + '\n',
  );
  it('has at least 100 labelled queries', () => expect(results.length).toBeGreaterThanOrEqual(100));
  it('opens the right topic for at least 95% of them', () => expect(right.length / results.length).toBeGreaterThanOrEqual(0.95));
  it('never opens a wrong topic', () => expect(wrong.map((r) => `${r.q} → ${r.got}`)).toEqual([]));
});
