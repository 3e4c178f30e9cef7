import { defineCommand, json, wholeNumber } from '../command-def.js';

export default defineCommand({
  name: 'search',
  description: 'search modules, sections, glossary terms, claims and references',
  summary: 'ranked modules, sections, glossary terms, claims and references, each with a snippet (matches in bold) and the command that opens it',
  args: [{ syntax: '<query...>', description: 'words; "quoted words" must appear together; typos and word starts are fine' }],
  options: [
    // The index's document types (a test holds them to src/search/documents.ts).
    { flags: '--type <type>', description: 'only this kind of result', choices: ['module', 'section', 'term', 'claim', 'reference'] },
    { flags: '--tag <tag>', description: 'only results from modules with this tag' },
    { flags: '--limit <n>', description: 'at most n results', default: 10, parse: wholeNumber(1, 100), meant: ['--count', '--number', '--max'] },
    json(),
  ],
  examples: ['kap search why does ketamine work so fast', 'kap search neuroplast', `kap search '"nmda receptor"' --type claim`, 'kap search furukawa 2005 --type reference'],
  hot: true,
  paged: true,
  warm: [['search', 'nmda'], ['search', 'why does ketamine work so fast'], ['search', 'glutmate', '--json'], ['search', '"nmda receptor"']],
  run: async (c, r) => (await import('../commands/search.js')).search(await r.ctx(), c.args[0], c.opts),
});
