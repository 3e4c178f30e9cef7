// Build: bundle the CLI with esbuild, validate and compile content/, then write V8's code caches.
import { build as esbuild } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadCliDocs } from './cli-docs.mjs';
import { STAMP_FILE, sourceStamp } from './source-stamp.mjs';
import { writeNotices } from './notices.mjs';
import { wasmDefines } from './wasm-modules.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
/** What each bundle took in: the third-party notices are written from it. */
const metafiles = [];
const build = async (options) => {
  const result = await esbuild({ ...options, metafile: true });
  metafiles.push(result.metafile);
  return result;
};
function readStamp() {
  try {
    return readFileSync(`${root}/${STAMP_FILE}`, 'utf8').trim();
  } catch {
    return undefined;
  }
}
const stub = (name) => fileURLToPath(new URL(`./stubs/${name}.js`, import.meta.url));

// Taken before building: an edit made during the build leaves the stamp stale.
const stamp = sourceStamp(root);
// --if-stale (npm pack's prepack): nothing to do when dist/ was built from these sources.
if (process.argv.includes('--if-stale') && readStamp() === stamp) process.exit(0);
// The last build's formatted references (src/cite/memo.ts): used again only by a byte-identical
// compiler, so a rebuild after a content edit formats only what changed.
const memoAside = `${root}/.kap-cache/last-cite-memo.json`;
try {
  mkdirSync(`${root}/.kap-cache`, { recursive: true });
  copyFileSync(`${root}/dist/content/cite-memo.json`, memoAside);
} catch {
  rmSync(memoAside, { force: true });
}
rmSync(`${root}/dist`, { recursive: true, force: true });
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // KAP_NO_MINIFY=1: readable bundles, for profiling and stack traces.
  minify: !process.env.KAP_NO_MINIFY,
  legalComments: 'linked',
  define: { __KAP_VERSION__: JSON.stringify(pkg.version), ...(await wasmDefines()) },
  alias: { 'cli-highlight': stub('cli-highlight'), 'node-emoji': stub('node-emoji'), 'cli-table3': stub('cli-table3') },
  logLevel: 'warning',
};
// Stand-ins for what kap decides itself (colour, hyperlinks) or never uses (see each stub).
const standIns = {
  name: 'stand-ins',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (a) => (a.importer.includes('commander') ? { path: stub('child-process') } : undefined));
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: stub('supports-color') }));
    b.onResolve({ filter: /^supports-hyperlinks$/ }, () => ({ path: stub('supports-hyperlinks') }));
    b.onResolve({ filter: /^node:util$/ }, (a) => (/[\\/]@inquirer[\\/]/.test(a.importer) ? { path: stub('inquirer-util') } : undefined));
  },
};
// The command definitions (src/defs/, listed in src/command-table.ts) as the build needs them:
// which commands get an entry bundle, the warm-up runs, the man page. src/cli-docs.ts is bundled
// to a temporary module and imported (scripts/cli-docs.mjs).
const docs = await loadCliDocs({ __KAP_VERSION__: JSON.stringify(pkg.version) });
const manifest = docs.manifest();
mkdirSync(`${root}/dist`, { recursive: true });
// Read by scripts/code-cache.cjs (the warm-up runs) after the bundles are built.
writeFileSync(`${root}/dist/commands.json`, `${JSON.stringify(manifest, null, 1)}\n`);
// bin/kap answers `kap --version` from this, before loading a bundle: the same define as theirs.
writeFileSync(`${root}/dist/version.txt`, `${pkg.version}\n`);
writeFileSync(`${root}/dist/kap.1`, docs.manPage(pkg.version, new Date(Number(process.env.SOURCE_DATE_EPOCH ?? 0) * 1000 || Date.now())));

