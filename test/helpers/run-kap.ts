/** Spawn the built binary with a scrubbed environment, as a user's shell would. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TestRunner } from 'vitest';

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
  /** Kill the run after this many ms; by default, what is left of the running test's own timeout. */
  timeout?: number;
}

/** Outside a test (hooks, setup), where vitest's budget cannot be read: generous, never the work's length. */
export const FALLBACK_BUDGET = 300_000;

/**
 * How long a run may take: the caller's timeout, else what remains of the current test's
 * (vitest cannot time a test out while spawnSync blocks its thread, so the kill must come
 * from that budget, never from a fixed timer shorter than the work).
 */
export function budget(timeout?: number): number {
  if (timeout) return timeout;
  const test = TestRunner.getCurrentTest();
  if (!test?.timeout) return FALLBACK_BUDGET;
  const started = test.result?.startTime ?? Date.now();
  return Math.max(1_000, test.timeout - (Date.now() - started));
}

/** Only PATH and HOME survive; NO_COLOR etc. are what each test sets. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...extra };
}

export function kap(args: string[], opts: RunOptions = {}): RunResult {
  return spawn(process.execPath, [BIN, ...args], cleanEnv(opts.env), opts);
}

/** Run kap inside `sh -c`, for pipelines like `kap list | head -1`. */
export function sh(command: string, opts: RunOptions = {}): RunResult {
  return spawn('/bin/sh', ['-c', command], cleanEnv({ KAP: `${process.execPath} ${BIN}`, ...opts.env }), opts);
}

function spawn(file: string, args: string[], env: Record<string, string>, opts: RunOptions): RunResult {
  const ms = budget(opts.timeout);
  const r = spawnSync(file, args, { env, input: opts.input ?? '', cwd: opts.cwd ?? ROOT, encoding: 'utf8', timeout: ms });
  const killed = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  const stderr = killed ? `${r.stderr ?? ''}\n[run-kap: killed after ${ms} ms, the test's budget]\n` : r.stderr;
  return { stdout: r.stdout, stderr, status: r.status, signal: r.signal };
}

export const ANSI = /\u001b\[/;

/** stdout of a run that must succeed with some output (so "no escape codes" or "fits the width" cannot pass on nothing). */
export function out(args: string[], opts: RunOptions = {}): string {
  const r = kap(args, opts);
  if (r.status !== 0 || !r.stdout.trim()) throw new Error(`kap ${args.join(' ')}: exit ${r.status}, ${r.stdout.length} bytes on stdout\n${r.stderr}`);
  return r.stdout;
}
