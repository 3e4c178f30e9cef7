/**
 * Rows of the surface table for `kap quiz export`, one per format (owned by the exports work).
 * Each row: `{ name: 'kap quiz export --format gift', command: 'quiz export', over: 'group',
 * observe: async (g) => Seen[] }`: run the export for the module's questions (kapIn from
 * ./surfaces.ts, `['quiz', 'export', '--format', f, '--topic', g.module.id, '--seed', ...]`),
 * find each question's feedback in the format (parse it as its importer would), and return one
 * Seen per question (`expect`: the question's help from g.questions, or for a format without a
 * feedback field the union in its header) and one for where the notice must be (`notice: true`).
 * When the rows are in, remove 'quiz export' from PENDING in ./surfaces.ts; the coverage test
 * then requires a row for every format of src/quiz/export/index.ts FORMATS.
 */
import type { Surface } from './surfaces.js';

export const EXPORT_SURFACES: Surface[] = [];
