// Build: bundle the CLI with esbuild (lazy chunks per command), then validate and compile content/.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
const stub = (name) => fileURLToPath(new URL(`./stubs/${name}.js`, import.meta.url));

rmSync(`${root}/dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { kap: 'src/main.ts', 'build-content': 'src/build-content.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  define: { __KAP_VERSION__: JSON.stringify(pkg.version) },
  alias: { 'cli-highlight': stub('cli-highlight'), 'node-emoji': stub('node-emoji') },
  // Bundled CommonJS dependencies call require() for Node built-ins.
  banner: { js: "import{createRequire as __kapCR}from'module';const require=__kapCR(import.meta.url);" },
  logLevel: 'warning',
});

try {
  execFileSync(process.execPath, [`${root}/dist/build-content.js`, 'content', 'dist/content'], { cwd: root, stdio: 'inherit' });
} catch {
  process.exit(4);
}
