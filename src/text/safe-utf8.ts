/**
 * The output boundary's check of bytes about to leave kap as they are (output-boundary.ts
 * writeUtf8): valid UTF-8 with no unsafe character (sanitize.ts UNSAFE_CHAR's list), so that
 * scrub() would leave their text unchanged. Run in WebAssembly (safe-utf8-wasm-code.ts):
 * ~0.5M instructions for a 238 KB handout, where the regular expression over the same text as
 * a string costs ~3.5M. Undefined (the caller scrubs the text instead) for anything else, and
 * where WebAssembly is not available (node --jitless).
 */
import { Wasm } from '../wasm-bytes.js';
import { safeUtf8Module } from './safe-utf8-wasm-code.js';
import { latin1, type Latin1Buffer, type Utf8 } from './utf8-text.js';

/** The module's bytes, made by the build (base64); tests, which run the sources, make them. */
declare const __KAP_SAFE_UTF8_WASM__: string;
const moduleBytes = () => (typeof __KAP_SAFE_UTF8_WASM__ === 'string' ? Buffer.from(__KAP_SAFE_UTF8_WASM__, 'base64') : safeUtf8Module());

const PAGE = 65536;
/** Zeroed bytes after the text: a character cut off at its end fails (and 16 for the widest read). */
const PAD = 16;
const ZEROS = '\0'.repeat(PAD);

interface Checker {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  s: (n: number) => number;
  bytes: Latin1Buffer;
}

let checker: Checker | null | undefined;

function open(): Checker | null {
  try {
    const { m, s } = new Wasm.Instance(new Wasm.Module(moduleBytes())).exports as { m: Checker['memory']; s: Checker['s'] };
    return { memory: m, s, bytes: latin1(Buffer.from(m.buffer)) };
  } catch {
    return null;
  }
}

/** The bytes of `text`, when they may be written as they are; valid until the next call. Bytes as they are are copied, not made a string (~0.3M instructions for a 238 KB handout). */
export function safeBytes(text: Utf8): Uint8Array | undefined {
  const c = (checker ??= open());
  if (!c) return undefined;
  const n = text.length;
  if (c.bytes.length < n + PAD) {
    c.memory.grow(Math.ceil((n + PAD - c.bytes.length) / PAGE));
    c.bytes = latin1(Buffer.from(c.memory.buffer));
  }
  if (typeof text === 'string') c.bytes.latin1Write(text, 0, n);
  else c.bytes.set(text, 0);
  c.bytes.latin1Write(ZEROS, n, PAD);
  return c.s(n) === 1 ? c.bytes.subarray(0, n) : undefined;
}

/**
 * The UTF-8 bytes of a string, when they may be written as they are (valid, with no unsafe
 * character: scrub() would leave the text as it is); valid until the next call. The string is
 * encoded straight into the checker's memory: a 209 KB lint report (two-byte text) cost ~4.7M
 * instructions to encode with Buffer.from (which measures it first) and ~3.2M to scan with
 * UNSAFE_CHAR; this costs ~2.8M and ~0.5M.
 */
export function safeText(text: string): Uint8Array | undefined {
  const c = (checker ??= open());
  if (!c) return undefined;
  // A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair, two units, is 4).
  const room = 3 * text.length + PAD;
  if (c.bytes.length < room) {
    c.memory.grow(Math.ceil((room - c.bytes.length) / PAGE));
    c.bytes = latin1(Buffer.from(c.memory.buffer));
  }
  const n = c.bytes.utf8Write(text, 0, room - PAD);
  c.bytes.latin1Write(ZEROS, n, PAD);
  return c.s(n) === 1 ? c.bytes.subarray(0, n) : undefined;
}
