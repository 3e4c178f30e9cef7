/**
 * The built binary in a real pseudo-terminal (tmux): a person answering with a letter and with
 * the arrow keys reaches the score screen; Ctrl+C shows the partial score and exits 130.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { BIN, ROOT } from '../helpers/run-kap.js';
import { fixtureData } from '../helpers/fixture.js';

const SOCKET = `kap-test-${process.pid}`;
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const skip = process.env.KAP_SKIP_PTY === '1';
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

let n = 0;
function start(args: string[]): string {
  const name = `s${++n}`;
  const cmd = `cd ${quote(ROOT)} && env KAP_DATA=${quote(fixtureData())} NO_COLOR=1 ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}; echo "EXIT=$?"; sleep 60`;
  tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '40', cmd);
  return name;
}
const screen = (s: string) => tmux('capture-pane', '-p', '-t', s, '-S', '-300');

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
    tmux('send-keys', '-t', s, 'b');
    await waitFor(s, 'Question 2 of 2');
    const fb = screen(s);
    expect(fb).toMatch(/✗ Incorrect|✓ Correct/);
    expect(fb).toContain('Read more: kap explain');
    tmux('send-keys', '-t', s, 'Down');
    await waitFor(s, /❯ B\) /);
    tmux('send-keys', '-t', s, 'Enter');
    const end = await waitFor(s, 'Retry the');
    expect(end).toMatch(/Score: \d of 2 \(\d+%\)/);
    expect(end).toContain('By topic');
    expect(end).toMatch(/Time: \d+s/);
    tmux('send-keys', '-t', s, 'n', 'Enter');
    await waitFor(s, 'EXIT=0');
  });

  it.runIf(hasTmux)('Ctrl+C ends cleanly with the partial score and exit 130', async () => {
    const s = start(['quiz', '--seed', 'x', '--count', '3']);
    await waitFor(s, 'press A-');
    tmux('send-keys', '-t', s, '1');
    await waitFor(s, 'Question 2 of 3');
    tmux('send-keys', '-t', s, 'C-c');
    const end = await waitFor(s, 'EXIT=');
    expect(end).toContain('Stopped after 1 of 3 questions. Score so far:');
    expect(end).toContain('EXIT=130');
    expect(end).not.toMatch(/\bat .*\.js:\d+|internal error/);
  });

  it.runIf(hasTmux)('present mode: a key reveals the answer', async () => {
    const s = start(['quiz', '--mode', 'present', '--seed', 'x', '--count', '2']);
    await waitFor(s, 'Press Enter or Space to reveal the answer');
    expect(screen(s)).not.toContain('Answer:');
    tmux('send-keys', '-t', s, 'Space');
    await waitFor(s, /Answer: [A-E]\) /);
    tmux('send-keys', '-t', s, 'Enter');
    await waitFor(s, 'Question 2 of 2');
    tmux('send-keys', '-t', s, 'Space');
    await waitFor(s, 'EXIT=0');
  });
});
