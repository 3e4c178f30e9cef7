/** kap check [dir] [--grades]: validate a content folder; exit 4 on errors. */
import type { Ctx } from '../context.js';
import { ExitCode, KapError, formatProblem } from '../errors.js';
import { loadContent } from '../content/load.js';
import { checkContent } from '../content/check.js';
import { moduleGrades } from '../content/quality.js';
import { gradesLines, gradesView } from '../render/grades-view.js';

export function check(ctx: Ctx, dir: string, opts: { grades?: boolean } = {}): void {
  const set = loadContent(dir);
  const problems = checkContent(set);
  for (const p of problems) ctx.err(formatProblem(p));
  const count = (s: string) => problems.filter((p) => p.severity === s).length;
  const errors = count('error');
  if (opts.grades && set.modules.length) {
    const g = moduleGrades(set);
    ctx.out(ctx.isTTY ? gradesView(g, ctx.theme) : gradesLines(g));
  }
  if (errors) throw new KapError(`${errors} error(s) in ${dir}`, ExitCode.Content);
  const notes = [count('warning') && `${count('warning')} warning(s)`, count('info') && `${count('info')} note(s)`].filter(Boolean).join(', ');
  const line = `${dir}: ${set.modules.length} modules, ${set.terms.length} terms, ${set.questions.length} questions, ${set.references.items.length} references; no errors${notes ? ` (${notes})` : ''}`;
  // With --grades, stdout is the table alone: the verdict goes to stderr.
  if (opts.grades) ctx.err(line);
  else ctx.out(line);
}
