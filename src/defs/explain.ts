import { defineCommand, json } from '../command-def.js';

export default defineCommand({
  name: 'explain',
  description: 'explain a topic: a module, or a glossary term',
  summary: 'a module rendered for the terminal (evidence, the article check, sources, related modules, notice); a glossary term\'s definition; found by name (US or UK spelling), a word of a name, a typo or a question (see [Finding a topic](#finding-a-topic)); or "did you mean" suggestions (exit 3). `--brief` the title and summary only, `--raw` the module\'s Markdown source (Pandoc-ready `[@key]` citations), `--json` the structured module (front matter, sections, claims, citations, origin)',
  args: [{ syntax: '<topic...>', description: 'module id, title, alias or glossary term (several words are joined)', complete: 'topics' }],
  options: [
    { flags: '--brief', description: 'only the summary' },
    { flags: '--raw', description: "the module's Markdown source" },
    json('the structured module (front matter, sections, claims, citations)'),
  ],
  examples: ['kap explain glutamate', 'kap explain nmda receptor --brief', 'kap explain bdnf'],
  hot: true,
  paged: true,
  warm: [['explain', 'glutamate'], ['explain', 'nmda', '--brief'], ['explain', 'bdnf'], ['explain', 'glutamte'], ['explain', 'dissociation', '--json']],
  // Not --brief nor --json in kap-explain.cjs: what they add to its cache cost every explain
  // more than compiling it costs the runs that use it (callgrind, 2 seeds: explain glutamate
  // 100.0 -> 99.1M, glutamte 103.4 -> 102.7M, nmda --brief 98.9 -> 98.0M, --json 103.4 -> 103.3M).
  entryWarm: [['explain', 'glutamate'], ['explain', 'bdnf'], ['explain', 'glutamte']],
  run: async (c, r) => (await import('../commands/explain.js')).explain(await r.ctx(), c.args[0], c.opts),
});
