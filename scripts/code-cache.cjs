// Build step: run kap's common commands in-process, the way bin/kap does (main, real stdout
// and stderr: the build discards them), then save V8's code cache of every bundle they loaded,
// with the functions those runs compiled, for bin/kap. A function these runs never call is
// compiled again on every real run.
'use strict';
const { readdirSync, writeFileSync, renameSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { load, loaded } = require('../bin/kap');

const dist = join(__dirname, '..', 'dist');
// Caches from an earlier build would be rejected anyway; start clean.
for (const f of readdirSync(dist, { recursive: true })) if (String(f).endsWith('.cjs.cache')) rmSync(join(dist, String(f)));
const kap = load(join(dist, 'kap.cjs'));

const runs = [
  ['explain', 'glutamate'], ['explain', 'nmda', '--brief'], ['explain', 'bdnf'], ['explain', 'glutamte'],
  ['explain', 'dissociation', '--json'], ['list'], ['list', '--json'], ['--help'], ['--version'],
  ['claims'], ['claims', 'glutamate'], ['claims', '--verdict', 'any', '--json'],
  ['search', 'nmda'], ['search', 'why does ketamine work so fast'], ['search', 'glutmate', '--json'], ['search', '"nmda receptor"'],
  ['cite', 'furukawa2005'], ['cite', 'furukawa', '2005', '--style', 'mla'], ['cite', 'zanos2018', '--in-text'], ['cite', '--all', '--format', 'bibtex'],
  ['refs'], ['refs', '--errata'], ['paths'],
  ['quiz', 'export', '--format', 'gift', '--seed', 'warm'],
  // kap review writes its history: into a throwaway folder (removed below), never the builder's.
  ['review', '--stats'], ['review', '--answers', 'A,B', '--now', '2026-01-01', '--json'], ['review', '--stats', '--json'],
];
const reviewData = require('node:fs').mkdtempSync(join(require('node:os').tmpdir(), 'kap-code-cache-'));
process.env.KAP_DATA_DIR = reviewData;
const warm = async (entry, argv) => {
  for (const color of ['1', '0']) {
    process.env.FORCE_COLOR = color;
    await entry.main(dist, argv, () => {});
  }
};
(async () => {
  for (const argv of runs) await warm(kap, argv);
  // Each kap-<command>.cjs entry (the core with one command built in) with its command's runs.
  for (const f of readdirSync(dist)) {
    const command = /^kap-([a-z]+)\.cjs$/.exec(f)?.[1];
    if (!command) continue;
    const entry = load(join(dist, f));
    for (const argv of runs.filter((r) => r[0] === command)) await warm(entry, argv);
  }
  rmSync(reviewData, { recursive: true, force: true });
  for (const [file, { script }] of loaded) {
    writeFileSync(`${file}.cache.tmp`, script.createCachedData());
    renameSync(`${file}.cache.tmp`, `${file}.cache`);
  }
})();