// The CLI core (the command table, the quick argv parser, errors) is one CommonJS bundle (Node's
// ES-module loader costs ~8 ms more per start); each module it imports lazily (a command,
// commander's program, packs) is a bundle of its own, loaded by bin/kap only when needed. Those
// bundles carry their own copies of small shared modules: nothing relies on shared module state
// or class identity.
// The quiz's prompts (inquirer) too: a terminal quiz paints its first question before loading
// them, and a scripted quiz never does (dist/quiz-prompt.cjs).
const lazy = { 'quiz-prompt': 'src/quiz/prompt.ts' };
/** Lazy imports become bundles of their own, except `inline` (a command built into an entry); `inCommands`: the importer's bundle is in dist/commands/. */
const lazyImports = (inline, inCommands = false) => ({
  name: 'lazy-bundles',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/(commands\/[\w-]+|packs|program)\.js$/ }, (a) => {
      const name = a.path.replace(/^\.\.?\//, '').slice(0, -3);
      if (!/src\/(cli|command-table|defs\/[\w-]+)\.ts$/.test(a.importer) || name === `commands/${inline}`) return undefined;
      lazy[name] = `src/${name}.ts`;
      return { path: `./${name}.cjs`, external: true };
    });
    b.onResolve({ filter: /^\.\.\/quiz\/prompt\.js$/ }, (a) => (/src\/commands\/quiz\.ts$/.test(a.importer) ? { path: `${inCommands ? '..' : '.'}/quiz-prompt.cjs`, external: true } : undefined));
  },
});
// import() of a lazy bundle becomes require(), so bin/kap can load it from its code cache.
const cjs = { ...common, format: 'cjs', supported: { 'dynamic-import': false } };
await build({ ...cjs, entryPoints: ['src/main.ts'], outfile: 'dist/kap.cjs', plugins: [standIns, lazyImports()] });
await build({ ...cjs, entryPoints: lazy, outdir: 'dist', outExtension: { '.js': '.cjs' }, plugins: [standIns, lazyImports(undefined, true)] });
// The commands people run most also get an entry of their own, the core with that command
// built in: one file and one code cache to load instead of two (~1 ms less per run). bin/kap
// picks kap-<command>.cjs from the command line; any entry can run any command.
// Such an entry's quick parser (src/argv.ts) knows that command's definition only: a command
// line for another (`kap --content search explain x`) is left to commander, whose bundle has
// them all (~1.4M instructions less of every start to load and build).
const oneCommand = (command) => ({
  name: 'one-command',
  setup(b) {
    b.onResolve({ filter: /^\.\/command-table\.js$/ }, (a) => (/src\/argv\.ts$/.test(a.importer) ? { path: `${root}/src/command-table.ts`, namespace: 'one-command' } : undefined));
    // The command's module imported statically rather than with import(): esbuild wraps a module
    // loaded by import() in a function of its own, and every module it imports, each one more
    // function to deserialise from the code cache and call (kap-quiz.cjs: 40 wrappers -> 7,
    // cache 121 -> 113 KB; callgrind, quiz --seed bench --answers A,B,C 104.9 -> 104.7M).
    const name = command.split('-')[0];
    const def = join(root, 'src', 'defs', `${name}.ts`);
    const lazyRun = `import('../commands/${command}.js')`;
    b.onLoad({ filter: /[\\/]src[\\/]defs[\\/][\w-]+\.ts$/ }, (a) => {
      if (join(a.path) !== def) return undefined;
      const src = readFileSync(def, 'utf8');
      if (!src.includes(lazyRun)) return undefined;
      return { contents: `import * as inlineCommand from '../commands/${command}.js';\n${src.split(lazyRun).join('Promise.resolve(inlineCommand)')}`, loader: 'ts', resolveDir: dirname(def) };
    });
    b.onLoad({ filter: /.*/, namespace: 'one-command' }, () => ({
      contents: `import c from './defs/${name}.js';\nexport const COMMANDS = [c];\nexport { GLOBAL_OPTIONS } from './defs/globals.js';\n`,
      loader: 'ts',
      resolveDir: `${root}/src`,
    }));
  },
});
for (const command of manifest.hot)
  await build({ ...cjs, entryPoints: ['src/main.ts'], outfile: `dist/kap-${command}.cjs`, plugins: [standIns, lazyImports(command), oneCommand(command)] });
