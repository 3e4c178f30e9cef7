/** Spawn the built binary with a scrubbed environment, as a user's shell would. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = `${ROOT}bin/kap`;

export interface RunResult {
  stdout: string;
  stderr: string;
  status: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunOptions {
  env?: Record<string, string>;
  input?: string;
  cwd?: string;
}

/** Only PATH and HOME survive; NO_COLOR etc. are what each test sets. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...extra };
}

export function kap(args: string[], opts: RunOptions = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: cleanEnv(opts.env),
    input: opts.input ?? '',
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status, signal: r.signal };
}

/** Run kap inside `sh -c`, for pipelines like `kap list | head -1`. */
export function sh(command: string, opts: RunOptions = {}): RunResult {
  const r = spawnSync('/bin/sh', ['-c', command], {
    env: cleanEnv({ KAP: `${process.execPath} ${BIN}`, ...opts.env }),
    input: opts.input ?? '',
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status, signal: r.signal };
}

export const ANSI = /\u001b\[/;

/** stdout of a run that must succeed with some output (so "no escape codes" or "fits the width" cannot pass on nothing). */
export function out(args: string[], opts: RunOptions = {}): string {
  const r = kap(args, opts);
  if (r.status !== 0 || !r.stdout.trim()) throw new Error(`kap ${args.join(' ')}: exit ${r.status}, ${r.stdout.length} bytes on stdout\n${r.stderr}`);
  return r.stdout;
}
