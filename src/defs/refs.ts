import { defineCommand, json } from '../command-def.js';

export default defineCommand({
  name: 'refs',
  description: "list the references; a module's references; the article's errata; what a source is cited for",
  summary: 'every reference (`key<TAB>author-year<TAB>title` piped); `--claims <key>`: what a source is cited for, and the verdict',
  args: [],
  options: [
    { flags: '--topic <module>', description: 'only the references a module cites', complete: 'modules' },
    { flags: '--errata', description: 'how the source article cited each of its references wrongly' },
    { flags: '--claims <key>', description: "the claims a reference is cited for, and the verdict on the article's use of it", complete: 'references' },
    json(),
  ],
  help: 'Piped, each reference is one line: key<TAB>author-year<TAB>title.',
  examples: ['kap refs', 'kap refs --topic glutamate', 'kap refs --errata', 'kap refs --claims furukawa2005'],
  hot: true,
  paged: true,
  warm: [['refs'], ['refs', '--errata']],
  run: async (c, r) => (await import('../commands/refs.js')).refs(await r.ctx(), c.opts),
});
