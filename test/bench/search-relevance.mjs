// Relevance of `kap search` on the real content: MRR and top-3 hit rate over test/search/queries.json.
// Usage: npm run bench:search [-- --verbose] (KAP_DATA=<compiled dir> to measure another pack).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { run } = createRequire(import.meta.url)(`${root}dist/kap.cjs`);
const { queries } = JSON.parse(readFileSync(`${root}test/search/queries.json`, 'utf8'));
const verbose = process.argv.includes('--verbose');
const env = process.env.KAP_DATA ? { KAP_DATA: process.env.KAP_DATA } : {};

async function search(q) {
  let out = '';
  const sink = { write: (s) => ((out += s), true), isTTY: false };
  const quiet = { write: () => true, isTTY: false };
  const code = await run({ argv: ['search', q, '--json', '--limit', '10'], env, stdout: sink, stderr: quiet, stdinIsTTY: false, bundleDir: `${root}dist` });
  return code === 0 ? JSON.parse(out).results : [];
}

/** A bare module id matches anything inside that module; type:id asks for one result. */
function matches(r, target) {
  const [kind, id] = target.includes(':') ? target.split(/:(.*)/s) : [null, target];
  if (kind) return r.type === kind && r.id === id;
  return r.type !== 'reference' && r.module === id;
}

let rr = 0;
let top3 = 0;
const held = { n: 0, top3: 0 };
const misses = [];
for (const { q, expect, heldOut } of queries) {
  const results = await search(q);
  const rank = results.findIndex((r) => expect.some((t) => matches(r, t))) + 1;
  rr += rank ? 1 / rank : 0;
  if (heldOut) {
    held.n++;
    if (rank && rank <= 3) held.top3++;
  }
  if (rank && rank <= 3) top3++;
  else misses.push({ q, rank: rank || '-', got: results.slice(0, 3).map((r) => `${r.type}:${r.id}`) });
  if (verbose) console.log(`${String(rank || '-').padStart(2)}  ${q}`);
}
const n = queries.length;
console.log(`queries: ${n}   MRR@10: ${(rr / n).toFixed(3)}   top-3: ${((100 * top3) / n).toFixed(1)}% (${top3}/${n})`);
if (held.n) console.log(`  of which held out (written after tuning, never tuned on): top-3 ${held.top3}/${held.n}`);
for (const m of misses) console.log(`  miss (rank ${m.rank}): ${m.q}  →  ${m.got.join(', ')}`);
