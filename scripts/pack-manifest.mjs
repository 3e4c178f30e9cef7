// npm pack ships package.json as it is on disk. Its scripts need scripts/ and test/, which the
// package does not ship (an installed tarball would warn about, or try to run, `prepare`), so
// prepack writes package.json without them and postpack puts the original back.
// `node scripts/pack-manifest.mjs strip|restore`.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../package.json', import.meta.url));
const saved = `${file}.unpacked`;

/** The manifest the package ships: no scripts (each one needs files that are not shipped). */
export function packedManifest(text) {
  const pkg = JSON.parse(text);
  delete pkg.scripts;
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

const restore = () => existsSync(saved) && renameSync(saved, file);

const step = process.argv[2];
if (step === 'strip') {
  restore(); // a pack that stopped half-way left the original aside
  const text = readFileSync(file, 'utf8');
  writeFileSync(saved, text);
  writeFileSync(file, packedManifest(text));
} else if (step === 'restore') restore();
else if (step) throw new Error(`pack-manifest: unknown step ${step}`);
