/** What a command may touch: output streams, terminal decisions, and content — built once in cli.ts. */
import { readCatalog, type Catalog } from './store.js';
import { makeTheme, type Theme } from './render/theme.js';
import { toJson } from './text/sanitize.js';
import { textOf, type Utf8 } from './text/utf8-text.js';

export interface Ctx {
  out(text: string): void;
  /** out() of UTF-8 bytes (text/utf8-text.ts): written as they are when the output boundary finds them safe. */
  outUtf8(text: Utf8): void;
  /** A value as JSON on stdout, every string cleaned (text/sanitize.ts toJson). */
  json(value: unknown): void;
  err(text: string): void;
  color: boolean;
  width: number;
  theme: Theme;
  isTTY: boolean;
  stdinIsTTY(): boolean;
  dataDir: string;
  catalog(): Catalog;
  /** All of stdin as text (for scripted quiz answers). */
  readStdin(): Promise<string>;
  /** All of stdin as bytes, undecoded (a draft for kap lint, checked as a file is). */
  readStdinBytes(): Promise<Uint8Array>;
  now(): number;
  /** V8 flags for the rest of the run, where the process is kap's own (cli.ts Io); otherwise nothing. */
  tuneV8(flags: string[]): void;
  /**
   * The status this run ends with, known before its output is written (lint's findings, a
   * check's errors): a reader that stops early (`| head`) ends the run with it, not with 0.
   */
  endsWith(code: number): void;
}

export interface CtxInput {
  write(text: string): void;
  /** Without it, outUtf8 writes the bytes' text. */
  writeUtf8?(text: Utf8): void;
  writeErr(text: string): void;
  color: boolean;
  width: number;
  isTTY: boolean;
  stdinIsTTY(): boolean;
  dataDir: string;
  readStdin?: () => Promise<Uint8Array>;
  now?: () => number;
  tuneV8?: (flags: string[]) => void;
  endsWith?: (code: number) => void;
}

const withNewline = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);
const bytesWithNewline = (u: Utf8): Utf8 => (typeof u === 'string' ? (withNewline(u) as Utf8) : u[u.length - 1] === 10 ? u : Buffer.concat([u, Buffer.from('\n')]));

export function makeCtx(i: CtxInput): Ctx {
  let catalog: Catalog | undefined;
  const stdinBytes = i.readStdin ?? (async () => new Uint8Array());
  return {
    out: (s) => i.write(withNewline(s)),
    outUtf8: (u) => (i.writeUtf8 ? i.writeUtf8(bytesWithNewline(u)) : i.write(withNewline(textOf(u)))),
    json: (v) => i.write(withNewline(toJson(v))),
    err: (s) => i.writeErr(withNewline(s)),
    color: i.color,
    width: i.width,
    theme: makeTheme(i.color),
    isTTY: i.isTTY,
    stdinIsTTY: i.stdinIsTTY,
    dataDir: i.dataDir,
    catalog: () => (catalog ??= readCatalog(i.dataDir)),
    readStdin: async () => Buffer.from(await stdinBytes()).toString('utf8'),
    readStdinBytes: stdinBytes,
    now: i.now ?? Date.now,
    tuneV8: i.tuneV8 ?? (() => {}),
    endsWith: i.endsWith ?? (() => {}),
  };
}
