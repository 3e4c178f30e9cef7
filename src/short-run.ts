/**
 * V8 flags for a command that runs a few milliseconds of its own JavaScript once (search, a
 * topic's lookup), set when it starts (ctx.tuneV8; bundles are loaded from their code caches
 * by then, so no cache is rejected). Sparkplug compiles a function's bytecode to machine code
 * once it has run a little: in a run this short that compile costs more than the faster code
 * saves, and a regular expression compiled to machine code after its first match is the same.
 * Callgrind, `kap search nmda` 108.0M -> 105.0M instructions, `kap search why does ketamine
 * work so fast` 112.0M -> 109.8M (`node -e 0` 85.4M).
 */
export const SHORT_RUN_FLAGS = ['--no-sparkplug', '--no-regexp-tier-up'];

/**
 * Search sets them for an index of up to this many documents (the shipped one has 559): in a
 * big pack a common word's postings (up to MAX_POSTINGS a term) run long enough for Sparkplug
 * to pay. 10,000 modules (149,060 documents), `search why does ketamine work so fast`:
 * 145.1M instructions without the flags, 157.0M with them.
 */
export const SHORT_RUN_DOCS = 5_000;

/**
 * V8 flags for a topic looked for past its name in a big pack (more names than one shard holds):
 * thousands of names' letter groups, typo tables and postings run through loops long enough
 * for V8 to start its optimising compiler (TurboFan) on a background thread, and the run ends
 * about when the compiled code would start to pay. Sparkplug stays. Callgrind at 10,000
 * modules: `explain glutamatx receptr` 200.6M -> 172.4M, `explain is ketamine adictive` 231.8M
 * -> 180.1M; never set at the shipped size (one shard), where no compile starts.
 */
export const LONG_LOOKUP_FLAGS = ['--max-opt=1', '--no-regexp-tier-up'];
