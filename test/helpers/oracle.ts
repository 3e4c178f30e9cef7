/**
 * Independent programs (pandoc, biber, xmllint, php, a shell) used as oracles: the real
 * consumer of an export, not kap's own idea of the format. On a machine without one, its tests
 * say so in one line and are skipped; under CI=true (.ci/run installs them) a missing oracle is
 * a failure, never a silent skip.
 */
import { spawnSync } from 'node:child_process';
import { describe, it } from 'vitest';

const found = new Map<string, string | undefined>();

/** The program's path on PATH, or undefined. */
export function which(program: string): string | undefined {
  if (!found.has(program)) {
    const r = spawnSync('/bin/sh', ['-c', `command -v ${program}`], { encoding: 'utf8' });
    found.set(program, r.status === 0 ? r.stdout.trim() || undefined : undefined);
  }
  return found.get(program);
}

/**
 * describe() that runs only where every program is on PATH. `purpose` says in a few words
 * what the program checks ("reads the BibTeX export back").
 */
export function describeWith(programs: string | string[], purpose: string, body: () => void): void {
  const list = Array.isArray(programs) ? programs : [programs];
  const missing = list.filter((p) => !which(p));
  const title = `${list.join(' + ')}: ${purpose}`;
  if (!missing.length) {
    describe(title, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(title, () => it(`needs ${missing.join(', ')} (CI installs it: test/setup/ensure-oracles.sh)`, () => {
      throw new Error(`${missing.join(', ')} not found under CI=true`);
    }));
    return;
  }
  process.stderr.write(`skipped: ${title} (${missing.join(', ')} not installed; CI installs it)\n`);
  describe.skip(title, body);
}
