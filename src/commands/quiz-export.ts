/** kap quiz export: the selected questions in a trainer's format (a bundle of its own: a quiz never loads the formats). */
import type { Ctx } from '../context.js';
import { UsageError } from '../errors.js';
import { readClaimsOf } from '../store.js';
import type { BankQuestion } from '../quiz/bank.js';
import { clean } from '../text/sanitize.js';
import { outTarget, writeFileAtomic } from '../atomic-write.js';
import { pick, type SelectionFlags } from '../quiz/pick.js';
import { pickIds, withIds } from '../quiz/pick-ids.js';
import { EXPORTS, FORMATS, companionNote, exportWarnings, toExport } from '../quiz/export/index.js';
import { countQuestions, type ExportQuestion } from '../quiz/export/types.js';
import { readHandout } from '../quiz/markdown-bank.js';
import { textOf } from '../text/utf8-text.js';
import { safeBytes } from '../text/safe-utf8.js';

export interface ExportFlags extends SelectionFlags {
  format?: string;
  out?: string;
  force?: boolean;
  title?: string;
  json?: boolean;
}

export function quizExport(ctx: Ctx, f: ExportFlags): void {
  const format = (f.format ?? 'markdown').toLowerCase();
  const exporter = EXPORTS[format];
  if (!exporter) throw new UsageError(`--format: "${clean(format)}" is not one of ${FORMATS.join(', ')}`);
  if (exporter.binary && !f.out) throw new UsageError(`--format ${format} writes a zip file: give it --out FILE.zip`, `kap quiz export --format ${format} --out quiz.zip`);
  // Markdown's orders are worked out with its text (markdown-bank.ts): the items (and their
  // orders) only when that cannot be used.
  const { ids, seed, at, quizBytes, items: itemsOf } = format === 'markdown' ? pickIds(ctx, f) : withIds(pick(ctx, f));
  const meta = { title: f.title ?? 'kap quiz', seed };
  let exported: ExportQuestion[] | undefined;
  const qs = () => {
    const items = itemsOf();
    // Evidence labels need the claims of the questions' own modules only, and only when the bank does not carry them.
    const unlabelled = items.filter((i) => !(i.question as BankQuestion).evidence);
    return (exported ??= toExport(items, unlabelled.length ? readClaimsOf(ctx.dataDir, unlabelled.map((i) => i.question.module)) : []));
  };
  // Markdown from the compile's handout text (markdown-bank.ts) when the data has it: UTF-8
  // bytes, written to stdout as they are (Ctx.outUtf8).
  const bytes =
    format === 'markdown' && quizBytes !== undefined ? readHandout(ctx.dataDir, quizBytes, at, ids, f.shuffle === false ? undefined : seed, meta) : undefined;
  if (bytes !== undefined && !f.out && !f.json) return ctx.outUtf8(bytes);
  // A file gets the bytes too when the output boundary's check passes them (writeFileAtomic
  // writes bytes as they are, text scrubbed); decoding 238 KB to text costs ~6M instructions.
  const data = bytes === undefined ? exporter.write(qs(), meta) : (f.out && safeBytes(bytes)) || textOf(bytes);
  // Markdown holds the notice and every help block: it has no warnings to give.
  const warnings = bytes !== undefined ? [] : exportWarnings(format, qs());
  for (const w of warnings) ctx.err(`kap: ${w}`);
  const files: string[] = [];
  if (f.out) {
    // What the format could not hold, as a note to hand out with it. Both files are checked
    // before either is written: a refusal leaves neither half-replaced.
    const note = bytes !== undefined ? undefined : companionNote(format, qs(), meta);
    const replace = f.force === true;
    outTarget(f.out, replace);
    if (note) outTarget(`${f.out}.notes.txt`, replace);
    writeFileAtomic(f.out, data, replace);
    files.push(f.out);
    ctx.err(`kap: wrote ${countQuestions(ids.length)} (${format}, seed ${seed}) to ${f.out}`);
    if (note) {
      writeFileAtomic(`${f.out}.notes.txt`, note, replace);
      files.push(`${f.out}.notes.txt`);
      ctx.err(`kap: wrote the notice and help blocks the ${exporter.label} file cannot hold to ${f.out}.notes.txt`);
    }
  }
  // --json: for a script, what was exported; the export itself is in `content` (text formats
  // without --out) or in the files written.
  if (f.json) ctx.json({ format, seed, title: meta.title, questions: ids, warnings, files, ...(!f.out && { content: data as string }) });
  else if (!f.out) ctx.out(data as string);
}
