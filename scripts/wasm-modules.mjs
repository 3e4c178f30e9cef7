// The WebAssembly modules kap's bundles carry, made here at build time from the TypeScript that
// writes them (bundled to a temporary module and imported), as esbuild defines: base64 strings
// the bundles decode, where making the bytes in a fresh process costs more than running them.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** define name -> [source file, the function that returns the module's bytes]. */
const MODULES = { __KAP_PICKS_WASM__: ['src/lint/picks-wasm-code.ts', 'picksModule'], __KAP_CYRB128_WASM__: ['src/quiz/cyrb128-wasm-code.ts', 'cyrb128Module'], __KAP_SAFE_UTF8_WASM__: ['src/text/safe-utf8-wasm-code.ts', 'safeUtf8Module'], __KAP_WORDS_WASM__: ['src/lint/words-wasm-code.ts', 'wordsModule'], __KAP_HANDOUT_WASM__: ['src/quiz/handout-wasm-code.ts', 'handoutModule'] };

export async function wasmDefines() {
  const dir = mkdtempSync(join(tmpdir(), 'kap-wasm-'));
  try {
    const out = {};
    for (const [name, [source, fn]] of Object.entries(MODULES)) {
      const file = join(dir, `${name}.mjs`);
      await build({ absWorkingDir: root, entryPoints: [source], outfile: file, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
      const bytes = (await import(pathToFileURL(file).href))[fn]();
      // Checked here, so that a module V8 would refuse fails the build, not a user's run.
      new WebAssembly.Module(bytes);
      out[name] = JSON.stringify(Buffer.from(bytes).toString('base64'));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
