// src/cli-docs.ts (what the build and the README make of the command definitions), bundled to a
// temporary module with the commands' implementations left out, and imported.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function loadCliDocs(define = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kap-docs-'));
  try {
    await build({
      absWorkingDir: root,
      entryPoints: ['src/cli-docs.ts'],
      outfile: join(dir, 'cli-docs.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      define,
      logLevel: 'warning',
      plugins: [{ name: 'no-commands', setup: (b) => b.onResolve({ filter: /^\.\.?\/(commands\/[\w-]+|packs|program)\.js$/ }, (a) => ({ path: a.path, external: true })) }],
    });
    return await import(pathToFileURL(join(dir, 'cli-docs.mjs')).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
