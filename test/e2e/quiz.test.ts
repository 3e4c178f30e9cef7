import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'gift-pegjs';
import { htmlToText } from '../helpers/importers.js';
import { spawnSync } from 'node:child_process';
import { ANSI, BIN, ROOT, cleanEnv, kap } from '../helpers/run-kap.js';
import { describeWith } from '../helpers/oracle.js';
import { fixtureData } from '../helpers/fixture.js';

const fx = () => ({ KAP_DATA: fixtureData() });

describe('kap quiz without a terminal (fixture pack)', () => {
  it('--answers runs the quiz as a script: questions, verdicts in words and symbols, explanation, source, score', () => {
    const r = kap(['quiz', '--seed', 'x', '--count', '3', '--answers', 'A,B,C'], { env: fx() });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^kap quiz · practice · 3 questions · seed x\n/);
    expect(r.stdout).toContain('Question 1 of 3');
    expect(r.stdout).toMatch(/✓ Correct|✗ Incorrect/);
    expect(r.stdout).toMatch(/Source: .*\(20\d\d/);
    expect(r.stdout).toMatch(/Read more: kap explain (alpha|beta)/);
    expect(r.stdout).toMatch(/Score: \d of 3 \(\d+%\)/);
    expect(r.stdout).toContain('By topic');
    expect(r.stdout).not.toMatch(ANSI);
  });

  it('the same seed gives the same quiz; the seed is always shown', () => {
    const a = kap(['quiz', '--seed', 'class1', '--answers', 'A,A,A,A,A,A'], { env: fx() });
    const b = kap(['quiz', '--seed', 'class1', '--answers', 'A,A,A,A,A,A'], { env: fx() });
    const strip = (s: string) => s.replace(/Time: \S+/, '');
    expect(strip(a.stdout)).toBe(strip(b.stdout));
    const c = kap(['quiz', '--answers', 'A,A,A,A,A,A'], { env: fx() });
    expect(c.stdout).toMatch(/seed [a-z0-9]{6}\n/);
  });

  it('answers on stdin, one per line', () => {
    const r = kap(['quiz', '--seed', 'x', '--count', '2'], { env: fx(), input: 'b\n2\n' });
    expect(r.status).toBe(0);
    expect(r.stdout.match(/Your answer: B\)/g)).toHaveLength(2);
  });

  it('no terminal and no answers: a clear message, exit 2, no stack trace', () => {
    const r = kap(['quiz'], { env: fx() });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('kap: kap quiz needs a terminal');
    expect(r.stderr).toContain('--answers B,A,C');
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('bad answers and too few answers are usage errors', () => {
    expect(kap(['quiz', '--seed', 'x', '--count', '2', '--answers', 'Q,A'], { env: fx() })).toMatchObject({ status: 2, stdout: '', stderr: expect.stringContaining('answer 1 "Q" is not one of') });
    // A later answer its question cannot take: refused before the first question is shown.
    expect(kap(['quiz', '--seed', 'x', '--count', '2', '--answers', 'A,Q'], { env: fx() })).toMatchObject({ status: 2, stdout: '', stderr: expect.stringContaining('answer 2 "Q" is not one of') });
    const few = kap(['quiz', '--seed', 'x', '--count', '3', '--answers', 'A'], { env: fx() });
    expect(few.status).toBe(2);
    expect(few.stdout).toBe('');
    expect(few.stderr).toContain('kap: 1 answer given for 3 questions');
  });

  it("the README's example: without --count, three answers answer three questions", () => {
    const r = kap(['quiz', '--seed', 'x', '--answers', 'B,A,C', '--json'], { env: fx() });
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.score).toMatchObject({ total: 3, answered: 3 });
    expect(json.score.questions.map((q: { chosen: string }) => q.chosen)).toEqual(['B', 'A', 'C']);
    // The same three questions as the first three of the whole seeded quiz.
    const all = JSON.parse(kap(['quiz', '--seed', 'x', '--answers', 'B,A,C,A,A,A', '--json'], { env: fx() }).stdout);
    expect(json.score.questions.map((q: { id: string }) => q.id)).toEqual(all.score.questions.slice(0, 3).map((q: { id: string }) => q.id));
    // And on the shipped bank, which has many more questions than three. A and B only: which
    // questions the seed draws changes with the bank, and a true/false question has no C.
    const shipped = kap(['quiz', '--seed', 'x', '--answers', 'B,A,B', '--json']);
    expect(shipped.status).toBe(0);
    expect(JSON.parse(shipped.stdout).score).toMatchObject({ total: 3, answered: 3 });
  });

  it('--json: results on stdout, the quiz on stderr; --out writes the same JSON atomically', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kap-quiz-'));
    const out = join(dir, 'results.json');
    const r = kap(['quiz', '--seed', 'x', '--count', '2', '--answers', 'A,A', '--json', '--out', out], { env: fx() });
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ seed: 'x', mode: 'practice', interrupted: false, score: { total: 2, answered: 2 } });
    expect(json.score.questions[0]).toEqual({ id: expect.any(String), module: expect.any(String), chosen: 'A', answer: expect.stringMatching(/^[A-E]$/), correct: expect.any(Boolean), help: expect.any(Array) });
    expect(json.notice).toMatch(/not medical advice/);
    expect(json.help).toEqual(expect.any(Array));
    expect(r.stderr).toContain('Question 1 of 2');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(json);
    expect(readdirSync(dir)).toEqual(['results.json']);
  });

  it('--topic takes module ids and tags; --difficulty filters; --no-shuffle keeps the written order', () => {
    const beta = JSON.parse(kap(['quiz', '--topic', 'beta', '--json', '--answers', 'A,A,A,A'], { env: fx() }).stdout);
    expect(beta.score.questions.map((q: { module: string }) => q.module)).toEqual(['beta', 'beta', 'beta', 'beta']);
    const tag = JSON.parse(kap(['quiz', '--topic', 'mechanism', '--json', '--answers', 'A,A'], { env: fx() }).stdout);
    expect(tag.score.total).toBe(2);
    const hard = JSON.parse(kap(['quiz', '--difficulty', 'hard', '--json', '--answers', 'A'], { env: fx() }).stdout);
    expect(hard.score.questions.map((q: { id: string }) => q.id)).toEqual(['beta-03']);
    const plain = JSON.parse(kap(['quiz', '--no-shuffle', '--count', '2', '--json', '--answers', 'A,A'], { env: fx() }).stdout);
    expect(plain.score.questions).toMatchObject([{ id: 'alpha-01', answer: 'A' }, { id: 'alpha-02', answer: 'B' }]);
  });

  it('--topic takes what kap explain takes: titles, aliases, glossary terms (their module), for the quiz and its export', () => {
    const modules = (args: string[]) => JSON.parse(kap(['quiz', ...args, '--json', '--answers', 'A,A'], { env: fx() }).stdout).score.questions.map((q: { module: string }) => q.module);
    expect(modules(['--topic', 'first topic'])).toEqual(['alpha', 'alpha']);
    expect(modules(['--topic', 'Alpha Receptor Basics'])).toEqual(['alpha', 'alpha']);
    expect(modules(['--topic', 'widgetr'])).toEqual(['alpha', 'alpha']);
    expect(modules(['--topic', 'gizmo'])).toEqual(['beta', 'beta']);
    const exp = (topic: string) => kap(['quiz', 'export', '--format', 'aiken', '--seed', 's', '--topic', topic], { env: fx() }).stdout;
    expect(exp('first topic')).toBe(exp('alpha'));
    expect(exp('alpha')).not.toBe('');
  });

  it('--topic on the shipped content: the aliases nmda and spravato, a typo with suggestions', () => {
    // spravato → the esketamine module, whose id is also a tag (practical-safety carries it).
    for (const [topic, modules] of [['nmda', ['glutamate']], ['spravato', ['esketamine', 'practical-safety']]] as const) {
      const r = kap(['quiz', '--topic', topic, '--seed', 's', '--json', '--answers', 'A']);
      expect(r.status, r.stderr).toBe(0);
      expect(modules).toContain(JSON.parse(r.stdout).score.questions[0].module);
      const e = kap(['quiz', 'export', '--format', 'aiken', '--topic', topic, '--seed', 's']);
      expect(e.status, e.stderr).toBe(0);
      expect(e.stdout).toMatch(/^ANSWER: [A-E]$/m);
    }
    const typo = kap(['quiz', 'export', '--topic', 'glutmate']);
    expect(typo.status).toBe(3);
    expect(typo.stderr).toContain('Did you mean: --topic glutamate?');
  });

  it('unknown topic: exit 3 with suggestions; bad options: exit 2', () => {
    const r = kap(['quiz', '--topic', 'alfa', '--answers', 'A'], { env: fx() });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('no quiz questions on "alfa"');
    expect(r.stderr).toContain('Did you mean: --topic alpha?');
    expect(kap(['quiz', '--count', '0'], { env: fx() }).status).toBe(2);
    expect(kap(['quiz', '--mode', 'race'], { env: fx() }).status).toBe(2);
    expect(kap(['quiz', '--difficulty', 'extreme', '--answers', 'A'], { env: fx() }).status).toBe(2);
  });

  it('exam mode: answers reviewed after the last question', () => {
    const r = kap(['quiz', '--mode', 'exam', '--seed', 'x', '--count', '2', '--answers', 'A,A'], { env: fx() });
    expect(r.status).toBe(0);
    const [during, after] = r.stdout.split('\nAnswers\n');
    expect(during).not.toMatch(/Correct|Incorrect/);
    expect(after).toMatch(/(✓ Correct|✗ Incorrect)[\s\S]*Score: \d of 2/);
  });

  it('present mode without a terminal prints each question with its answer and no score', () => {
    const r = kap(['quiz', '--mode', 'present', '--seed', 'x', '--count', '2'], { env: fx() });
    expect(r.status).toBe(0);
    expect(r.stdout.match(/Answer: [A-E]\) /g)).toHaveLength(2);
    expect(r.stdout).not.toContain('Score');
  });

  it('extra answers are an error, never answers to a retry round; a script has no retry', () => {
    const first = JSON.parse(kap(['quiz', '--no-shuffle', '--count', '2', '--json', '--answers', 'B,A'], { env: fx() }).stdout);
    expect(first).toMatchObject({ score: { correct: 0 }, retries: [] });
    const extra = kap(['quiz', '--no-shuffle', '--count', '2', '--json', '--answers', 'B,A,A,B'], { env: fx() });
    expect(extra).toMatchObject({ status: 2, stdout: '' });
    expect(extra.stderr).toContain('kap: 4 answers given for 2 questions');
    const bank = kap(['quiz', '--answers', 'A,A,A,A,A,A,A'], { env: fx() });
    expect(bank.status).toBe(2);
    expect(bank.stderr).toContain('7 answers given for 6 questions');
    const stdin = kap(['quiz', '--seed', 'x', '--count', '1'], { env: fx(), input: 'a\nb\n' });
    expect(stdin.status).toBe(2);
    expect(stdin.stderr).toContain('2 answers given for 1 question');
    expect(kap(['quiz', '--mode', 'present', '--answers', 'A'], { env: fx() }).status).toBe(2);
  });
});

