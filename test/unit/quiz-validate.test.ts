import { describe, expect, it } from 'vitest';
import { Sink } from '../../src/content/fields.js';
import { parseQuizFile, type ParsedQuestion } from '../../src/content/quiz-file.js';
import { keyIsLongest, validateQuizBank, MIN_BANK } from '../../src/content/validate-quiz.js';
import type { Question } from '../../src/content/model.js';

function q(i: number, keyAt: number, longKey = false): ParsedQuestion {
  const choices = ['one', 'two', 'six', 'ten'].map((text, j) => ({ text: j === keyAt && longKey ? 'a much longer key' : text, correct: j === keyAt, ...(j !== keyAt && { why: 'no' }) }));
  const question: Question = { id: `m-${i}`, module: 'm', difficulty: 'easy', question: 'Q?', choices, explanation: 'E.', sources: ['k'] };
  return { question, line: i * 10 + 1, file: 'content/quiz/m.yaml' };
}
const bank = (n: number, keyAt: (i: number) => number, longKey: (i: number) => boolean = () => false) => Array.from({ length: n }, (_, i) => q(i, keyAt(i), longKey(i)));

describe('bank-wide quiz checks', () => {
  it('a balanced bank passes', () => {
    expect(validateQuizBank(bank(16, (i) => i % 4))).toEqual([]);
  });

  it('small banks are not judged', () => {
    expect(validateQuizBank(bank(MIN_BANK - 1, () => 0, () => true))).toEqual([]);
  });

  it('key as the longest choice: warning above 40%, error above 50%, located at the first such question', () => {
    const warn = validateQuizBank(bank(20, (i) => i % 4, (i) => i < 9));
    expect(warn).toEqual([expect.objectContaining({ severity: 'warning', file: 'content/quiz/m.yaml', line: 1 })]);
    expect(warn[0]!.message).toContain('9 of 20 questions (45%; warning above 40%, error above 50%)');
    const err = validateQuizBank(bank(20, (i) => i % 4, (i) => i < 11));
    expect(err[0]).toMatchObject({ severity: 'error' });
    expect(keyIsLongest([{ text: 'aa', correct: true }, { text: 'aa', correct: false }])).toBe(false);
  });

  it('key positions: error when one letter holds far more keys than expected', () => {
    const p = validateQuizBank(bank(20, (i) => (i < 12 ? 0 : i % 4)));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ severity: 'error' });
    expect(p[0]!.message).toMatch(/key positions are unbalanced \(observed\/expected: A 14\/5, B 2\/5, C 2\/5, D 2\/5/);
    expect(validateQuizBank(bank(20, (i) => (i < 4 ? 0 : i % 4)))[0]).toMatchObject({ severity: 'warning' });
  });
});

describe('per-question rules (quiz-file.ts)', () => {
  const parse = (yaml: string) => {
    const sink = new Sink('quiz/x.yaml');
    parseQuizFile('quiz/x.yaml', yaml, sink);
    return sink.problems.map((p) => `${p.line}: ${p.message}`);
  };
  const item = (choices: string) => `- id: x-01\n  module: x\n  difficulty: easy\n  question: Q?\n  choices:\n${choices}  explanation: E.\n  sources: [k]\n`;

  it('no "all/none of the above" (or "of these"), no "both A and B"', () => {
    const p = parse(item('    - text: A\n      correct: true\n    - text: None of these\n      why: no\n    - text: Both A and B\n      why: no\n'));
    expect(p).toEqual([expect.stringMatching(/^8: \[0\]\.choices\[1\]: no "all\/none of the above"/), expect.stringMatching(/^10: .*choices\[2\]: no "both A and B"/)]);
  });

  it('3 to 5 choices, exactly one correct', () => {
    expect(parse(item('    - text: A\n      correct: true\n    - text: B\n      why: no\n'))).toEqual([expect.stringContaining('2 choices; write 3 to 5')]);
    expect(parse(item('    - text: A\n      correct: true\n    - text: B\n      correct: true\n    - text: C\n      why: no\n'))).toEqual([expect.stringContaining('2 marked correct; exactly one must be')]);
  });
});
