/**
 * kap's commands: one definition per command in src/defs/<name>.ts (see command-def.ts), listed
 * here in the order help shows them. Adding a command is its file plus one line below. Both
 * parsers (argv.ts, program.ts), help, completion, the man page, the README's table and the
 * build's bundles and code caches (scripts/build.mjs reads dist/commands.json) come from this list.
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
import help from './defs/help.js';
import completion from './defs/completion.js';
import complete from './defs/complete.js';

export const COMMANDS: readonly CommandSpec[] = [explain, claims, search, list, quiz, cite, refs, paths, check, help, completion, complete];

export { GLOBAL_OPTIONS, ENVIRONMENT } from './defs/globals.js';
export { CLAIM_VERDICTS } from './defs/claims.js';
export { ValueError, type Call, type CommandSpec, type OptionSpec, type ArgSpec, type Globals, type Runner } from './command-def.js';
