import { collect, defineCommand, json } from '../command-def.js';

export default defineCommand({
  name: 'lint',
  description: "check a draft against the evidence: the article's errors, overstatements, wrong or missing sources, safety",
  summary: "a writer's draft checked against the evidence: `file:line:col: severity: message [rule]` with the fix; exit 6 on an error-level finding (see [Checking a draft](#checking-a-draft-kap-lint))",
  args: [{ syntax: '<file...>', description: 'Markdown or text files; - reads standard input', complete: 'files' }],
  options: [
    { flags: '--format <format>', description: 'text (file:line:col: severity: message [rule]), json or sarif (SARIF 2.1.0)', choices: ['text', 'json', 'sarif'] as const, default: 'text' },
    json('the same as --format json'),
    { flags: '--disable <rules>', description: 'turn rules off (comma-separated or repeatable): known-error, overstated, wrong-source, uncited, unknown-citation, safety', parse: collect },
  ],
  help: 'Exit 0 when no error-level finding; 6 when there is one. In a draft, <!-- kap-lint disable rule -->,\n<!-- kap-lint enable --> and <!-- kap-lint disable-next-line rule --> turn rules off and on.',
  examples: ['kap lint draft.md', 'kap lint --format sarif draft.md > draft.sarif', 'cat draft.md | kap lint -', 'kap lint --disable uncited,overstated draft.md'],
  hot: true,
  warm: [['lint', 'README.md'], ['lint', '--format', 'sarif', 'README.md'], ['lint', 'test/fixtures/lint/draft.md'], ['lint', 'content/modules/the-article.md']],
  run: async (c, r) => (await import('../commands/lint.js')).lint(await r.ctx(), c.args[0], c.opts),
});
