/** `kap check --grades`: the reading grade of each module's summaries. */
import type { ModuleGrade } from '../content/quality.js';
import { MAX_GRADE } from '../content/quality.js';
import type { Theme } from './theme.js';

const show = (g: number, theme: Theme) => (g > MAX_GRADE ? theme.warn : theme.good)(g.toFixed(1).padStart(9));

/** In a terminal: aligned columns, grades over the target highlighted. */
export function gradesView(grades: ModuleGrade[], theme: Theme): string {
  const w = Math.max(6, ...grades.map((g) => g.id.length));
  const head = theme.bold(`${'module'.padEnd(w)}  paragraph    summary`);
  const rows = grades.map((g) => `${g.id.padEnd(w)}  ${show(g.paragraph, theme)}  ${show(g.summary, theme)}`);
  return [head, ...rows, theme.dim(`Flesch-Kincaid grade; target ${MAX_GRADE} or lower. paragraph = the body's first paragraph, summary = the front matter's one line.`)].join('\n');
}

/** Piped: `id<TAB>paragraph grade<TAB>summary grade`. */
export function gradesLines(grades: ModuleGrade[]): string {
  return grades.map((g) => `${g.id}\t${g.paragraph.toFixed(1)}\t${g.summary.toFixed(1)}`).join('\n');
}
