/**
 * The one boundary where text leaves kap. cli.ts wraps the process's stdout and stderr here
 * before anything else runs, so every write (commands, commander's messages, report()'s errors,
 * the pack compiler's forwarded messages) is scrubbed by text/sanitize.ts, or, for UTF-8 bytes
 * written as they are (writeUtf8), checked by text/safe-utf8.ts. Content was cleaned
 * when it was compiled; what survives here is only kap's own colour (SGR), and only when colour
 * is on. Files written with --out go through writeOutFile (out-file.ts), the quiz's prompts
 * through promptStream.
 */
import { scrub, type Allow } from './text/sanitize.js';
import { safeBytes, safeText } from './text/safe-utf8.js';
import { textOf, type Utf8 } from './text/utf8-text.js';

export interface Writable {
  write(s: string): unknown;
  /** Bytes as they are; without it, writeUtf8 writes their text. */
  writeBytes?(b: Uint8Array): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** A guarded stream: text through scrub(), and UTF-8 bytes (text/utf8-text.ts) through the same promise. */
export type Guarded<W extends Writable> = W & {
  /**
   * UTF-8 bytes, written as they are when they are valid UTF-8 with no unsafe character
   * (text/safe-utf8.ts: then scrub() would not change their text); else their text, scrubbed.
   */
  writeUtf8(u: Utf8): void;
};

export interface Boundary<O extends Writable, E extends Writable> {
  stdout: Guarded<O>;
  stderr: Guarded<E>;
  /** Colour decided: kap's SGR sequences may pass from now on (never anything else). */
  setColor(color: boolean): void;
  /** The same scrub as a write, for text that leaves another way (the pager's stdin). */
  clean(s: string): string;
}

/**
 * A write of this many characters, one of them beyond Latin-1, goes through safeText: V8 scans
 * and encodes such text slowly (a 209 KB lint report: ~7.9M instructions, ~3.8M this way). The
 * checker's start costs ~2M, more than it saves on shorter text or on one-byte text (46 KB of
 * `kap list --json`: 2.0M as it is, 3.8M through the checker).
 */
const LONG_TEXT = 65_536;
const TWO_BYTE = /[^\x00-\xff]/;

export function guardStreams<O extends Writable, E extends Writable>(stdout: O, stderr: E): Boundary<O, E> {
  let allow: Allow = 'none';
  const wrap = <W extends Writable>(w: W): Guarded<W> => {
    const g = Object.create(w) as Guarded<W>;
    g.write = (s: string) => {
      // A long text of two-byte characters (a lint report) is checked as UTF-8 bytes, in WebAssembly.
      const bytes = w.writeBytes && typeof s === 'string' && s.length >= LONG_TEXT && TWO_BYTE.test(s) && safeText(s);
      return bytes ? w.writeBytes!(bytes) : w.write(scrub(String(s), allow));
    };
    g.writeUtf8 = (u: Utf8) => {
      const bytes = w.writeBytes && safeBytes(u);
      if (bytes) w.writeBytes!(bytes);
      else w.write(scrub(textOf(u), allow));
    };
    // The stream's own byte write is not let through unchecked.
    g.writeBytes = (b: Uint8Array) => g.writeUtf8(b);
    return g;
  };
  return {
    stdout: wrap(stdout),
    stderr: wrap(stderr),
    setColor: (color) => void (allow = color ? 'sgr' : 'none'),
    clean: (s) => scrub(s, allow),
  };
}

/**
 * A terminal stream for the quiz's prompt library, which draws with cursor movements (CSI):
 * those pass, OSC, DCS, lone ESC and every other unsafe character do not. Everything else about
 * the stream (columns, events, pipe) is the stream's own.
 */
export function promptStream(s: NodeJS.WriteStream): NodeJS.WriteStream {
  return new Proxy(s, {
    get(target, prop) {
      if (prop === 'write')
        return (chunk: unknown, ...rest: unknown[]) =>
          (target.write as (...a: unknown[]) => boolean)(typeof chunk === 'string' ? scrub(chunk, 'csi') : Buffer.isBuffer(chunk) ? scrub(chunk.toString('utf8'), 'csi') : chunk, ...rest);
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/**
 * A prompt stream (promptStream's) with a first frame drawn now, before the prompt library is
 * loaded (src/quiz/prompt-view.ts firstFrame): the library's first write is then dropped when
 * it is that frame, or drawn over it when it is not.
 */
export function withPainted(s: NodeJS.WriteStream, frame: string): NodeJS.WriteStream {
  s.write(frame);
  let pending: string | undefined = frame;
  return new Proxy(s, {
    get(target, prop) {
      if (prop === 'write')
        return (chunk: unknown, ...rest: unknown[]) => {
          const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : undefined;
          if (pending === undefined || text === undefined) return (target.write as (...a: unknown[]) => boolean)(chunk, ...rest);
          const drawn = pending;
          pending = undefined;
          if (text === drawn) {
            const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
            if (done) process.nextTick(done);
            return true;
          }
          return (target.write as (...a: unknown[]) => boolean)(eraseLines(drawn.split('\n').length) + text, ...rest);
        };
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** The lines a frame took, cleared, the cursor at the start of its first line (as inquirer clears its own). */
const eraseLines = (n: number) => `${'\u001b[2K\u001b[1A'.repeat(n - 1)}\u001b[2K\u001b[G`;
