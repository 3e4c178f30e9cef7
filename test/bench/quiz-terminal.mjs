#!/usr/bin/env node
// The first quiz question on screen in a real terminal (a tmux pane), against a bare
// `console.log` in the same pane: from the moment a launcher in the pane spawns the program
// until the pane's output (tmux pipe-pane, watched with inotify) shows the marker. Interleaved
// rounds, medians. NODE_EXTRA_CA_CERTS is unset for both. Run by `npm run bench` when tmux is
// installed; alone: node test/bench/quiz-terminal.mjs [--runs 15] [--before ../other/bin/kap]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const work = mkdtempSync(join(tmpdir(), 'kap-term-bench-'));
const log = join(work, 'pane.log');
const stamp = join(work, 'stamp');
writeFileSync(log, '');
// Writes the clock (CLOCK_MONOTONIC, shared by every process) just before spawning the program.
const launcher = join(work, 'launch.cjs');
writeFileSync(
  launcher,
  `const { spawn } = require('node:child_process');
const env = { ...process.env }; delete env.NODE_EXTRA_CA_CERTS;
require('node:fs').writeFileSync(${JSON.stringify(stamp)}, String(process.hrtime.bigint()));
spawn(process.argv[2], process.argv.slice(3), { stdio: 'inherit', env }).on('exit', () => console.log('DONE' + '-' + 'RUN'));
`,
);
const socket = `kap-term-bench-${process.pid}`;
const tmux = (...args) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
tmux('new-session', '-d', '-s', 'b', '-x', '100', '-y', '40', 'sh');
tmux('pipe-pane', '-t', 'b', '-o', `cat >> '${log}'`);
const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

let offset = 0;
/** Resolve with the clock when `marker` appears in the pane's output after `offset`. */
function seen(marker, ms = 20_000) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const text = readFileSync(log, 'utf8').slice(offset);
      const at = text.indexOf(marker);
      if (at < 0) return false;
      const now = process.hrtime.bigint();
      offset += at + marker.length;
      w.close();
      clearTimeout(timer);
      resolve(now);
      return true;
    };
    const w = watch(log, check);
    const timer = setTimeout(() => (w.close(), reject(new Error(`no "${marker}" in the pane:\n${readFileSync(log, 'utf8').slice(offset)}`))), ms);
    check();
  });
}

/** ms from spawn to `marker` on screen; `after` keys end the program (Ctrl+C for the quiz). */
async function once(argv, marker, after) {
  offset = readFileSync(log, 'utf8').length;
  const shown = seen(marker);
  tmux('send-keys', '-t', 'b', [process.execPath, launcher, ...argv].map(q).join(' '), 'Enter');
  const t = await shown;
  const ms = Number(t - BigInt(readFileSync(stamp, 'utf8'))) / 1e6;
  const done = seen('DONE-RUN');
  if (after) tmux('send-keys', '-t', 'b', after);
  await done;
  return ms;
}

const kap = join(root, 'bin', 'kap');
// The marker is built at run time, so the command line echoed in the pane does not show it.
const cases = {
  "node -e \"console.log('Question 1 of')\"": [[process.execPath, '-e', "console.log('Question ' + 1 + ' of')"], 'Question 1 of'],
  'kap quiz --seed bench (first question)': [[process.execPath, kap, 'quiz', '--seed', 'bench'], 'Question 1 of', 'C-c'],
};
// --before <other checkout>/bin/kap: that kap too, in the same rounds.
const beforeArg = process.argv.indexOf('--before');
if (beforeArg > 0) cases['kap quiz --seed bench [before]'] = [[process.execPath, process.argv[beforeArg + 1], 'quiz', '--seed', 'bench'], 'Question 1 of', 'C-c'];
const times = Object.fromEntries(Object.keys(cases).map((n) => [n, []]));
try {
  for (let i = 0; i < runs; i++) for (const [n, [argv, marker, after]] of Object.entries(cases)) times[n].push(await once(argv, marker, after));
} finally {
  execFileSync('tmux', ['-L', socket, 'kill-server']);
  rmSync(work, { recursive: true, force: true });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const names = Object.keys(cases);
const base = median(times[names[0]]);
console.log(`\nFirst question in a terminal (tmux), median of ${runs} interleaved runs`);
for (const n of names) console.log(`${n.padEnd(44)} ${median(times[n]).toFixed(1).padStart(8)}  ${(median(times[n]) / base).toFixed(2)}x`);
