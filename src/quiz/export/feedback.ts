/** Feedback shared by the LMS formats (GIFT, Moodle XML, QTI), as HTML. */
import { blockHtml, helpFor } from './help.js';
import { sourcesHtml, textHtml } from './html-text.js';
import type { ExportChoice, ExportQuestion } from './types.js';

/** A choice's own feedback: "Correct." for the key, else "Incorrect." and its why-not. */
export const choiceFeedbackHtml = (q: ExportQuestion, c: ExportChoice, i: number): string =>
  i === q.key ? 'Correct.' : textHtml(`Incorrect. ${c.why ?? ''}`.trim());

/** General feedback: the explanation, evidence labels, sources, then any help blocks the question needs. */
export function generalFeedbackHtml(q: ExportQuestion): string {
  return [
    `<p>${textHtml(q.explanation)}</p>`,
    ...(q.evidence.length ? [`<p>Evidence: ${textHtml(q.evidence.join('; '))}</p>`] : []),
    ...sourcesHtml(q),
    ...helpFor(q).map(blockHtml),
  ].join('');
}
