#!/usr/bin/env node
// Start-up of kap's commands as a ratio to `node -e 0`, measured in the same run with hyperfine
// (interleaved by running every command once per round, median of the rounds).
// NODE_EXTRA_CA_CERTS is unset for every command, the baseline too: it adds ~50 ms to each start.
// Usage: npm run bench [-- --runs 30] [--only quiz] [--before ../other/bin/kap]   (needs hyperfine: apt-get install hyperfine)
// Scale column, on demand (not in CI): npm run bench -- --scale <compiled-dir> (or KAP_BENCH_SCALE=<dir>)
// runs every command again, in the same rounds, with KAP_DATA=<dir>; make one with
//   node test/bench/gen-content.mjs 10000 /tmp/gen && node dist/build-content.mjs /tmp/gen /tmp/data10k
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 25;
const kap = `${root}bin/kap`;
// A 5,000-word draft for kap lint, made from its labelled sentences (issue #18 asks under 1.5x
// the start-up of kap explain), and a small one (a paragraph) for the everyday check.
const { parse } = await import('yaml');
const sentences = ['labelled', 'held-out'].flatMap((f) => parse(readFileSync(`${root}test/lint/${f}.yaml`, 'utf8')).map((c) => c.text));
function draftOf(words, name) {
  let text = '# A draft\n\n';
  for (let i = 0, n = 0; n < words; i++) {
    const t = sentences[i % sentences.length];
    text += t + (i % 4 === 3 ? '\n\n' : ' ') + (i % 25 === 24 ? `## Section ${i}\n\n` : '');
    n += t.split(/\s+/).length;
  }
  const file = join(mkdtempSync(join(tmpdir(), 'kap-bench-draft-')), name);
  writeFileSync(file, text);
  return file;
}
const draft = draftOf(5000, 'draft.md');
const small = draftOf(100, 'small.md');
// Every command of issue #11's start-up list: `node -e 0` first (the baseline), then kap's.
const commands = {
  'node -e 0': 'node -e 0',
  'kap --version': `node ${kap} --version`,
  'kap list': `node ${kap} list`,
  'kap claims glutamate': `node ${kap} claims glutamate`,
  'kap cite furukawa2005': `node ${kap} cite furukawa2005`,
  'kap explain glutamate': `node ${kap} explain glutamate`,
  'kap explain glutamte (typo)': `node ${kap} explain glutamte`,
  'kap search nmda': `node ${kap} search nmda`,
  'kap search why does ketamine work so fast': `node ${kap} search why does ketamine work so fast`,
  'kap quiz --seed bench --answers A,B,C': `node ${kap} quiz --seed bench --answers A,B,C`,
  'kap quiz export --seed bench --count 10': `node ${kap} quiz export --seed bench --count 10`,
  'kap quiz export --seed bench (all)': `node ${kap} quiz export --seed bench`,
  'kap lint (100 words)': `node ${kap} lint ${small}`,
  'kap lint (5,000 words)': `node ${kap} lint ${draft}`,
};
const scaleArg = process.argv.indexOf('--scale');
const scaleDir = scaleArg > 0 ? process.argv[scaleArg + 1] : process.env.KAP_BENCH_SCALE;
// At scale, also the commands whose cost grows with the content: suggestions for no match, a
// module's references, a quiz export by topic.
if (scaleDir) Object.assign(commands, { 'kap explain glutamatx receptr (none)': `node ${kap} explain glutamatx receptr`, 'kap refs --topic glutamate': `node ${kap} refs --topic glutamate`, 'kap quiz export --topic glutamate': `node ${kap} quiz export --topic glutamate --seed s --format aiken` });
const only = process.argv.indexOf('--only');
if (only > 0) for (const n of Object.keys(commands)) if (n !== 'node -e 0' && !n.includes(process.argv[only + 1])) delete commands[n];
// --before <other checkout>/bin/kap: each command also run by that kap, in the same rounds.
const before = process.argv.indexOf('--before');
if (before > 0)
  for (const [n, c] of Object.entries(commands)) if (n !== 'node -e 0') commands[`${n} [before]`] = c.replace(`node ${kap} `, `node ${process.argv[before + 1]} `);

