import { defineCommand, json } from '../command-def.js';
import { builtinContentDir, cacheDir, contentPacks, dataDir, userDataDir } from '../paths.js';

export default defineCommand({
  name: 'paths',
  description: 'show where kap reads content and caches packs, and where each setting came from',
  summary: 'every location kap reads or caches, and where each setting came from',
  args: [],
  options: [json()],
  warm: [['paths']],
  run: async (c, r) => {
    const { paths } = await import('../commands/paths.js');
    const { io } = r;
    paths(await r.ctx(), {
      builtinContent: builtinContentDir(io.bundleDir),
      compiledContent: dataDir(io.env, io.bundleDir),
      packs: contentPacks(c.globals.content ?? [], io.env),
      cache: cacheDir(io.env, io.home),
      data: userDataDir(io.env, io.home),
    }, c.opts);
  },
});