// The content compiler runs at build time only, with citation-js: its engine is a bundle of its
// own (scripts/stubs/cite-engine.cjs), required from beside the compiler when it is first needed.
await build({ ...common, entryPoints: [stub('cite-engine').replace(/\.js$/, '.cjs')], outfile: 'dist/cite-engine.cjs', format: 'cjs' });
const ENGINE = /^(?:@citation-js\/core|@citation-js\/plugin-csl|citeproc)$/;
const citeEngine = {
  name: 'cite-engine',
  setup(b) {
    b.onResolve({ filter: ENGINE }, (a) => ({ path: a.path, namespace: 'cite-engine' }));
    b.onResolve({ filter: /^\.\/cite-engine\.cjs$/ }, (a) => ({ path: a.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'cite-engine' }, (a) => ({ contents: `module.exports = require('./cite-engine.cjs')[${JSON.stringify(a.path)}];`, loader: 'js', resolveDir: root }));
  },
};
await build({
  ...common,
  entryPoints: ['src/build-content.ts'],
  outfile: 'dist/build-content.cjs',
  format: 'cjs',
  // The build renders styled text: the environment it runs in (a terminal that supports
  // hyperlinks, FORCE_HYPERLINK) must not leak OSC 8 links into the compiled content.
  plugins: [standIns, citeEngine],
});
// esbuild escapes non-ASCII characters in strings but not inside regular-expression literals (the
// syllable counter's /pok[eé]mon$/i): escape what is left, so that every bundle stays ASCII and
// V8 keeps its source one byte per character. \uXXXX means the same in a string, a regular
// expression (with or without the u flag) and an identifier.
for (const f of [...readdirSync(`${root}/dist`), ...readdirSync(`${root}/dist/commands`).map((n) => `commands/${n}`)].filter((n) => n.endsWith('.cjs'))) {
  const path = `${root}/dist/${f}`;
  const text = readFileSync(path, 'utf8');
  if (/[^\x00-\x7f]/.test(text)) writeFileSync(path, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
// The compiler's entry, which loads it from its code cache (written below).
copyFileSync(`${root}/scripts/build-content-entry.mjs`, `${root}/dist/build-content.mjs`);

writeNotices(root, metafiles, 'dist/THIRD-PARTY-NOTICES.txt');

// The compiler's identity, part of every pack cache key (src/packs.ts): a new compiler never reads old compiles.
const compilerHash = createHash('sha256');
for (const f of ['build-content.mjs', 'build-content.cjs', 'cite-engine.cjs']) compilerHash.update(readFileSync(`${root}/dist/${f}`));
writeFileSync(`${root}/dist/build-content.mjs.id`, `${compilerHash.digest('hex').slice(0, 32)}\n`);
try {
  const memo = existsSync(memoAside) ? ['--memo', memoAside] : [];
  execFileSync(process.execPath, [`${root}/dist/build-content.mjs`, 'content', 'dist/content', ...memo], { cwd: root, stdio: 'inherit' });
} catch {
  process.exit(4);
}
// The warm-up runs print what kap prints; only a failure of the step itself is shown.
try {
  const env = { ...process.env, NO_COLOR: '', KAP_DATA: '', KAP_CONTENT_PATH: '' };
  execFileSync(process.execPath, [`${root}/scripts/code-cache.cjs`], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
} catch (e) {
  process.stderr.write(String(e.stderr ?? e));
  process.exit(4);
}
// The compiler's code caches (scripts/build-content-entry.mjs), after code-cache.cjs, which
// removes every cache it does not write: from a compile of content/ that formats every reference.
const warmOut = mkdtempSync(join(tmpdir(), 'kap-compiler-warm-'));
let warmFailed = false;
try {
  // As the warm-up above: its output is the compile's own, already shown; a failure says why.
  execFileSync(process.execPath, [`${root}/dist/build-content.mjs`, 'content', warmOut], { cwd: root, env: { ...process.env, KAP_COMPILER_CACHE: 'write' }, stdio: ['ignore', 'ignore', 'pipe'] });
} catch (e) {
  process.stderr.write(String(e.stderr ?? e));
  warmFailed = true;
} finally {
  rmSync(warmOut, { recursive: true, force: true });
}
if (warmFailed) process.exit(4);
// Last, so that only a whole build is stamped.
writeFileSync(`${root}/${STAMP_FILE}`, `${stamp}\n`);
