/**
 * kap review in a real pseudo-terminal (tmux): a letter marks a choice and Enter confirms; a
 * right answer after changing the mark is rated Hard; arrow keys alone change nothing; the
 * feedback says when the question comes back; Ctrl+C keeps the answers given (exit 130).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { BIN, ROOT } from '../helpers/run-kap.js';
import { fixtureData } from '../helpers/fixture.js';
import { letterFor, logEntries, predict, tempDir } from '../helpers/review.js';

const SOCKET = `kap-review-test-${process.pid}`;
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const skip = process.env.KAP_SKIP_PTY === '1';
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const NOW = '2026-12-01T08:00:00Z';

let n = 0;
function start(dir: string, args: string[]): string {
  const name = `r${++n}`;
  const cmd = `cd ${quote(ROOT)} && env KAP_DATA=${quote(fixtureData())} KAP_DATA_DIR=${quote(dir)} TZ=UTC NO_COLOR=1 ${quote(process.execPath)} ${quote(BIN)} review ${args.map(quote).join(' ')}; echo "EXIT=$?"; sleep 60`;
  tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '50', cmd);
  return name;
}
const screen = (s: string) => tmux('capture-pane', '-p', '-t', s, '-S', '-400');

async function waitFor(s: string, text: string | RegExp, ms = 10_000): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const sc = screen(s);
    if (typeof text === 'string' ? sc.includes(text) : text.test(sc)) return sc;
    if (Date.now() > until) throw new Error(`timed out waiting for ${text} in:\n${sc}`);
    await sleep(100);
  }
}

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
});

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
    tmux('send-keys', '-t', s, letterFor(first!, false).toLowerCase());
    await waitFor(s, 'another letter changes it');
    tmux('send-keys', '-t', s, letterFor(first!, true).toLowerCase());
    await waitFor(s, new RegExp(`❯ ${letterFor(first!, true)}\\) `));
    tmux('send-keys', '-t', s, 'Enter');
    const fb = await waitFor(s, 'Question 2 of 2');
    expect(fb).toContain('✓ Correct');
    expect(fb).toMatch(/Comes back in \d+ minutes? \(rated hard: you changed your answer\)/);
    // Second question: move with the arrows to the key and confirm, no mark: Good.
    const key = 'ABCDE'.indexOf(letterFor(second!, true));
    for (let i = 0; i < key; i++) tmux('send-keys', '-t', s, 'Down');
    await waitFor(s, new RegExp(`❯ ${letterFor(second!, true)}\\) `));
    tmux('send-keys', '-t', s, 'Enter');
    const end = await waitFor(s, 'EXIT=0');
    expect(end).toContain('Reviewed 2: 2 right');
    expect(end.lastIndexOf('not medical advice')).toBeGreaterThan(end.indexOf('Reviewed 2'));
    expect(logEntries(dir).entries.map((e) => e.g)).toEqual([2, 3]);
  });

  it.runIf(hasTmux)('Ctrl+C keeps the answers given and exits 130', async () => {
    const dir = tempDir();
    const s = start(dir, ['--now', NOW, '--seed', 'tty', '--new', '3']);
    await waitFor(s, 'mark · Enter confirm');
    tmux('send-keys', '-t', s, '1', 'Enter');
    await waitFor(s, 'Question 2 of 3');
    tmux('send-keys', '-t', s, 'C-c');
    const end = await waitFor(s, 'EXIT=');
    expect(end).toContain('Stopped after 1 answer (all saved)');
    expect(end).toContain('EXIT=130');
    expect(end).not.toMatch(/\bat .*\.js:\d+|internal error/);
    expect(logEntries(dir).entries.length).toBe(1);
  });
});
