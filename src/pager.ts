/**
 * Long output in a terminal goes through a pager, following bat's rules: KAP_PAGER, then PAGER,
 * then `less -R -F -K`; `less` named without options gets those options, and PAGER=more or most
 * (often a system default that drops colour) gets less too. An empty KAP_PAGER or PAGER, or
 * `cat`, means no pager. Never when stdout is not a terminal, never for output that fits the
 * screen, never with --no-pager: cli.ts decides when, this file what and how.
 */
import { visibleLength } from './render/wrap.js';

export interface PagerCommand {
  file: string;
  args: string[];
}

const LESS_OPTIONS = ['-R', '-F', '-K'];
const LESS: PagerCommand = { file: 'less', args: LESS_OPTIONS };

/** The pager to run, or undefined for none. */
export function choosePager(env: Record<string, string | undefined>): PagerCommand | undefined {
  const fromKap = env.KAP_PAGER !== undefined;
  const chosen = (fromKap ? env.KAP_PAGER : env.PAGER)?.trim();
  if (chosen === undefined) return LESS;
  if (chosen === '' || chosen === 'cat') return undefined;
  if (!/\s/.test(chosen)) {
    const program = chosen.split('/').pop();
    if (program === 'less') return { file: chosen, args: LESS_OPTIONS };
    if (!fromKap && (program === 'more' || program === 'most')) return LESS;
  }
  // A command line with options or quoting: the shell reads it, as git and bat do.
  return { file: '/bin/sh', args: ['-c', chosen] };
}

/** Does `text` take more rows than the screen has (leaving one for the prompt)? */
export function overflows(text: string, rows: number, columns: number): boolean {
  let used = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    used += Math.max(1, Math.ceil(visibleLength(text.slice(start, end)) / columns));
    if (used >= rows) return true;
    start = end + 1;
  }
  return false;
}

/**
 * Show `text` in the pager and wait for it; kap ignores Ctrl+C meanwhile (the pager handles
 * it). The exit code: 130 when the pager was interrupted (less -K exits 2 on Ctrl+C), else
 * undefined; false when the pager could not be started (the caller writes the text itself).
 */
export function page(text: string, pager: PagerCommand, env: Record<string, string | undefined>): number | undefined | false {
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const ignore = () => {};
  process.on('SIGINT', ignore);
  try {
    const r = spawnSync(pager.file, pager.args, {
      input: text,
      stdio: ['pipe', 'inherit', 'inherit'],
      env: { ...env, LESSCHARSET: env.LESSCHARSET ?? 'UTF-8' },
      maxBuffer: Infinity,
    });
    // Quitting before reading everything (q on the first page) closes the pipe: not an error.
    if (r.error && (r.error as NodeJS.ErrnoException).code !== 'EPIPE') return false;
    if (r.signal === 'SIGINT' || (pager.args === LESS_OPTIONS && r.status === 2)) return 130;
    return undefined;
  } finally {
    process.off('SIGINT', ignore);
  }
}
