/**
 * A compile of thousands of modules spent about a tenth of its CPU in young-generation
 * collections (scavenges) with V8's default semi-space: its garbage is many mid-sized strings
 * (tokens, rendered blocks, JSON). V8 takes the semi-space size only as the process starts
 * (v8.setFlagsFromString comes too late), so a big compile runs the compiler again with a bigger
 * one. A small one (the build, a trainer's pack) is not worth a second start.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const SEMI_SPACE = '--max-semi-space-size=32';
/** From this many module files (in the folder and its packs), the compile runs with SEMI_SPACE. */
export const MANY_MODULES = 2000;

export const moduleFiles = (dir: string): number => {
  try {
    return readdirSync(join(dir, 'modules')).length;
  } catch {
    return 0;
  }
};

/** The node options to run the compiler again with, or undefined: compile in this process. */
export function rerunOptions(execArgv: readonly string[], modules: number): string[] | undefined {
  if (modules < MANY_MODULES || execArgv.some((a) => a.startsWith('--max-semi-space-size'))) return undefined;
  return [...execArgv, SEMI_SPACE];
}

/**
 * Runs this compiler again with SEMI_SPACE when `dirs` hold MANY_MODULES modules or more and it
 * is not already so run; returns its exit code, or undefined: compile here.
 */
export function rerunWithBigYoungGeneration(dirs: string[], args: string[]): number | undefined {
  let count = 0;
  for (const d of dirs) count += moduleFiles(d);
  const options = rerunOptions(process.execArgv, count);
  if (!options) return undefined;
  const r = spawnSync(process.execPath, [...options, process.argv[1]!, ...args], { stdio: 'inherit' });
  if (r.error) return undefined;
  if (r.signal) process.kill(process.pid, r.signal);
  return r.status ?? 1;
}
