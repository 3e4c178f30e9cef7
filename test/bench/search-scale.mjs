// Search at scale: index size on disk, query latency in-process, and whole-run start-up of
// `kap search` as a ratio to `node -e 0` (medians of interleaved hyperfine rounds).
// Usage: node test/bench/search-scale.mjs [--runs 20] <compiled-dir>...   (dist/content if none)
// Make packs with: node test/bench/gen-content.mjs 10000 /tmp/gen && node dist/build-content.mjs /tmp/gen /tmp/data
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 20;
const dirs = args.length ? args : [`${root}dist/content`];
const { run } = createRequire(import.meta.url)(`${root}dist/kap.cjs`);
const QUERIES = ['nmda', 'why does ketamine work so fast', 'glutmate', 'neuroplast', 'furukawa 2005', '"nmda receptor"', 'is it addictive', 'ketamine'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function size(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? size(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return n;
}
const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;

async function latency(dir, q) {
  const sink = { write: () => true, isTTY: false };
  const times = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    await run({ argv: ['search', q], env: { KAP_DATA: dir }, stdout: sink, stderr: sink, stdinIsTTY: false, bundleDir: `${root}dist` });
    times.push(performance.now() - t);
  }
  return median(times);
}

function startup(dir) {
  const env = { ...process.env, KAP_DATA: dir };
  delete env.NODE_EXTRA_CA_CERTS;
  const cmds = ['node -e 0', `node ${root}bin/kap search nmda`, `node ${root}bin/kap search why does ketamine work so fast`];
  const out = join(mkdtempSync(join(tmpdir(), 'kap-bench-')), 't.json');
  const times = cmds.map(() => []);
  execFileSync('hyperfine', ['-N', '-w', '3', '--runs', '1', '--export-json', out, ...cmds], { env, stdio: 'ignore' });
  for (let i = 0; i < runs; i++) {
    execFileSync('hyperfine', ['-N', '--runs', '1', '--export-json', out, ...cmds], { env, stdio: 'ignore' });
    JSON.parse(readFileSync(out, 'utf8')).results.forEach((r, j) => times[j].push(r.times[0] * 1000));
  }
  const base = median(times[0]);
  return cmds.map((c, j) => ({ c: c.replace(`${root}bin/`, ''), ms: median(times[j]), ratio: median(times[j]) / base }));
}

for (const dir of dirs) {
  const meta = JSON.parse(readFileSync(join(dir, 'search/meta.json'), 'utf8'));
  const idx = ['post', 'vocab', 'tags'].reduce((n, d) => n + size(join(dir, 'search', d)), 0);
  console.log(`\n${dir}: ${meta.docs} documents`);
  console.log(`  index on disk: ${mb(size(join(dir, 'search')))} (postings+vocabulary+tags ${mb(idx)}, snippet store ${mb(size(join(dir, 'search/docs')))})`);
  for (const q of QUERIES) console.log(`  query ${JSON.stringify(q).padEnd(34)} ${(await latency(dir, q)).toFixed(1).padStart(6)} ms in-process (median of 7)`);
  for (const r of startup(dir)) console.log(`  ${r.c.padEnd(42)} ${r.ms.toFixed(1).padStart(6)} ms  ${r.ratio.toFixed(2)}x  (median of ${runs} interleaved runs)`);
}
