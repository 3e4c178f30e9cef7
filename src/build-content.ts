/** Build entry: validate content/ and compile it into dist/content (exit 4 on bad content). */
import { loadContent } from './content/load.js';
import { compileContent, writeCompiled } from './content/compile.js';
import { checkContent } from './content/check.js';
import { formatProblem } from './errors.js';
import { dirname, join } from 'node:path';

const [dir = 'content', out = 'dist/content'] = process.argv.slice(2);
// This script runs as dist/build-content.js; the official CSL files live in the source tree.
const stylesDir = join(dirname(process.argv[1] ?? '.'), '..', 'src', 'cite', 'styles');
const started = performance.now();
const set = loadContent(dir);
const problems = checkContent(set);
for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
const errors = problems.filter((p) => p.severity === 'error').length;
if (errors) {
  process.stderr.write(`content: ${errors} error(s); nothing was written\n`);
  process.exitCode = 4;
} else {
  const compiled = compileContent(set, stylesDir);
  writeCompiled(out, compiled);
  const bytes = [...compiled.search.values()].reduce((n, text) => n + Buffer.byteLength(text), 0);
  process.stderr.write(`search index: ${compiled.search.size} files, ${(bytes / 1024 / 1024).toFixed(1)} MB (${Math.round(compiled.searchMs)} ms)\n`);
  process.stderr.write(`content: ${set.modules.length} modules, ${set.terms.length} terms, ${set.questions.length} questions → ${out} (${Math.round(performance.now() - started)} ms)\n`);
}
