/**
 * The handout's text written by the compile (src/quiz/markdown-bank.ts, bank-build.ts): a
 * Markdown export arranged from it is the same, byte for byte, as the Markdown exporter's over
 * the questions; a file that does not fit the bank, or a question whose help depends on the
 * order of its choices, is left to the exporter.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-kap.js';
import { readBank, INDEX_FILE, QUIZ_FILE } from '../../src/quiz/bank.js';
import { selectFrom } from '../../src/quiz/engine.js';
import { toExport } from '../../src/quiz/export/index.js';
import { markdown } from '../../src/quiz/export/markdown.js';
import { MARKDOWN_FILE, readHandout } from '../../src/quiz/markdown-bank.js';
import { DIGIT_BITS, DIGIT_ZERO, ROW_DIGITS, ROW_NUMBERS, NUMBER_DIGITS } from '../../src/quiz/handout-layout.js';
import { quizFiles } from '../../src/quiz/bank-build.js';
import { textOf } from '../../src/text/utf8-text.js';
import type { Difficulty } from '../../src/content/model.js';
import type { CompiledQuestion, CompiledQuiz } from '../../src/store.js';

const DATA = join(ROOT, 'dist', 'content');
const tmp = mkdtempSync(join(tmpdir(), 'kap-md-bank-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Both ways for these selection options: [the exporter's, the handout text's (undefined: not used)]. */
function both(dir: string, opts: Parameters<typeof selectFrom>[1], meta = { title: 'kap quiz', seed: opts.seed }): [string, string | undefined] {
  const bank = readBank(dir);
  const picked = selectFrom(bank.entries, opts, bank.choices);
  const items = picked.map(({ of, order }) => ({ question: bank.question(of), order }));
  const at = picked.map(({ of }) => bank.entries.indexOf(of));
  const handout = readHandout(dir, bank.quizBytes!, at, items.map((i) => i.question.id), opts.shuffle === false ? undefined : opts.seed, meta);
  return [markdown(toExport(items), meta), handout && textOf(handout)];
}

describe("the compile's handout text", () => {
  it('gives the Markdown exporter\'s text for any seed, count, topic, difficulty, order and title', () => {
    const cases: Parameters<typeof selectFrom>[1][] = [
      ...['bench', 'a', 'class1', 'ü', '42', 'x y'].flatMap((seed) => [{ seed }, { seed, count: 10 }, { seed, shuffle: false, count: 5 }, { seed, shuffle: false }]),
      { seed: 't', topics: ['glutamate'] },
      { seed: 'd', difficulty: ['hard'] as Difficulty[] },
      { seed: 'e', difficulty: ['easy', 'medium'] as Difficulty[], count: 7 },
    ];
    for (const opts of cases) {
      const [exporter, handout] = both(DATA, opts);
      expect(handout, JSON.stringify(opts)).toBe(exporter);
    }
    const [exporter, handout] = both(DATA, { seed: '<b>*x*</b> & $y$' }, { title: '# A *title* with `code` & <html>', seed: '<b>*x*</b> & $y$' });
    expect(handout).toBe(exporter);
  });

  it('is a head line, a table (a row per question), then the texts as UTF-8', () => {
    const file = readFileSync(join(DATA, MARKDOWN_FILE));
    const nl = file.indexOf(0x0a);
    const head = JSON.parse(file.subarray(0, nl).toString('utf8')) as { size: number; rows: number };
    expect(head.rows).toBe(readBank(DATA).entries.length);
    const table = file.subarray(nl + 1, nl + 1 + head.rows * ROW_DIGITS).toString('latin1');
    expect(file[nl + 1 + table.length]).toBe(0x0a);
    expect(file.length).toBe(nl + 2 + table.length + head.size);
    const rows = Array.from({ length: head.rows }, (_, r) => Array.from({ length: ROW_NUMBERS }, (_, n) => [...table.substr((r * ROW_NUMBERS + n) * NUMBER_DIGITS, NUMBER_DIGITS)].reduce((v, c) => v * 2 ** DIGIT_BITS + c.charCodeAt(0) - DIGIT_ZERO, 0)));
    // Each question's texts follow the one before's.
    rows.reduce((end, row) => (expect(row[2]).toBe(end), row.at(-1)!), 0);
    expect(file.subarray(nl + 2 + table.length).toString('utf8')).toContain('·');
  });

  it('is not used when it does not fit the bank, or is missing or damaged', () => {
    for (const f of [QUIZ_FILE, INDEX_FILE]) copyFileSync(join(DATA, f), join(tmp, f));
    expect(both(tmp, { seed: 's' })[1]).toBeUndefined();
    const text = readFileSync(join(DATA, MARKDOWN_FILE), 'latin1');
    writeFileSync(join(tmp, MARKDOWN_FILE), text.replace(/"bytes":\d+/, '"bytes":1'), 'latin1');
    expect(both(tmp, { seed: 's' })[1]).toBeUndefined();
    writeFileSync(join(tmp, MARKDOWN_FILE), text.slice(0, text.length / 2), 'latin1');
    expect(both(tmp, { seed: 's' })[1]).toBeUndefined();
    // A byte more or less: the texts are not where the head says.
    writeFileSync(join(tmp, MARKDOWN_FILE), `${text}x`, 'latin1');
    expect(both(tmp, { seed: 's' })[1]).toBeUndefined();
    writeFileSync(join(tmp, MARKDOWN_FILE), text.replace('"version":4', '"version":3'), 'latin1');
    expect(both(tmp, { seed: 's' })[1]).toBeUndefined();
    writeFileSync(join(tmp, MARKDOWN_FILE), text, 'latin1');
    expect(both(tmp, { seed: 's' })[1]).toBe(both(tmp, { seed: 's' })[0]);
  });

  it('leaves a question whose help depends on the order of its choices to the exporter', () => {
    const q = (id: string, choices: string[]): CompiledQuestion => ({
      id, module: 'm', moduleTitle: 'M', tags: [], difficulty: 'easy', question: 'Which?', explanation: 'Because.', sources: [], help: [],
      choices: choices.map((text, i) => ({ text, correct: i === 0 })),
    });
    // "... want" then "to die ..." reads as "want to die" in one order only.
    const quiz = { version: 1, questions: [q('plain', ['NMDA', 'GABA']), q('ordered', ['They want', 'to die down', 'Neither'])] } as unknown as CompiledQuiz;
    for (const [rel, text] of quizFiles(quiz, [])) writeFileSync(join(tmp, rel), text);
    expect(both(tmp, { seed: 's', topics: ['m'], count: 1, shuffle: false })[1]).toBe(both(tmp, { seed: 's', count: 1, shuffle: false })[0]);
    for (const seed of ['a', 'b', 'c']) expect(both(tmp, { seed })[1]).toBeUndefined();
  });
});
