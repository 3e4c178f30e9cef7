/**
 * Bank-wide quiz checks (item-writing rules that only show across many questions):
 * the key must not usually be the longest choice, and the key's written position must be
 * spread over A, B, C... Per-question rules live in quiz-file.ts.
 */
import type { Problem } from '../errors.js';
import type { ParsedQuestion } from './quiz-file.js';

/** Below this many questions the shares are noise, so the bank-wide checks are skipped. */
export const MIN_BANK = 12;
/** Share of questions whose key is the strictly longest choice: warn above, error above. */
export const LONGEST_WARN = 0.4;
export const LONGEST_ERROR = 0.5;
/** Key positions: observed / expected count per position; warn outside WARN, error outside ERROR. */
export const POSITION_WARN: [number, number] = [0.6, 1.4];
export const POSITION_ERROR: [number, number] = [0.4, 1.75];

const LETTERS = 'ABCDE';
const pct = (x: number) => `${Math.round(x * 100)}%`;

export function keyIsLongest(choices: { text: string; correct: boolean }[]): boolean {
  const key = choices.find((c) => c.correct);
  return Boolean(key) && choices.every((c) => c === key || c.text.length < key!.text.length);
}

export function validateQuizBank(questions: ParsedQuestion[]): Problem[] {
  if (questions.length < MIN_BANK) return [];
  const problems: Problem[] = [];
  const first = questions[0]!;

  const longest = questions.filter((q) => keyIsLongest(q.question.choices));
  const share = longest.length / questions.length;
  if (share > LONGEST_WARN) {
    const at = longest[0]!;
    const severity = share > LONGEST_ERROR ? 'error' : 'warning';
    const ids = longest.map((q) => q.question.id);
    problems.push({
      file: at.file,
      line: at.line,
      severity,
      message: `the key is the longest choice in ${longest.length} of ${questions.length} questions (${pct(share)}; warning above ${pct(LONGEST_WARN)}, error above ${pct(LONGEST_ERROR)}): shorten keys or lengthen distractors in ${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', ...' : ''}`,
    });
  }

  const observed: number[] = [];
  const expected: number[] = [];
  for (const { question: q } of questions) {
    const k = q.choices.findIndex((c) => c.correct);
    if (k >= 0) observed[k] = (observed[k] ?? 0) + 1;
    for (let i = 0; i < q.choices.length; i++) expected[i] = (expected[i] ?? 0) + 1 / q.choices.length;
  }
  const counts = expected.map((e, i) => `${LETTERS[i]} ${observed[i] ?? 0}/${Math.round(e)}`).join(', ');
  let worst: 'error' | 'warning' | undefined;
  expected.forEach((e, i) => {
    if (e < 5) return; // too few questions have this many choices to judge
    const ratio = (observed[i] ?? 0) / e;
    if (ratio < POSITION_ERROR[0] || ratio > POSITION_ERROR[1]) worst = 'error';
    else if ((ratio < POSITION_WARN[0] || ratio > POSITION_WARN[1]) && !worst) worst = 'warning';
  });
  if (worst)
    problems.push({
      file: first.file,
      line: first.line,
      severity: worst,
      message: `key positions are unbalanced (observed/expected: ${counts}; warning outside ${POSITION_WARN.join('-')}x expected, error outside ${POSITION_ERROR.join('-')}x): move some keys to other positions`,
    });
  return problems;
}
