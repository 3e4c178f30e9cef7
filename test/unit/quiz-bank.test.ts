/**
 * The bank's index (src/quiz/bank.ts, written by bank-build.ts): a quiz or an export read
 * through it is the same, byte for byte, as one read from the whole quiz.json with the claims
 * and the safety check of every question asked at run time, as kap did before the index.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-kap.js';
import { readBank, INDEX_FILE, QUIZ_FILE } from '../../src/quiz/bank.js';
import { select, selectFrom, type QuizItem } from '../../src/quiz/engine.js';
import { EXPORTS, exportWarnings, companionNote, toExport } from '../../src/quiz/export/index.js';
import { readClaimsOf, readQuiz } from '../../src/store.js';
import type { Difficulty } from '../../src/content/model.js';
import { orderFreeHelp, quizFiles } from '../../src/quiz/bank-build.js';
import type { CompiledQuestion } from '../../src/store.js';

const DATA = join(ROOT, 'dist', 'content');
const whole = readQuiz(DATA).questions;
const bank = readBank(DATA);
const tmp = mkdtempSync(join(tmpdir(), 'kap-bank-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const viaIndex = (opts: Parameters<typeof select>[1]): QuizItem[] => selectFrom(bank.entries, opts, bank.choices).map(({ of, order }) => ({ question: bank.question(of), order }));
const topics = [...new Set(whole.map((q) => q.module))].slice(0, 6);
const cases: Parameters<typeof select>[1][] = [
  ...['bench', 'a', 'class1', 'ü', '42'].flatMap((seed) => [{ seed }, { seed, count: 10 }, { seed, shuffle: false, count: 5 }]),
  ...topics.map((t) => ({ seed: 't', topics: [t] })),
  { seed: 'd', difficulty: ['hard'] as Difficulty[] },
  { seed: 'e', difficulty: ['easy', 'medium'] as Difficulty[], count: 7 },
];

describe('the quiz bank index', () => {
  it('is in the shipped compile and is what kap reads', () => {
    expect(readFileSync(join(DATA, INDEX_FILE), 'utf8').length).toBeGreaterThan(100);
    expect(bank.entries).toHaveLength(whole.length);
    expect(bank.entries[0]).not.toHaveProperty('question');
  });

  it('selects the same questions and choice orders, with the same fields', () => {
    for (const opts of cases) {
      const a = select(whole, opts);
      const b = viaIndex(opts);
      expect(b.map((i) => [i.question.id, i.order])).toEqual(a.map((i) => [i.question.id, i.order]));
      for (const [i, item] of b.entries()) {
        const q = a[i]!.question;
        for (const k of ['id', 'module', 'moduleTitle', 'tags', 'difficulty', 'question', 'choices', 'explanation', 'sources', 'help'] as const) expect(item.question[k]).toEqual(q[k]);
      }
    }
  });

  it('exports every format, warnings and notes as from the whole bank and the claims', () => {
    for (const opts of cases.slice(0, 8)) {
      const a = select(whole, opts);
      const old = toExport(a, readClaimsOf(DATA, a.map((i) => i.question.module)));
      const now = toExport(viaIndex(opts));
      expect(now.map(({ shownHelp: _, ...q }) => q)).toEqual(old);
      const meta = { title: 'T', seed: opts.seed };
      for (const [format, f] of Object.entries(EXPORTS)) {
        expect(f.write(now, meta), format).toEqual(f.write(old, meta));
        expect(exportWarnings(format, now)).toEqual(exportWarnings(format, old));
        expect(companionNote(format, now, meta)).toEqual(companionNote(format, old, meta));
      }
    }
  });

  it('reads only the questions a run shows', () => {
    const parse = JSON.parse;
    let parsed = 0;
    JSON.parse = (...a: Parameters<typeof parse>) => (parsed++, parse(...a));
    try {
      const items = viaIndex({ seed: 'x', count: 3 });
      expect(parsed).toBe(0);
      items.forEach((i) => i.question.question);
      expect(parsed).toBe(3);
    } finally {
      JSON.parse = parse;
    }
  });

  it('an index that does not fit its quiz.json, or none, leaves the whole bank to be read', () => {
    copyFileSync(join(DATA, QUIZ_FILE), join(tmp, QUIZ_FILE));
    expect(readBank(tmp).entries).toEqual(whole);
    writeFileSync(join(tmp, INDEX_FILE), readFileSync(join(DATA, INDEX_FILE)));
    writeFileSync(join(tmp, QUIZ_FILE), `${readFileSync(join(DATA, QUIZ_FILE), 'utf8')} `);
    expect(readBank(tmp).entries.map((q) => q.id)).toEqual(whole.map((q) => q.id));
    expect(readBank(tmp).entries[0]).toHaveProperty('question');
  });
});

describe('the help an export asks of a question, worked out by the compile', () => {
  const q = (choices: string[], explanation = 'Because.'): CompiledQuestion => ({
    id: 'q', module: 'm', moduleTitle: 'M', tags: [], difficulty: 'easy', question: 'Which?', explanation, sources: [],
    choices: choices.map((text, i) => ({ text, correct: i === 0 })),
  });
  it('is what every order of the choices gives', () => {
    expect(orderFreeHelp(q(['NMDA', 'GABA', 'Opioid']))).toEqual([]);
    expect(orderFreeHelp(q(['NMDA', 'an overdose', 'Opioid']))).toEqual(['emergency']);
    expect(orderFreeHelp(q(['NMDA', 'GABA'], 'Thoughts of suicide; an overdose'))).toEqual(['crisis', 'emergency']);
  });
  it('is left to run time when words meet across two choices in some orders only', () => {
    // "... want" then "to die ..." reads as "want to die" in one order, not in the other.
    expect(orderFreeHelp(q(['They want', 'to die down', 'Neither']))).toBeUndefined();
  });
  it('is taken from what the compile already knows (its memo), so a pack compile does not redo the built-in questions', () => {
    const quiz = { version: 1, questions: [q(['NMDA', 'GABA', 'Opioid']), { ...q(['NMDA', 'an overdose']), id: 'q2' }] } as unknown as Parameters<typeof quizFiles>[0];
    const plain = quizFiles(quiz, []);
    expect(quizFiles(quiz, [], new Map(quiz.questions.map((x) => [x.id, orderFreeHelp(x)])))).toEqual(plain);
    // A known answer is used as given: the index then differs from the one worked out here.
    expect(quizFiles(quiz, [], new Map([['q', ['crisis']]]))[1]).not.toEqual(plain[1]);
  });
  it('is in the built-in build\'s memo for every question', () => {
    const memo = JSON.parse(readFileSync(join(ROOT, 'dist', 'content', 'cite-memo.json'), 'utf8')) as { entries: Record<string, string> };
    const questions = (JSON.parse(readFileSync(join(ROOT, 'dist', 'content', QUIZ_FILE), 'utf8')) as { questions: unknown[] }).questions;
    expect(Object.keys(memo.entries).filter((k) => k.startsWith('shown-help:'))).toHaveLength(questions.length);
  });
});
