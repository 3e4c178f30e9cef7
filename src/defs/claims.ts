import { defineCommand, json } from '../command-def.js';

// Spelled out here so that `kap --help` needs no content modules at start-up.
export const CLAIM_VERDICTS = ['supported', 'partly-supported', 'overstated', 'unsupported', 'misattributed', 'any'] as const;

export default defineCommand({
  name: 'claims',
  description: "list the content's claims with their evidence: all, or one topic's",
  summary: "the content's claims with design, certainty, sources and, for the article's claims, the verdict; piped: one tab-separated line per claim",
  args: [{ syntax: '[topic...]', description: 'module id, title, alias or glossary term', complete: 'topics' }],
  options: [
    { flags: '--verdict <verdict>', description: "only the article's claims with this verdict (any: all of the article's claims)", choices: CLAIM_VERDICTS },
    { flags: '--source <key>', description: 'only claims citing this reference key', complete: 'references' },
    json(),
  ],
  help: 'Piped, one line per claim: id, module, design, certainty, verdict, source keys, text (tab-separated).',
  examples: ['kap claims glutamate', 'kap claims --verdict any', 'kap claims --source zanos2018 --json'],
  hot: true,
  paged: true,
  warm: [['claims'], ['claims', 'glutamate'], ['claims', '--verdict', 'any', '--json']],
  run: async (c, r) => (await import('../commands/claims.js')).claims(await r.ctx(), c.args[0], c.opts),
});
