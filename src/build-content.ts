/**
 * Content compiler: validate a content folder (with any packs over it) and compile it for
 * run time. Used by the build (content/ → dist/content) and by kap for content packs.
 *   build-content.mjs <content> <out> [--pack DIR]... [--stamp KEY] [--styles DIR]
 * Exit 4 on bad content, with one `file:line: severity: message` line per problem.
 */
import { loadContent } from './content/load.js';
import { compileContent, writeCompiled } from './content/compile.js';
import { checkContent } from './content/check.js';
import { BUILT_IN, mergeSets } from './content/merge.js';
import { formatProblem } from './errors.js';
import { dirname, join } from 'node:path';

const positional: string[] = [];
const packs: string[] = [];
let stamp: string | undefined;
// Run as dist/build-content.mjs: the official CSL files live in the source tree.
let stylesDir = join(dirname(process.argv[1] ?? '.'), '..', 'src', 'cite', 'styles');
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]!;
  if (a === '--pack') packs.push(argv[++i]!);
  else if (a === '--stamp') stamp = argv[++i];
  else if (a === '--styles') stylesDir = argv[++i]!;
  else positional.push(a);
}
const [dir = 'content', out = 'dist/content'] = positional;
const started = performance.now();
const base = loadContent(dir);
const set = packs.length ? mergeSets([{ set: base, origin: BUILT_IN }, ...packs.map((p) => ({ set: loadContent(p), origin: p }))]) : base;
const problems = checkContent(set);
for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
const errors = problems.filter((p) => p.severity === 'error').length;
if (errors) {
  process.stderr.write(`content: ${errors} error(s); nothing was written\n`);
  process.exitCode = 4;
} else {
  const compiled = compileContent(set, stylesDir);
  writeCompiled(out, compiled, stamp);
  if (!stamp) {
    const bytes = [...compiled.search.values()].reduce((n, text) => n + Buffer.byteLength(text), 0);
    process.stderr.write(`search index: ${compiled.search.size} files, ${(bytes / 1024 / 1024).toFixed(1)} MB (${Math.round(compiled.searchMs)} ms)\n`);
    process.stderr.write(`content: ${set.modules.length} modules, ${set.terms.length} terms, ${set.questions.length} questions → ${out} (${Math.round(performance.now() - started)} ms)\n`);
  }
}
