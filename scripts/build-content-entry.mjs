// dist/build-content.mjs, the content compiler's entry (scripts/build.mjs copies it there). The
// compiler itself is dist/build-content.cjs and its citation engine dist/cite-engine.cjs, each
// loaded by bin/kap's loader from V8's code cache: a compile skips parsing and compiling them
// (the built-in compile formats with ~750 KB of citeproc-js, most of whose functions it calls).
// The build writes the caches after a warm-up compile that formats every reference
// (KAP_COMPILER_CACHE=write). A cache V8 rejects (another Node) costs only the usual compile.
import { createRequire } from 'node:module';
import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

const { load, loaded } = createRequire(import.meta.url)('../bin/kap');
const compiler = fileURLToPath(new URL('./build-content.cjs', import.meta.url));
// V8 takes a cache only under the flags it was made with: the compiler is loaded with the
// defaults, the engine by the bibliography, with TurboFan for its hottest code only, in every
// compile, small or big. The flags are the compiler's own (cite/optimizer.ts, exported by
// src/build-content.ts), so there is one copy of them.
if (process.env.KAP_COMPILER_CACHE === 'write')
  process.on('exit', () => {
    const { DEFAULT_FLAGS, HOT_ONLY_FLAGS } = loaded.get(compiler).module.exports;
    for (const [file, { script }] of loaded) {
      setFlagsFromString(file === compiler ? DEFAULT_FLAGS : HOT_ONLY_FLAGS);
      writeFileSync(`${file}.cache.tmp`, script.createCachedData());
      renameSync(`${file}.cache.tmp`, `${file}.cache`);
    }
  });
load(compiler);
