/** Process entry: real streams in, exit code out. Everything else lives in cli.ts. */
import { bundleDirOf, run } from './cli.js';

// `kap list | head -1` closes the pipe early: that is the reader's choice, not an error.
for (const s of [process.stdout, process.stderr])
  s.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });

const code = await run({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdinIsTTY: Boolean(process.stdin.isTTY),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  bundleDir: bundleDirOf(import.meta.url),
});
process.exitCode = code;
