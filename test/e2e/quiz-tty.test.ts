/**
 * The built binary in a real pseudo-terminal (tmux): a person answering with a letter and with
 * the arrow keys reaches the score screen; Ctrl+C shows the partial score and exits 130; every
 * line of a question in Japanese and emoji fits 40 and 100 columns, words whole; practice
 * feedback waits for a key; the retry shows the choices in another order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELP_BLOCKS, NOTICE } from '../../src/safety/index.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT } from '../helpers/run-kap.js';
import { fixtureData } from '../helpers/fixture.js';
import { hasTmux, quote, tmuxServer } from '../helpers/tmux.js';
import { visibleLength } from '../../src/render/wrap.js';

const skip = process.env.KAP_SKIP_PTY === '1';
const t = tmuxServer('kap-test');
const screen = t.screen;
const joined = t.joined;
const send = t.keys;

function start(args: string[], { data = fixtureData(), cols = 100, rows = 40, stdout = '' } = {}): string {
  const to = stdout ? ` > ${quote(stdout)}` : '';
  return t.start(`cd ${quote(ROOT)} && env KAP_DATA=${quote(data)} NO_COLOR=1 ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}${to}`, { cols, rows });
}

// Generous: the machine may be loaded; a test ends as soon as the text appears.
const waitFor = (s: string, text: string | RegExp, ms = 30_000) => t.waitFor(s, text, ms);

afterAll(t.stop);

describe.skipIf(skip)('kap quiz in a terminal (tmux)', () => {
  // Like describeWith (helpers/oracle.ts): one line and skipped without tmux, required under CI.
  if (!hasTmux && process.env.CI !== 'true') process.stderr.write('skipped: kap quiz in a terminal (tmux not installed; CI installs it)\n');
  it.runIf(hasTmux || process.env.CI === 'true')('needs tmux (CI installs it: test/setup/ensure-oracles.sh)', () => {
    expect(hasTmux, 'tmux is not installed under CI=true').toBe(true);
  });

  it.runIf(hasTmux)('answers by letter and by arrow keys, sees feedback, reaches the score screen', async () => {
    const s = start(['quiz', '--seed', 'x', '--count', '2']);
    const first = await waitFor(s, 'press A-C (1-3)');
    expect(first).toContain('seed x');
    expect(first).toContain('Question 1 of 2');
    expect(first).toContain('❯ A)');
    send(s, 'b');
    const fb = await waitFor(s, 'Press Enter (or any key) for the next question');
    expect(fb).toMatch(/✗ Incorrect|✓ Correct/);
    expect(fb).toContain('Read more: kap explain');
    expect(fb).not.toContain('Question 2 of 2');
    send(s, 'Enter');
    await waitFor(s, 'Question 2 of 2');
    send(s, 'Down');
    await waitFor(s, /❯ B\) /);
    send(s, 'Enter');
    await waitFor(s, 'Press Enter (or any key) for the score');
    send(s, 'Space');
    const end = await waitFor(s, 'Retry the');
    expect(end).toMatch(/Score: \d of 2 \(\d+%\)/);
    expect(end).toContain('By topic');
    expect(end).toMatch(/Time: \d+s/);
    send(s, 'n', 'Enter');
    await waitFor(s, 'EXIT=0');
  });

  it.runIf(hasTmux)('Ctrl+C ends cleanly with the partial score and exit 130', async () => {
    const s = start(['quiz', '--seed', 'x', '--count', '3']);
    await waitFor(s, 'press A-');
    send(s, '1');
    await waitFor(s, 'for the next question');
    send(s, 'x');
    await waitFor(s, 'Question 2 of 3');
    send(s, 'C-c');
    const end = await waitFor(s, 'EXIT=');
    expect(end).toContain('Stopped after 1 of 3 questions. Score so far:');
    expect(end).toContain('EXIT=130');
    expect(end).not.toMatch(/\bat .*\.js:\d+|internal error/);
  });

  it.runIf(hasTmux)('present mode: a key reveals the answer', async () => {
    const s = start(['quiz', '--mode', 'present', '--seed', 'x', '--count', '2']);
    await waitFor(s, 'Press Enter or Space to reveal the answer');
    expect(screen(s)).not.toContain('Answer:');
    send(s, 'Space');
    await waitFor(s, /Answer: [A-E]\) /);
    send(s, 'Enter');
    await waitFor(s, 'Question 2 of 2');
    send(s, 'Space');
    await waitFor(s, 'EXIT=0');
  });

  describe('a pack question in Japanese and emoji', () => {
    const pack = join(ROOT, 'test', 'fixtures', 'wide-pack');
    let dir = '';
    let data = '';
    beforeAll(() => {
      if (!hasTmux) return;
      dir = mkdtempSync(join(tmpdir(), 'kap-wide-'));
      data = join(dir, 'data');
      execFileSync(process.execPath, [join(ROOT, 'dist', 'build-content.mjs'), pack, data], { stdio: 'pipe' });
    }, 300_000);
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    // Every word kap may show: the pack's own text and the quiz's words. A word broken
    // mid-word ("questio" + "n") is not one of them.
    const vocabulary = () => {
      const text = ['quiz/wide-text.yaml', 'modules/wide-text.md', 'references.json'].map((f) => readFileSync(join(pack, f), 'utf8')).join(' ');
      const ui = 'kap quiz practice exam present reveal answer end space questions question seed Question of easy move Enter choose or press Your answer Correct Incorrect You chose Why not The is Source Read more explain Press any key for the next score Answers Retry missed Score Time By topic Missed same again Stopped after so far no yes';
      // The safety layer's notice and help blocks (src/safety/index.ts) show on quiz screens too.
      const safety = [NOTICE, ...Object.values(HELP_BLOCKS).flatMap((b) => [b.title, ...b.lines])].join(' ');
      return wordsOf(`${text} ${ui} ${safety}`);
    };
    // Single letters (choice letters, seed x, Y/n) say nothing; a broken word leaves a longer piece.
    const wordsOf = (s: string) => new Set(s.toLowerCase().split(/[^a-z]+/).filter((w) => w.length > 1));
    const check = (shown: string, cols: number) => {
      const wide = shown.split('\n').map((l) => l.trimEnd()).filter((l) => visibleLength(l) > cols);
      expect(wide, `lines wider than ${cols} columns`).toEqual([]);
      const known = vocabulary();
      expect([...wordsOf(shown)].filter((w) => !known.has(w)), 'words broken or unknown').toEqual([]);
    };

    for (const cols of [40, 100]) {
      it.runIf(hasTmux)(`practice at ${cols} columns: question, choices, feedback and score fit, words whole`, async () => {
        const s = start(['quiz', '--seed', 'x', '--no-shuffle'], { data, cols });
        await waitFor(s, /press A-C\s+\(1-3\)/);
        const first = joined(s);
        expect(first).toContain('🧠');
        expect(first).toContain('NMDA受容体');
        check(first, cols);
        send(s, 'b');
        await waitFor(s, /for the next\s+question/);
        check(joined(s), cols);
        expect(joined(s)).toContain('Why not: その受容体ではありません。');
        send(s, 'Enter');
        await waitFor(s, 'Question 2 of 2');
        send(s, 'a');
        await waitFor(s, /for the\s+score/);
        send(s, 'Enter');
        await waitFor(s, 'Retry the');
        send(s, 'n', 'Enter');
        const end = await waitFor(s, 'EXIT=0');
        expect(end).toMatch(/Score: 1 of 2/);
        check(joined(s).replace(/EXIT=0/, ''), cols);
      });

      it.runIf(hasTmux)(`exam at ${cols} columns: the review at the end fits, words whole`, async () => {
        const s = start(['quiz', '--mode', 'exam', '--seed', 'x', '--no-shuffle'], { data, cols });
        await waitFor(s, /press A-C\s+\(1-3\)/);
        send(s, 'c');
        await waitFor(s, 'Question 2 of 2');
        send(s, 'a');
        await waitFor(s, 'Retry the');
        const review = joined(s).split('\nAnswers\n')[1]!;
        expect(review).toContain('🧠 質問');
        expect(review).toMatch(/✗ Incorrect/);
        check(review, cols);
        send(s, 'n', 'Enter');
        await waitFor(s, 'EXIT=0');
      });
    }

    it.runIf(hasTmux)('present mode at 40 columns: the large question and the revealed answer fit, words whole', async () => {
      const s = start(['quiz', '--mode', 'present', '--seed', 'x', '--no-shuffle'], { data, cols: 40 });
      await waitFor(s, /reveal the\s+answer/);
      check(joined(s), 40);
      send(s, 'Space');
      await waitFor(s, /Answer: A\) NMDA/);
      check(joined(s), 40);
      send(s, 'Enter');
      await waitFor(s, 'Question 2 of 2');
      send(s, 'Space');
      await waitFor(s, 'EXIT=0');
      check(joined(s).replace('EXIT=0', ''), 40);
    });

    it.runIf(hasTmux)('--json to a file: the quiz on stderr wraps at the terminal, 40 columns, not at 80', async () => {
      const out = join(dir, 'results.json');
      const s = start(['quiz', '--seed', 'x', '--no-shuffle', '--count', '1', '--json'], { data, cols: 40, stdout: out });
      await waitFor(s, /press A-C/);
      send(s, 'b');
      await waitFor(s, /for the\s+score/);
      check(joined(s), 40);
      send(s, 'Enter');
      await waitFor(s, 'Retry the');
      send(s, 'n', 'Enter');
      await waitFor(s, 'EXIT=0');
      expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ score: { total: 1, correct: 0 } });
    });

    it.runIf(hasTmux)('a short terminal: the feedback stays until a key; --no-pause goes on at once', async () => {
      const s = start(['quiz', '--seed', 'x', '--no-shuffle'], { data, cols: 40, rows: 12 });
      await waitFor(s, /press A-C/);
      send(s, 'b');
      const fb = await waitFor(s, /for the next\s+question/);
      expect(fb).toContain('Read more: kap explain wide-text');
      await new Promise((r) => setTimeout(r, 1000));
      expect(screen(s)).not.toContain('Question 2 of 2');
      send(s, 'q');
      await waitFor(s, 'Question 2 of 2');
      send(s, 'C-c');
      await waitFor(s, 'EXIT=130');

      const np = start(['quiz', '--seed', 'x', '--no-shuffle', '--no-pause'], { data, cols: 40, rows: 12 });
      await waitFor(np, /press A-C/);
      send(np, 'b');
      await waitFor(np, 'Question 2 of 2');
      expect(screen(np)).not.toContain('any key');
      send(np, 'C-c');
      await waitFor(np, 'EXIT=130');
    });

    it.runIf(hasTmux)('the retry shows the missed question with its choices in another order', async () => {
      const s = start(['quiz', '--seed', 'x', '--no-shuffle', '--count', '1', '--no-pause'], { data, cols: 100 });
      const first = await waitFor(s, /press A-C/);
      const letterOf = (sc: string, text: string) => new RegExp(`([A-C])\\) ${text}`).exec(sc)?.[1];
      expect(letterOf(first, 'NMDA')).toBe('A');
      send(s, 'c');
      await waitFor(s, 'Retry the 1 missed question?');
      send(s, 'y', 'Enter');
      await waitFor(s, 'Question 1 of 1', 30_000);
      const retry = await waitFor(s, /Retry the 1 missed question\?[\s\S]*press A-C/);
      const after = retry.slice(retry.lastIndexOf('Question 1 of 1'));
      expect(letterOf(after, 'NMDA')).not.toBe('A');
      send(s, 'C-c');
      await waitFor(s, 'EXIT=130');
    });
  });
});
