/** `kap check --grades`: the reading grade of every summary, claim text, definition and explanation. */
import { GRADE_LIMITS, gradeSummary, type GradedText } from '../content/grades.js';
import type { Theme } from './theme.js';

const KIND_NAMES: Record<GradedText['kind'], string> = {
  summary: 'one-line summaries',
  paragraph: 'summary paragraphs',
  claim: 'claim texts',
  definition: 'definitions',
  explanation: 'quiz explanations',
};

/** In a terminal: one row per kind of text (count, average, maximum, over the limit), then the hardest texts. */
export function gradesView(texts: GradedText[], theme: Theme, hardest = 3): string {
  const rows = gradeSummary(texts).map((s) => {
    const over = (s.over ? theme.warn : theme.good)(String(s.over).padStart(5));
    return `${KIND_NAMES[s.kind].padEnd(20)}${String(s.count).padStart(6)}${s.average.toFixed(1).padStart(9)}${s.max.toFixed(1).padStart(7)}${String(GRADE_LIMITS[s.kind]).padStart(7)}  ${over}`;
  });
  const head = theme.bold(`${'text'.padEnd(20)}${'count'.padStart(6)}${'average'.padStart(9)}${'max'.padStart(7)}${'limit'.padStart(7)}  ${'over'.padStart(5)}`);
  const top = [...texts].sort((a, b) => b.grade - a.grade || a.file.localeCompare(b.file) || a.line - b.line).slice(0, hardest);
  const list = top.map((t) => `  ${(t.grade > GRADE_LIMITS[t.kind] ? theme.warn : theme.dim)(t.grade.toFixed(1).padStart(5))}  ${t.file}:${t.line}: ${t.field}`);
  return [head, ...rows, '', theme.bold('Hardest to read:'), ...list, theme.dim('Flesch-Kincaid grade (syllables from the standard counter). Texts over their limit fail `kap check`.')].join('\n');
}

/** Piped: one line per text, `grade<TAB>limit<TAB>kind<TAB>file:line<TAB>field`, in file order. */
export function gradesLines(texts: GradedText[]): string {
  return texts.map((t) => `${t.grade.toFixed(1)}\t${GRADE_LIMITS[t.kind]}\t${t.kind}\t${t.file}:${t.line}\t${t.field}`).join('\n');
}
