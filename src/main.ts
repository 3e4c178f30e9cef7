/** Process entry, called by bin/kap with the folder of this bundle: real streams in, exit code out. */
import { homedir } from 'node:os';
import { run } from './cli.js';

export { run };

export function main(bundleDir: string): Promise<void> {
  // `kap list | head -1` closes the pipe early: that is the reader's choice, not an error.
  for (const s of [process.stdout, process.stderr])
    s.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  // Ctrl+C outside a prompt (inquirer handles its own): the documented exit code, no stack.
  process.once('SIGINT', () => process.exit(130));
  return run({
    argv: process.argv.slice(2),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    // Only the quiz asks; creating process.stdin costs every other command.
    stdinIsTTY: () => Boolean(process.stdin.isTTY),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    bundleDir,
    home: homedir(),
  }).then((code) => {
    process.exitCode = code;
  });
}
