import { defineCommand, json } from '../command-def.js';

export default defineCommand({
  name: 'list',
  description: 'list every topic, grouped by kind',
  summary: 'every topic, grouped by kind; piped: `name<TAB>kind<TAB>summary` per line, the name what `kap explain` takes (a module id, or a glossary term by its own name) (`--source` adds where each came from)',
  args: [],
  options: [
    { flags: '--source', description: 'show where each module came from (built-in or a content pack)' },
    json('as JSON (modules carry their origin)'),
  ],
  hot: true,
  paged: true,
  warm: [['list'], ['list', '--json']],
  run: async (c, r) => (await import('../commands/list.js')).list(await r.ctx(), c.opts),
});
