/** kap lint <file...|->: a writer's draft checked against kap's evidence. */
import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Ctx } from '../context.js';
import { ExitCode, KapError, NotFoundError, UsageError } from '../errors.js';
import { readLintIndex } from '../lint/read.js';
import { lintText, type Located } from '../lint/lint.js';
import { RULE_IDS } from '../lint/rules.js';
import { counts, jsonReport, sarifReport, summaryLine, textReport } from '../lint/report.js';
import { nearest } from '../text/distance.js';
import { clean } from '../text/sanitize.js';

export interface LintOptions {
  format?: 'text' | 'json' | 'sarif';
  json?: boolean;
  disable?: string[];
}

/** Drafts larger than this are not prose a writer reviews by hand. */
const MAX_BYTES = 8 * 1024 * 1024;

/**
 * A draft's run without V8's optimising compiler (Sparkplug is the top tier) and with its
 * regexes compiled to machine code at once, not first to bytecode: TurboFan's compiles, made
 * on a second thread, mostly arrive after the sentences they were for. Instructions in all
 * (callgrind), flags off -> on: 600 words 193M -> 186M, 5,000 words 400M -> 291M, the main
 * thread's a little fewer; 50,000 words took 229 ms instead of 435 (9 interleaved rounds, load
 * 3). Below LONG_DRAFT characters they made no difference measured (a 100-word draft).
 */
const LONG_FLAGS = ['--max-opt=1', '--no-regexp-tier-up'];
const LONG_DRAFT = 4_000;
/**
 * Every draft: WebAssembly (the sentence matcher, lint/picks-wasm.ts) stays on Liftoff, the
 * compiler it starts on. V8 also compiled it with TurboFan on a second thread, ~7.6M
 * instructions, more than the faster code saved: with the flag, a 100-word draft ~143M -> ~137M
 * instructions in all threads, 5,000 words ~257M -> ~254M (callgrind, 3 runs each, medians).
 */
const FLAGS = ['--liftoff-only'];

export async function lint(ctx: Ctx, files: string[], opts: LintOptions): Promise<void> {
  const disabled = new Set((opts.disable ?? []).flatMap((d) => d.split(',')).map((d) => d.trim()).filter(Boolean));
  for (const d of disabled)
    if (!(RULE_IDS as string[]).includes(d))
      throw new UsageError(`unknown rule "${clean(d).slice(0, 60)}"`, `Rules: ${RULE_IDS.join(', ')}.${nearest(d, RULE_IDS.map((r) => [r, r])).map((r) => ` Did you mean ${r}?`).join('')}`);
  const format = opts.json ? 'json' : (opts.format ?? 'text');
  const index = readLintIndex(ctx.dataDir);
  const results: { file: string; findings: Located[] }[] = [];
  for (const file of files) {
    // Standard input is checked as a file is: binary input or invalid UTF-8 is one clear line.
    const text = file === '-' ? decode(await ctx.readStdinBytes(), 'standard input') : readDraft(file);
    // Setting the same flags again (a second draft) changes nothing.
    ctx.tuneV8(text.length >= LONG_DRAFT ? [...FLAGS, ...LONG_FLAGS] : FLAGS);
    results.push({ file: file === '-' ? '<stdin>' : file, findings: lintText(text, index, { disabled }) });
  }
  const all = results.flatMap((r) => r.findings);
  const failing = counts(all).error > 0;
  if (failing) ctx.endsWith(ExitCode.LintErrors);
  if (format === 'json') ctx.json(results.length === 1 ? jsonReport(results[0]!.file, all) : results.map((r) => jsonReport(r.file, r.findings)));
  else if (format === 'sarif') ctx.json(sarif(results, process.cwd()));
  else {
    const shown = results.filter((r) => r.findings.length).map((r) => textReport(clean(r.file), r.findings, ctx.theme, ctx.isTTY ? ctx.width : undefined));
    // Each file's report ends with a newline (one report is written as it is).
    if (shown.length) ctx.out(shown.join(''));
  }
  // One line on stderr says what was found; error-level findings make it the exit status too.
  const summary = `lint: ${summaryLine(all)}`;
  if (failing) throw new KapError(summary, ExitCode.LintErrors);
  if (format === 'text') ctx.err(`kap: ${summary}`);
}

function sarif(results: { file: string; findings: Located[] }[], cwd: string): unknown {
  const logs = results.map((r) => sarifReport(artifact(r.file), r.findings, cwd) as { runs: { results: unknown[] }[] });
  // One run holds every file's results.
  const [first, ...rest] = logs;
  for (const l of rest) first!.runs[0]!.results.push(...l.runs[0]!.results);
  return first;
}

/** Where a finding is, as SARIF wants it: an absolute file URI, or a path relative to the run's folder. */
function artifact(file: string): { uri: string; uriBaseId?: string } {
  if (file === '<stdin>') return { uri: 'stdin' };
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split(sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}

/** A file's text, or one clear line for what cannot be a draft. */
function readDraft(file: string): string {
  const shown = clean(file).slice(0, 200);
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new UsageError(`${shown} is a folder, not a draft`, 'Name a Markdown or text file, or - for standard input.');
    if (!st.isFile()) throw new UsageError(`${shown} is not a regular file`, 'Name a Markdown or text file, or - for standard input (cat it | kap lint -).');
    size = st.size;
  } catch (e) {
    if (e instanceof KapError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new NotFoundError(`no file ${shown}`);
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`cannot read ${shown}: permission denied`);
    throw e;
  }
  if (size > MAX_BYTES) throw new UsageError(`${shown} is ${Math.round(size / 1048576)} MB: kap lint reads drafts up to ${MAX_BYTES / 1048576} MB`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`cannot read ${shown}: permission denied`);
    throw e;
  }
  return decode(bytes, shown);
}

export function decode(bytes: Uint8Array, shown: string): string {
  // The typed array's own search and Buffer's native UTF-8 check and read: Buffer#includes and
  // a fatal TextDecoder run node:buffer and encoding code that a fresh process compiles first.
  if (Uint8Array.prototype.indexOf.call(bytes, 0) >= 0) throw new UsageError(`${shown} is not text (it has NUL bytes): kap lint reads Markdown and plain text`);
  if (!isUtf8(bytes)) throw new UsageError(`${shown} is not valid UTF-8: save it as UTF-8 and run kap lint again`);
  const text = (Buffer.prototype as unknown as { utf8Slice(this: Uint8Array, start: number, end: number): string }).utf8Slice.call(bytes, 0, bytes.length);
  // A byte-order mark is dropped (as TextDecoder drops it): editors count columns after it.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
