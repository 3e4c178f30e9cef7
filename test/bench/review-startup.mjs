#!/usr/bin/env node
// kap review's start-up with a year of history for the whole bank, against kap quiz: the time
// from spawning each until its first question is on stdout (scripted, piped; interleaved runs,
// medians). The history is made by kap's own review logic (bundled from src/ with esbuild):
// a year of daily sessions, due questions then up to 10 new, about 85% right.
// Usage: node test/bench/review-startup.mjs [--runs 25]   (after npm run build)
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 25;
const work = mkdtempSync(join(tmpdir(), 'kap-review-bench-'));
const DAY = 86_400_000;
const T0 = Date.parse('2025-12-01T08:00:00Z');

// kap's review logic, bundled for this script.
const lib = join(work, 'lib.mjs');
writeFileSync(join(work, 'entry.ts'), `export * from '${root}src/review/state.ts'; export * from '${root}src/review/queue.ts'; export * from '${root}src/review/fingerprint.ts'; export { stepper } from '${root}src/review/schedule.ts';`);
await build({ entryPoints: [join(work, 'entry.ts')], outfile: lib, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning', absWorkingDir: root });
const { applyEntry, buildQueue, claimsByModule, emptySchedule, fingerprint, gradeFor, stepper } = await import(pathToFileURL(lib).href);

const content = join(root, 'dist', 'content');
const questions = JSON.parse(readFileSync(join(content, 'quiz.json'), 'utf8')).questions;
const byModule = claimsByModule(JSON.parse(readFileSync(join(content, 'claims.json'), 'utf8')).claims);
const fps = questions.map((q) => fingerprint(q, byModule.get(q.module)));
const s = emptySchedule();
const lines = [];
let rnd = 42;
const random = () => ((rnd = (rnd * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
for (let day = 0; day < 365; day++) {
  const now = T0 + day * DAY;
  const queue = buildQueue(questions, fps, s, { now, newPerDay: 10, seed: `d${day}` });
  queue.items.forEach((item, i) => {
    const ok = random() < 0.85;
    const e = { v: 1, t: now + i * 20_000, q: item.question.id, m: item.question.module, fp: item.fp, g: gradeFor(ok), ok, r: 0.9, s: `bench-${day}` };
    lines.push(JSON.stringify(e));
    applyEntry(s, e, stepper);
  });
}
const log = `${lines.join('\n')}\n`;
s.logSize = Buffer.byteLength(log);
const history = join(work, 'history');
mkdirSync(join(history, 'review'), { recursive: true });
writeFileSync(join(history, 'review', 'log.jsonl'), log);
writeFileSync(join(history, 'review', 'schedule.json'), JSON.stringify(s));
// The day after the year, or later, when at least 10 questions are due (a year of mostly right answers leaves few due on any one day).
const dues = Object.values(s.cards).map((c) => c.card.due).sort((a, b) => a - b);
const now = new Date(Math.max(T0 + 365 * DAY, dues[9])).toISOString();
console.log(`history: ${lines.length} answers over 365 days for ${Object.keys(s.cards).length} of ${questions.length} questions; review at ${now}; log ${(s.logSize / 1024).toFixed(0)} KiB, schedule ${(JSON.stringify(s).length / 1024).toFixed(0)} KiB`);

const env = { PATH: process.env.PATH, HOME: work, NO_COLOR: '1', TZ: 'UTC' };
/** ms from spawn to "Question 1 of" on stdout. */
function firstQuestion(args, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const t = process.hrtime.bigint();
    const child = spawn(process.execPath, [join(root, 'bin', 'kap'), ...args], { env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    let done = false;
    child.stdout.on('data', (d) => {
      out += d;
      if (!done && out.includes('Question 1 of')) {
        done = true;
        resolve(Number(process.hrtime.bigint() - t) / 1e6);
        child.kill('SIGKILL');
      }
    });
    child.on('close', () => done || reject(new Error(`no question from kap ${args.join(' ')}:\n${out}`)));
  });
}

const quiz = [];
const review = [];
for (let i = 0; i < runs; i++) {
  const dir = join(work, `run-${i}`);
  cpSync(history, dir, { recursive: true });
  // The copy's log is a new file: the schedule names its inode, as a student's own would, or
  // kap would take the log for replaced and save the schedule again before the first question.
  writeFileSync(join(dir, 'review', 'schedule.json'), JSON.stringify({ ...s, logIno: statSync(join(dir, 'review', 'log.jsonl')).ino }));
  quiz.push(await firstQuestion(['quiz', '--seed', 'bench', '--answers', 'A']));
  review.push(await firstQuestion(['review', '--now', now, '--seed', 'bench', '--answers', 'A'], { KAP_DATA_DIR: dir }));
  rmSync(dir, { recursive: true, force: true });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`median of ${runs} interleaved runs; node ${process.version}`);
console.log(`kap quiz   first question ${median(quiz).toFixed(1)} ms`);
console.log(`kap review first question ${median(review).toFixed(1)} ms (a year of history)`);
console.log(`ratio ${(median(review) / median(quiz)).toFixed(2)}x (target: at most 1.3x)`);
rmSync(work, { recursive: true, force: true });
