/**
 * The safety layer as exports see it: which help blocks a question needs (asked of src/safety
 * with every text a reader of the question sees) and the blocks painted as plain text or HTML.
 */
import { HELP_BLOCKS, NOTICE, helpNeeded, type HelpBlock, type HelpKind } from '../../safety/index.js';
import type { ExportQuestion } from './types.js';
import { escHtml } from './html-text.js';
import { plainLine } from '../../safety/paint.js';

export { NOTICE };

/** The question's shown text: stem, choices, explanation and why-nots. */
export const shownText = (q: ExportQuestion): string[] => [q.question, ...q.choices.flatMap((c) => [c.text, c.why ?? '']), q.explanation];

export const helpFor = (q: ExportQuestion): HelpBlock[] => (q.shownHelp ?? shownHelp(q)).map((k) => HELP_BLOCKS[k]);

/** What the safety layer says of the question's shown text. */
export const shownHelp = (q: ExportQuestion): HelpKind[] => helpNeeded(...shownText(q));

/** One block as plain lines: the title, then its lines. */
export const blockLines = (b: HelpBlock): string[] => [`${b.title}:`, ...b.lines.map(plainLine)];

/** `**x**` as <strong>, the rest escaped. */
export const emphHtml = (line: string): string => line.split(/\*\*(.+?)\*\*/g).map((part, i) => (i % 2 ? `<strong>${escHtml(part)}</strong>` : escHtml(part))).join('');

/** A help block as HTML (for formats whose fields are HTML). */
export const blockHtml = (b: HelpBlock): string => `<p><strong>${escHtml(b.title)}</strong><br>${b.lines.map(emphHtml).join('<br>')}</p>`;
