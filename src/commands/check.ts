/** kap check [dir]: validate a content folder; exit 4 on errors. */
import type { Ctx } from '../context.js';
import { ExitCode, KapError, formatProblem } from '../errors.js';
import { loadContent } from '../content/load.js';
import { checkContent } from '../content/check.js';

export function check(ctx: Ctx, dir: string): void {
  const set = loadContent(dir);
  const problems = checkContent(set);
  for (const p of problems) ctx.err(formatProblem(p));
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors) throw new KapError(`${errors} error(s) in ${dir}`, ExitCode.Content);
  ctx.out(`${dir}: ${set.modules.length} modules, ${set.terms.length} terms, ${set.questions.length} questions, ${set.references.items.length} references; no errors${problems.length ? ` (${problems.length} warning(s))` : ''}`);
}
