import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOT_ONLY_FLAGS } from '../../src/cite/optimizer.js';
import { manifest } from '../../src/cli-docs.js';
import { COMMANDS } from '../../src/command-table.js';
import { ROOT } from '../helpers/run-kap.js';

const dist = join(ROOT, 'dist');

describe('the build follows the command definitions', () => {
  it('dist/commands.json is the manifest the definitions make', () => {
    expect(JSON.parse(readFileSync(join(dist, 'commands.json'), 'utf8'))).toEqual(manifest());
  });

  it('an entry bundle, with its code cache, for exactly the commands and subcommands marked hot', () => {
    const entries = readdirSync(dist).flatMap((f) => /^kap-([a-z-]+)\.cjs$/.exec(f)?.[1] ?? []).sort();
    const subcommands = COMMANDS.flatMap((c) => (c.subcommands ?? []).filter((s) => s.hot).map((s) => `${c.name}-${s.name}`));
    expect(entries).toEqual([...COMMANDS.filter((c) => c.hot).map((c) => c.name), ...subcommands].sort());
    for (const e of entries) expect(existsSync(join(dist, `kap-${e}.cjs.cache`)), e).toBe(true);
  });

  it("bin/kap names the subcommands that have an entry (it cannot read the manifest without slowing every start)", () => {
    const { SUBCOMMAND_ENTRIES } = createRequire(import.meta.url)('../../bin/kap') as { SUBCOMMAND_ENTRIES: string[] };
    const hot = COMMANDS.flatMap((c) => (c.subcommands ?? []).filter((s) => s.hot).map((s) => `${c.name} ${s.name}`));
    expect([...SUBCOMMAND_ENTRIES].sort()).toEqual(hot.sort());
  });

  it('the content compiler and its citation engine have code caches V8 takes, under the flags each is loaded with', () => {
    // scripts/build-content-entry.mjs: the compiler loads with V8's defaults, the engine under the bibliography's flags (cite/optimizer.ts).
    for (const [file, flags] of [['build-content.cjs', []], ['cite-engine.cjs', HOT_ONLY_FLAGS.split(' ')]] as const) {
      const path = join(dist, file);
      const check = `const { wrap } = require(${JSON.stringify(join(ROOT, 'bin', 'kap'))}); const fs = require('node:fs');
        const s = new (require('node:vm').Script)(wrap(fs.readFileSync(${JSON.stringify(path)}, 'utf8')), { filename: ${JSON.stringify(path)}, cachedData: fs.readFileSync(${JSON.stringify(`${path}.cache`)}) });
        process.stdout.write(String(s.cachedDataRejected));`;
      expect(execFileSync(process.execPath, [...flags, '-e', check], { encoding: 'utf8' }), file).toBe('false');
    }
  });

  it("every command's warm-up runs are in the manifest, and each names its command", () => {
    const m = manifest();
    for (const c of COMMANDS) for (const w of c.warm ?? []) expect(m.warm).toContainEqual([...w]);
    for (const c of COMMANDS) for (const w of c.warm ?? []) expect(w[0], c.name).toBe(c.name);
    // An entry is warmed with some of warm, never a run the core is not warmed with.
    for (const c of COMMANDS) for (const w of c.entryWarm ?? []) expect(c.warm, c.name).toContainEqual(w);
    for (const c of COMMANDS) for (const w of c.entryWarm ?? c.warm ?? []) expect(m.entryWarm).toContainEqual([...w]);
  });
});
