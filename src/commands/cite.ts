/** kap cite <key...>: formatted references, read from the precomputed bibliography (never the processor). */
import type { Ctx } from '../context.js';
import { NotFoundError, UsageError } from '../errors.js';
import { readEntry, readRefIndex, type BibSummary } from '../cite/bibliography.js';
import { findReferences } from '../cite/lookup.js';
import { citationsJson, renderCitations } from '../cite/format.js';
import { errataNote, retractedNote, unverifiedNote } from '../cite/refs-view.js';
import { FORMATS, STYLES, isFormat, isStyle, type FormatId, type StyleId } from '../cite/styles.js';
import { clean } from '../text/sanitize.js';
import { wrapLines } from '../render/wrap.js';

export interface CiteOptions {
  style?: string;
  format?: string;
  inText?: boolean;
  all?: boolean;
  json?: boolean;
}

export function cite(ctx: Ctx, words: string[], opts: CiteOptions): void {
  const style = opts.style ?? 'apa';
  const format = opts.format ?? 'text';
  if (!isStyle(style)) throw new UsageError(`unknown style "${clean(style)}"`, `Styles: ${STYLES.join(', ')}.`);
  if (!isFormat(format)) throw new UsageError(`unknown format "${clean(format)}"`, `Formats: ${FORMATS.join(', ')}.`);
  if (opts.inText && format !== 'text' && format !== 'html') throw new UsageError(`--in-text works with --format text or html, not ${format}`);
  if (opts.all && words.length) throw new UsageError('give reference keys or --all, not both');
  if (!opts.all && !words.length) throw new UsageError('which reference?', 'Give a key, a DOI or an author and year (kap cite furukawa 2005), or --all. `kap refs` lists every key.');

  const index = readRefIndex(ctx.dataDir);
  const entries = (opts.all ? index.entries : pick(index.entries, words)).map((r) => readEntry(ctx.dataDir, r.key));
  if (opts.json) {
    // A script's view: the notes stderr would give are fields (`kap refs --errata` has the errata).
    if ((opts.format && opts.format !== 'text') || opts.inText) throw new UsageError('--json prints every form itself; leave out --format and --in-text');
    ctx.out(citationsJson(entries, style as StyleId, new Set(index.errata.map((e) => e.key))));
    return;
  }
  // References are never wrapped: a line break pasted into a manuscript is a bug.
  ctx.out(renderCitations(entries, { style: style as StyleId, format: format as FormatId, inText: Boolean(opts.inText) }, ctx.theme.italic));
  // Errata go to stderr so that `kap cite x > refs.txt` stays clean; --all is an export, not a question.
  // Which fields are unverified, per reference asked for; --all is an export (its .bib marks an
  // incomplete list "and others"), `--json` and `kap cite KEY` say which.
  if (!opts.all && entries.some((e) => e.retracted)) ctx.err(wrapLines(retractedNote(entries, ctx.theme), ctx.width));
  if (!opts.all && entries.some((e) => e.unverified?.length)) ctx.err(unverifiedNote(entries, ctx.theme));
  if (!opts.all) for (const e of index.errata.filter((x) => entries.some((r) => r.key === x.key))) ctx.err(wrapLines(errataNote(e, ctx.theme), ctx.width));
}

function pick(entries: BibSummary[], words: string[]): BibSummary[] {
  const found = findReferences(entries, words);
  const miss = found.missing[0];
  if (miss) {
    const shown = clean(miss.query).slice(0, 80);
    throw new NotFoundError(`no reference "${shown}"`, miss.suggestions, { otherwise: 'See every key with `kap refs`.' });
  }
  return found.keys.map((k) => entries.find((e) => e.key === k)!);
}
