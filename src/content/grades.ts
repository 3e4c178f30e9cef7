/**
 * Reading-grade gates: every text a student reads as prose (module summaries, claim texts,
 * glossary definitions, quiz explanations) has a Flesch-Kincaid limit, and text above it is
 * an error with the file, line and field.
 */
import { BUILT_IN } from './merge.js';
import type { Problem } from '../errors.js';
import { fileLinesOf, type ContentSet } from './load.js';
import { splitBody } from './body.js';
import { fleschKincaid, plainText } from './readability.js';
import { compute, type Remember } from './remember.js';

export type GradedKind = 'summary' | 'paragraph' | 'claim' | 'definition' | 'explanation';

/** The highest grade each kind of text may read at (content guide; issue 14). */
export const GRADE_LIMITS: Record<GradedKind, number> = { summary: 9, paragraph: 9, claim: 10, definition: 10, explanation: 10 };

export interface GradedText {
  kind: GradedKind;
  file: string;
  line: number;
  /** The field as check messages name it: `summary`, `claims.<id>.text`, `<term>.definition`, ... */
  field: string;
  grade: number;
}

/** First line at or after `from` whose key is `key` (a YAML field of the item starting there). */
function keyLine(lines: string[], from: number, key: string): number {
  const re = new RegExp(`^\\s*(?:-\\s+)?${key}:`);
  for (let i = from; i <= Math.min(lines.length, from + 60); i++) if (re.test(lines[i - 1] ?? '')) return i;
  return from;
}

/** Every graded text of a content set, in file order. */
export function gradedTexts(set: ContentSet, remember: Remember = compute): GradedText[] {
  const fileLines = fileLinesOf(set);
  const grade = (t: string) => remember('grade', t, () => fleschKincaid(plainText(t)));
  const out: GradedText[] = [];
  for (const { module: m, lines } of set.modules) {
    out.push({ kind: 'summary', file: m.file, line: lines.summary, field: 'summary', grade: grade(m.summary) });
    out.push({ kind: 'paragraph', file: m.file, line: lines.body, field: 'body (summary paragraph)', grade: grade(splitBody(m.body).summary) });
    const fl = fileLines(m.file);
    for (const c of m.claims) {
      const line = lines.claims.get(c.id) ?? 1;
      out.push({ kind: 'claim', file: m.file, line: keyLine(fl, line, 'text'), field: `claims.${c.id}.text`, grade: grade(c.text) });
    }
  }
  for (const { term: t, line, file } of set.terms)
    out.push({ kind: 'definition', file, line: keyLine(fileLines(file), line, 'definition'), field: `${t.id}.definition`, grade: grade(t.definition) });
  for (const { question: q, line, file } of set.questions)
    out.push({ kind: 'explanation', file, line: keyLine(fileLines(file), line, 'explanation'), field: `${q.id}.explanation`, grade: grade(q.explanation) });
  return out;
}

/**
 * Problems for texts above their limit: errors in kap's own content (the build fails), warnings
 * in a trainer's pack (kap tells, and still loads it: a pack is the trainer's own writing).
 */
export function gradeProblems(set: ContentSet, remember: Remember = compute): Problem[] {
  const packRoots = [...new Set(set.modules.filter((m) => m.module.origin && m.module.origin !== BUILT_IN).map((m) => m.module.origin!))];
  const inPack = (file: string) => packRoots.some((root) => file === root || file.startsWith(root.endsWith('/') ? root : `${root}/`));
  return gradedTexts(set, remember)
    .filter((g) => g.grade > GRADE_LIMITS[g.kind])
    .map((g) => ({
      file: g.file,
      line: Math.max(1, g.line),
      severity: inPack(g.file) ? ('warning' as const) : ('error' as const),
      message: `${g.field}: reads at grade ${g.grade} (limit ${GRADE_LIMITS[g.kind]}); use shorter sentences and plainer words, keeping what it claims and its certainty`,
    }));
}

export interface GradeSummary {
  kind: GradedKind;
  count: number;
  average: number;
  max: number;
  over: number;
}

/** Count, average, maximum and number over the limit, per kind of text. */
export function gradeSummary(texts: GradedText[]): GradeSummary[] {
  return (Object.keys(GRADE_LIMITS) as GradedKind[]).flatMap((kind) => {
    const gs = texts.filter((t) => t.kind === kind).map((t) => t.grade);
    if (!gs.length) return [];
    const average = Math.round((gs.reduce((a, b) => a + b, 0) / gs.length) * 10) / 10;
    return [{ kind, count: gs.length, average, max: Math.max(...gs), over: gs.filter((g) => g > GRADE_LIMITS[kind]).length }];
  });
}
