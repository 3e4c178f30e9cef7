#!/usr/bin/env node
// Compile cost in CPU time (user + system, children included), as ratios to `node -e 0`
// measured in the same rounds with hyperfine (interleaved, median of the rounds):
//   - the built-in content's full compile (what `npm run build` spends on content/);
//   - the example pack's first run after a change (a blank line added to one module), the
//     cache warm from an earlier compile, as a trainer editing a pack sees it;
//   - the example pack into an empty cache (its reference formatted in every style).
// Usage: npm run bench:compile [-- --runs 5] [--before ../other/bin/kap]   (needs hyperfine and a built dist/)
// --before: each compile also run by that checkout's build (its own content, its own caches), in
// the same rounds: this machine's CPU time moves by a second between runs, ratios within one do not.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const tmp = mkdtempSync(join(tmpdir(), 'kap-bench-compile-'));
const pack = join(tmp, 'example-pack');
cpSync(join(root, 'test', 'fixtures', 'example-pack'), pack, { recursive: true });
const node = process.execPath;
/** The three compiles of the checkout at `at` (its bin/kap, dist/ and content/), names ending in `tag`. */
const compiles = (at, tag) => {
  const dir = tag ? '-before' : '';
  const warm = join(tmp, `cache-warm${dir}`);
  const cold = join(tmp, `cache-cold${dir}`);
  const kap = join(at, 'bin', 'kap');
  return [
    { name: `built-in content, full compile${tag}`, cmd: `${node} ${join(at, 'dist', 'build-content.mjs')} ${join(at, 'content')} ${join(tmp, `builtin${dir}`)}`, prepare: 'true', kap, warm },
    { name: `example pack, first run after a change${tag}`, cmd: `env KAP_CACHE_DIR=${warm} ${node} ${kap} --content ${pack} list`, prepare: `sh -c 'echo >> ${join(pack, 'modules', 'trainer-notes.md')}'` },
    { name: `example pack, empty cache${tag}`, cmd: `env KAP_CACHE_DIR=${cold} ${node} ${kap} --content ${pack} list`, prepare: `rm -rf ${cold}` },
  ];
};
const beforeArg = process.argv.indexOf('--before');
const benches = [
  { name: 'node -e 0', cmd: `${node} -e 0`, prepare: 'true' },
  ...compiles(root, ''),
  ...(beforeArg > 0 ? compiles(dirname(dirname(process.argv[beforeArg + 1])), ' [before]') : []),
];
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;
for (const b of benches) if (b.warm) execFileSync(node, [b.kap, '--content', pack, 'list'], { env: { ...env, KAP_CACHE_DIR: b.warm }, stdio: 'ignore' });
const out = join(tmp, 'times.json');
const cpu = benches.map(() => []);
for (let i = 0; i < runs; i++) {
  execFileSync('hyperfine', ['-N', '--runs', '1', '--export-json', out, ...benches.flatMap((b) => ['--prepare', b.prepare]), ...benches.map((b) => b.cmd)], { env, stdio: 'ignore' });
  JSON.parse(readFileSync(out, 'utf8')).results.forEach((r, j) => cpu[j].push((r.user + r.system) * 1000));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(cpu[0]);
console.log(`CPU time, median of ${runs} interleaved rounds`);
console.log('| what | CPU | ratio to `node -e 0` |\n|---|---|---|');
benches.forEach((b, j) => console.log(`| ${b.name} | ${(median(cpu[j]) / 1000).toFixed(2)} s | ${(median(cpu[j]) / base).toFixed(1)}x |`));
