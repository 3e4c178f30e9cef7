/**
 * Export formats by name: each a pure function from questions to text (or, for QTI, zip
 * bytes), with what the format can hold of the safety layer's notice and help blocks. The
 * command says on stderr what a format could not hold.
 */
import { aiken } from './aiken.js';
import { anki } from './anki.js';
import { gift } from './gift.js';
import { blockLines, helpFor, NOTICE } from './help.js';
import { html } from './html.js';
import { markdown } from './markdown.js';
import { moodle } from './moodle.js';
import { qti } from './qti.js';
import { quizlet } from './quizlet.js';
import type { ExportMeta, ExportQuestion } from './types.js';

export interface Format {
  label: string;
  write(qs: ExportQuestion[], meta: ExportMeta): string | Uint8Array;
  /** Bytes, not text: needs --out. */
  binary?: boolean;
  /** Whether the format has a place for the notice that its reader sees. */
  notice: boolean;
  /** Whether a question's help blocks go with it. */
  help: boolean;
}

export const EXPORTS: Record<string, Format> = {
  markdown: { label: 'Markdown', write: markdown, notice: true, help: true },
  gift: { label: 'GIFT', write: gift, notice: true, help: true },
  moodle: { label: 'Moodle XML', write: moodle, notice: true, help: true },
  qti: { label: 'QTI 1.2', write: qti, binary: true, notice: true, help: true },
  aiken: { label: 'Aiken', write: aiken, notice: false, help: false },
  anki: { label: 'Anki', write: anki, notice: true, help: true },
  quizlet: { label: 'Quizlet', write: quizlet, notice: false, help: true },
  html: { label: 'HTML', write: html, notice: true, help: true },
};
export const FORMATS = Object.keys(EXPORTS);

/** What the format could not carry, for stderr: the notice, and each question's help blocks. */
export function exportWarnings(format: string, qs: ExportQuestion[]): string[] {
  const f = EXPORTS[format]!;
  const out: string[] = [];
  if (!f.notice) out.push(`${f.label} has no place for kap's notice; tell your students: ${NOTICE}`);
  if (!f.help) {
    const needing = qs.map((q) => ({ q, blocks: helpFor(q) })).filter((x) => x.blocks.length);
    if (needing.length) {
      out.push(
        `${f.label} has no feedback field: the help ${needing.length === 1 ? 'block' : 'blocks'} for ${needing.map(({ q, blocks }) => `${q.id} (${blocks.map((b) => b.kind).join(', ')})`).join(', ')} could not go with the questions. ` +
          'Give students the handout with them (--format markdown or html), or import --format moodle or gift, which carry them.',
      );
    }
  }
  return out;
}

/**
 * For a format that cannot hold the notice or the help blocks: a plain-text note to give out
 * with it (or paste into the platform), written beside the --out file. Undefined when not needed.
 */
export function companionNote(format: string, qs: ExportQuestion[], meta: ExportMeta): string | undefined {
  const f = EXPORTS[format]!;
  const needing = f.help ? [] : qs.filter((q) => helpFor(q).length);
  if (f.notice && !needing.length) return undefined;
  const out = [`${meta.title}: what the ${f.label} file cannot hold`, '', NOTICE, ''];
  for (const q of needing) {
    out.push(`Question ${q.n} (${q.id}): ${q.question.replace(/\s+/g, ' ')}`, '');
    for (const b of helpFor(q)) out.push(...blockLines(b), '');
  }
  return out.join('\n');
}

export { toExport } from './types.js';
