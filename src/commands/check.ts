/** kap check [dir] [--grades] [--json]: validate a content folder; exit 4 on errors. */
import type { Ctx } from '../context.js';
import { ExitCode, KapError, formatProblem } from '../errors.js';
import { loadContent } from '../content/load.js';
import { checkContent } from '../content/check.js';
import { BUILT_IN, mergeSets } from '../content/merge.js';
import { resolve } from 'node:path';
import { gradedTexts } from '../content/grades.js';
import { gradesLines, gradesView } from '../render/grades-view.js';

/**
 * A folder other than the built-in content is a pack: it is checked as kap will use it, over
 * the built-in content (so it may cite built-in references and link built-in modules), and
 * only problems in the pack's own files are reported.
 */
export function check(ctx: Ctx, dir: string, opts: { grades?: boolean; json?: boolean } = {}, builtinContent?: string): void {
  const isPack = builtinContent !== undefined && resolve(dir) !== resolve(builtinContent);
  const own = loadContent(dir);
  const set = isPack ? mergeSets([{ set: loadContent(builtinContent!), origin: BUILT_IN }, { set: own, origin: dir }]) : own;
  const ownFiles = new Set([...own.texts.keys(), ...own.problems.map((p) => p.file)]);
  const problems = checkContent(set).filter((p) => !isPack || ownFiles.has(p.file) || p.file.startsWith(dir));
  const count = (s: string) => problems.filter((p) => p.severity === s).length;
  const errors = count('error');
  if (errors) ctx.endsWith(ExitCode.Content);
  const counted = isPack ? own : set;
  if (opts.json) {
    // For scripts: everything on stdout as one document; the exit code still says whether it passed.
    ctx.json({
      dir,
      pack: isPack,
      ok: errors === 0,
      counts: { modules: counted.modules.length, terms: counted.terms.length, questions: counted.questions.length, references: counted.references.items.length },
      problems: problems.map(({ file, line, severity, message }) => ({ file, line, severity, message })),
      summary: { errors, warnings: count('warning'), info: count('info') },
      ...(opts.grades && set.modules.length ? { grades: gradedTexts(set).filter((t) => !isPack || ownFiles.has(t.file)) } : {}),
    });
    if (errors) throw new KapError(`${errors} error(s) in ${dir}`, ExitCode.Content);
    return;
  }
  for (const p of problems) ctx.err(formatProblem(p));
  if (opts.grades && set.modules.length) {
    const g = gradedTexts(set).filter((t) => !isPack || ownFiles.has(t.file));
    ctx.out(ctx.isTTY ? gradesView(g, ctx.theme) : gradesLines(g));
  }
  if (errors) throw new KapError(`${errors} error(s) in ${dir}`, ExitCode.Content);
  const notes = [count('warning') && `${count('warning')} warning(s)`, count('info') && `${count('info')} note(s)`].filter(Boolean).join(', ');
  const line = `${dir}: ${counted.modules.length} modules, ${counted.terms.length} terms, ${counted.questions.length} questions, ${counted.references.items.length} references${isPack ? ' (a pack, checked over the built-in content)' : ''}; no errors${notes ? ` (${notes})` : ''}`;
  // With --grades, stdout is the table alone: the verdict goes to stderr.
  if (opts.grades) ctx.err(line);
  else ctx.out(line);
}