const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;
const loadBefore = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const out = join(mkdtempSync(join(tmpdir(), 'kap-bench-')), 'times.json');
const names = Object.keys(commands);
const times = Object.fromEntries(names.map((n) => [n, []]));
const cpu = Object.fromEntries(names.map((n) => [n, []]));
const scale = Object.fromEntries(names.map((n) => [n, []]));
const scaleCpu = Object.fromEntries(names.map((n) => [n, []]));
const round = (e, into, cpuInto) => {
  execFileSync('hyperfine', ['-N', '-i', '--runs', '1', '--export-json', out, ...names.map((n) => commands[n])], { env: e, stdio: 'ignore' });
  JSON.parse(readFileSync(out, 'utf8')).results.forEach((r, j) => {
    into[names[j]].push(r.times[0] * 1000);
    cpuInto[names[j]].push((r.user + r.system) * 1000);
  });
};
// hyperfine runs one command's series at a time; to interleave, run rounds of one run each.
for (let i = 0; i < runs; i++) {
  round(env, times, cpu);
  if (scaleDir) round({ ...env, KAP_DATA: scaleDir }, scale, scaleCpu);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/**
 * Each round's own ratio (the command over `node -e 0` of the same round, which cancels the
 * machine's drift between rounds): their median, with a 95% interval for it from order
 * statistics (distribution-free: ranks n/2 ∓ 0.98·√n). A target inside the interval is not
 * decided by this run: run more rounds.
 */
const roundRatios = (n, into) => {
  const rs = into[n].map((t, i) => t / into['node -e 0'][i]).sort((a, b) => a - b);
  const k = Math.max(0, Math.floor(rs.length / 2 - 0.98 * Math.sqrt(rs.length)));
  return `${median(rs).toFixed(2)}x [${rs[k].toFixed(2)}-${rs[rs.length - 1 - k].toFixed(2)}]`;
};
const base = median(times['node -e 0']);
const baseCpu = median(cpu['node -e 0']);
// Wall time is the figure asked for; CPU time (user + system) is steadier on a shared machine.
console.log(`median of ${runs} interleaved runs; node ${process.version}; load average ${loadBefore} before, ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} after (${cpus().length} cores)`);
const scaleBase = scaleDir && median(scale['node -e 0']);
const scaleCpuBase = scaleDir && median(scaleCpu['node -e 0']);
// The scale columns: the same command's wall and CPU ratios with KAP_DATA=<dir>, each over its own shipped ratio.
const scaleCol = (n) => {
  if (!scaleDir) return '';
  const wall = median(scale[n]) / scaleBase;
  const c = median(scaleCpu[n]) / scaleCpuBase;
  return `  ${wall.toFixed(2).padStart(6)}x ${(wall / (median(times[n]) / base)).toFixed(2)}  ${c.toFixed(2).padStart(6)}x ${(c / (median(cpu[n]) / baseCpu)).toFixed(2)}`;
};
if (scaleDir) console.log(`scale: KAP_DATA=${scaleDir} (ratios to node -e 0 in the same rounds; /ship: that over the command's shipped ratio, target 1.5)`);
console.log(`${'command'.padEnd(44)}   wall ms  ratio    cpu ms  ratio  per round, wall [95%]${scaleDir ? '    scale  /ship  sc.cpu  /ship' : ''}`);
for (const n of names)
  console.log(`${n.padEnd(44)} ${median(times[n]).toFixed(1).padStart(8)}  ${(median(times[n]) / base).toFixed(2)}x ${median(cpu[n]).toFixed(1).padStart(8)}  ${(median(cpu[n]) / baseCpu).toFixed(2)}x  ${roundRatios(n, times).padEnd(21)}${scaleCol(n)}`);

// The first quiz question in a real terminal, against console.log in the same one (needs tmux).
if ((only < 0 || 'quiz'.includes(process.argv[only + 1])) && before < 0) {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    execFileSync(process.execPath, [`${root}test/bench/quiz-terminal.mjs`, '--runs', String(Math.min(runs, 15))], { stdio: 'inherit', env });
  } catch (e) {
    if (e.code === 'ENOENT') console.log('\n(no tmux: the first question in a terminal was not measured)');
    else throw e;
  }
}
