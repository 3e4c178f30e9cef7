/**
 * kap's commands: one definition per command in src/defs/<name>.ts (see command-def.ts), listed
 * here in the order help shows them. Adding a command is its file plus one line below. Both
 * parsers (argv.ts, program.ts), help, completion, the man page, the README's table and the
 * build's bundles and code caches (scripts/build.mjs reads dist/commands.json) come from this list.
 *
 * Porting an entry written against the old table (an object literal in COMMANDS): move it to
 * src/defs/<name>.ts as `export default defineCommand({...})`; `./commands/` becomes
 * `../commands/`; `help: examples('a', 'b')` becomes `examples: ['a', 'b']` (other help text
 * stays in `help`, without a leading newline); drop the `as string[]` casts on `c.args` and
 * `c.opts` (they are typed now); a name in build.mjs's HOT_COMMANDS becomes `hot: true`, its
 * lines in code-cache.cjs's runs become `warm`; add the import and the name below; `npm run readme`.
 */
import type { CommandSpec } from './command-def.js';
import explain from './defs/explain.js';
import claims from './defs/claims.js';
import search from './defs/search.js';
import list from './defs/list.js';
import quiz from './defs/quiz.js';
import cite from './defs/cite.js';
import refs from './defs/refs.js';
import paths from './defs/paths.js';
import check from './defs/check.js';
import lint from './defs/lint.js';
import review from './defs/review.js';
import help from './defs/help.js';
import completion from './defs/completion.js';
import complete from './defs/complete.js';

export const COMMANDS: readonly CommandSpec[] = [explain, claims, search, list, quiz, review, cite, refs, lint, paths, check, help, completion, complete];

export { GLOBAL_OPTIONS, ENVIRONMENT } from './defs/globals.js';
export { CLAIM_VERDICTS } from './defs/claims.js';
export { ValueError, type Call, type CommandSpec, type OptionSpec, type ArgSpec, type Globals, type Runner } from './command-def.js';
