// Build step: run kap's common commands in-process (output discarded), then save V8's code
// cache of the bundle, with the functions those runs compiled, for bin/kap to start from.
'use strict';
const { readFileSync, writeFileSync, renameSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');
const Module = require('node:module');

const dist = join(__dirname, '..', 'dist');
const file = join(dist, 'kap.cjs');
const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file });
const mod = { exports: {} };
script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, dist);

const sink = { write: () => true, isTTY: true, columns: 100 };
const runs = [
  ['explain', 'glutamate'], ['explain', 'nmda', '--brief'], ['explain', 'bdnf'], ['explain', 'glutamte'],
  ['explain', 'dissociation', '--json'], ['list'], ['list', '--json'], ['--help'],
  ['search', 'nmda'], ['search', 'why does ketamine work so fast'], ['search', 'glutmate', '--json'], ['search', '"nmda receptor"'],
  ['claims'], ['claims', 'glutamate'], ['claims', '--verdict', 'any', '--json'],
  ...(process.argv.slice(2).map((a) => a.split(' '))),
];
(async () => {
  for (const argv of runs)
    for (const color of ['1', '0'])
      await mod.exports.run({ argv, env: { FORCE_COLOR: color }, stdout: sink, stderr: sink, stdinIsTTY: () => false, bundleDir: dist });
  writeFileSync(`${file}.cache.tmp`, script.createCachedData());
  renameSync(`${file}.cache.tmp`, `${file}.cache`);
})();
