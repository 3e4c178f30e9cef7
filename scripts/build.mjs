// Build: bundle the CLI with esbuild, validate and compile content/, then write V8's code caches.
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
/** Commands with an entry of their own (see below). */
const HOT_COMMANDS = ['explain', 'search', 'list', 'cite', 'claims', 'refs'];
const stub = (name) => fileURLToPath(new URL(`./stubs/${name}.js`, import.meta.url));

rmSync(`${root}/dist`, { recursive: true, force: true });
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // KAP_NO_MINIFY=1: readable bundles, for profiling and stack traces.
  minify: !process.env.KAP_NO_MINIFY,
  legalComments: 'linked',
  define: { __KAP_VERSION__: JSON.stringify(pkg.version) },
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
  },
};
// The CLI core (the command table, the quick argv parser, errors) is one CommonJS bundle (Node's
// ES-module loader costs ~8 ms more per start); each module it imports lazily (a command,
// commander's program, packs) is a bundle of its own, loaded by bin/kap only when needed. Those
// bundles carry their own copies of small shared modules: nothing relies on shared module state
// or class identity.
const lazy = {};
/** Lazy imports become bundles of their own, except `inline` (a command built into an entry). */
const lazyImports = (inline) => ({
  name: 'lazy-bundles',
  setup(b) {
    b.onResolve({ filter: /^\.\/(commands\/[\w-]+|packs|program)\.js$/ }, (a) => {
      if (!/src\/(cli|command-table)\.ts$/.test(a.importer) || a.path === `./commands/${inline}.js`) return undefined;
      const name = a.path.slice(2, -3);
      lazy[name] = `src/${name}.ts`;
      return { path: `./${name}.cjs`, external: true };
    });
  },
});
// import() of a lazy bundle becomes require(), so bin/kap can load it from its code cache.
const cjs = { ...common, format: 'cjs', supported: { 'dynamic-import': false } };
await build({ ...cjs, entryPoints: ['src/main.ts'], outfile: 'dist/kap.cjs', plugins: [standIns, lazyImports()] });
await build({ ...cjs, entryPoints: lazy, outdir: 'dist', outExtension: { '.js': '.cjs' }, plugins: [standIns, lazyImports()] });
// The commands people run most also get an entry of their own, the core with that command
// built in: one file and one code cache to load instead of two (~1 ms less per run). bin/kap
// picks kap-<command>.cjs from the command line; any entry can run any command.
for (const command of HOT_COMMANDS)
  await build({ ...cjs, entryPoints: ['src/main.ts'], outfile: `dist/kap-${command}.cjs`, plugins: [standIns, lazyImports(command)] });
// The content compiler runs at build time only, with citation-js.
await build({
  ...common,
  entryPoints: ['src/build-content.ts'],
  outfile: 'dist/build-content.mjs',
  format: 'esm',
  // The build renders styled text: the environment it runs in (a terminal that supports
  // hyperlinks, FORCE_HYPERLINK) must not leak OSC 8 links into the compiled content.
  plugins: [standIns],
  // Bundled CommonJS dependencies call require() for Node built-ins.
  banner: { js: "import{createRequire as __kapCR}from'module';const require=__kapCR(import.meta.url);" },
});

// The compiler's identity, part of every pack cache key (src/packs.ts): a new compiler never reads old compiles.
writeFileSync(`${root}/dist/build-content.mjs.id`, `${createHash('sha256').update(readFileSync(`${root}/dist/build-content.mjs`)).digest('hex').slice(0, 32)}\n`);
try {
  execFileSync(process.execPath, [`${root}/dist/build-content.mjs`, 'content', 'dist/content'], { cwd: root, stdio: 'inherit' });
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
