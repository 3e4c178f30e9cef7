/** Export formats by name: each a pure function from questions to text. */
import { aiken } from './aiken.js';
import { anki } from './anki.js';
import { gift } from './gift.js';
import { html } from './html.js';
import { markdown } from './markdown.js';
import { quizlet } from './quizlet.js';
import type { Exporter } from './types.js';

export const EXPORTERS: Record<string, Exporter> = { markdown, gift, aiken, anki, quizlet, html };
export const FORMATS = Object.keys(EXPORTERS);
export { toExport } from './types.js';
