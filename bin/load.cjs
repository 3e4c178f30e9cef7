'use strict';
// kap's module loader. Start-up is kap's latency: each bundle in dist/ is compiled from V8's
// code cache (written at build time after a warm-up run, see scripts/code-cache.cjs), so Node
// skips parsing and compiling. The CLI core is one bundle; each command is a bundle of its
// own that the core requires only when that command runs. A missing cache, or one made by
// another Node version, is rejected by V8, which then compiles as usual.
const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');
const Module = require('node:module');

/** file → { script, module }: what scripts/code-cache.cjs writes caches from. */
const loaded = new Map();

function load(file) {
  const done = loaded.get(file);
  if (done) return done.module.exports;
  let cachedData;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const module = { exports: {} };
  loaded.set(file, { script, module });
  const dir = dirname(file);
  const nodeRequire = Module.createRequire(file);
  // A bundle requires another of kap's bundles by a relative .cjs path; anything else is Node's.
  const req = (id) => (/^\.\.?\/.*\.cjs$/.test(id) ? load(join(dir, id)) : nodeRequire(id));
  script.runInThisContext()(module.exports, req, module, file, dir);
  return module.exports;
}

module.exports = { load, loaded };
