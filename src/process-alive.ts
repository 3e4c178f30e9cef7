import { readFileSync } from 'node:fs';

/**
 * Is process `pid` still running? (Its leftovers — temporary files of a killed save or compile —
 * may then not be removed.) A zombie is not: a compiler killed together with the kap that ran it
 * stays a zombie until init reaps it, and `kill(pid, 0)` still succeeds for it, so its
 * leftovers were kept (CI saw one after a kill -9 at 0.3 s).
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch (e) {
    // Gone since the kill; elsewhere than Linux there is no /proc to ask, and it runs.
    return (e as NodeJS.ErrnoException).code !== 'ENOENT';
  }
  // "pid (command) state ...": the command may hold spaces and parentheses, the state follows the last ")".
  const state = stat.charAt(stat.lastIndexOf(')') + 2);
  return state !== 'Z' && state !== 'X';
}
