/**
 * kap review in a real pseudo-terminal (tmux): a letter marks a choice and Enter confirms; a
 * right answer after changing the mark is rated Hard; arrow keys alone change nothing; the
 * feedback says when the question comes back; Ctrl+C keeps the answers given (exit 130).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/run-kap.js';
import { fixtureData } from '../helpers/fixture.js';
import { hasTmux, quote, tmuxServer } from '../helpers/tmux.js';
import { letterFor, logEntries, predict, review, tempDir } from '../helpers/review.js';

const skip = process.env.KAP_SKIP_PTY === '1';
const NOW = '2026-12-01T08:00:00Z';
const t = tmuxServer('kap-review-test');
const waitFor = t.waitFor;
const screen = t.screen;
const send = t.keys;

function start(dir: string, args: string[]): string {
  return t.start(`cd ${quote(ROOT)} && env KAP_DATA=${quote(fixtureData())} KAP_DATA_DIR=${quote(dir)} TZ=UTC NO_COLOR=1 ${quote(process.execPath)} ${quote(BIN)} review ${args.map(quote).join(' ')}`);
}

/** A session of three new questions with the first answered: it shows the second. */
async function answeredOneOfThree(dir: string): Promise<string> {
  const s = start(dir, ['--now', NOW, '--seed', 'tty', '--new', '3']);
  await waitFor(s, 'mark · Enter confirm');
  send(s, '1', 'Enter');
  await waitFor(s, 'Question 2 of 3');
  return s;
}

afterAll(t.stop);

describe.skipIf(skip)('kap review in a terminal (tmux)', () => {
  it('needs tmux (install it, or set KAP_SKIP_PTY=1 to skip these tests)', () => {
    expect(hasTmux, 'tmux is not installed: apt-get install -y tmux, or KAP_SKIP_PTY=1').toBe(true);
  });

  it.runIf(hasTmux)('mark, change, confirm: a right answer after a change is Hard; arrows alone are not a change', async () => {
    const dir = tempDir();
    const [first, second] = predict(dir, Date.parse(NOW), 'tty', 2);
    const s = start(dir, ['--now', NOW, '--seed', 'tty', '--new', '2']);
    const q1 = await waitFor(s, 'mark · Enter confirm');
    expect(q1).toContain('not medical advice');
    expect(q1).toContain('Question 1 of 2');
    expect(q1).toContain('· new');
    send(s, letterFor(first!, false).toLowerCase());
    await waitFor(s, 'another letter changes it');
    send(s, letterFor(first!, true).toLowerCase());
    await waitFor(s, new RegExp(`❯ ${letterFor(first!, true)}\\) `));
    send(s, 'Enter');
    const fb = await waitFor(s, 'Question 2 of 2');
    expect(fb).toContain('✓ Correct');
    expect(fb).toMatch(/Comes back in \d+ minutes? \(rated hard: you changed your answer\)/);
    // Second question: move with the arrows to the key and confirm, no mark: Good.
    const key = 'ABCDE'.indexOf(letterFor(second!, true));
    for (let i = 0; i < key; i++) send(s, 'Down');
    await waitFor(s, new RegExp(`❯ ${letterFor(second!, true)}\\) `));
    send(s, 'Enter');
    const end = await waitFor(s, 'EXIT=0');
    expect(end).toContain('Reviewed 2: 2 right');
    expect(end.lastIndexOf('not medical advice')).toBeGreaterThan(end.indexOf('Reviewed 2'));
    expect(logEntries(dir).entries.map((e) => e.g)).toEqual([2, 3]);
  });

  it.runIf(hasTmux)('Ctrl+C keeps the answers given and exits 130', async () => {
    const dir = tempDir();
    const s = await answeredOneOfThree(dir);
    send(s, 'C-c');
    const end = await waitFor(s, 'EXIT=');
    expect(end).toContain('Stopped after 1 answer (all saved)');
    expect(end).toContain('EXIT=130');
    expect(end).not.toMatch(/\bat .*\.js:\d+|internal error/);
    expect(logEntries(dir).entries.length).toBe(1);
  });

  it.runIf(hasTmux)('--reset asks first; no keeps the history, yes moves it aside', async () => {
    const dir = tempDir();
    const a = start(dir, ['--now', NOW, '--new', '1']);
    await waitFor(a, 'mark · Enter confirm');
    send(a, 'Enter');
    await waitFor(a, 'EXIT=0');
    const no = start(dir, ['--reset']);
    await waitFor(no, 'Forget your review history');
    send(no, 'n', 'Enter');
    expect(await waitFor(no, 'EXIT=0')).toContain('nothing was reset');
    expect(logEntries(dir).entries.length).toBe(1);
    const yes = start(dir, ['--reset']);
    await waitFor(yes, 'Forget your review history');
    send(yes, 'y', 'Enter');
    expect(await waitFor(yes, 'EXIT=0')).toContain('review history reset; the old history was moved to');
    expect(logEntries(dir).entries.length).toBe(0);
  });

  it.runIf(hasTmux)('two terminals at once: a question the other answered first is skipped, and the daily limit holds for both', async () => {
    const dir = tempDir();
    // This session shows its first of three new questions; a scripted one answers those three meanwhile.
    const s = start(dir, ['--now', NOW, '--seed', 'tty', '--new', '3']);
    await waitFor(s, 'mark · Enter confirm');
    expect(review(dir, ['--now', NOW, '--new', '3', '--answers', 'A,A,A']).status).toBe(0);
    send(s, '1', 'Enter');
    const end = (await waitFor(s, 'EXIT=')).replace(/\s+/g, ' ');
    expect(end).toContain('EXIT=0');
    expect(end).toContain('Question 2 of 3 ');
    expect(end).toMatch(/Question 2 of 3 [^\n]*· new: skipped, it was answered in another session\./);
    expect(end).toMatch(/Question 3 of 3 [^\n]*· new: skipped, it was answered in another session\./);
    expect(end).toContain('Reviewed 1:');
    const log = logEntries(dir).entries;
    expect(log.length).toBe(4);
    expect(new Set(log.map((e) => e.q)).size).toBe(3);
    // Another topic's new questions count against today's limit too.
    const other = tempDir();
    const a = start(other, ['--now', NOW, '--seed', 'tty', '--new', '2']);
    expect(await waitFor(a, 'mark · Enter confirm')).toContain('Alpha receptor basics');
    expect(review(other, ['--now', NOW, '--new', '2', '--topic', 'beta', '--answers', 'A,A']).status).toBe(0);
    send(a, '1', 'Enter');
    const done = (await waitFor(a, 'EXIT=')).replace(/\s+/g, ' ');
    expect(done).toMatch(/Question 2 of 2 [^\n]*· new: skipped, today's 2 new questions were started, some in another session\./);
    expect(logEntries(other).entries.length).toBe(3);
  });

  it.runIf(hasTmux)('a reset from another terminal mid-session: the session goes on with a new history', async () => {
    const dir = tempDir();
    const s = await answeredOneOfThree(dir);
    expect(review(dir, ['--reset', '--yes']).status).toBe(0);
    send(s, '1', 'Enter');
    await waitFor(s, 'Question 3 of 3');
    send(s, '1', 'Enter');
    const end = await waitFor(s, 'EXIT=');
    expect(end).toContain('EXIT=0');
    expect(end.replace(/\s+/g, ' ')).toContain('was replaced by another kap (a reset?): this session goes on from the new one');
    expect(logEntries(dir).entries.length).toBe(2);
    expect(review(dir, ['--stats', '--json', '--now', NOW]).json.answers).toBe(2);
  });
});
