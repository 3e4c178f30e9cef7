/** Parse `quiz/<module>.yaml`: the question bank. Bank-wide rules live in validate-quiz.ts. */
import { DIFFICULTIES, type Question } from './model.js';
import { parseList, type Sink } from './fields.js';

const QUESTION_KEYS = ['id', 'module', 'difficulty', 'question', 'choices', 'explanation', 'sources'];
const CHOICE_KEYS = ['text', 'correct', 'why'];

const ALL_NONE = /\b(all|none) (of )?(the above|these)\b/i;

export interface ParsedQuestion {
  question: Question;
  line: number;
  file: string;
}

export function parseQuizFile(file: string, text: string, sink: Sink): ParsedQuestion[] {
  const out: ParsedQuestion[] = [];
  for (const f of parseList(text, sink, 'questions')) {
    f.onlyKeys(QUESTION_KEYS);
    const id = f.id('id');
    const module = f.id('module');
    const difficulty = f.oneOf('difficulty', DIFFICULTIES);
    const question = f.str('question');
    const explanation = f.str('explanation');
    const sources = f.strList('sources', true);
    const choices = f.maps('choices', true).map((c) => {
      c.onlyKeys(CHOICE_KEYS);
      return { text: c.str('text') ?? '', correct: c.bool('correct', false), why: c.str('why', false), line: c.line('text') };
    });
    const where = `${f.path}`;
    if (choices.length && (choices.length < 3 || choices.length > 5) && !(choices.length === 2 && isTrueFalse(choices)))
      sink.error(f.line('choices'), `${where}.choices: ${choices.length} choices; write 3 to 5 (or True/False)`);
    const keys = choices.filter((c) => c.correct).length;
    if (choices.length && keys !== 1) sink.error(f.line('choices'), `${where}.choices: ${keys} marked correct; exactly one must be`);
    choices.forEach((c, j) => {
      if (!c.correct && !c.why?.trim()) sink.error(c.line, `${where}.choices[${j}].why: every distractor needs a short "why not"`);
      if (ALL_NONE.test(c.text)) sink.error(c.line, `${where}.choices[${j}]: no "all/none of the above" (or "of these"); write a specific answer`);
      if (/^both [a-e] and [a-e]\b/i.test(c.text.trim())) sink.error(c.line, `${where}.choices[${j}]: no "both A and B": choices are shuffled`);
    });
    if (id && module && difficulty && question && explanation)
      out.push({
        question: { id, module, difficulty, question, choices: choices.map((c) => ({ text: c.text, correct: c.correct, ...(c.why && { why: c.why }) })), explanation, sources },
        line: f.line(),
        file,
      });
  }
  return out;
}

export function isTrueFalse(choices: { text: string }[]): boolean {
  return choices.length === 2 && choices.map((c) => c.text.toLowerCase()).sort().join() === 'false,true';
}
