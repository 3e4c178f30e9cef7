/** kap completion bash|zsh|fish: print the script. */
import type { Io } from '../cli.js';
import { UsageError } from '../errors.js';
import { SCRIPTS, SHELLS, type Shell } from '../completion/scripts.js';

export function completion(io: Io, shell: string): void {
  if (!(SHELLS as readonly string[]).includes(shell)) throw new UsageError(`no completion for '${shell}': bash, zsh or fish`);
  io.stdout.write(SCRIPTS[shell as Shell]);
}
