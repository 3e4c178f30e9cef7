// Build step: run kap's common commands in-process, the way bin/kap does (main, real stdout
// and stderr: the build discards them), then save V8's code cache of every bundle they loaded,
// with the functions those runs compiled, for bin/kap. A function these runs never call is
// compiled again on every real run.
'use strict';
const { mkdtempSync, readFileSync, readdirSync, writeFileSync, renameSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { load, loaded, entryName } = require('../bin/kap');

const dist = join(__dirname, '..', 'dist');
// Caches from an earlier build would be rejected anyway; start clean.
for (const f of readdirSync(dist, { recursive: true })) if (String(f).endsWith('.cjs.cache')) rmSync(join(dist, String(f)));
const kap = load(join(dist, 'kap.cjs'));

// The warm-up runs come from the command definitions (each one's `warm`), via the manifest
// scripts/build.mjs wrote.
const { warm: runs, entryWarm } = JSON.parse(readFileSync(join(dist, 'commands.json'), 'utf8'));
// kap review writes its history: into a throwaway folder (removed below), never the builder's.
const reviewData = mkdtempSync(join(tmpdir(), 'kap-code-cache-'));
process.env.KAP_DATA_DIR = reviewData;
const warm = async (entry, argv) => {
  for (const color of ['1', '0']) {
    process.env.FORCE_COLOR = color;
    await entry.main(dist, argv, () => {});
  }
};
/**
 * `kap quiz --seed warm --count 2` answered through a stand-in terminal (process.stdin and
 * process.stdout replaced for the run): keys are typed until the quiz ends. "n" then Enter picks
 * the first choice (a letter kap ignores, then Enter), goes on after the feedback, and declines
 * the retry. Given up after a few seconds: the caches are written either way.
 */
async function warmTerminalQuiz(entry) {
  const { PassThrough } = require('node:stream');
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
  const output = Object.assign(new PassThrough(), { isTTY: true, columns: 100, rows: 40 });
  output.resume();
  const saved = ['stdin', 'stdout'].map((k) => [k, Object.getOwnPropertyDescriptor(process, k)]);
  Object.defineProperty(process, 'stdin', { configurable: true, get: () => input });
  Object.defineProperty(process, 'stdout', { configurable: true, get: () => output });
  const typing = setInterval(() => input.write('n\r'), 15);
  try {
    for (const color of ['1', '0']) {
      process.env.FORCE_COLOR = color;
      let timer;
      await Promise.race([entry.main(dist, ['quiz', '--seed', 'warm', '--count', '2'], () => {}), new Promise((r) => (timer = setTimeout(r, 5000)))]);
      clearTimeout(timer);
    }
  } finally {
    clearInterval(typing);
    for (const [k, d] of saved) Object.defineProperty(process, k, d);
  }
}

(async () => {
  for (const argv of runs) await warm(kap, argv);
  // Each kap-<command>.cjs entry (the core with one command built in) with the runs bin/kap
  // starts from it (the manifest's entryWarm): its cache holds what those run, and no other
  // command's functions.
  for (const f of readdirSync(dist)) {
    if (!/^kap-[a-z-]+\.cjs$/.test(f)) continue;
    const entry = load(join(dist, f));
    for (const argv of entryWarm.filter((r) => entryName(r) === f)) await warm(entry, argv);
  }
  // kap quiz in a terminal, with a stand-in one: the prompt's functions (inquirer's) go into
  // quiz-prompt.cjs's cache, or the first question on screen waits for them to be compiled.
  // Run from kap.cjs, not kap-quiz.cjs: what the terminal path adds to kap-quiz.cjs's cache,
  // deserialised by every scripted quiz, cost more than compiling it (callgrind, 2 seeds: quiz
  // --seed bench --answers A,B,C 106.2 -> 105.9M); the first question in a terminal stays at
  // 1.22x a bare console.log (quiz-terminal.mjs, 15 runs; 1.20x before).
  await warmTerminalQuiz(kap);
  rmSync(reviewData, { recursive: true, force: true });
  for (const [file, { script }] of loaded) {
    writeFileSync(`${file}.cache.tmp`, script.createCachedData());
    renameSync(`${file}.cache.tmp`, `${file}.cache`);
  }
  // A prompt the stand-in terminal left open must not keep the build waiting.
  process.exit(0);
})();