describe('kap quiz export', () => {
  it('GIFT survives an independent parser: every question, with its correct answer and feedback', () => {
    const r = kap(['quiz', 'export', '--format', 'gift', '--seed', 'x'], { env: fx() });
    expect(r.status).toBe(0);
    const parsed = parse(r.stdout) as any[];
    expect(parsed).toHaveLength(6);
    const b1 = parsed.find((p) => p.title === 'beta-01');
    // Every field is [html]: read as the HTML it is.
    expect(htmlToText(b1.stem.text)).toBe('What does the label say about preventing suicide: is it shown?');
    expect(htmlToText(b1.choices.find((c: any) => c.isCorrect).text.text)).toBe('Not demonstrated {yet}');
    expect(htmlToText(b1.choices.find((c: any) => c.text.text === 'Demonstrated = yes').feedback.text)).toBe('Incorrect. The label says it has #not been shown.');
    expect(htmlToText(b1.globalFeedback.text)).toMatch(/^The label says so \(Janssen Pharmaceuticals, Inc., 2026\)\.\nEvidence: Regulatory label · high certainty\nSource: Janssen/);
  });

  it("the shipped bank (dist/content) survives GIFT too: every question, one correct answer each", () => {
    const bank = JSON.parse(readFileSync(join(ROOT, 'dist', 'content', 'quiz.json'), 'utf8')).questions as { id: string; choices: { text: string; correct: boolean }[] }[];
    const parsed = parse(kap(['quiz', 'export', '--format', 'gift', '--seed', 'ci']).stdout) as any[];
    expect(parsed).toHaveLength(bank.length);
    for (const p of parsed) {
      const q = bank.find((b) => b.id === p.title)!;
      expect(p.choices.filter((c: any) => c.isCorrect).map((c: any) => htmlToText(c.text.text))).toEqual([q.choices.find((c) => c.correct)!.text]);
    }
  });

  it('--no-shuffle keeps the bank order, given before or after `export`', () => {
    const exp = (...args: string[]) => kap(args, { env: fx() }).stdout;
    const after = exp('quiz', 'export', '--format', 'aiken', '--no-shuffle', '--seed', 'a');
    expect(after).toBe(exp('quiz', 'export', '--format', 'aiken', '--no-shuffle', '--seed', 'b'));
    expect(after).toBe(exp('quiz', '--no-shuffle', 'export', '--format', 'aiken', '--seed', 'c'));
    // Shuffled, two seeds give two orders (so the equalities above are not vacuous).
    expect(exp('quiz', 'export', '--format', 'aiken', '--seed', 'a')).not.toBe(exp('quiz', 'export', '--format', 'aiken', '--seed', 'b'));
  });

  it('is seeded like the quiz, with the same selection options; --out writes a file', () => {
    const a = kap(['quiz', 'export', '--format', 'aiken', '--seed', 's', '--topic', 'alpha'], { env: fx() });
    expect(a.stdout).toBe(kap(['quiz', '--seed', 's', 'export', '--format', 'aiken', '--topic', 'alpha'], { env: fx() }).stdout);
    expect(a.stdout.match(/^ANSWER: [A-C]$/gm)).toHaveLength(2);
    const dir = mkdtempSync(join(tmpdir(), 'kap-export-'));
    const r = kap(['quiz', 'export', '--format', 'html', '--seed', 's', '--out', join(dir, 'q.html')], { env: fx() });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('wrote 6 questions (html, seed s)');
    expect(readFileSync(join(dir, 'q.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('markdown, anki and quizlet to stdout; an unknown format is exit 2', () => {
    expect(kap(['quiz', 'export', '--seed', 's'], { env: fx() }).stdout).toMatch(/^# kap quiz\n[\s\S]*## Questions[\s\S]*## Answer key/);
    expect(kap(['quiz', 'export', '--format', 'anki', '--seed', 's'], { env: fx() }).stdout).toMatch(/^#separator:tab\n#html:true\n/);
    expect(kap(['quiz', 'export', '--format', 'quizlet', '--seed', 's'], { env: fx() }).stdout.trim().split('\n')).toHaveLength(6);
    expect(kap(['quiz', 'export', '--format', 'pdf'], { env: fx() }).status).toBe(2);
  });
});

// Standard input is read with readSync (src/stdin.ts); a pipe another program made non-blocking
// answers EAGAIN, and the rest is read by Node's stream. Python makes such a pipe (Node cannot).
describeWith('python3', 'a non-blocking pipe on stdin, answers written late', () => {
  it('reads every answer: the same quiz as --answers', () => {
    const script = `import os,fcntl,subprocess,sys,time
r,w=os.pipe()
fcntl.fcntl(r,fcntl.F_SETFL,fcntl.fcntl(r,fcntl.F_GETFL)|os.O_NONBLOCK)
p=subprocess.Popen(sys.argv[1:],stdin=r,stdout=subprocess.PIPE)
os.close(r)
time.sleep(0.3);os.write(w,b'A\\n');time.sleep(0.3);os.write(w,b'B\\nC\\n');os.close(w)
sys.stdout.write(p.communicate()[0].decode());sys.exit(p.returncode)`;
    const r = spawnSync('python3', ['-c', script, process.execPath, BIN, 'quiz', '--seed', 'bench', '--count', '3'], { encoding: 'utf8', env: cleanEnv() });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(kap(['quiz', '--seed', 'bench', '--answers', 'A,B,C']).stdout);
  });
});
