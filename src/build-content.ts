/**
 * Content compiler: validate a content folder (with any packs over it) and compile it for
 * run time. Used by the build (content/ → dist/content) and by kap for content packs.
 *   build-content.mjs <content> <out> [--pack DIR]... [--styles DIR] [--memo FILE]...
 *   build-content.mjs <content> - --into PACKS_DIR --key-base HEX [--errors-only] --pack DIR...
 *                     [--base-memo FILE] [--memo FILE]... [--save-memo FILE] [--parsed FILE]
 * --phases (either form): memory and CPU after each phase, on stderr (content/phases.ts).
 * The second form (kap, for packs) installs into PACKS_DIR/<key> and prints `key <key>`.
 * Exit 4 on bad content, with one `file:line: severity: message` line per problem.
 * --memo: formatted references kept by earlier compiles (cite/memo.ts), used when written by
 * this same compiler (--base-memo: the build's, not copied into --save-memo); --save-memo:
 * where to keep this compile's. --parsed: where the parsed <content> is kept between compiles
 * (content/set-cache.ts). Without packs (the build), the memo goes into <out>/cite-memo.json,
 * for pack compiles to start from.
 */
import { loadContent, type ContentSet } from './content/load.js';
// The flags scripts/build-content-entry.mjs writes the code caches under (V8 takes a cache only under its own flags).
export { DEFAULT_FLAGS, HOT_ONLY_FLAGS } from './cite/optimizer.js';
import { BLOCKS_MEMO_MAX, compileContent, CompiledWriter, type Compiled } from './content/compile.js';
import { compute } from './content/remember.js';
import { checkContent } from './content/check.js';
import { BUILT_IN, mergeSets } from './content/merge.js';
import { environmentError, formatProblem } from './errors.js';
import { packsKey, type PackReads } from './content/pack-key.js';
import { dirname, join } from 'node:path';
import { CiteMemo, compilerId, MEMO_FILE } from './cite/memo.js';
import { loadContentCached } from './content/set-cache.js';
import { phase, phasesTo } from './content/phases.js';
import { releaseChecked } from './content/release.js';
import { moduleFiles, rerunWithBigYoungGeneration } from './content/young-gen.js';
import { optimizerFor } from './cite/optimizer.js';

const positional: string[] = [];
const packs: string[] = [];
let into: string | undefined;
let keyBase: string | undefined;
let errorsOnly = false;
const memos: string[] = [];
let baseMemo: string | undefined;
let parsed: string | undefined;
let saveMemo: string | undefined;
// Run as dist/build-content.mjs: the official CSL files live in the source tree.
let stylesDir = join(dirname(process.argv[1] ?? '.'), '..', 'src', 'cite', 'styles');
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]!;
  if (a === '--pack') packs.push(argv[++i]!);
  else if (a === '--into') into = argv[++i];
  else if (a === '--key-base') keyBase = argv[++i];
  else if (a === '--errors-only') errorsOnly = true;
  else if (a === '--styles') stylesDir = argv[++i]!;
  else if (a === '--memo') memos.push(argv[++i]!);
  else if (a === '--base-memo') baseMemo = argv[++i];
  else if (a === '--parsed') parsed = argv[++i];
  else if (a === '--save-memo') saveMemo = argv[++i];
  else if (a === '--phases') phasesTo((line) => process.stderr.write(line));
  else positional.push(a);
}
const [dir = 'content', out = 'dist/content'] = positional;
const rerun = rerunWithBigYoungGeneration([dir, ...packs], argv);
if (rerun !== undefined) process.exit(rerun);
// A compile of a few dozen modules costs less CPU without V8's optimising compiler (cite/optimizer.ts).
optimizerFor([dir, ...packs].reduce((n, d) => n + moduleFiles(d), 0));
const started = performance.now();
let compilerIdMemo: string | undefined;
const compiler = () => (compilerIdMemo ??= compilerId(process.argv[1]!, stylesDir));
// `let`: released before the memo is saved, the largest write of a big compile.
let base: ContentSet | undefined = parsed ? loadContentCached(dir, parsed, compiler()) : loadContent(dir);
// Each pack is read once; the cache key is made from what was read (pack-key.ts).
const reads = packs.map((p) => ({ dir: p, reads: new Map() as PackReads }));
let set: ContentSet | undefined = packs.length ? mergeSets([{ set: base, origin: BUILT_IN }, ...packs.map((p, i) => ({ set: loadContent(p, undefined, reads[i]!.reads), origin: p }))]) : base;
phase('load');
// Loaded before the checks: they keep their per-text results in it too (content/remember.ts).
const memo = new CiteMemo(compiler());
if (baseMemo) memo.load(baseMemo, true);
for (const f of memos) memo.load(f);
// Not past BLOCKS_MEMO_MAX modules, as the blocks: the memo holds what it keeps until the end.
const problems = checkContent(set, set.modules.length <= BLOCKS_MEMO_MAX ? (kind, input, make) => memo.remember(kind, input, make) : compute);
phase('check');
// kap shows only a failed pack compile's errors: warnings by the thousand need not cross the pipe.
for (const p of problems) if (!errorsOnly || p.severity === 'error') process.stderr.write(`${formatProblem(p)}\n`);
const errors = problems.filter((p) => p.severity === 'error').length;
if (errors) {
  process.stderr.write(`content: ${errors} error(s); nothing was written\n`);
  process.exitCode = 4;
} else {
  const stamp = into !== undefined && keyBase !== undefined ? packsKey(keyBase, reads) : undefined;
  let writer: CompiledWriter | undefined;
  let compiled: Compiled | undefined;
  const counts = `${set.modules.length} modules, ${set.terms.length} terms, ${set.questions.length} questions`;
  let summary = '';
  try {
    // Modules are written as they are compiled: a compile holds none of their rendered blocks.
    const w = (writer = new CompiledWriter(stamp ? join(into!, stamp) : out));
    // Checked: what only the checks needed goes (release.ts), then each module's text once compiled.
    releaseChecked(set);
    compiled = compileContent(set, stylesDir, memo, { checked: true, writer: w, release: true });
    phase('compile');
    // The parsed sources are not needed past this point; finish() gives up the rest as it writes.
    set = base = undefined;
    w.finish(compiled, stamp);
    phase('finish');
    const { files, bytes } = w.searchSize;
    summary = `search index: ${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MB (${Math.round(compiled.searchMs)} ms)\n`;
    compiled = undefined;
    if (saveMemo) {
      try {
        memo.save(saveMemo);
      } catch {
        // The memo only saves time: the compile itself is written.
      }
    } else if (!packs.length && !stamp) memo.save(join(out, MEMO_FILE));
  } catch (e) {
    // The machine refused (disk full, permission): one line kap shows as it is (exit 5).
    writer?.discard();
    const env = environmentError(e, 'write the compiled packs to', stamp ? into : out);
    if (!env) throw e;
    process.stderr.write(`kap-environment: ${env.message}\n`);
    process.exit(5);
  }
  phase('memo');
  if (stamp) process.stdout.write(`key ${stamp}\n`);
  else {
    process.stderr.write(summary);
    process.stderr.write(`content: ${counts} → ${out} (${Math.round(performance.now() - started)} ms)\n`);
  }
}
