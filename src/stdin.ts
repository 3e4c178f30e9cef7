/**
 * Standard input, read without Node's stream: a pipe or a file on fd 0 read with readSync.
 * process.stdin (a net.Socket or fs.ReadStream, and the stream machinery behind it) cost
 * ~25M instructions of a scripted quiz fed by a pipe and ~42M of `kap lint -` (callgrind).
 */
import { fstatSync, readSync } from 'node:fs';

/**
 * Is fd 0 a terminal? Asked of the descriptor, so no process.stdin is made to answer; a pipe or
 * a file (a script's answers) is told by fstat, without loading node:tty (and node:net with it).
 */
export function stdinIsTTY(): boolean {
  try {
    if (!fstatSync(0).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return (require('node:tty') as typeof import('node:tty')).isatty(0);
}

/** All of standard input. A descriptor set non-blocking by whoever shares it (EAGAIN) is read to its end by the stream instead. */
export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let buf = Buffer.allocUnsafe(1 << 16);
  let used = 0;
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buf, used, buf.length - used, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EOF') break;
      if (code !== 'EAGAIN') throw e;
      chunks.push(buf.subarray(0, used));
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    }
    if (n === 0) break;
    used += n;
    if (used === buf.length) {
      chunks.push(buf);
      buf = Buffer.allocUnsafe(buf.length * 2);
      used = 0;
    }
  }
  chunks.push(buf.subarray(0, used));
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}
